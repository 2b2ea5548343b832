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
  text += "\nEn 2022 la ciudad recibió cooperación por un total de $ 4.500.000,00 de sus aliados.\n";
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

}  // namespace
}  // namespace acervo
