#include "load/lattice.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numeric>
#include <optional>
#include <string>

#include "load/normalize.h"

namespace acervo {
namespace {

// Rulings this close (points) are the same line, and lines this close to each other end to
// end are one line.
constexpr double kSnap = 2.0;
// Grid edges closer than this are one edge (a doubled border): no text fits between them.
constexpr double kMinCell = 4.0;

struct UnionFind {
  std::vector<int> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  int Find(int i) { return parent[i] == i ? i : parent[i] = Find(parent[i]); }
  void Join(int a, int b) { parent[Find(a)] = Find(b); }
};

// The rulings of one orientation with collinear pieces joined.
std::vector<Ruling> Joined(const std::vector<Ruling>& rulings, bool horizontal) {
  std::vector<Ruling> rs;
  for (const Ruling& r : rulings) {
    if (r.horizontal == horizontal) rs.push_back(r);
  }
  std::sort(rs.begin(), rs.end(), [](const Ruling& a, const Ruling& b) { return a.at < b.at; });
  std::vector<Ruling> out;
  size_t i = 0;
  while (i < rs.size()) {
    size_t j = i + 1;
    while (j < rs.size() && rs[j].at - rs[j - 1].at <= kSnap) ++j;
    std::sort(rs.begin() + i, rs.begin() + j,
              [](const Ruling& a, const Ruling& b) { return a.from < b.from; });
    size_t first = out.size();
    for (size_t k = i; k < j; ++k) {
      if (out.size() > first && rs[k].from <= out.back().to + kSnap) {
        out.back().to = std::max(out.back().to, rs[k].to);
      } else {
        out.push_back(rs[k]);
      }
    }
    double at = 0;
    for (size_t k = i; k < j; ++k) at += rs[k].at;
    for (size_t k = first; k < out.size(); ++k) out[k].at = at / (j - i);
    i = j;
  }
  return out;
}

bool Crosses(const Ruling& h, const Ruling& v) {
  return v.at >= h.from - kSnap && v.at <= h.to + kSnap && h.at >= v.from - kSnap &&
         h.at <= v.to + kSnap;
}

// Sorted values with those closer than kMinCell made one (their mean).
std::vector<double> Edges(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  std::vector<double> out;
  size_t i = 0;
  while (i < values.size()) {
    size_t j = i + 1;
    while (j < values.size() && values[j] - values[j - 1] < kMinCell) ++j;
    out.push_back(std::accumulate(values.begin() + i, values.begin() + j, 0.0) / (j - i));
    i = j;
  }
  return out;
}

// Whether a cell side at `at` from `from` to `to` is drawn: `lines` lying there cover half
// of it. A scanned ruling comes out of the image in pieces (noise, a light print, the steps
// of a straightened line), and a piece may touch no crossing line; the pieces together
// still cover most of a drawn side, while a spanned cell's missing side is bare.
bool LineAt(const std::vector<Ruling>& lines, double at, double from, double to) {
  std::vector<std::pair<double, double>> spans;
  for (const Ruling& r : lines) {
    if (std::abs(r.at - at) >= kMinCell) continue;
    double a = std::max(from, r.from - kSnap), b = std::min(to, r.to + kSnap);
    if (a < b) spans.emplace_back(a, b);
  }
  std::sort(spans.begin(), spans.end());
  double covered = 0, end = from;
  for (const auto& [a, b] : spans) {
    if (b > end) covered += b - std::max(a, end), end = b;
  }
  return to > from && covered >= 0.5 * (to - from);
}

// Which spanned cell each grid cell of `t` (row-major) belongs to, as the index of one of
// its grid cells: grid cells with no line drawn between them are one cell. A cell must be a
// rectangle; sides missing so that the cells would not be one (a scanned line broken where
// a cell holds a wrapped row label) keep only the joins along each column, since a label
// that spans rows is the common spanned cell.
std::vector<int> CellGroups(const LatticeTable& t, const std::vector<Ruling>& all_h,
                            const std::vector<Ruling>& all_v) {
  const int rows = static_cast<int>(t.ys.size()) - 1, cols = static_cast<int>(t.xs.size()) - 1;
  UnionFind cells(static_cast<size_t>(rows * cols));
  std::vector<bool> open_below(rows * cols, false);
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      int here = r * cols + c;
      if (c + 1 < cols && !LineAt(all_v, t.xs[c + 1], t.ys[r], t.ys[r + 1])) {
        cells.Join(here, here + 1);
      }
      if (r + 1 < rows && !LineAt(all_h, t.ys[r + 1], t.xs[c], t.xs[c + 1])) {
        cells.Join(here, here + cols);
        open_below[here] = true;
      }
    }
  }
  struct Extent {
    int top = 1 << 30, bottom = -1, left = 1 << 30, right = -1, count = 0;
  };
  std::vector<Extent> extent(rows * cols);
  for (int i = 0; i < rows * cols; ++i) {
    Extent& e = extent[cells.Find(i)];
    e.top = std::min(e.top, i / cols), e.bottom = std::max(e.bottom, i / cols);
    e.left = std::min(e.left, i % cols), e.right = std::max(e.right, i % cols);
    ++e.count;
  }
  auto rectangle = [&](int root) {
    const Extent& e = extent[root];
    return (e.bottom - e.top + 1) * (e.right - e.left + 1) == e.count;
  };
  UnionFind fixed(static_cast<size_t>(rows * cols));
  for (int i = 0; i < rows * cols; ++i) {
    int root = cells.Find(i);
    if (rectangle(root)) {
      fixed.Join(i, root);
    } else if (open_below[i] && cells.Find(i + cols) == root) {
      fixed.Join(i, i + cols);
    }
  }
  std::vector<int> group(rows * cols);
  for (int i = 0; i < rows * cols; ++i) group[i] = fixed.Find(i);
  return group;
}

// The table drawn by one group of crossing lines, if it makes a grid of 2x2 cells or more.
// Which of its cell sides are drawn is read from all the page's lines, `all_h` and `all_v`
// (a scan's broken pieces of one line need not each cross another).
std::optional<LatticeTable> TableOf(const std::vector<const Ruling*>& hs,
                                    const std::vector<const Ruling*>& vs,
                                    const std::vector<Ruling>& all_h,
                                    const std::vector<Ruling>& all_v) {
  std::vector<double> xs, ys;
  double left = hs[0]->from, right = hs[0]->to, top = vs[0]->from, bottom = vs[0]->to;
  for (const Ruling* v : vs) {
    xs.push_back(v->at);
    top = std::min(top, v->from);
    bottom = std::max(bottom, v->to);
  }
  for (const Ruling* h : hs) {
    ys.push_back(h->at);
    left = std::min(left, h->from);
    right = std::max(right, h->to);
  }
  xs.push_back(left), xs.push_back(right), ys.push_back(top), ys.push_back(bottom);
  LatticeTable t;
  t.xs = Edges(xs);
  t.ys = Edges(ys);
  int rows = static_cast<int>(t.ys.size()) - 1, cols = static_cast<int>(t.xs.size()) - 1;
  if (rows < 2 || cols < 2) return std::nullopt;
  std::vector<int> group = CellGroups(t, all_h, all_v);
  std::vector<int> index(rows * cols, -1);
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      int root = group[r * cols + c];
      if (index[root] < 0) {
        index[root] = static_cast<int>(t.cells.size());
        t.cells.push_back(LatticeCell{r, c, 1, 1});
      }
      LatticeCell& cell = t.cells[index[root]];
      cell.row_span = std::max(cell.row_span, r - cell.row + 1);
      cell.col_span = std::max(cell.col_span, c - cell.col + 1);
    }
  }
  return t;
}

// Where word boxes go in a table: the cell holding each word's centre, or -1 outside.
int CellOf(const LatticeTable& t, const std::vector<int>& cell_at, const Box& box) {
  double x = (box.x0 + box.x1) / 2, y = (box.y0 + box.y1) / 2;
  if (x < t.xs.front() || x > t.xs.back() || y < t.ys.front() || y > t.ys.back()) return -1;
  int c = static_cast<int>(std::upper_bound(t.xs.begin(), t.xs.end(), x) - t.xs.begin()) - 1;
  int r = static_cast<int>(std::upper_bound(t.ys.begin(), t.ys.end(), y) - t.ys.begin()) - 1;
  int cols = static_cast<int>(t.xs.size()) - 1, rows = static_cast<int>(t.ys.size()) - 1;
  return cell_at[std::min(r, rows - 1) * cols + std::min(c, cols - 1)];
}

// Appends `part` to `line` (the caller wrote any separator first): its text, its words'
// spans shifted, its box, size and weight.
void Append(const LaidLine& part, LaidLine* line) {
  size_t shift = line->text.size();
  if (line->words.empty()) line->head = part.head;
  line->text += part.text;
  line->box = line->box.United(part.box);
  line->font_size = std::max(line->font_size, part.font_size);
  line->bold = line->bold && part.bold;
  for (PlacedWord w : part.words) {
    w.begin += shift, w.end += shift;
    line->words.push_back(w);
  }
}

// OCR words of one cell in reading order: lines by height (a word whose middle lies within
// a line's span joins it), each left to right, `space_after` false at each line's end.
// Tesseract's own order within a cell is unreliable: it may read a wrapped cell's first word
// as a line of its own, after the rest.
std::vector<Word> ReadingOrder(std::vector<Word> words) {
  std::stable_sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    return a.box.y0 + a.box.y1 < b.box.y0 + b.box.y1;
  });
  std::vector<std::vector<Word>> lines;
  double top = 0, bottom = 0;
  for (Word& w : words) {
    double middle = (w.box.y0 + w.box.y1) / 2;
    if (lines.empty() || middle > bottom) {
      lines.emplace_back();
      top = w.box.y0, bottom = w.box.y1;
    } else {
      top = std::min(top, w.box.y0), bottom = std::max(bottom, w.box.y1);
    }
    lines.back().push_back(std::move(w));
  }
  std::vector<Word> out;
  for (std::vector<Word>& line : lines) {
    std::stable_sort(line.begin(), line.end(),
                     [](const Word& a, const Word& b) { return a.box.x0 < b.box.x0; });
    for (Word& w : line) {
      w.space_after = true;
      out.push_back(std::move(w));
    }
    out.back().space_after = false;
  }
  return out;
}

// OCR words in reading order as one line, joined by spaces; a word hyphenated at a line's
// end is rejoined with the next when that goes on in lower case (and the hyphen does not
// join two words, KeepsLineEndHyphen).
LaidLine JoinedWords(const std::vector<Word>& words) {
  LaidLine line;
  line.bold = true;
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    std::string& t = line.text;
    bool broken = i > 0 && !words[i - 1].space_after && t.size() >= 2 && t.back() == '-' &&
                  !w.text.empty() && std::islower(static_cast<unsigned char>(w.text[0]));
    // "febrero-" + "diciembre": two words a hyphen joins, kept as they are.
    bool compound =
        broken && KeepsLineEndHyphen(
                      std::string_view(words[i - 1].text).substr(0, words[i - 1].text.size() - 1));
    bool rejoin = broken && !compound;
    if (rejoin) {
      t.pop_back();
    } else if (!t.empty() && !compound) {
      t.push_back(' ');
    }
    if (rejoin && !line.words.empty()) {
      t += w.text;
      line.words.back().end = t.size();
    } else {
      size_t begin = t.size();
      t += w.text;
      line.words.push_back(PlacedWord{begin, t.size(), w.confidence});
    }
    line.words.back().confidence = std::min(line.words.back().confidence, w.confidence);
    line.box = i == 0 ? w.box : line.box.United(w.box);
    if (i == 0) line.head = w.box;
    line.font_size = std::max(line.font_size, w.font_size);
    line.bold = line.bold && w.bold;
  }
  return line;
}

// A cell's words as one line. A text layer's are laid out on their own (its boxes are
// exact, and the layout rejoins and orders them), their lines joined by spaces; OCR words,
// whose boxes may overlap their neighbours', are taken in reading order.
LaidLine CellLine(const std::vector<Word>& words, const LayoutOptions& options) {
  if (options.geometric_stacks) return JoinedWords(ReadingOrder(words));
  LaidLine cell;
  cell.bold = true;
  for (LaidLine& line : LayOutPage(words, options)) {
    std::replace(line.text.begin(), line.text.end(), '\t', ' ');
    if (!cell.text.empty()) cell.text.push_back(' ');
    Append(line, &cell);
  }
  return cell;
}

// Whether `word` is a figure: digits with their separators ("1.657.251,37", "111220106").
bool IsFigure(const std::string& word) {
  size_t digits = 0;
  for (char c : word) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      ++digits;
    } else if (c != '.' && c != ',' && c != '-' && c != '(' && c != ')') {
      return false;
    }
  }
  return digits >= 3;
}

// Whether a grid lacks the lines between its rows, so that its cells hold several rows each:
// a cell of two lines or more that each start with a figure (an accounting statement boxed
// by column only). Wrapped text does not start every line with a figure.
bool MissesRowLines(const std::vector<std::vector<Word>>& cell_words) {
  for (const std::vector<Word>& words : cell_words) {
    int lines = 0, figures = 0;
    bool line_start = true;
    for (const Word& w : ReadingOrder(words)) {
      if (line_start) ++lines, figures += IsFigure(w.text);
      line_start = !w.space_after;
    }
    if (lines >= 2 && figures == lines) return true;
  }
  return false;
}

// The rows of a grid boxed by column only (MissesRowLines): its text lines. Each column's
// words are read as lines (ReadingOrder), and the lines are matched across the columns left
// to right by height, each row following its own height from column to column (the rows of
// a photographed page curve), so that a row's figures stay in their columns and in order.
std::vector<LaidLine> ColumnRuledRows(const LatticeTable& t,
                                      const std::vector<std::vector<Word>>& cell_words) {
  const int cols = static_cast<int>(t.xs.size()) - 1;
  std::vector<std::vector<Word>> by_column(cols);
  for (const std::vector<Word>& words : cell_words) {
    for (const Word& w : words) {
      double x = (w.box.x0 + w.box.x1) / 2;
      int c = static_cast<int>(std::upper_bound(t.xs.begin(), t.xs.end(), x) - t.xs.begin()) - 1;
      by_column[std::clamp(c, 0, cols - 1)].push_back(w);
    }
  }
  struct Row {
    double y = 0;
    std::vector<std::vector<Word>> cells;
  };
  std::vector<Row> rows;
  for (int c = 0; c < cols; ++c) {
    std::vector<Word> line;
    for (Word& w : ReadingOrder(by_column[c])) {
      line.push_back(std::move(w));
      if (line.back().space_after) continue;
      Box box = line[0].box;
      for (const Word& lw : line) box = box.United(lw.box);
      double y = (box.y0 + box.y1) / 2;
      Row* row = nullptr;
      for (Row& r : rows) {
        if (r.cells[c].empty() && std::abs(r.y - y) < 0.5 * box.height() &&
            (row == nullptr || std::abs(r.y - y) < std::abs(row->y - y))) {
          row = &r;
        }
      }
      if (row == nullptr)
        rows.push_back(Row{y, std::vector<std::vector<Word>>(cols)}), row = &rows.back();
      row->y = y;
      row->cells[c] = std::move(line);
      line.clear();
    }
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.y < b.y; });
  std::vector<LaidLine> out;
  for (const Row& r : rows) {
    LaidLine row;
    row.bold = true;
    row.table_row = true;
    for (int c = 0; c < cols; ++c) {
      if (c > 0) row.text.push_back('\t');
      if (!r.cells[c].empty()) Append(JoinedWords(r.cells[c]), &row);
    }
    out.push_back(std::move(row));
  }
  return out;
}

// The rows of table `t`, its cells' words given by `cell_words`.
std::vector<LaidLine> TableLines(const LatticeTable& t,
                                 const std::vector<std::vector<Word>>& cell_words,
                                 const LayoutOptions& options) {
  int rows = static_cast<int>(t.ys.size()) - 1, cols = static_cast<int>(t.xs.size()) - 1;
  std::vector<LaidLine> out;
  for (int r = 0; r < rows; ++r) {
    LaidLine row;
    row.bold = true;
    row.table_row = true;
    int filled = 0;
    bool whole_width = false;
    for (size_t k = 0; k < t.cells.size(); ++k) {
      const LatticeCell& cell = t.cells[k];
      if (cell.row != r) continue;
      LaidLine text = CellLine(cell_words[k], options);
      if (text.words.empty()) continue;
      ++filled;
      whole_width = cell.col_span == cols;
      // Fields up to this cell's column: a tab before each column after the first.
      size_t tabs = static_cast<size_t>(cell.col);
      size_t have = static_cast<size_t>(std::count(row.text.begin(), row.text.end(), '\t'));
      row.text.append(tabs > have ? tabs - have : 0, '\t');
      Append(text, &row);
    }
    if (filled == 0) continue;
    size_t have = static_cast<size_t>(std::count(row.text.begin(), row.text.end(), '\t'));
    if (filled == 1 && whole_width) {
      row.table_row = false;
    } else {
      row.text.append(static_cast<size_t>(cols - 1) - std::min<size_t>(have, cols - 1), '\t');
    }
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace

std::vector<LatticeTable> FindLatticeTables(const std::vector<Ruling>& rulings) {
  std::vector<Ruling> hs = Joined(rulings, true), vs = Joined(rulings, false);
  UnionFind groups(hs.size() + vs.size());
  for (size_t i = 0; i < hs.size(); ++i) {
    for (size_t j = 0; j < vs.size(); ++j) {
      if (Crosses(hs[i], vs[j])) groups.Join(static_cast<int>(i), static_cast<int>(hs.size() + j));
    }
  }
  std::vector<LatticeTable> tables;
  for (size_t g = 0; g < hs.size() + vs.size(); ++g) {
    if (groups.Find(static_cast<int>(g)) != static_cast<int>(g)) continue;
    std::vector<const Ruling*> gh, gv;
    for (size_t i = 0; i < hs.size(); ++i) {
      if (groups.Find(static_cast<int>(i)) == static_cast<int>(g)) gh.push_back(&hs[i]);
    }
    for (size_t j = 0; j < vs.size(); ++j) {
      if (groups.Find(static_cast<int>(hs.size() + j)) == static_cast<int>(g)) gv.push_back(&vs[j]);
    }
    if (gh.size() < 2 || gv.size() < 2) continue;
    if (std::optional<LatticeTable> t = TableOf(gh, gv, hs, vs)) tables.push_back(std::move(*t));
  }
  std::sort(tables.begin(), tables.end(), [](const LatticeTable& a, const LatticeTable& b) {
    return a.ys.front() < b.ys.front();
  });
  return tables;
}

std::vector<LaidLine> LayOutWithTables(const std::vector<Word>& words,
                                       const std::vector<LatticeTable>& tables,
                                       const LayoutOptions& options) {
  if (tables.empty()) return LayOutPage(words, options);
  std::vector<std::vector<int>> cell_at(tables.size());
  std::vector<std::vector<std::vector<Word>>> cell_words(tables.size());
  for (size_t t = 0; t < tables.size(); ++t) {
    const LatticeTable& table = tables[t];
    int cols = static_cast<int>(table.xs.size()) - 1;
    cell_at[t].assign((table.ys.size() - 1) * cols, -1);
    for (size_t k = 0; k < table.cells.size(); ++k) {
      const LatticeCell& c = table.cells[k];
      for (int r = c.row; r < c.row + c.row_span; ++r) {
        for (int col = c.col; col < c.col + c.col_span; ++col) cell_at[t][r * cols + col] = k;
      }
    }
    cell_words[t].resize(table.cells.size());
  }
  std::vector<int> table_of(words.size(), -1);
  for (size_t i = 0; i < words.size(); ++i) {
    for (size_t t = 0; t < tables.size() && table_of[i] < 0; ++t) {
      int k = CellOf(tables[t], cell_at[t], words[i].box);
      if (k >= 0) cell_words[t][k].push_back(words[i]), table_of[i] = static_cast<int>(t);
    }
  }
  std::vector<bool> column_only(tables.size());
  for (size_t t = 0; t < tables.size(); ++t) column_only[t] = MissesRowLines(cell_words[t]);
  std::vector<Word> rest;  // in engine order, which the layout relies on
  for (size_t i = 0; i < words.size(); ++i) {
    if (table_of[i] < 0) rest.push_back(words[i]);
  }
  std::vector<LaidLine> lines = LayOutPage(rest, options), out;
  size_t next = 0;
  for (size_t t = 0; t < tables.size(); ++t) {
    while (next < lines.size() && lines[next].box.y0 < tables[t].ys.front()) {
      out.push_back(std::move(lines[next++]));
    }
    for (LaidLine& row : column_only[t] ? ColumnRuledRows(tables[t], cell_words[t])
                                        : TableLines(tables[t], cell_words[t], options)) {
      out.push_back(std::move(row));
    }
  }
  while (next < lines.size()) out.push_back(std::move(lines[next++]));
  return out;
}

}  // namespace acervo
