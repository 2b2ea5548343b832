#include "load/layout.h"

#include <re2/re2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "acervo/text.h"
#include "load/line_marks.h"
#include "load/normalize.h"
#include "load/stream_table.h"

namespace acervo {
namespace {

// One engine line, or the part of it on one side of a wide gap: words [begin, end).
struct Fragment {
  size_t begin = 0, end = 0;
  Box box;
  double size = 0;  // font size
  bool bold = true;
};

// Fragments stacked under each other in engine order: a paragraph or a table cell.
struct Stack {
  std::vector<size_t> fragments;
  Box box;
};

double SizeOf(const Word& w) { return w.font_size > 0 ? w.font_size : w.box.height(); }

double Overlap(double a0, double a1, double b0, double b1) {
  return std::min(a1, b1) - std::max(a0, b0);
}

Fragment FragmentOf(const std::vector<Word>& words, size_t begin, size_t end) {
  Fragment f{begin, end, words[begin].box, 0, true};
  for (size_t i = begin; i < end; ++i) {
    f.box = f.box.United(words[i].box);
    f.size = std::max(f.size, SizeOf(words[i]));
    f.bold = f.bold && words[i].bold;
  }
  return f;
}

// Engines sometimes run two table cells into one line when the gap between them is narrow.
// Such a line is cut at a gap of half an em or more where the next word starts exactly at
// the left edge of a line just above or below: a column edge.
std::vector<Fragment> SplitAtColumnEdges(const std::vector<Word>& words,
                                         const std::vector<Fragment>& fragments) {
  std::vector<Fragment> out;
  for (const Fragment& f : fragments) {
    size_t begin = f.begin;
    for (size_t i = f.begin + 1; i < f.end; ++i) {
      const Box& prev = words[i - 1].box;
      const Box& w = words[i].box;
      if (w.x0 - prev.x1 < 0.5 * f.size) continue;
      bool edge = false;
      for (const Fragment& g : fragments) {
        double dy = std::abs(g.box.y0 - f.box.y0);
        edge = edge || (&g != &f && dy > 0.5 * f.box.height() && dy < 2.5 * f.box.height() &&
                        std::abs(g.box.x0 - w.x0) < 1.0);
      }
      if (!edge) continue;
      out.push_back(FragmentOf(words, begin, i));
      begin = i;
    }
    out.push_back(FragmentOf(words, begin, f.end));
  }
  return out;
}

// Justified prose stretches the spaces of a line evenly, sometimes far wider than a table's
// gutter ("Las      denominaciones      de      Tributos,"), and engines then cut the line
// into one-word lines. A run of four words or more in engine order on one baseline, left to
// right, whose gaps are all wide and within a quarter of each other, with a word in lower
// case, is such a line. joins[i]: word i continues the justified line of word i - 1.
bool IsLower(std::string_view s);

std::vector<bool> JustifiedJoins(const std::vector<Word>& words) {
  std::vector<bool> joins(words.size(), false);
  size_t begin = 0;
  while (begin < words.size()) {
    const Box& first = words[begin].box;
    size_t end = begin + 1;
    while (end < words.size() && std::abs(words[end].box.y0 - first.y0) < 0.2 * first.height() &&
           std::abs(words[end].box.y1 - first.y1) < 0.2 * first.height() &&
           words[end].box.x0 > words[end - 1].box.x1) {
      ++end;
    }
    double min_gap = 1e9, max_gap = 0;
    bool lower = false;
    for (size_t i = begin; i < end; ++i) {
      lower = lower || IsLower(words[i].text);
      // A list marker's gap is its own ("- Matafuegos, en cantidad y tipo …").
      if (i == begin || (i == begin + 1 && IsListMarker(words[begin].text))) continue;
      double gap = words[i].box.x0 - words[i - 1].box.x1;
      min_gap = std::min(min_gap, gap), max_gap = std::max(max_gap, gap);
    }
    if (end - begin >= 4 && lower && min_gap > 0.5 * SizeOf(words[begin]) &&
        max_gap <= 1.25 * min_gap) {
      std::fill(joins.begin() + begin + 1, joins.begin() + end, true);
    }
    begin = end;
  }
  return joins;
}

std::vector<Fragment> SplitFragments(const std::vector<Word>& words) {
  std::vector<bool> joins = JustifiedJoins(words);
  std::vector<Fragment> out;
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    bool start = out.empty() || (!words[i - 1].space_after && !joins[i]);
    if (!start && !joins[i]) {
      const Fragment& f = out.back();
      double h = std::min(f.box.height(), w.box.height());
      double gap = w.box.x0 - f.box.x1;
      start = Overlap(f.box.y0, f.box.y1, w.box.y0, w.box.y1) < 0.5 * h || gap < -h ||
              gap > 1.5 * std::max(SizeOf(w), f.size);
    }
    if (start) {
      out.push_back(Fragment{i, i, w.box, SizeOf(w), true});
    }
    Fragment& f = out.back();
    f.end = i + 1;
    f.box = f.box.United(w.box);
    f.size = std::max(f.size, SizeOf(w));
    f.bold = f.bold && w.bold;
  }
  return out;
}

// A list item set with a hanging indent ("a)" then a tab, the item's text aligned to its
// right) is one line, not a row of two cells: a fragment that is a lone list marker joins
// the fragment that follows it on its line, within four ems; so does a section label and
// its title ("ARTÍCULO 63º:" then a tab, "Suspensión por recurso …"), within eight.
std::vector<Fragment> JoinListMarkers(const std::vector<Word>& words,
                                      const std::vector<Fragment>& fragments) {
  std::vector<Fragment> out;
  for (size_t i = 0; i < fragments.size(); ++i) {
    const Fragment& f = fragments[i];
    std::string label;
    for (size_t w = f.begin; w < f.end && f.end - f.begin <= 4; ++w) {
      label += (w > f.begin ? " " : "") + words[w].text;
    }
    bool marker = f.end == f.begin + 1 && IsListMarker(words[f.begin].text);
    if (i + 1 < fragments.size() && (marker || IsSectionLabel(label))) {
      const Fragment& next = fragments[i + 1];
      double h = std::min(f.box.height(), next.box.height());
      double gap = next.box.x0 - f.box.x1;
      if (next.begin == f.end && Overlap(f.box.y0, f.box.y1, next.box.y0, next.box.y1) > 0.5 * h &&
          gap > 0 && gap < (marker ? 4 : 8) * f.size) {
        out.push_back(FragmentOf(words, f.begin, next.end));
        ++i;
        continue;
      }
    }
    out.push_back(f);
  }
  return out;
}

// How many other fragments sit beside fragment i, at the same height: i is a table cell when
// there is one.
std::vector<int> SideNeighbours(const std::vector<Fragment>& fragments) {
  std::vector<int> beside(fragments.size(), 0);
  for (size_t i = 0; i < fragments.size(); ++i) {
    const Box& a = fragments[i].box;
    for (size_t j = i + 1; j < fragments.size(); ++j) {
      const Box& b = fragments[j].box;
      double h = std::min(a.height(), b.height());
      if (Overlap(a.y0, a.y1, b.y0, b.y1) > 0.5 * h && Overlap(a.x0, a.x1, b.x0, b.x1) < 0) {
        ++beside[i], ++beside[j];
      }
    }
  }
  return beside;
}

// Can fragment `f` continue the stack whose last fragment is `last`?
bool Continues(const Fragment& last, bool last_beside, const Fragment& f, bool f_beside,
               double max_gap) {
  double h = std::max(last.box.height(), f.box.height());
  double below = f.box.y0 - last.box.y1;
  // A table starts below a caption or paragraph: the first cell line does not join it.
  return f.box.y0 > last.box.y0 + 0.5 * last.box.height() && below < max_gap * h &&
         Overlap(last.box.x0, last.box.x1, f.box.x0, f.box.x1) > 0 && !(f_beside && !last_beside);
}

// Engine order: a stack continues with the very next fragment (poppler reads a table cell
// by cell). Geometric (OCR, whose engines read tables line by line): with the nearest stack
// ending right above, within a tighter gap, so that rows stay apart.
std::vector<Stack> StackFragments(const std::vector<Fragment>& fragments, bool geometric) {
  std::vector<int> beside = SideNeighbours(fragments);
  std::vector<Stack> stacks;
  for (size_t i = 0; i < fragments.size(); ++i) {
    const Fragment& f = fragments[i];
    Stack* target = nullptr;
    if (!geometric) {
      if (!stacks.empty()) {
        size_t last = stacks.back().fragments.back();
        if (Continues(fragments[last], beside[last], f, beside[i], 1.0)) target = &stacks.back();
      }
      // Poppler reads a borderless table with narrow gutters line by line across its cells:
      // a cell's line then goes under the cell line right above it, left edges aligned
      // (its last lines, alone at their height, only when each touches the line above and
      // is no wider than the cell). Only under a cell that started in a row of three cells
      // or more: a justified line whose stretched space cut off its last word also looks
      // like a row of two.
      for (size_t k = stacks.size(); target == nullptr && k-- > 0;) {
        size_t last = stacks[k].fragments.back();
        bool tail = beside[i] == 0 && f.box.width() <= stacks[k].box.width() + 0.5 * f.size;
        if (beside[stacks[k].fragments.front()] >= 2 && (beside[last] > 0 || tail) &&
            std::abs(fragments[last].box.x0 - f.box.x0) < 1.0 &&
            Continues(fragments[last], true, f, true, beside[i] > 0 ? 0.7 : 0.25)) {
          target = &stacks[k];
        }
      }
    } else {
      double best = 0;
      for (Stack& st : stacks) {
        size_t last = st.fragments.back();
        if (!Continues(fragments[last], beside[last], f, beside[i], 0.7)) continue;
        double gap = f.box.y0 - fragments[last].box.y1;
        if (target == nullptr || gap < best) target = &st, best = gap;
      }
    }
    if (target == nullptr) {
      stacks.push_back(Stack{{}, f.box});
      target = &stacks.back();
    }
    target->fragments.push_back(i);
    target->box = target->box.United(f.box);
  }
  return stacks;
}

bool IsLower(std::string_view s) {
  size_t pos = 0;
  return !s.empty() && u_islower(static_cast<UChar32>(NextCodePoint(s, &pos)));
}

// Appends the words of fragment `f` to `line`, after a space (or rejoining a word hyphenated
// at the end of the line so far, unless a hyphen joins two words there: "febrero-diciembre").
void AppendFragment(const std::vector<Word>& words, const Fragment& f, LaidLine* line) {
  if (line->words.empty()) line->head = f.box;
  line->box = line->words.empty() ? f.box : line->box.United(f.box);
  for (size_t i = f.begin; i < f.end; ++i) {
    const Word& w = words[i];
    std::string& t = line->text;
    bool broken = i == f.begin && t.size() >= 2 && t.back() == '-' && IsLower(w.text) &&
                  static_cast<unsigned char>(t[t.size() - 2]) >= 'A' && !line->words.empty() &&
                  line->words.back().end == t.size();
    const size_t last = broken ? line->words.back().begin : 0;
    // "febrero-" + "diciembre": two words a hyphen joins, kept as they are.
    bool compound =
        broken && KeepsLineEndHyphen(std::string_view(t).substr(last, t.size() - 1 - last));
    if (broken && !compound && t.size() - last >= 3) {
      t.pop_back();
      t += w.text;
      line->words.back().end = t.size();
      line->words.back().confidence = std::min(line->words.back().confidence, w.confidence);
      continue;
    }
    if (!t.empty() && t.back() != '\t' && !compound) t.push_back(' ');
    size_t begin = t.size();
    t += w.text;
    line->words.push_back(PlacedWord{begin, t.size(), w.confidence});
  }
  line->font_size = std::max(line->font_size, f.size);
  line->bold = line->bold && f.bold;
}

// What a column's lines share, to judge where its paragraphs end.
struct ColumnMetrics {
  double right_edge = 0;
  double pitch = 0;  // the usual distance between the tops of consecutive lines; 0 unknown
  double size_tolerance = 0.1;
};

// The median top-to-top distance between consecutive lines of the same weight in `stacks`.
double MedianPitch(const std::vector<Fragment>& fragments,
                   const std::vector<const Stack*>& stacks) {
  std::vector<double> pitches;
  for (const Stack* st : stacks) {
    for (size_t k = 1; k < st->fragments.size(); ++k) {
      const Fragment& a = fragments[st->fragments[k - 1]];
      const Fragment& b = fragments[st->fragments[k]];
      if (a.bold == b.bold && b.box.y0 > a.box.y1) pitches.push_back(b.box.y0 - a.box.y0);
    }
  }
  if (pitches.empty()) return 0;
  std::nth_element(pitches.begin(), pitches.begin() + pitches.size() / 2, pitches.end());
  return pitches[pitches.size() / 2];
}

// Does fragment `f` start a new paragraph after fragment `prev` of the same column?
bool StartsParagraph(const std::vector<Word>& words, const Fragment& prev, const Fragment& f,
                     const ColumnMetrics& column) {
  if (std::abs(prev.size - f.size) > column.size_tolerance * std::max(prev.size, f.size)) {
    return true;
  }
  double h = std::max(prev.box.height(), f.box.height());
  if (f.box.y0 - prev.box.y1 > 0.6 * h) return true;
  if (IsListMarker(words[f.begin].text)) return true;
  // The next line's first word would have fitted at the end of this one.
  double first_word = words[f.begin].box.width();
  if (prev.box.x1 + first_word + 0.5 * f.size < column.right_edge) return true;
  // A change of weight after a full line: emphasis wrapping (a bold title inside a sentence)
  // when the next line goes on in lower case or at the column's usual line spacing, else
  // the end of a bold heading, which stands a little apart.
  if (prev.bold == f.bold || IsLower(words[f.begin].text)) return false;
  if (column.pitch > 0) return f.box.y0 - prev.box.y0 > column.pitch + 0.06 * h;
  return f.box.y0 - prev.box.y1 > 0.3 * h;
}

LaidLine NewLine() {
  LaidLine line;
  line.bold = true;
  return line;
}

bool StartsUpperOrDigit(const std::string& text) {
  size_t pos = 0;
  UChar32 c = static_cast<UChar32>(NextCodePoint(text, &pos));
  return u_isupper(c) || u_istitle(c) || u_isdigit(c) || c == '$';
}

// One band of side-by-side stacks as table rows. A band is usually one row whose cells wrap
// over several lines; it holds several rows where the white space between its lines says
// so (RowGaps; only for a text layer, whose boxes are the fonts' and so evenly spaced: OCR
// boxes hug the glyphs), or, when that cannot tell, where below the band's first line two
// columns start a line with a capital or a digit at the same height, the first column or
// half the columns at least, and no column goes on in lower case there (a table of
// contents, a grid of short cells, a summary whose header row has no first cell). Empty cells stay
// as empty fields. `boxes` gets each row's cell boxes (stream_table.h).
std::vector<LaidLine> TableRows(const std::vector<Word>& words,
                                const std::vector<Fragment>& fragments,
                                const std::vector<std::vector<const Stack*>>& columns,
                                bool font_boxes, std::vector<std::vector<Box>>* boxes) {
  std::vector<std::vector<size_t>> cells(columns.size());
  for (size_t c = 0; c < columns.size(); ++c) {
    for (const Stack* st : columns[c]) {
      cells[c].insert(cells[c].end(), st->fragments.begin(), st->fragments.end());
    }
  }
  // The tops of the rows after the first.
  std::vector<std::pair<double, double>> spans;  // [y0, y1] of each fragment
  for (const auto& column : cells) {
    for (size_t f : column) spans.emplace_back(fragments[f].box.y0, fragments[f].box.y1);
  }
  std::vector<double> splits = font_boxes ? RowGaps(spans) : std::vector<double>();
  const double top = std::min_element(spans.begin(), spans.end())->first;
  const bool by_space = !splits.empty();
  for (size_t c = 0; c < cells.size() && !by_space; ++c) {
    for (size_t k : cells[c]) {
      const Fragment& f = fragments[k];
      const double h = f.box.height();
      if (f.box.y0 < top + 0.5 * h || !StartsUpperOrDigit(words[f.begin].text)) continue;
      size_t starters = 0;
      bool first = false, goes_on = false;
      for (size_t d = 0; d < cells.size(); ++d) {
        for (size_t g : cells[d]) {
          const Fragment& o = fragments[g];
          if (std::abs(o.box.y0 - f.box.y0) >= 0.5 * h) continue;
          bool starts = StartsUpperOrDigit(words[o.begin].text);
          starters += starts, first = first || (starts && d == 0);
          // A wrapped sentence goes on (on a text layer: OCR misreads make lower case).
          goes_on = goes_on || (font_boxes && IsLower(words[o.begin].text));
        }
      }
      double at = f.box.y0 - 0.3 * h;
      if (goes_on || starters < 2 || !(first || 2 * starters >= cells.size()) ||
          std::any_of(splits.begin(), splits.end(),
                      [&](double s) { return std::abs(s - at) < 0.5 * h; })) {
        continue;
      }
      splits.push_back(at);
    }
  }
  std::sort(splits.begin(), splits.end());
  std::vector<LaidLine> rows(splits.size() + 1, NewLine());
  boxes->assign(rows.size(), std::vector<Box>(cells.size()));
  for (size_t c = 0; c < cells.size(); ++c) {
    for (LaidLine& row : rows) {
      if (c > 0) row.text.push_back('\t');
    }
    for (size_t f : cells[c]) {
      size_t r =
          std::upper_bound(splits.begin(), splits.end(), fragments[f].box.y0) - splits.begin();
      AppendFragment(words, fragments[f], &rows[r]);
      Box& cell = (*boxes)[r][c];
      cell = cell.x1 > cell.x0 ? cell.United(fragments[f].box) : fragments[f].box;
    }
  }
  for (LaidLine& row : rows) row.table_row = true;
  return rows;
}

// Whether a band of two one-line columns is a justified prose line cut at its widest space
// ("sobre ⇥ las"): its left part ends in a letter or a comma (mid-sentence), its right part
// goes on in lower case and ends flush at the page's right edge `right`. A table row ends
// its first cell otherwise, or starts its second with a figure or a capital.
bool IsCutProseLine(const std::vector<Word>& words, const std::vector<Fragment>& fragments,
                    const std::vector<std::vector<const Stack*>>& columns, double right) {
  if (columns.size() != 2 || columns[0].size() != 1 || columns[1].size() != 1) return false;
  if (columns[0][0]->fragments.size() != 1 || columns[1][0]->fragments.size() != 1) return false;
  const Fragment& a = fragments[columns[0][0]->fragments[0]];
  const Fragment& b = fragments[columns[1][0]->fragments[0]];
  const std::string& last = words[a.end - 1].text;
  unsigned char end = last.empty() ? ' ' : static_cast<unsigned char>(last.back());
  return (std::isalpha(end) || end >= 0x80 || end == ',') && IsLower(words[b.begin].text) &&
         b.box.x1 > right - 0.5 * b.size;
}

}  // namespace

std::vector<LaidLine> LayOutPage(const std::vector<Word>& words, const LayoutOptions& options) {
  std::vector<Fragment> fragments =
      JoinListMarkers(words, SplitAtColumnEdges(words, SplitFragments(words)));
  std::vector<Stack> stacks = StackFragments(fragments, options.geometric_stacks);
  std::stable_sort(stacks.begin(), stacks.end(),
                   [](const Stack& a, const Stack& b) { return a.box.y0 < b.box.y0; });

  double right = 0;  // the page's right text edge
  for (const Fragment& f : fragments) right = std::max(right, f.box.x1);
  std::vector<LaidLine> lines;
  std::vector<std::vector<Box>> cell_boxes;  // of the table rows, for AlignStreamRows
  size_t s = 0;
  while (s < stacks.size()) {
    // A band: stacks that overlap vertically with the band so far.
    size_t band_end = s + 1;
    double band_y1 = stacks[s].box.y1;
    while (band_end < stacks.size()) {
      const Stack& next = stacks[band_end];
      double h = fragments[next.fragments.front()].box.height();
      if (next.box.y0 > band_y1 - 0.3 * h) break;
      band_y1 = std::max(band_y1, next.box.y1);
      ++band_end;
    }
    // Columns: stacks of the band that overlap horizontally.
    std::vector<const Stack*> band;
    for (size_t i = s; i < band_end; ++i) band.push_back(&stacks[i]);
    std::stable_sort(band.begin(), band.end(),
                     [](const Stack* a, const Stack* b) { return a->box.x0 < b->box.x0; });
    std::vector<std::vector<const Stack*>> columns;
    double column_x1 = 0;
    for (const Stack* st : band) {
      if (columns.empty() || st->box.x0 >= column_x1) {
        columns.emplace_back();
        column_x1 = st->box.x1;
      } else {
        column_x1 = std::max(column_x1, st->box.x1);
      }
      columns.back().push_back(st);
    }
    for (auto& column : columns) {
      std::stable_sort(column.begin(), column.end(),
                       [](const Stack* a, const Stack* b) { return a->box.y0 < b->box.y0; });
    }

    if (IsCutProseLine(words, fragments, columns, right)) {
      lines.push_back(NewLine());
      for (const auto& column : columns)
        AppendFragment(words, fragments[column[0]->fragments[0]], &lines.back());
    } else if (columns.size() >= 2) {
      std::vector<std::vector<Box>> boxes;
      for (LaidLine& row : TableRows(words, fragments, columns, !options.geometric_stacks, &boxes))
        lines.push_back(std::move(row));
      cell_boxes.resize(lines.size() - boxes.size());
      for (std::vector<Box>& b : boxes) cell_boxes.push_back(std::move(b));
    } else {
      ColumnMetrics column;
      column.size_tolerance = options.size_tolerance;
      column.pitch = MedianPitch(fragments, columns.front());
      for (const Stack* st : columns.front()) {
        column.right_edge = std::max(column.right_edge, st->box.x1);
      }
      for (const Stack* st : columns.front()) {
        const Fragment* prev = nullptr;
        for (size_t f : st->fragments) {
          if (prev == nullptr || StartsParagraph(words, *prev, fragments[f], column)) {
            lines.push_back(NewLine());
          }
          AppendFragment(words, fragments[f], &lines.back());
          prev = &fragments[f];
        }
      }
    }
    s = band_end;
  }
  cell_boxes.resize(lines.size());
  AlignStreamRows(cell_boxes, &lines);
  return lines;
}

}  // namespace acervo
