// lattice.h — tables drawn with ruling lines, read cell by cell (Tabula's and Camelot's
// "lattice" mode).
//
// Horizontal and vertical rulings that cross each other make a grid: its column edges are the
// x of the vertical lines, its row edges the y of the horizontal ones (a table open at its
// sides takes the ends of its horizontal lines as outer edges). Where the line between two
// grid cells is missing, they are one spanned cell; a side counts as drawn when the page's
// lines cover half of it (a scan's lines come off the image in pieces), and a spanned cell
// is always a rectangle (joins that would make another shape keep those down a column: a
// label spanning rows). Each word belongs to the cell holding its centre, and a cell's words
// are laid out on their own and joined in reading order, so cells whose text wraps over
// several lines never interleave with their neighbours. A grid of one column or one row (a
// frame around a paragraph, a page border) is not a table. A grid whose cells hold columns
// of figures, one a line (boxes drawn around columns but not rows, as accounting statements
// are), takes its columns from its lines and its rows from its text lines, matched across
// the columns by height.
//
// Threads: pure functions.
#ifndef ACERVO_CORE_LOAD_LATTICE_H_
#define ACERVO_CORE_LOAD_LATTICE_H_

#include <vector>

#include "acervo/document.h"
#include "load/layout.h"
#include "load/vector_graphics.h"

namespace acervo {

struct LatticeCell {
  int row = 0, col = 0;  // top left grid cell
  int row_span = 1, col_span = 1;
};

struct LatticeTable {
  std::vector<double> xs, ys;      // column and row edges, ascending (points, top-left origin)
  std::vector<LatticeCell> cells;  // in row, then column order; they tile the grid
  Box box() const { return Box{xs.front(), ys.front(), xs.back(), ys.back()}; }
};

// The lattice tables the page's `rulings` draw.
std::vector<LatticeTable> FindLatticeTables(const std::vector<Ruling>& rulings);

// Lays out the page's `words` (engine order) as LayOutPage does, except that the words of
// each of `tables` come out as its rows: one table row per grid row, cells separated by
// '\t' (a spanned cell's other columns are empty fields), placed among the other lines by
// their height on the page. A row whose one cell spans the whole table (a title inside the
// grid) is a plain line.
std::vector<LaidLine> LayOutWithTables(const std::vector<Word>& words,
                                       const std::vector<LatticeTable>& tables,
                                       const LayoutOptions& options = LayoutOptions());

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_LATTICE_H_
