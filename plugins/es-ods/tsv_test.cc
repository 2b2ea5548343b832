#include "tsv.h"

#include <gtest/gtest.h>

namespace acervo::ods {
namespace {

TEST(TsvTest, SkipsCommentsAndBlankLinesAndTrims) {
  auto rows = ParseTsv("# header\n\nclima\t13\t 2 \r\n  # indented comment\nsalud\t3\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].line, 3);
  EXPECT_EQ(rows[0].fields, (std::vector<std::string>{"clima", "13", "2"}));
  EXPECT_EQ(rows[1].line, 5);
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"salud", "3"}));
}

TEST(TsvTest, MissingFileIsNotFound) {
  auto rows = ReadTsv("/nonexistent/lexicon.tsv");
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().code(), Code::kNotFound);
}

TEST(TsvTest, ParsesNumbersStrictly) {
  double w = 0;
  EXPECT_TRUE(ParseWeight("1.5", &w));
  EXPECT_DOUBLE_EQ(w, 1.5);
  EXPECT_FALSE(ParseWeight("1,5", &w));
  EXPECT_FALSE(ParseWeight("", &w));
  int n = 0;
  EXPECT_TRUE(ParseInt("17", 1, 17, &n));
  EXPECT_FALSE(ParseInt("18", 1, 17, &n));
  EXPECT_FALSE(ParseInt("5a", 1, 17, &n));
}

}  // namespace
}  // namespace acervo::ods
