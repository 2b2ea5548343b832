#include "eval/scorer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace acervo::eval {
namespace {

using nlohmann::json;

json ReadJson(const std::string& name) {
  std::ifstream in(std::string(ACERVO_SOURCE_DIR "/core/src/eval/testdata/") + name);
  std::stringstream s;
  s << in.rdbuf();
  return json::parse(s.str());
}

void ExpectCounts(const Counts& c, int64_t tp, int64_t fp, int64_t fn) {
  EXPECT_EQ(c.tp, tp);
  EXPECT_EQ(c.fp, fp);
  EXPECT_EQ(c.fn, fn);
}

class ScorerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<DocAnnotations> gold = ReadGold(ReadJson("gold_sample.json"));
    Result<DocAnnotations> pred = ReadPrediction(ReadJson("pred_sample.json"));
    ASSERT_TRUE(gold.ok()) << gold.status().message();
    ASSERT_TRUE(pred.ok()) << pred.status().message();
    ASSERT_EQ(gold->stem, pred->stem);
    result_ = ScoreDocument(*gold, *pred);
  }

  int CountDiff(DiffItem::Kind kind, Category category) const {
    int n = 0;
    for (const DiffItem& d : result_.diff) n += d.kind == kind && d.category == category;
    return n;
  }

  DocResult result_;
};

TEST_F(ScorerTest, DatesMatchOnStartAndEndAsAMultiset) {
  // Both ends must agree (a range cut to its first day is a miss and an extra), a date
  // written twice must be found twice, and year-only predictions are not counted.
  ExpectCounts(result_.scores[Category::kDates], 2, 1, 2);
}

TEST_F(ScorerTest, AmountsMatchExactDecimalsWithAndWithoutCurrency) {
  ExpectCounts(result_.scores[Category::kAmounts], 1, 2, 1);
  ExpectCounts(result_.scores[Category::kAmountValues], 2, 1, 0);
}

TEST_F(ScorerTest, OnlyExplicitGoalsAreMentions) {
  ExpectCounts(result_.scores[Category::kOds], 1, 0, 0);
}

TEST_F(ScorerTest, InstitutionsMatchOnAnySpellingOnce) {
  // "APC Colombia" is an alias of the agency; both spellings of the city government are one
  // organisation; the bank is missed; the UN is extra.
  ExpectCounts(result_.scores[Category::kInstitutions], 2, 1, 1);
}

TEST_F(ScorerTest, RecordsAreFoundByAnchorContainment) {
  ExpectCounts(result_.scores[Category::kRecords], 2, 1, 1);
  ExpectCounts(result_.scores[Category::kRecordDates], 1, 0, 0);
  ExpectCounts(result_.scores[Category::kRecordAmounts], 1, 0, 0);
  ExpectCounts(result_.scores[Category::kRecordInstitutions], 1, 0, 1);
  ExpectCounts(result_.scores[Category::kRecordOds], 2, 1, 0);
  ExpectCounts(result_.scores[Category::kRecordFields], 5, 1, 1);
  EXPECT_EQ(result_.scores.kind.hits, 1);
  EXPECT_EQ(result_.scores.kind.total, 2);
}

TEST_F(ScorerTest, DiffListsEveryMissAndExtraWithItsPlace) {
  EXPECT_EQ(CountDiff(DiffItem::kMissed, Category::kDates), 2);
  EXPECT_EQ(CountDiff(DiffItem::kExtra, Category::kDates), 1);
  EXPECT_EQ(CountDiff(DiffItem::kWrongKind, Category::kRecords), 1);
  bool saw_second_april = false;
  for (const DiffItem& d : result_.diff) {
    if (d.kind == DiffItem::kMissed && d.category == Category::kDates && d.text == "abril") {
      EXPECT_EQ(d.where.line, 9);
      saw_second_april = true;
    }
    if (d.kind == DiffItem::kExtra && d.category == Category::kDates) {
      EXPECT_EQ(d.value, "2022-05-10..2022-05-10");
      EXPECT_EQ(d.where.page, 1);
    }
  }
  EXPECT_TRUE(saw_second_april);
}

TEST(Counts, RatiosAndEmptyCases) {
  Counts c{3, 1, 2};
  EXPECT_DOUBLE_EQ(*c.precision(), 0.75);
  EXPECT_DOUBLE_EQ(*c.recall(), 0.6);
  EXPECT_DOUBLE_EQ(*c.f1(), 6.0 / 9.0);
  Counts none;
  EXPECT_FALSE(none.precision().has_value());
  EXPECT_FALSE(none.f1().has_value());
  Counts only_extras{0, 4, 0};
  EXPECT_DOUBLE_EQ(*only_extras.precision(), 0);
  EXPECT_FALSE(only_extras.recall().has_value());
  EXPECT_DOUBLE_EQ(*only_extras.f1(), 0);
}

TEST(ScoreDocument, PerfectPredictionScoresOne) {
  Result<DocAnnotations> gold = ReadGold(ReadJson("gold_sample.json"));
  ASSERT_TRUE(gold.ok());
  DocAnnotations pred = *gold;
  for (RecordItem& r : pred.records) r.text_key += " y algo mas";
  DocResult r = ScoreDocument(*gold, pred);
  for (int i = 0; i < kCategoryCount; ++i) {
    const Counts& c = r.scores.counts[i];
    EXPECT_EQ(c.fp + c.fn, 0) << CategoryName(static_cast<Category>(i));
  }
  EXPECT_TRUE(r.diff.empty());
}

TEST(ScoreDocument, RecordConfidenceAucAndAutoPrecision) {
  Result<DocAnnotations> gold = ReadGold(ReadJson("gold_sample.json"));
  ASSERT_TRUE(gold.ok());
  ASSERT_FALSE(gold->records.empty());
  DocAnnotations pred = *gold;
  for (RecordItem& r : pred.records) r.confidence = 0.9, r.status = "auto";
  RecordItem wrong;
  wrong.text_key = "nada que ver";
  wrong.confidence = 0.4;
  wrong.status = "needs_review";
  pred.records.push_back(wrong);
  DocResult r = ScoreDocument(*gold, pred);
  EXPECT_DOUBLE_EQ(*r.scores.ConfidenceAuc(), 1.0);
  EXPECT_EQ(r.scores.auto_precision.hits, static_cast<int64_t>(gold->records.size()));
  EXPECT_EQ(r.scores.auto_precision.total, static_cast<int64_t>(gold->records.size()));
  pred.records.back().confidence = 0.9;  // as sure as the right ones: no signal
  EXPECT_DOUBLE_EQ(*ScoreDocument(*gold, pred).scores.ConfidenceAuc(), 0.5);
  EXPECT_FALSE(Scores().ConfidenceAuc().has_value());
}

TEST(Category, NamesRoundTrip) {
  for (int i = 0; i < kCategoryCount; ++i) {
    Category c;
    ASSERT_TRUE(ParseCategory(CategoryName(static_cast<Category>(i)), &c));
    EXPECT_EQ(static_cast<int>(c), i);
  }
  Category c;
  EXPECT_FALSE(ParseCategory("fechas", &c));
}

}  // namespace
}  // namespace acervo::eval
