#include "records/reconcile.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "records/test_document.h"

namespace acervo {
namespace {

using ::testing::HasSubstr;
using testing_records::TestDocument;

constexpr char kTable[] =
    "## Cooperación por sector\n\n"
    "CUADRO 5. APORTES 2022\n"
    "SECTOR\tALIADO\tVALOR APORTE\n"
    "Salud\tFundación Norte\t$ 1.000.000,00\n"
    "Salud\tBanco del Sur\t$ 2.500.000,00\n"
    "Sub Total\t\t$ 3.500.000,00\n"
    "Cultura\tInstituto Lumen\t$ 700.000,00\n"
    "Sub Total\t\t$ 800.000,00\n"
    "TOTAL GENERAL\t\t$ 4.200.000,00\n";

void AddAmounts(TestDocument* t) {
  t->Amount("$ 1.000.000,00", "1000000.00", "COP");
  t->Amount("$ 2.500.000,00", "2500000.00", "COP");
  t->Amount("$ 3.500.000,00", "3500000.00", "COP");
  t->Amount("$ 700.000,00", "700000.00", "COP");
  t->Amount("$ 800.000,00", "800000.00", "COP");
  t->Amount("$ 4.200.000,00", "4200000.00", "COP");
}

TEST(ReconcileTest, SubtotalThatDisagreesIsReportedWithBothFigures) {
  TestDocument t(kTable);
  AddAmounts(&t);
  std::vector<std::string> warnings;
  t.Assemble(&warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_THAT(warnings[0], HasSubstr("Sub Total"));
  EXPECT_THAT(warnings[0], HasSubstr("states 800000"));
  EXPECT_THAT(warnings[0], HasSubstr("add up to 700000"));
  EXPECT_THAT(warnings[0], HasSubstr("CUADRO 5"));
}

TEST(ReconcileTest, ConsistentTableGivesNoWarning) {
  std::string text = kTable;
  text.replace(text.find("$ 800.000,00"), 12, "$ 700.000,00");
  text.replace(text.find("$ 4.200.000,00"), 14, "$ 4.200.000,00");
  TestDocument t(text);
  t.Amount("$ 1.000.000,00", "1000000.00", "COP");
  t.Amount("$ 2.500.000,00", "2500000.00", "COP");
  t.Amount("$ 3.500.000,00", "3500000.00", "COP");
  t.Amount("$ 700.000,00", "700000.00", "COP");
  t.Amount("$ 700.000,00", "700000.00", "COP", 1);
  t.Amount("$ 4.200.000,00", "4200000.00", "COP");
  std::vector<std::string> warnings;
  nlohmann::json r = t.Assemble(&warnings);
  EXPECT_TRUE(warnings.empty()) << warnings.front();
  EXPECT_EQ(r.size(), 3u);  // the data rows; subtotal and total rows are not records
}

TEST(ReconcileTest, TotalRowIsCheckedAgainstAllDataRows) {
  std::string text = kTable;
  text.replace(text.find("$ 4.200.000,00"), 14, "$ 4.300.000,00");
  text.replace(text.find("$ 800.000,00"), 12, "$ 700.000,00");
  TestDocument t(text);
  t.Amount("$ 1.000.000,00", "1000000.00", "COP");
  t.Amount("$ 2.500.000,00", "2500000.00", "COP");
  t.Amount("$ 3.500.000,00", "3500000.00", "COP");
  t.Amount("$ 700.000,00", "700000.00", "COP");
  t.Amount("$ 700.000,00", "700000.00", "COP", 1);
  t.Amount("$ 4.300.000,00", "4300000.00", "COP");
  std::vector<std::string> warnings;
  t.Assemble(&warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_THAT(warnings[0], HasSubstr("TOTAL GENERAL"));
  EXPECT_THAT(warnings[0], HasSubstr("states 4300000"));
  EXPECT_THAT(warnings[0], HasSubstr("add up to 4200000"));
  EXPECT_THAT(warnings[0], HasSubstr("difference 100000"));
}

TEST(ReconcileTest, ProseThatRestatesADifferentTotalIsReported) {
  std::string text = kTable;
  text.replace(text.find("$ 800.000,00"), 12, "$ 700.000,00");
  text +=
      "\nEn 2022 la ciudad recibió cooperación por un total de $ 4.500.000,00 de sus aliados.\n";
  TestDocument t(text);
  t.Amount("$ 1.000.000,00", "1000000.00", "COP");
  t.Amount("$ 2.500.000,00", "2500000.00", "COP");
  t.Amount("$ 3.500.000,00", "3500000.00", "COP");
  t.Amount("$ 700.000,00", "700000.00", "COP");
  t.Amount("$ 700.000,00", "700000.00", "COP", 1);
  t.Amount("$ 4.200.000,00", "4200000.00", "COP");
  t.Amount("$ 4.500.000,00", "4500000.00", "COP");
  std::vector<std::string> warnings;
  t.Assemble(&warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_THAT(warnings[0], HasSubstr("text states a total of 4500000"));
  EXPECT_THAT(warnings[0], HasSubstr("states 4200000"));
}

TEST(ReconcileTest, ProseTotalAgreesWithATableInMillionsAtItsPrecision) {
  TestDocument t(
      "## Recursos\n\n"
      "Cuadro 2. Aportes por aliado (cifras en millones de pesos)\n"
      "ALIADO\tVALOR APORTE\n"
      "Fundación Norte\t$ 1.250,4\n"
      "Banco del Sur\t$ 2.100,0\n"
      "TOTAL\t$ 3.350,4\n\n"
      "En el año se recibieron recursos por un total de $ 3.350.412.870 de los aliados.\n");
  t.Amount("$ 1.250,4", "1250400000", "COP");
  t.Amount("$ 2.100,0", "2100000000", "COP");
  t.Amount("$ 3.350,4", "3350400000", "COP");
  t.Amount("$ 3.350.412.870", "3350412870", "COP");
  std::vector<std::string> warnings;
  t.Assemble(&warnings);
  EXPECT_TRUE(warnings.empty()) << warnings.front();
}

TEST(ReconcileTest, SumStatedInASentenceThatDoesNotAddUpIsReported) {
  TestDocument t(
      "## Financiamiento\n\n"
      "El banco aportó USD 48.350.000 y la ciudad USD 12.400.000, para un total de "
      "USD 60.810.000 destinados al proyecto.\n");
  t.Amount("USD 48.350.000", "48350000", "USD");
  t.Amount("USD 12.400.000", "12400000", "USD");
  t.Amount("USD 60.810.000", "60810000", "USD");
  std::vector<std::string> warnings;
  t.Assemble(&warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_THAT(warnings[0], HasSubstr("total of 60810000"));
  EXPECT_THAT(warnings[0], HasSubstr("48350000 + 12400000, make 60750000"));
  EXPECT_THAT(warnings[0], HasSubstr("difference 60000"));
}

TEST(ReconcileTest, SentenceWithUnrelatedFiguresIsNotASum) {
  TestDocument t(
      "## Financiamiento\n\n"
      "Se firmaron acuerdos por USD 5.000 y USD 7.000, en total USD 90.000 con otros.\n");
  t.Amount("USD 5.000", "5000", "USD");
  t.Amount("USD 7.000", "7000", "USD");
  t.Amount("USD 90.000", "90000", "USD");
  std::vector<std::string> warnings;
  t.Assemble(&warnings);
  EXPECT_TRUE(warnings.empty()) << warnings.front();
}

TEST(ReconcileTest, TextFigureThatNearlyEqualsTheRowItNamesIsReported) {
  TestDocument t(
      "## Recursos por eje\n\n"
      "Cuadro 2. Recursos por eje (miles de dólares)\n"
      "EJE\tVALOR TOTAL\n"
      "Movilidad sostenible\tUSD 2.220,0\n"
      "Gestión de riesgos\tUSD 410,5\n\n"
      "El eje de movilidad sostenible movilizó USD 2.219.500 en el año, y gestión de riesgos "
      "USD 410.520.\n");
  t.Amount("USD 2.220,0", "2220000", "USD");
  t.Amount("USD 410,5", "410500", "USD");
  t.Amount("USD 2.219.500", "2219500", "USD");
  t.Amount("USD 410.520", "410520", "USD");
  std::vector<std::string> warnings;
  t.Assemble(&warnings);
  ASSERT_EQ(warnings.size(), 1u) << warnings.back();
  EXPECT_THAT(warnings[0], HasSubstr("gives 2219500"));
  EXPECT_THAT(warnings[0], HasSubstr("gives 2220000"));
  EXPECT_THAT(warnings[0], HasSubstr("difference -500"));
}

// A total row whose label cell a reader dropped sits one cell left of the columns it totals.
std::string ProjectsTable(const char* total_aporte, const char* total) {
  return std::string(
             "CUADRO 2. PROYECTOS 2022\n"
             "N.\tALIADO\tAPORTE\tCONTRAPARTE\tTOTAL\n"
             "1\tFundación Norte\t$ 100,00\t$ 10,00\t$ 110,00\n"
             "2\tBanco del Sur\t$ 200,00\t$ 20,00\t$ 220,00\n"
             "Total cartera\t") +
         total_aporte + "\t$ 30,00\t" + total + "\n";
}

void AddProjectAmounts(TestDocument* t) {
  t->Amount("$ 100,00", "100.00", "USD");
  t->Amount("$ 10,00", "10.00", "USD");
  t->Amount("$ 110,00", "110.00", "USD");
  t->Amount("$ 200,00", "200.00", "USD");
  t->Amount("$ 20,00", "20.00", "USD");
  t->Amount("$ 220,00", "220.00", "USD");
  t->Amount("$ 30,00", "30.00", "USD");
}

TEST(ReconcileTest, ATotalRowThatLostItsLabelCellStillLinesUp) {
  TestDocument t(ProjectsTable("$ 300,00", "$ 330,00"));
  AddProjectAmounts(&t);
  t.Amount("$ 300,00", "300.00", "USD");
  t.Amount("$ 330,00", "330.00", "USD");
  std::vector<std::string> warnings;
  t.Assemble(&warnings);
  EXPECT_TRUE(warnings.empty()) << warnings.front();
}

TEST(ReconcileTest, AShiftedTotalThatDisagreesIsReportedInItsOwnColumn) {
  TestDocument t(ProjectsTable("$ 300,00", "$ 331,00"));
  AddProjectAmounts(&t);
  t.Amount("$ 300,00", "300.00", "USD");
  t.Amount("$ 331,00", "331.00", "USD");
  std::vector<std::string> warnings;
  t.Assemble(&warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_THAT(warnings[0], HasSubstr("states 331 in “TOTAL”"));
  EXPECT_THAT(warnings[0], HasSubstr("add up to 330"));
}

TEST(ReconcileTest, ATotalRowWhoseFiguresAgreeWithNoColumnIsMisreadNotReported) {
  // Figures a reader ran together or took from another table: none matches any column.
  TestDocument t(ProjectsTable("$ 900,00", "$ 990,00"));
  AddProjectAmounts(&t);
  t.Amount("$ 900,00", "900.00", "USD");
  t.Amount("$ 990,00", "990.00", "USD");
  std::vector<std::string> warnings;
  t.Assemble(&warnings);
  // "$ 30,00" still agrees with CONTRAPARTE once shifted, so the row lines up and its two
  // wrong figures are reported; only a row with no agreeing figure at all is left alone.
  EXPECT_EQ(warnings.size(), 2u);
}

TEST(ReconcileTest, ARowOfFiguresThatAgreeWithNothingGivesNoWarning) {
  TestDocument t(
      "CUADRO 4. EJECUCIÓN\n"
      "PROGRAMA\tVIGENTE\tPAGADO\n"
      "Salud\t$ 100,00\t$ 90,00\n"
      "Cultura\t$ 50,00\t$ 40,00\n"
      "TOTAL GENERAL\t$ 7.777,00\t$ 8.888,00\n");
  t.Amount("$ 100,00", "100.00", "CLP");
  t.Amount("$ 90,00", "90.00", "CLP");
  t.Amount("$ 50,00", "50.00", "CLP");
  t.Amount("$ 40,00", "40.00", "CLP");
  t.Amount("$ 7.777,00", "7777.00", "CLP");
  t.Amount("$ 8.888,00", "8888.00", "CLP");
  std::vector<std::string> warnings;
  t.Assemble(&warnings);
  EXPECT_TRUE(warnings.empty()) << warnings.front();
}

}  // namespace
}  // namespace acervo
