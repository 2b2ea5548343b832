#include "review/corrections.h"

#include <gtest/gtest.h>

#include "records/test_record.h"

namespace acervo::review {
namespace {

using nlohmann::json;

json Extracted() {
  return json::parse(R"({"id": "r-1", "kind": "evento", "title": "Foro de movilidad",
    "dates": [{"start": "2024-03-12", "end": "2024-03-12"}],
    "amounts": [{"amount": "250000", "currency": "MXN", "approximate": false, "role": null}],
    "institutions": [{"name": "Secretaría de Movilidad", "acronym": null}],
    "ods": [], "confidence": 0.41, "status": "needs_review"})");
}

// The effective record of `extracted` (the contract's JSON) under `corrections`.
json Apply(const json& extracted, const std::vector<Correction>& corrections) {
  return ApplyCorrections(test::RecordOf(extracted), corrections);
}

Correction Make(int64_t id, std::string field, json after) {
  Correction c;
  c.id = id;
  c.record_id = "r-1";
  c.field = std::move(field);
  c.after = std::move(after);
  c.reviewer = "ana";
  c.at = "2024-05-01T10:00:00Z";
  return c;
}

TEST(ApplyCorrections, NoCorrectionsLeavesTheRecordAsExtracted) {
  acervo::Record r = test::RecordOf(Extracted());
  EXPECT_EQ(ApplyCorrections(r, {}), RecordToJson(r));
}

TEST(ApplyCorrections, SetsPathsInOrderAndMarksReviewed) {
  json r = Apply(Extracted(),
                 {Make(1, "amounts/0/amount", "300000"), Make(2, "amounts/0/currency", "USD"),
                  Make(3, "kind", "reunion"), Make(4, "kind", "acuerdo")});
  EXPECT_EQ(r["amounts"][0]["amount"], "300000");
  EXPECT_EQ(r["amounts"][0]["currency"], "USD");
  EXPECT_EQ(r["kind"], "acuerdo");
  EXPECT_EQ(r["status"], "reviewed");
  EXPECT_EQ(r["reviewed_by"], "ana");
}

TEST(ApplyCorrections, AppendsAndRemovesArrayElements) {
  json r = Apply(Extracted(), {Make(1, "ods/-", {{"goal", 11}, {"explicit", false}}),
                               Make(2, "dates/0", nullptr)});
  ASSERT_EQ(r["ods"].size(), 1u);
  EXPECT_EQ(r["ods"][0]["goal"], 11);
  EXPECT_TRUE(r["dates"].empty());
}

TEST(ApplyCorrections, UndoCancelsAndUndoOfUndoRestores) {
  std::vector<Correction> cs = {Make(1, "title", "Foro metropolitano"), Make(2, "undo:1", {})};
  json r = Apply(Extracted(), cs);
  EXPECT_EQ(r["title"], "Foro de movilidad");
  EXPECT_EQ(r["status"], "needs_review");  // nothing in force: back in the queue
  cs.push_back(Make(3, "undo:2", {}));
  r = Apply(Extracted(), cs);
  EXPECT_EQ(r["title"], "Foro metropolitano");
  EXPECT_EQ(r["status"], "reviewed");
}

TEST(ApplyCorrections, AcceptPinsTheAcceptedFieldsAgainstANewExtraction) {
  json accepted = {{"kind", "evento"}, {"amounts", Extracted()["amounts"]}};
  json reextracted = Extracted();
  reextracted["amounts"][0]["amount"] = "25";  // a worse plugin misreads it
  reextracted["kind"] = "otro";
  json r = Apply(reextracted, {Make(1, "accept", accepted)});
  EXPECT_EQ(r["amounts"][0]["amount"], "250000");
  EXPECT_EQ(r["kind"], "evento");
}

TEST(ApplyCorrections, RejectAddMentionMergeSplit) {
  json r = Apply(
      Extracted(),
      {Make(1, "reject", true),
       Make(2, "add_mention", {{"type", "ods"}, {"text", "ODS 11"}, {"value", {{"goal", 11}}}}),
       Make(3, "merge", {{"into", "r-2"}}),
       Make(4, "split", {{"parts", json::array({{{"title", "a"}}, {{"title", "b"}}})}})});
  EXPECT_EQ(r["rejected"], true);
  EXPECT_EQ(r["ods"][0]["goal"], 11);
  EXPECT_EQ(r["added_mentions"].size(), 1u);
  EXPECT_EQ(r["merged_into"], "r-2");
  EXPECT_EQ(r["split_into"].size(), 2u);
}

TEST(ApplyCorrections, APathTheNewExtractionLacksIsNotedNotApplied) {
  json r = Apply(Extracted(), {Make(7, "amounts/3/amount", "10")});
  ASSERT_TRUE(r.contains("review_notes"));
  EXPECT_EQ(r["amounts"].size(), 1u);
}

TEST(ValidateChange, AcceptsContractValuesOnly) {
  EXPECT_TRUE(ValidateChange("amounts/0/amount", "1200.50").ok());
  EXPECT_FALSE(ValidateChange("amounts/0/amount", 1200.5).ok());  // never a float
  EXPECT_FALSE(ValidateChange("amounts/0/amount", "1.200,50").ok());
  EXPECT_TRUE(ValidateChange("amounts/0/amount", "-1250000.50").ok());  // a negative sum
  EXPECT_FALSE(ValidateChange("amounts/0/amount", "--5").ok());
  EXPECT_FALSE(ValidateChange("amounts/0/amount", "-").ok());
  EXPECT_TRUE(ValidateChange("amounts/0/currency", nullptr).ok());
  EXPECT_FALSE(ValidateChange("amounts/0/currency", "pesos").ok());
  EXPECT_TRUE(ValidateChange("dates/0/start", "2024-02").ok());
  EXPECT_FALSE(ValidateChange("dates/0/start", "12/02/2024").ok());
  EXPECT_FALSE(ValidateChange("dates/0/start", "2024-13").ok());
  EXPECT_TRUE(ValidateChange("kind", "premio").ok());
  EXPECT_FALSE(ValidateChange("kind", "fiesta").ok());
  EXPECT_FALSE(ValidateChange("ods/0/goal", 18).ok());
  EXPECT_FALSE(ValidateChange("confidence", 1).ok());
  EXPECT_FALSE(ValidateChange("status", "auto").ok());
  EXPECT_TRUE(
      ValidateChange("institutions/-", {{"name", "ONU-Hábitat"}, {"acronym", nullptr}}).ok());
  EXPECT_FALSE(ValidateChange("institutions/-", {{"acronym", "X"}}).ok());
  EXPECT_TRUE(ValidateChange("undo:12", nullptr).ok());
  EXPECT_FALSE(ValidateChange("undo:x", nullptr).ok());
  EXPECT_FALSE(ValidateChange("add_mention", {{"type", "person"}, {"text", "x"}}).ok());
}

TEST(ValidateChange, SplitPartsHoldContractValues) {
  json good = {
      {"title", "Foro"},
      {"kind", "evento"},
      {"text", "El foro."},
      {"dates", {{{"start", "2024-03"}, {"end", "2024-03"}}}},
      {"amounts",
       {{{"amount", "100"}, {"currency", "MXN"}, {"approximate", false}, {"role", nullptr}}}}};
  json other = {{"title", "Taller"}};
  EXPECT_TRUE(ValidateChange("split", {{"parts", {good, other}}}).ok());
  EXPECT_FALSE(ValidateChange("split", {{"parts", {good}}}).ok());  // one part is no split
  json bad_kind = other;
  bad_kind["kind"] = "fiesta";
  Status s = ValidateChange("split", {{"parts", {good, bad_kind}}});
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("split/parts/1: kind:"), std::string::npos) << s.message();
  json bad_amount = good;
  bad_amount["amounts"][0]["amount"] = "1,5";
  EXPECT_FALSE(ValidateChange("split", {{"parts", {other, bad_amount}}}).ok());
  EXPECT_FALSE(ValidateChange("split", {{"parts", {other, "Taller"}}}).ok());
  EXPECT_FALSE(ValidateChange("split", {{"parts", {other, {{"title", ""}}}}}).ok());
}

}  // namespace
}  // namespace acervo::review
