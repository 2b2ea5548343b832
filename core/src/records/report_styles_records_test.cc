// Records in styles of reports beyond the activity reports acervo began with: legal acts (a
// council's acuerdo), prose beside lists, a report in the first person, plans and legal
// bases, and page furniture, which never gives one; on small documents written for the test.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "records/test_document.h"

namespace acervo {
namespace {

using ::testing::ElementsAre;
using testing_records::Anchors;
using testing_records::TestDocument;

TEST(ReportStylesTest, AnActGivesItsFinancingDecisionAndItsDebatesNotItsRecitals) {
  TestDocument t(
      "# Acuerdo N.° 7 de 2024 del Concejo Municipal de Tunja\n\n"
      "POR EL CUAL SE AUTORIZA UN EMPRÉSTITO\n\n"
      "## CONSIDERANDO\n\n"
      "Que la Secretaría de Hacienda presentó el 3 de mayo de 2024 el análisis de deuda.\n\n"
      "## ACUERDA\n\n"
      "ARTÍCULO PRIMERO. Autorízase al Alcalde para contratar un empréstito hasta por la suma "
      "de $ 9.000.000.000 para el acueducto.\n\n"
      "ARTÍCULO SEGUNDO. Autorízase al Alcalde para suscribir un convenio con la gobernación.\n\n"
      "Que el presente acuerdo rige desde su publicación.\n\n"
      "CERTIFICO: Que el presente Acuerdo fue aprobado en dos debates, así: primer debate en "
      "la Comisión de Presupuesto, el día 20 de mayo de 2024, y segundo debate en la sesión "
      "plenaria, el día 27 de mayo de 2024.\n");
  t.Date("3 de mayo de 2024", "2024-05-03");
  t.Amount("$ 9.000.000.000", "9000000000", "COP");
  t.Date("20 de mayo de 2024", "2024-05-20");
  t.Date("27 de mayo de 2024", "2024-05-27");
  nlohmann::json r = t.Assemble();
  ASSERT_EQ(r.size(), 3u) << r.dump(1);
  EXPECT_EQ(r[0]["kind"], "financiamiento");
  EXPECT_EQ(r[0]["amounts"].size(), 1u);
  EXPECT_EQ(r[1]["kind"], "reunion");
  EXPECT_EQ(r[1]["dates"][0]["start"], "2024-05-20");
  EXPECT_EQ(r[1]["dates"].size(), 1u);
  EXPECT_EQ(r[2]["dates"][0]["start"], "2024-05-27");
  EXPECT_NE(r[2]["text"].get<std::string>().find("segundo debate"), std::string::npos);
}

TEST(ReportStylesTest, DatedProseBesideAListOfActivitiesIsKept) {
  TestDocument t(
      "## 1. Desarrollo social\n\n"
      "El 14 de marzo de 2023 la municipalidad inauguró el centro comunitario del barrio.\n\n"
      "Además, se desarrollaron las siguientes actividades:\n\n"
      "- Jornada de salud rural, el 6 de mayo de 2023.\n"
      "- Feria del barrio Collico, el 19 de agosto de 2023.\n");
  t.Date("14 de marzo de 2023", "2023-03-14");
  t.Date("6 de mayo de 2023", "2023-05-06");
  t.Date("19 de agosto de 2023", "2023-08-19");
  nlohmann::json r = t.Assemble();
  ASSERT_EQ(r.size(), 3u) << r.dump(1);
  EXPECT_EQ(r[0]["kind"], "evento");
  EXPECT_NE(r[0]["text"].get<std::string>().find("inauguró"), std::string::npos);
}

TEST(ReportStylesTest, AReportInTheFirstPersonOrTheCompoundPast) {
  TestDocument t(
      "## Resultados\n\n"
      "El 3 de abril de 2024 realizamos un taller de huertos con la red vecinal; el 9 de mayo "
      "de 2024 se ha firmado el convenio con la universidad.\n");
  t.Date("3 de abril de 2024", "2024-04-03");
  t.Date("9 de mayo de 2024", "2024-05-09");
  nlohmann::json r = t.Assemble();
  ASSERT_EQ(r.size(), 2u) << r.dump(1);
  EXPECT_EQ(r[0]["kind"], "capacitacion");
  EXPECT_EQ(r[1]["kind"], "acuerdo");
}

TEST(ReportStylesTest, PlansToComeAndLegalBasesAreNotRecords) {
  TestDocument t(
      "## Marco legal\n\n"
      "El 2 de enero de 2020 la fundación firmó su acta constitutiva.\n\n"
      "## Próximas actividades\n\n"
      "El 15 de julio de 2024 se realizará la Feria Gastronómica en la plaza.\n");
  t.Date("2 de enero de 2020", "2020-01-02");
  t.Date("15 de julio de 2024", "2024-07-15");
  nlohmann::json r = t.Assemble();
  EXPECT_TRUE(r.empty()) << r.dump(1);
}

TEST(ReportStylesTest, RunningHeadersRepeatedOnPagesAreNotRecords) {
  TestDocument t(
      "# Estado de ejecución\n\n"
      "### Ejercicio 2024 – Situación al 31 de diciembre de 2024\n\n"
      "### Fecha de emisión: 15 de enero de 2025 – Hoja 1 de 2\n\n"
      "## Foro de presupuesto participativo, 3 de abril de 2024\n\n"
      "La comuna presentó su presupuesto.\n\f"
      "### Ejercicio 2024 – Situación al 31 de diciembre de 2024\n\n"
      "### Fecha de emisión: 15 de enero de 2025 – Hoja 2 de 2\n\n"
      "## Cierre contable\n\n"
      "Sin observaciones.\n");
  t.Date("31 de diciembre de 2024", "2024-12-31", "", 0);
  t.Date("31 de diciembre de 2024", "2024-12-31", "", 1);
  t.Date("15 de enero de 2025", "2025-01-15", "", 0);
  t.Date("15 de enero de 2025", "2025-01-15", "", 1);
  t.Date("3 de abril de 2024", "2024-04-03");
  EXPECT_THAT(Anchors(t.Assemble()),
              ElementsAre("Foro de presupuesto participativo, 3 de abril de 2024"));
}

}  // namespace
}  // namespace acervo
