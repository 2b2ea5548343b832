// CSV export must hand a spreadsheet text, never a formula, whatever a document says.
#include "export/record_csv.h"

#include <gtest/gtest.h>

namespace acervo {
namespace {

TEST(CsvFieldTest, QuotesOnlyWhatNeedsQuoting) {
  EXPECT_EQ(CsvField("Reunión con ONU-Hábitat"), "Reunión con ONU-Hábitat");
  EXPECT_EQ(CsvField("a, b"), "\"a, b\"");
  EXPECT_EQ(CsvField("dijo \"sí\""), "\"dijo \"\"sí\"\"\"");
}

TEST(CsvFieldTest, FormulaCellsAreMadeInert) {
  EXPECT_EQ(CsvField("=HYPERLINK(\"http://x\";\"clic\")"),
            "\"'=HYPERLINK(\"\"http://x\"\";\"\"clic\"\")\"");
  EXPECT_EQ(CsvField("+1+1"), "'+1+1");
  EXPECT_EQ(CsvField("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvField("-cmd|' /C calc'!A0"), "'-cmd|' /C calc'!A0");
  EXPECT_EQ(CsvField("\t=1"), "'\t=1");
  EXPECT_EQ(CsvField("\r=1"), "\"'\r=1\"");
  EXPECT_EQ(CsvField("-"), "'-");
}

TEST(CsvFieldTest, SignedAmountsStayNumbers) {
  EXPECT_EQ(CsvField("-1250000.50"), "-1250000.50");
  EXPECT_EQ(CsvField("-3 | 12.00"), "-3 | 12.00");
  EXPECT_FALSE(StartsLikeAFormula("1250000.50"));
}

TEST(CsvRowTest, ARecordWhoseTitleIsAFormulaExportsNoFormulaCell) {
  nlohmann::json record = {{"id", "r-1"},
                           {"kind", "otro"},
                           {"title", "=HYPERLINK(\"x\")"},
                           {"anchor", "@cmd"},
                           {"amounts", nlohmann::json::array()}};
  std::string row = CsvRow(record);
  // No field of the row starts with a formula character once parsed.
  EXPECT_EQ(row.find(",="), std::string::npos);
  EXPECT_EQ(row.find(",\"="), std::string::npos);
  EXPECT_EQ(row.find(",@"), std::string::npos);
  EXPECT_NE(row.find("'@cmd"), std::string::npos);
}

}  // namespace
}  // namespace acervo
