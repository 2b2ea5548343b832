#include "load/bullets.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace acervo {
namespace {

// Glyphs OCR reads a bullet disc or square as.
bool IsMarkGlyphs(const std::string& text) {
  static const RE2 kMark(R"(^(?:[-+*»«•●▪■◦·°©®]|\+»|»\+|\*\*|\+\+|»»)$)");
  return RE2::FullMatch(text, kMark);
}

// A bullet glyph in the text: the mark is then the glyph itself. (A drawn disc before a
// written "a)" or "1." is a marker of its own: "- a) ...".)
bool StartsWithListMarker(const std::string& text) {
  static const RE2 kMarker(R"(^[-*•●▪◦·+–]\s)");
  return RE2::PartialMatch(text, kMarker);
}

double Em(const LaidLine& line) { return line.font_size > 0 ? line.font_size : line.head.height(); }

}  // namespace

std::vector<Box> TakeOcrMarks(std::vector<Word>* words) {
  std::vector<Box> marks;
  std::vector<Word> kept;
  kept.reserve(words->size());
  for (size_t i = 0; i < words->size(); ++i) {
    const Word& w = (*words)[i];
    bool starts_line = i == 0 || !(*words)[i - 1].space_after;
    bool alone = !w.space_after;
    bool gap = !alone && i + 1 < words->size() &&
               (*words)[i + 1].box.x0 - w.box.x1 >= 0.5 * std::max(w.font_size, w.box.height());
    if (starts_line && (alone || gap) && IsMarkGlyphs(w.text)) {
      marks.push_back(w.box);
      continue;
    }
    kept.push_back(w);
  }
  *words = std::move(kept);
  return marks;
}

std::vector<size_t> MarkCandidates(const std::vector<LaidLine>& lines) {
  double left = std::numeric_limits<double>::max();
  for (const LaidLine& line : lines) left = std::min(left, line.head.x0);
  std::vector<size_t> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    const LaidLine& line = lines[i];
    if (line.table_row || line.words.empty() || StartsWithListMarker(line.text)) continue;
    double indent = line.head.x0 - left;
    if (indent >= 0.5 * Em(line) && indent <= 3 * Em(line)) out.push_back(i);
  }
  return out;
}

Box MarkRegion(const LaidLine& line) {
  double em = Em(line);
  return Box{line.head.x0 - 2.5 * em, line.head.y0, line.head.x0 - 0.1 * em, line.head.y1};
}

std::vector<Box> MarksAmong(const std::vector<Box>& fills, const std::vector<LaidLine>& lines,
                            const std::vector<size_t>& candidates) {
  std::vector<Box> marks;
  for (size_t c : candidates) {
    Box r = MarkRegion(lines[c]);
    double em = Em(lines[c]);
    std::vector<Box> inside;
    for (const Box& f : fills) {
      double cx = (f.x0 + f.x1) / 2, cy = (f.y0 + f.y1) / 2;
      if (cx >= r.x0 && cx <= r.x1 && cy >= r.y0 && cy <= r.y1) inside.push_back(f);
    }
    if (inside.size() != 1) continue;
    const Box& m = inside.front();
    double small = std::min(m.width(), m.height()), large = std::max(m.width(), m.height());
    if (small >= 0.15 * em && large <= 0.8 * em && large <= 2 * small) marks.push_back(m);
  }
  return marks;
}

void AddListMarkers(const std::vector<Box>& marks, std::vector<LaidLine>* lines) {
  std::vector<bool> marked(lines->size(), false);
  for (const Box& mark : marks) {
    double cx = (mark.x0 + mark.x1) / 2, cy = (mark.y0 + mark.y1) / 2;
    size_t best = lines->size();
    double best_distance = 0;
    for (size_t i = 0; i < lines->size(); ++i) {
      const LaidLine& line = (*lines)[i];
      if (line.table_row || line.words.empty()) continue;
      Box region = MarkRegion(line);
      double slack = 0.3 * line.head.height();
      if (cx < region.x0 || mark.x1 > line.head.x0 + 1 || cy < region.y0 - slack ||
          cy > region.y1 + slack) {
        continue;
      }
      double distance = std::abs(cy - (line.head.y0 + line.head.y1) / 2);
      if (best == lines->size() || distance < best_distance) best = i, best_distance = distance;
    }
    if (best < lines->size()) marked[best] = true;
  }
  for (size_t i = 0; i < lines->size(); ++i) {
    LaidLine& line = (*lines)[i];
    if (!marked[i] || StartsWithListMarker(line.text)) continue;
    line.text.insert(0, "- ");
    for (PlacedWord& w : line.words) w.begin += 2, w.end += 2;
  }
}

}  // namespace acervo
