#include "acervo/tsv.h"

#include <gtest/gtest.h>

namespace acervo {
namespace {

Result<std::vector<TsvRow>> Parse(std::string_view text) { return ParseTsv(text, "test.tsv"); }

TEST(TsvTest, SkipsCommentsAndBlankLinesAndTrims) {
  auto rows = Parse("# header\n\nclima\t13\t 2 \r\n  # indented comment\nsalud\t3\n");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].line, 3);
  EXPECT_EQ((*rows)[0].fields, (std::vector<std::string>{"clima", "13", "2"}));
  EXPECT_EQ((*rows)[1].line, 5);
  EXPECT_EQ((*rows)[1].fields, (std::vector<std::string>{"salud", "3"}));
}

TEST(TsvTest, KeepsEmptyFieldsAndALastLineWithoutNewline) {
  auto rows = Parse("a\t\tc\nb");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].fields, (std::vector<std::string>{"a", "", "c"}));
  EXPECT_EQ((*rows)[1].line, 2);
  EXPECT_EQ((*rows)[1].fields, (std::vector<std::string>{"b"}));
}

TEST(TsvTest, InvalidUtf8IsCorruptNamingTheLine) {
  auto rows = Parse("ok\tfine\nmal\t\xff\n");
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().code(), Code::kCorrupt);
  EXPECT_NE(rows.status().message().find("test.tsv:2"), std::string::npos);
}

TEST(TsvTest, MissingFileIsNotFound) {
  auto rows = ReadTsv("/nonexistent/lexicon.tsv");
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().code(), Code::kNotFound);
}

TEST(TsvTest, SplitsAFieldKeepingEmptyPieces) {
  EXPECT_EQ(SplitField("a|b||c", '|'), (std::vector<std::string>{"a", "b", "", "c"}));
  EXPECT_EQ(SplitField("", '|'), (std::vector<std::string>{""}));
}

TEST(TsvTest, ParsesNumbersStrictly) {
  double w = 0;
  EXPECT_TRUE(ParseDoubleField("1.5", &w));
  EXPECT_DOUBLE_EQ(w, 1.5);
  EXPECT_FALSE(ParseDoubleField("1,5", &w));
  EXPECT_FALSE(ParseDoubleField("", &w));
  int n = 0;
  EXPECT_TRUE(ParseIntField("17", 1, 17, &n));
  EXPECT_EQ(n, 17);
  EXPECT_FALSE(ParseIntField("18", 1, 17, &n));
  EXPECT_FALSE(ParseIntField("5a", 1, 17, &n));
}

}  // namespace
}  // namespace acervo
