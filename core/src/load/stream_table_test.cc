#include "load/stream_table.h"

#include <gtest/gtest.h>

namespace acervo {
namespace {

LaidLine Line(std::string text) {
  LaidLine l;
  l.text = std::move(text);
  l.table_row = true;
  return l;
}

// A borderless table's total row has empty cells: the layout gives it three fields where the
// rows above have four. Its cells go under the columns they stand in.
TEST(StreamTable, AShortRowTakesItsPlaceInTheColumns) {
  std::vector<LaidLine> lines = {Line("Proyecto\tCooperante\tAporte\tContrapartida"),
                                 Line("Huertas\tKOICA\t640.000\t128.000"),
                                 Line("Total\t3.079.950\t727.990"), Line("Un párrafo.")};
  lines[2].words = {PlacedWord{0, 5, 1}, PlacedWord{6, 15, 1}, PlacedWord{16, 23, 0.5}};
  lines[3].table_row = false;
  std::vector<std::vector<Box>> cells = {
      {Box{72, 0, 150, 10}, Box{160, 0, 250, 10}, Box{260, 0, 330, 10}, Box{340, 0, 420, 10}},
      {Box{72, 20, 130, 30}, Box{160, 20, 200, 30}, Box{270, 20, 330, 30}, Box{350, 20, 420, 30}},
      {Box{72, 40, 100, 50}, Box{262, 40, 330, 50}, Box{352, 40, 420, 50}},
      {}};
  AlignStreamRows(cells, &lines);
  EXPECT_EQ(lines[2].text, "Total\t\t3.079.950\t727.990");
  EXPECT_EQ(lines[2].text.substr(lines[2].words[2].begin, 7), "727.990");
  EXPECT_EQ(lines[0].text, "Proyecto\tCooperante\tAporte\tContrapartida");
  EXPECT_EQ(lines[3].text, "Un párrafo.");
}

// One full row is no grid to go by: nothing moves.
TEST(StreamTable, WithoutTwoFullRowsNothingMoves) {
  std::vector<LaidLine> lines = {Line("a\tb\tc"), Line("d\te")};
  std::vector<std::vector<Box>> cells = {{Box{0, 0, 10, 5}, Box{20, 0, 30, 5}, Box{40, 0, 50, 5}},
                                         {Box{0, 9, 10, 14}, Box{40, 9, 50, 14}}};
  AlignStreamRows(cells, &lines);
  EXPECT_EQ(lines[1].text, "d\te");
}

}  // namespace
}  // namespace acervo
