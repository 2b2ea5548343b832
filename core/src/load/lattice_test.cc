#include "load/lattice.h"

#include <gtest/gtest.h>

namespace acervo {
namespace {

Ruling H(double y, double x0, double x1) { return Ruling{true, y, x0, x1}; }
Ruling V(double x, double y0, double y1) { return Ruling{false, x, y0, y1}; }

Word W(std::string text, double x0, double y0, bool space_after = true) {
  Word w;
  w.text = std::move(text);
  w.box = Box{x0, y0, x0 + 6.0 * static_cast<double>(w.text.size()), y0 + 10};
  w.font_size = 10;
  w.space_after = space_after;
  return w;
}

// A 3-column, 3-row grid from x 100 to 400 and y 100 to 190, each cell edge drawn as its own
// piece (as browsers draw collapsed borders).
std::vector<Ruling> Grid() {
  std::vector<Ruling> r;
  for (double y : {100.0, 130.0, 160.0, 190.0}) {
    for (double x : {100.0, 200.0, 300.0}) r.push_back(H(y, x, x + 100));
  }
  for (double x : {100.0, 200.0, 300.0, 400.0}) {
    for (double y : {100.0, 130.0, 160.0}) r.push_back(V(x, y, y + 30));
  }
  return r;
}

TEST(Lattice, CrossingRulingsMakeAGrid) {
  std::vector<LatticeTable> tables = FindLatticeTables(Grid());
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].xs, (std::vector<double>{100, 200, 300, 400}));
  EXPECT_EQ(tables[0].ys, (std::vector<double>{100, 130, 160, 190}));
  EXPECT_EQ(tables[0].cells.size(), 9u);
}

TEST(Lattice, AMissingLineSpansTheCell) {
  std::vector<Ruling> r;
  for (const Ruling& g : Grid()) {
    // No line between columns 0 and 1 in the first row; none between rows 1 and 2 in column 2.
    if (!g.horizontal && g.at == 200 && g.from == 100) continue;
    if (g.horizontal && g.at == 160 && g.from == 300) continue;
    r.push_back(g);
  }
  std::vector<LatticeTable> tables = FindLatticeTables(r);
  ASSERT_EQ(tables.size(), 1u);
  ASSERT_EQ(tables[0].cells.size(), 7u);
  EXPECT_EQ(tables[0].cells[0].col_span, 2);
  const LatticeCell& tall = tables[0].cells[4];  // row 1: (1,0) (1,1) (1,2)...
  EXPECT_EQ(tall.col, 2);
  EXPECT_EQ(tall.row_span, 2);
}

// A scanned grid's lines come off the image in pieces: a gap where the middle of a cell's
// side lies, and a piece that touches no crossing line. The sides are still drawn.
TEST(Lattice, ABrokenLineOfAScanStillSeparatesItsCells) {
  std::vector<Ruling> r;
  for (const Ruling& g : Grid()) {
    if (!g.horizontal && g.at == 200 && g.from == 130) {
      r.push_back(V(200, 130, 142)), r.push_back(V(201, 149, 160));  // gap over y 145
    } else if (g.horizontal && g.at == 160 && g.from == 200) {
      r.push_back(H(160, 200, 205)), r.push_back(H(160.5, 210, 290)), r.push_back(H(160, 295, 300));
    } else {
      r.push_back(g);
    }
  }
  std::vector<LatticeTable> tables = FindLatticeTables(r);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].cells.size(), 9u);
}

// A label spanning two rows beside a line broken in the second one: the broken side would
// make the cells an L, which no cell is. The label keeps its rows and the neighbour row its
// own cells.
TEST(Lattice, ASpannedLabelBesideABrokenLineKeepsItsNeighbourRow) {
  std::vector<Ruling> r;
  for (const Ruling& g : Grid()) {
    if (g.horizontal && g.at == 160 && g.from == 100) continue;   // label spans rows 1-2
    if (!g.horizontal && g.at == 200 && g.from == 160) continue;  // broken beside row 2
    r.push_back(g);
  }
  std::vector<Word> words = {
      W("Uno", 105, 103),         W("Dos", 205, 103),    W("Tres", 305, 103, false),
      W("Secretaría", 105, 135),  W("Cuatro", 205, 135), W("Cinco", 305, 135, false),
      W("de Ambiente", 105, 165), W("Seis", 205, 165),   W("Siete", 305, 165, false)};
  std::vector<LaidLine> lines = LayOutWithTables(words, FindLatticeTables(r));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[1].text, "Secretaría de Ambiente\tCuatro\tCinco");
  EXPECT_EQ(lines[2].text, "\tSeis\tSiete");
}

TEST(Lattice, AFrameOrAnUnderlineIsNoTable) {
  EXPECT_TRUE(FindLatticeTables({H(50, 50, 550), H(700, 50, 550), V(50, 50, 700), V(550, 50, 700),
                                 H(300, 60, 200)})
                  .empty());
}

TEST(Lattice, WrappedCellsDoNotInterleave) {
  // Poppler reads the first row line by line across its cells.
  std::vector<Word> words = {W("Antes.", 100, 80, false),
                             W("SECRETARÍA", 105, 103),
                             W("DE", 175, 103),
                             W("FUNDACIÓN", 205, 103),
                             W("PARA", 255, 103),
                             W("EL", 282, 103),
                             W("$", 305, 103),
                             W("45", 315, 103, false),
                             W("DESARROLLO", 105, 115),
                             W("DESARROLLO", 205, 115),
                             W("LOCAL", 270, 115, false),
                             W("Dos", 105, 135),
                             W("Tres", 205, 135),
                             W("Cuatro", 305, 135, false),
                             W("Cinco", 105, 165),
                             W("Seis", 205, 165),
                             W("Siete", 305, 165, false),
                             W("Después.", 100, 200, false)};
  std::vector<LaidLine> lines = LayOutWithTables(words, FindLatticeTables(Grid()));
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0].text, "Antes.");
  EXPECT_EQ(lines[1].text, "SECRETARÍA DE DESARROLLO\tFUNDACIÓN PARA EL DESARROLLO LOCAL\t$ 45");
  EXPECT_TRUE(lines[1].table_row);
  EXPECT_EQ(lines[2].text, "Dos\tTres\tCuatro");
  EXPECT_EQ(lines[3].text, "Cinco\tSeis\tSiete");
  EXPECT_EQ(lines[4].text, "Después.");
  // Word spans point into the row's text.
  const PlacedWord& local = lines[1].words[7];
  EXPECT_EQ(lines[1].text.substr(local.begin, local.end - local.begin), "LOCAL");
}

TEST(Lattice, EmptyCellsKeepTheirFieldsAndAWholeWidthRowIsALine) {
  std::vector<Ruling> r;
  for (const Ruling& g : Grid()) {
    if (!g.horizontal && g.from == 100 && (g.at == 200 || g.at == 300)) continue;
    r.push_back(g);
  }
  std::vector<Word> words = {W("Título", 105, 103, false), W("Dos", 105, 135),
                             W("Cuatro", 305, 135, false)};
  std::vector<LaidLine> lines = LayOutWithTables(words, FindLatticeTables(r));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "Título");
  EXPECT_FALSE(lines[0].table_row);
  EXPECT_EQ(lines[1].text, "Dos\t\tCuatro");
}

// An accounting statement boxed by column only: a header line under the top rule, then no
// line between the rows. Its rows are its text lines, each figure in its column, even as
// the rows slope across a photographed page.
TEST(Lattice, AGridBoxedByColumnOnlyTakesItsRowsFromItsLines) {
  std::vector<Ruling> r = {H(100, 100, 400), H(115, 100, 400), H(190, 100, 400)};
  for (double x : {100.0, 250.0, 320.0, 400.0}) r.push_back(V(x, 100, 190));
  std::vector<Word> words = {W("Objeto", 105, 102, false),
                             W("Vigente", 255, 102, false),
                             W("Pagado", 325, 102, false),
                             W("Gastos", 105, 120),
                             W("en", 145, 120),
                             W("personal", 160, 120, false),
                             W("Bienes", 105, 135, false),
                             W("464.090", 255, 122, false),
                             W("258.860", 255, 137, false),
                             W("482.146", 325, 124, false),
                             W("164.782", 325, 139, false)};
  std::vector<LaidLine> lines = LayOutWithTables(words, FindLatticeTables(r));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].text, "Objeto\tVigente\tPagado");
  EXPECT_EQ(lines[1].text, "Gastos en personal\t464.090\t482.146");
  EXPECT_EQ(lines[2].text, "Bienes\t258.860\t164.782");
  EXPECT_TRUE(lines[2].table_row);
}

}  // namespace
}  // namespace acervo
