#include "load/pipe_table.h"

#include <gtest/gtest.h>

namespace acervo {
namespace {

TEST(PipeTable, RowsBecomeTabSeparatedCellsKeepingEmptyOnes) {
  EXPECT_EQ(PipeRowToTabs("| Año | Monto |"), "Año\tMonto");
  EXPECT_EQ(PipeRowToTabs("|  | Total | 5 |  |"), "\tTotal\t5\t");
  EXPECT_EQ(PipeRowToTabs("a | b"), "a\tb");
}

TEST(PipeTable, EscapedPipesStayInTheCell) {
  EXPECT_EQ(PipeRowToTabs(R"(| A \| B | c |)"), "A | B\tc");
  EXPECT_EQ(PipeRowToTabs(R"(| a | b \| |)"), "a\tb |");
}

TEST(PipeTable, FindsHeaderRuleAndBodyUpToABlankLine) {
  std::vector<std::string_view> lines = {
      "Texto con | una barra.", "| ODS | Monto |", "|:---|---:|", "| 5 | 10 |", "| 6 | 12 |", "",
      "| no es tabla |"};
  std::vector<PipeLine> kinds = FindPipeTables(lines);
  std::vector<PipeLine> want = {PipeLine::kNone, PipeLine::kRow,  PipeLine::kRule, PipeLine::kRow,
                                PipeLine::kRow,  PipeLine::kNone, PipeLine::kNone};
  EXPECT_EQ(kinds, want);
}

TEST(PipeTable, AHeaderMustHaveAsManyCellsAsItsRule) {
  std::vector<std::string_view> lines = {"| a | b | c |", "|---|---|"};
  EXPECT_EQ(FindPipeTables(lines), std::vector<PipeLine>(2, PipeLine::kNone));
  std::vector<std::string_view> no_header = {"|---|---|", "| a | b |"};
  EXPECT_EQ(FindPipeTables(no_header), std::vector<PipeLine>(2, PipeLine::kNone));
}

TEST(PipeTable, AWholeTextKeepsItsLinesAndOnlyTablesChange) {
  EXPECT_EQ(
      PipeTablesToTabs("Cuadro 1. x\n| a | b |\n|---|---|\n| 1 \\| 2 | 3 |\n\nFin | de texto"),
      "Cuadro 1. x\na\tb\n\n1 | 2\t3\n\nFin | de texto");
}

}  // namespace
}  // namespace acervo
