#include "eval/annotations.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace acervo::eval {
namespace {

using nlohmann::json;
using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

TEST(DocumentStem, StripsFolderExtensionAndVariant) {
  EXPECT_EQ(DocumentStem("004_ab.txt"), "004_ab");
  EXPECT_EQ(DocumentStem("/x/corpus-pdf/004_ab.scan.pdf"), "004_ab");
  EXPECT_EQ(DocumentStem("004_ab.mixed.pdf"), "004_ab");
  EXPECT_EQ(DocumentStem("out/004_ab.json"), "004_ab");
  EXPECT_EQ(DocumentStem("informe.2020.pdf"), "informe.2020");
}

TEST(ReadGold, KeysValuesAndSkipsUnscoredOnes) {
  json gold = json::parse(R"({
    "doc": "x.txt",
    "mentions": [
      {"type": "date", "text": "junio de 2023", "value": {"start": "2023-06", "end": "2023-06"}, "line": 3},
      {"type": "date", "text": "2023", "value": {"start": "2023", "end": "2023"}, "line": 4},
      {"type": "amount", "text": "$ 0,00", "value": {"amount": "0.00", "currency": "MXN"}, "line": 5},
      {"type": "ods", "text": "ODS 4", "value": {"goal": 4, "explicit": true}, "line": 6},
      {"type": "ods", "text": "educación", "value": {"goal": 4, "explicit": false}, "line": 7}
    ],
    "institutions": [{"name": "Secretaría de Educación Pública", "acronym": "SEP", "aliases": ["la SEP"]}],
    "records": []
  })");
  Result<DocAnnotations> a = ReadGold(gold);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->stem, "x");
  ASSERT_EQ(a->dates.size(), 1u);
  EXPECT_EQ(a->dates[0].key, "2023-06..2023-06");
  EXPECT_EQ(a->dates[0].where.line, 3);
  ASSERT_EQ(a->amounts.size(), 1u);
  EXPECT_EQ(a->amounts[0].key, "0 MXN");
  EXPECT_EQ(a->amount_values[0].key, "0");
  ASSERT_EQ(a->ods.size(), 1u);
  EXPECT_EQ(a->ods[0].key, "4");
  ASSERT_EQ(a->institutions.size(), 1u);
  EXPECT_THAT(a->institutions[0].spellings,
              ElementsAre("secretaria de educacion publica", "sep", "la sep"));
}

TEST(ReadGold, RejectsMalformedFiles) {
  EXPECT_FALSE(ReadGold(json::parse(R"({"mentions": []})")).ok());
  EXPECT_FALSE(ReadGold(json::parse(R"({"doc": "a.txt", "mentions": {}})")).ok());
  EXPECT_FALSE(ReadGold(json::parse(R"({"doc": "a.txt", "records": [{"anchor": ""}]})")).ok());
  EXPECT_FALSE(ReadGold(json::parse("[1]")).ok());
}

TEST(ReadPrediction, GroupsInstitutionMentionsIntoOrganisations) {
  json x = json::parse(R"({
    "document": {"source": "a/b/x.pdf"},
    "mentions": [
      {"type": "institution", "text": "SRE", "value": {"name": "Secretaría de Relaciones Exteriores", "acronym": "SRE"}, "page": 2},
      {"type": "institution", "text": "Cancillería", "value": {"name": "Secretaría de Relaciones Exteriores", "acronym": "SRE"}, "page": 3},
      {"type": "institution", "text": "Fundación Luz", "value": {"name": null}, "page": 4},
      {"type": "ods", "text": "salud", "value": {"goal": 3, "explicit": false}},
      {"type": "amount", "text": "mil pesos", "value": {"amount": "1000.50", "currency": null}}
    ],
    "records": [{"kind": "evento", "title": "Foro", "text": "Foro de salud", "page_start": 4,
                 "institutions": [{"name": "Secretaría de Relaciones Exteriores", "acronym": null}]}]
  })");
  Result<DocAnnotations> a = ReadPrediction(x);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->stem, "x");
  ASSERT_EQ(a->institutions.size(), 2u);
  EXPECT_THAT(a->institutions[0].spellings,
              UnorderedElementsAre("secretaria de relaciones exteriores", "sre", "cancilleria"));
  EXPECT_EQ(a->institutions[0].where.page, 2);
  EXPECT_EQ(a->institutions[1].name, "Fundación Luz");
  EXPECT_TRUE(a->ods.empty());  // implicit goals are not mentions
  EXPECT_EQ(a->amounts[0].key, "1000.5 null");
  ASSERT_EQ(a->records.size(), 1u);
  EXPECT_EQ(a->records[0].label, "Foro");
  EXPECT_EQ(a->records[0].text_key, "foro de salud");
  EXPECT_EQ(a->records[0].where.page, 4);
  // The record's institution borrows the spellings seen for it in the document.
  EXPECT_THAT(a->records[0].institutions[0].spellings,
              UnorderedElementsAre("secretaria de relaciones exteriores", "sre", "cancilleria"));
}

}  // namespace
}  // namespace acervo::eval
