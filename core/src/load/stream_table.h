// stream_table.h — the rows of a borderless ("stream") table put on one grid of columns, as
// Tabula's and Camelot's stream modes take a table's columns from the x-extents of its text.
//
// The layout (layout.h) finds a borderless table band by band, each band's cells from the
// stacks of lines side by side in it; a row with empty cells (a total row, `⇥ Total ⇥ ⇥ ⇥
// 3.079.950.000 ⇥ 727.990.000`) then comes out with fewer fields than the rows around it
// (`Total ⇥ 3.079.950.000 ⇥ 727.990.000`), and its figures fall under the wrong headers.
// AlignStreamRows takes the columns of a run of consecutive rows from its rows with the most
// fields (two such rows at least), each column the union of their cells' x-extents, and
// gives each shorter row its place: every cell with text goes to the column it overlaps most
// (left to right), the other columns are empty fields; word spans follow their words. A
// shorter row with a cell that overlaps no column left of its neighbour's is left as it is.
//
// Threads: a pure function of its arguments.
#ifndef ACERVO_CORE_LOAD_STREAM_TABLE_H_
#define ACERVO_CORE_LOAD_STREAM_TABLE_H_

#include <utility>
#include <vector>

#include "load/layout.h"

namespace acervo {

// Where the rows of a band of table cells part, by the white space between its lines (the
// [top, bottom] `spans` of its lines, any order): the lines cover the page in vertical runs,
// and the gaps between runs are either the leading of a cell's wrapped lines or, wider, the
// padding between rows (Tabula's and Camelot's stream modes find rows the same way). Returns
// the middles of the wide gaps, ascending; none when the gaps are all alike (each row one
// line, or no padding): then there is no telling from the space alone.
std::vector<double> RowGaps(std::vector<std::pair<double, double>> spans);

// `cells[i]` holds the box of each '\t'-separated field of `(*lines)[i]` when that line is a
// row of a borderless table (an empty field: a default Box), and nothing for any other line.
void AlignStreamRows(const std::vector<std::vector<Box>>& cells, std::vector<LaidLine>* lines);

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_STREAM_TABLE_H_
