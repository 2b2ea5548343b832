#include "load/page_break.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "load/normalize.h"

namespace acervo {
namespace {

// Index of the first (or last) line of a page that is not furniture, or -1.
int BodyLine(const std::vector<bool>& furniture, bool last) {
  int n = static_cast<int>(furniture.size());
  for (int k = 0; k < n; ++k) {
    int l = last ? n - 1 - k : k;
    if (!furniture[l]) return l;
  }
  return -1;
}

bool EndsSentence(std::string_view text) {
  static const RE2 kEnd(R"((?:[.!?:]|…)[\s"'”’»)\]]*$)");
  return RE2::PartialMatch(text, kEnd);
}

bool StartsListItem(std::string_view text) {
  static const RE2 kItem(R"(^\s*(?:[-*•●▪◦·+]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-z][)])\s)");
  return RE2::PartialMatch(text, kItem);
}

bool SameStyleAndColumn(const LaidLine& a, const LaidLine& b) {
  if (a.table_row || b.table_row || a.bold != b.bold) return false;
  if (a.font_size > 0 && b.font_size > 0 &&
      std::fabs(a.font_size - b.font_size) > 0.1 * std::max(a.font_size, b.font_size)) {
    return false;
  }
  double width = std::max(a.box.width(), b.box.width());
  return width > 0 && std::fabs(a.box.x0 - b.box.x0) <= 0.04 * width;
}

std::string_view LastWord(std::string_view text) {
  size_t space = text.find_last_of(" \t");
  return space == std::string_view::npos ? text : text.substr(space + 1);
}

// Appends `next` to `line`, with a space, or without one and without the hyphen when a word
// is hyphenated over the break ("coope-" + "ración").
void Append(const LaidLine& next, LaidLine* line) {
  std::string& t = line->text;
  bool broken = t.size() >= 2 && t.back() == '-' &&
                std::isalpha(static_cast<unsigned char>(t[t.size() - 2])) && !next.text.empty() &&
                std::islower(static_cast<unsigned char>(next.text[0]));
  // "febrero-" + "diciembre": two words a hyphen joins, kept as they are.
  bool compound =
      broken && KeepsLineEndHyphen(LastWord(std::string_view(t).substr(0, t.size() - 1)));
  if (broken && !compound) {
    t.pop_back();
  } else if (!compound) {
    t.push_back(' ');
  }
  size_t shift = t.size();
  t += next.text;
  for (PlacedWord w : next.words) {
    w.begin += shift;
    w.end += shift;
    line->words.push_back(w);
  }
}

}  // namespace

void JoinParagraphsOverPageBreaks(std::vector<PageLines>* pages,
                                  std::vector<std::vector<bool>>* furniture) {
  for (size_t p = 0; p + 1 < pages->size(); ++p) {
    int last = BodyLine((*furniture)[p], true);
    int first = BodyLine((*furniture)[p + 1], false);
    if (last < 0 || first < 0) continue;
    LaidLine& line = (*pages)[p].lines[last];
    std::vector<LaidLine>& next_lines = (*pages)[p + 1].lines;
    const LaidLine& next = next_lines[first];
    if (EndsSentence(line.text) || StartsListItem(next.text) || !SameStyleAndColumn(line, next)) {
      continue;
    }
    Append(next, &line);
    next_lines.erase(next_lines.begin() + first);
    (*furniture)[p + 1].erase((*furniture)[p + 1].begin() + first);
  }
}

}  // namespace acervo
