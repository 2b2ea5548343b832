#include "records/record_json.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace acervo {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

// A record as the assembler writes it, with a declared type's list ("probes").
const char kContractRecord[] = R"({
  "id": "r-0123456789ab-003-0007", "kind": "evento", "title": "Semana del Clima",
  "anchor": "Semana del Clima", "text": "Semana del Clima, 24 de septiembre",
  "page_start": 3, "page_end": 4, "form": "section",
  "dates": [{"start": "2020-09-24", "end": "2020-09-24"}],
  "amounts": [{"amount": "20000", "currency": "USD", "approximate": false, "role": null},
              {"amount": "-1234.00", "currency": null, "approximate": true, "role": "aporte"}],
  "institutions": [{"name": "Engie Impact", "acronym": null},
                   {"name": "Secretaría de Relaciones Exteriores", "acronym": "SRE"}],
  "ods": [{"goal": 13, "explicit": false}, {"goal": 11, "explicit": true}],
  "probes": [{"word": "acervo"}],
  "confidence": 0.74, "status": "needs_review"})";

TEST(RecordJsonTest, ReadsTheContractsFieldsIntoMembers) {
  Result<Record> r = RecordFromJson(json::parse(kContractRecord));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->id, "r-0123456789ab-003-0007");
  EXPECT_EQ(r->kind, "evento");
  EXPECT_EQ(r->page_end, 4);
  EXPECT_EQ(r->form, "section");
  ASSERT_EQ(r->amounts.size(), 2u);
  EXPECT_EQ(r->amounts[0].currency, "USD");
  EXPECT_FALSE(r->amounts[0].role.has_value());
  EXPECT_FALSE(r->amounts[1].currency.has_value());
  EXPECT_EQ(r->amounts[1].role, "aporte");
  EXPECT_EQ(r->institutions[1].acronym, "SRE");
  EXPECT_EQ(r->ods[1], (RecordGoal{11, true}));
  EXPECT_EQ(r->declared.at("probes"), json::parse(R"([{"word": "acervo"}])"));
  EXPECT_TRUE(r->extra.empty());
  EXPECT_DOUBLE_EQ(r->confidence, 0.74);
  EXPECT_EQ(r->status, "needs_review");
}

TEST(RecordJsonTest, RoundTripsByteForByte) {
  json in = json::parse(kContractRecord);
  Result<Record> r = RecordFromJson(in);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(RecordToJson(*r).dump(), in.dump());
  Result<Record> again = RecordFromJson(RecordToJson(*r));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *r);
}

TEST(RecordJsonTest, KeepsFieldsItDoesNotKnowAndAReviewersInstitutionId) {
  json in = json::parse(kContractRecord);
  in["institutions"][0]["id"] = "mx.sre";
  in["merged_from"] = {"r-1"};  // not a declarable name: an unknown field, kept
  in["note"] = "x";             // declarable, but not a list
  Result<Record> r = RecordFromJson(in);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->institutions[0].id, "mx.sre");
  EXPECT_EQ(r->extra, json::parse(R"({"merged_from": ["r-1"], "note": "x"})"));
  EXPECT_EQ(RecordToJson(*r).dump(), in.dump());
}

TEST(RecordJsonTest, MissingFieldsTakeDefaultsAndFormStaysOut) {
  Result<Record> r = RecordFromJson(json::parse(R"({"id": "r-1", "title": "T"})"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->kind, "otro");
  EXPECT_EQ(r->status, "auto");
  json out = RecordToJson(*r);
  EXPECT_FALSE(out.contains("form"));
  EXPECT_EQ(out["dates"], json::array());
  EXPECT_EQ(out["page_start"], 1);
}

TEST(RecordJsonTest, AFieldOfTheWrongTypeIsNamed) {
  json in = json::parse(kContractRecord);
  in["amounts"][1]["amount"] = 12.5;
  Result<Record> r = RecordFromJson(in);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("amounts/1/amount: expected text"));
  EXPECT_FALSE(RecordFromJson(json::array()).ok());
  Result<std::vector<Record>> list = RecordsFromJson(json::array({json::object(), in}));
  ASSERT_FALSE(list.ok());
  EXPECT_THAT(list.status().message(), HasSubstr("record 1: amounts/1/amount"));
}

}  // namespace
}  // namespace acervo
