#include "load/stream_table.h"

#include <algorithm>
#include <optional>
#include <string>

namespace acervo {
namespace {

bool Empty(const Box& b) { return b.x1 <= b.x0; }

double Overlap(const Box& a, const Box& b) { return std::min(a.x1, b.x1) - std::max(a.x0, b.x0); }

// Where each field of `text` starts.
std::vector<size_t> FieldStarts(const std::string& text) {
  std::vector<size_t> starts = {0};
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\t') starts.push_back(i + 1);
  }
  return starts;
}

// The columns of rows [begin, end): the union of the cells of its rows with the most fields,
// when two rows at least have that many and every column has text in one of them.
std::optional<std::vector<Box>> Columns(const std::vector<std::vector<Box>>& cells, size_t begin,
                                        size_t end) {
  size_t most = 0;
  for (size_t i = begin; i < end; ++i) most = std::max(most, cells[i].size());
  std::vector<Box> columns(most);
  int full = 0;
  for (size_t i = begin; i < end; ++i) {
    if (cells[i].size() != most) continue;
    ++full;
    for (size_t c = 0; c < most; ++c) {
      if (Empty(cells[i][c])) continue;
      columns[c] = Empty(columns[c]) ? cells[i][c] : columns[c].United(cells[i][c]);
    }
  }
  if (full < 2 || std::any_of(columns.begin(), columns.end(), Empty)) return std::nullopt;
  return columns;
}

// Row `line`, whose fields have the boxes `cells`, spread over `columns`; false when a cell
// with text overlaps no column to the right of the previous cell's.
bool Spread(const std::vector<Box>& cells, const std::vector<Box>& columns, LaidLine* line) {
  std::vector<int> column_of(cells.size(), -1);
  int next = 0;
  for (size_t f = 0; f < cells.size(); ++f) {
    if (Empty(cells[f])) continue;
    int best = -1;
    for (int c = next; c < static_cast<int>(columns.size()); ++c) {
      double o = Overlap(cells[f], columns[c]);
      if (o > 0 && (best < 0 || o > Overlap(cells[f], columns[best]))) best = c;
    }
    if (best < 0) return false;
    column_of[f] = best;
    next = best + 1;
  }
  std::vector<size_t> starts = FieldStarts(line->text), moved(cells.size(), 0);
  std::string text;
  for (size_t c = 0; c < columns.size(); ++c) {
    if (c > 0) text.push_back('\t');
    for (size_t f = 0; f < cells.size(); ++f) {
      if (column_of[f] != static_cast<int>(c)) continue;
      size_t end = f + 1 < starts.size() ? starts[f + 1] - 1 : line->text.size();
      moved[f] = text.size();
      text.append(line->text, starts[f], end - starts[f]);
    }
  }
  for (PlacedWord& w : line->words) {
    size_t f = std::upper_bound(starts.begin(), starts.end(), w.begin) - starts.begin() - 1;
    w.begin = w.begin - starts[f] + moved[f];
    w.end = w.end - starts[f] + moved[f];
  }
  line->text = std::move(text);
  return true;
}

}  // namespace

std::vector<double> RowGaps(std::vector<std::pair<double, double>> spans) {
  double height = 0;
  for (const auto& [y0, y1] : spans) height = std::max(height, y1 - y0);
  std::sort(spans.begin(), spans.end());
  std::vector<std::pair<double, double>> gaps;  // size, middle
  double covered = spans.empty() ? 0 : spans[0].second;
  for (size_t i = 1; i < spans.size(); ++i) {
    // A line that starts below the lines so far (text layer boxes of consecutive lines
    // touch: their gap is 0) rather than beside them.
    if (spans[i].first > covered - 0.3 * height) {
      double gap = std::max(0.0, spans[i].first - covered);
      gaps.emplace_back(gap, (spans[i].first + std::min(covered, spans[i].first)) / 2);
    }
    covered = std::max(covered, spans[i].second);
  }
  if (gaps.empty()) return {};
  double narrow = gaps[0].first;
  for (const auto& g : gaps) narrow = std::min(narrow, g.first);
  std::vector<double> wide;
  for (const auto& g : gaps) {
    if (g.first > 1.5 * narrow + 0.2 * height) wide.push_back(g.second);
  }
  if (wide.size() == gaps.size()) return {};
  return wide;
}

void AlignStreamRows(const std::vector<std::vector<Box>>& cells, std::vector<LaidLine>* lines) {
  size_t begin = 0;
  while (begin < lines->size()) {
    if (cells[begin].empty()) {
      ++begin;
      continue;
    }
    size_t end = begin;
    while (end < lines->size() && !cells[end].empty()) ++end;
    if (std::optional<std::vector<Box>> columns = Columns(cells, begin, end)) {
      for (size_t i = begin; i < end; ++i) {
        if (cells[i].size() < columns->size()) {
          LaidLine row = (*lines)[i];
          if (Spread(cells[i], *columns, &row)) (*lines)[i] = std::move(row);
        }
      }
    }
    begin = end;
  }
}

}  // namespace acervo
