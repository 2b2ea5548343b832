#include "eval/report.h"

#include <gtest/gtest.h>

#include <sstream>

namespace acervo::eval {
namespace {

EvalReport TwoDocuments() {
  EvalReport r;
  DocResult a;
  a.stem = "001_a";
  a.scores[Category::kDates] = {3, 1, 0};
  a.diff.push_back({DiffItem::kExtra, Category::kDates, "mayo", "2021-05..2021-05", "", {0, 2}});
  DocResult b;
  b.stem = "002_b";
  b.scores[Category::kDates] = {1, 0, 2};
  b.diff.push_back(
      {DiffItem::kMissed, Category::kDates, "3 de enero", "2021-01-03..2021-01-03", "", {14, 0}});
  r.documents = {a, b};
  Summarize(&r);
  return r;
}

TEST(Report, MicroAverageAddsCounts) {
  EvalReport r = TwoDocuments();
  const Counts& c = r.micro[Category::kDates];
  EXPECT_EQ(c.tp, 4);
  EXPECT_EQ(c.fp, 1);
  EXPECT_EQ(c.fn, 2);
}

TEST(Report, JsonShape) {
  nlohmann::json j = ReportJson(TwoDocuments(), /*with_diff=*/true);
  ASSERT_EQ(j["documents"].size(), 2u);
  const nlohmann::json& dates = j["micro"]["dates"];
  EXPECT_EQ(dates["tp"], 4);
  EXPECT_EQ(dates["gold"], 6);
  EXPECT_EQ(dates["predicted"], 5);
  EXPECT_DOUBLE_EQ(dates["precision"].get<double>(), 0.8);
  EXPECT_TRUE(j["micro"]["amounts"]["f1"].is_null());
  EXPECT_TRUE(j["micro"]["record_kind"]["accuracy"].is_null());
  const nlohmann::json& miss = j["documents"][1]["diff"][0];
  EXPECT_EQ(miss["kind"], "missed");
  EXPECT_EQ(miss["category"], "dates");
  EXPECT_EQ(miss["line"], 14);
  EXPECT_FALSE(miss.contains("page"));
  EXPECT_FALSE(ReportJson(TwoDocuments(), false)["documents"][0].contains("diff"));
}

TEST(Report, HumanOutput) {
  std::ostringstream table, diff;
  PrintTable(TwoDocuments(), table);
  PrintDiff(TwoDocuments(), diff);
  EXPECT_NE(table.str().find("micro-average over 2 documents"), std::string::npos);
  EXPECT_NE(table.str().find("0.800"), std::string::npos);
  EXPECT_NE(diff.str().find("EXTRA"), std::string::npos);
  EXPECT_NE(diff.str().find("p. 2"), std::string::npos);
  EXPECT_NE(diff.str().find("line 14"), std::string::npos);
  EXPECT_NE(diff.str().find("\"3 de enero\""), std::string::npos);
}

}  // namespace
}  // namespace acervo::eval
