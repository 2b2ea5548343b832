// Records told in prose, chronologies and short lists, and what is never a record; on
// small documents written for the test.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "records/test_document.h"

namespace acervo {
namespace {

using ::testing::ElementsAre;
using testing_records::Anchors;
using testing_records::TestDocument;

TEST(ProseRecordsTest, EachActivityOfAParagraphIsARecordWithItsOwnFields) {
  TestDocument t(
      "## 2. Relaciones con gobiernos extranjeros\n\n"
      "El 3 de marzo, la alcaldesa se reunió con la embajadora de Chile; el 5 de marzo la "
      "ciudad firmó un convenio de cooperación con la agencia chilena y participó en un "
      "taller de movilidad. Ambas delegaciones revisaron la agenda.\n");
  t.Date("3 de marzo", "2023-03-03");
  t.Date("5 de marzo", "2023-03-05");
  nlohmann::json r = t.Assemble();
  ASSERT_EQ(r.size(), 3u) << r.dump(1);
  EXPECT_EQ(r[0]["kind"], "reunion");
  EXPECT_EQ(r[1]["kind"], "acuerdo");
  EXPECT_EQ(r[2]["kind"], "capacitacion");
  EXPECT_EQ(r[0]["dates"].size(), 1u);
  EXPECT_EQ(r[0]["dates"][0]["start"], "2023-03-03");
  EXPECT_EQ(r[1]["dates"][0]["start"], "2023-03-05");
  EXPECT_EQ(r[2]["form"], "clause");
  EXPECT_NE(r[2]["text"].get<std::string>().find("revisaron la agenda"), std::string::npos);
}

TEST(ProseRecordsTest, PresentationPlansAndReferencesAreNotRecords) {
  TestDocument t(
      "## Presentación\n\n"
      "El 2 de enero la oficina firmó nueve convenios y participó en foros.\n\n"
      "## 1. Redes\n\n"
      "La oficina tiene como objetivo que la ciudad participó en más redes.\n\n"
      "## Bibliografía\n\n"
      "Ramírez, T. (2017). Ciudades que firmaron acuerdos. Editorial Norte.\n");
  t.Date("2 de enero", "2023-01-02");
  nlohmann::json r = t.Assemble();
  EXPECT_TRUE(r.empty()) << r.dump(1);
}

TEST(ProseRecordsTest, TableOfMoneyByGoalGivesNoRecords) {
  TestDocument t(
      "## 3. Resultados del año\n\n"
      "Cuadro 3. Recursos por ODS\n"
      "ODS\tMonto\n"
      "5. Igualdad de género\tUSD 10.000\n"
      "11. Ciudades y comunidades sostenibles\tUSD 30.000\n");
  t.Amount("USD 10.000", "10000", "USD");
  t.Amount("USD 30.000", "30000", "USD");
  nlohmann::json r = t.Assemble();
  EXPECT_TRUE(r.empty()) << r.dump(1);
}

TEST(ProseRecordsTest, BudgetByUnitAndABodyDescribedInThePresentGiveNoRecords) {
  TestDocument t(
      "## 2. Presupuesto\n\n"
      "Cuadro 2. Presupuesto aprobado por unidad responsable\n"
      "Clave\tUnidad responsable\tAprobado\n"
      "1101\tDirección de Obras Públicas\tMXN 118.530.000\n"
      "1102\tDirección de Desarrollo Social\tMXN 27.690.310\n\n"
      "## 3. La cooperación bilateral\n\n"
      "Entre las agencias bilaterales figuran la japonesa y la coreana; la cooperación "
      "alemana actúa por medio de su agencia técnica.\n");
  t.Amount("MXN 118.530.000", "118530000", "MXN");
  t.Amount("MXN 27.690.310", "27690310", "MXN");
  nlohmann::json r = t.Assemble();
  EXPECT_TRUE(r.empty()) << r.dump(1);
}

TEST(ProseRecordsTest, ChronologyEntryTakesTheMonthOfItsHeading) {
  TestDocument t(
      "### 2019\n\n"
      "#### ABRIL\n\n"
      "La ciudad firmó el acuerdo de hermanamiento con una ciudad vecina.\n\n"
      "El 9 de abril se celebró el foro de alcaldes del litoral.\n");
  t.Date("ABRIL", "2019-04-01", "2019-04-30");
  t.Date("9 de abril", "2019-04-09");
  nlohmann::json r = t.Assemble();
  ASSERT_EQ(r.size(), 2u) << r.dump(1);
  EXPECT_EQ(r[0]["dates"][0]["end"], "2019-04-30");
  EXPECT_EQ(r[1]["dates"][0]["start"], "2019-04-09");
  EXPECT_EQ(r[1]["kind"], "evento");
}

TEST(ProseRecordsTest, ItemsOfAListOfActivitiesAreRecords) {
  TestDocument t(
      "## Acuerdos de hermanamiento suscritos\n\n"
      "- Córdoba, Argentina (2018)\n"
      "- Cusco, Perú (2019)\n");
  nlohmann::json r = t.Assemble();
  EXPECT_THAT(Anchors(r), ElementsAre("Córdoba, Argentina (2018)", "Cusco, Perú (2019)"));
  EXPECT_EQ(r[0]["kind"], "acuerdo");
}

TEST(ProseRecordsTest, AChronologyEntryTellsOneActivityPerDatedSentence) {
  TestDocument t(
      "### 2018\n\n"
      "#### Junio\n\n"
      "El 4 de junio la ciudad firmó un convenio con la universidad, que se amplió en "
      "agosto. En julio del mismo año la ciudad se adhirió a la alianza de puertos.\n");
  t.Date("Junio", "2018-06-01", "2018-06-30");
  t.Date("4 de junio", "2018-06-04");
  t.Date("agosto", "2018-08-01", "2018-08-31");
  t.Date("julio del mismo año", "2018-07-01", "2018-07-31");
  nlohmann::json r = t.Assemble();
  ASSERT_EQ(r.size(), 2u) << r.dump(1);
  EXPECT_EQ(r[0]["dates"].size(), 2u);  // the widening in August stays with the agreement
  EXPECT_EQ(r[1]["dates"][0]["start"], "2018-07-01");
}

TEST(ProseRecordsTest, TheReportPresentingItsTableIsNotARecord) {
  TestDocument t(
      "## 1. Convenios por secretaría\n\n"
      "En el periodo las secretarías firmaron los convenios que presenta el cuadro "
      "siguiente.\n\n"
      "Los aportes incluyen recursos en especie; la contrapartida se financió con recursos "
      "propios.\n\n"
      "Secretaría\tAliado\tAporte\n"
      "Salud\tCruz Roja\t$ 10.000\n"
      "Cultura\tFundación Norte\t$ 20.000\n");
  t.Amount("$ 10.000", "10000", "COP");
  t.Amount("$ 20.000", "20000", "COP");
  nlohmann::json r = t.Assemble();
  ASSERT_EQ(r.size(), 2u) << r.dump(1);
  EXPECT_EQ(r[0]["form"], "table_row");
  EXPECT_EQ(r[1]["form"], "table_row");
}

TEST(ProseRecordsTest, NumberedItemsOfMinutesAreRecords) {
  TestDocument t(
      "ACTA DE LA SESIÓN DEL CONCEJO\n\n"
      "PRIMERO.- Convenio con la Universidad del Sur. La secretaria informó sobre el "
      "convenio vigente y el Concejo aprobó su renovación.\n\n"
      "SEGUNDO.- Autorización para suscribir un convenio. El Concejo autoriza al alcalde a "
      "suscribir un convenio con la gobernación.\n\n"
      "TERCERO.- Asuntos varios. Se dio lectura a la correspondencia.\n");
  nlohmann::json r = t.Assemble();
  EXPECT_THAT(Anchors(r), ElementsAre(::testing::StartsWith("PRIMERO.- Convenio con")))
      << r.dump(1);
}

}  // namespace
}  // namespace acervo
