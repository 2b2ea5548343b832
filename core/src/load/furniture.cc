#include "load/furniture.h"

#include <re2/re2.h>

#include <map>
#include <string>

#include "acervo/text.h"

namespace acervo {
namespace {

constexpr int kEdgeLines = 3;   // how many lines from the top or bottom may be furniture
constexpr double kMargin = 0.1;  // the top and bottom tenth of the page

// The line's letters, case and accents folded, with each run of digits made '#': spaces
// and punctuation are left out, which OCR often gets wrong ("·" read as "-").
std::string Key(const std::string& text) {
  std::string folded = Fold(text);
  std::string key;
  size_t pos = 0;
  while (pos < folded.size()) {
    size_t start = pos;
    char32_t cp = NextCodePoint(folded, &pos);
    if (cp >= '0' && cp <= '9') {
      if (key.empty() || key.back() != '#') key.push_back('#');
    } else if (IsWordCodePoint(cp)) {
      key.append(folded, start, pos - start);
    }
  }
  return key;
}

bool IsPageNumber(const std::string& text) {
  static const RE2 kPageNumber(
      R"((?i)^\s*(?:[-–—]\s*)?(?:p[aá]g(?:ina|\.)?\s*)?\d{1,4}(?:\s*(?:de|/|of)\s*\d{1,4})?(?:\s*[-–—])?\s*$)");
  return RE2::FullMatch(text, kPageNumber);
}

bool InMargin(const PageLines& page, size_t i) {
  const LaidLine& line = page.lines[i];
  bool edge = i < kEdgeLines || i + kEdgeLines >= page.lines.size();
  if (!edge || page.height <= 0) return false;
  return line.box.y1 < kMargin * page.height || line.box.y0 > (1 - kMargin) * page.height;
}

}  // namespace

std::vector<std::vector<bool>> FindFurniture(const std::vector<PageLines>& pages) {
  std::map<std::string, int> pages_with_key;
  for (const PageLines& page : pages) {
    std::map<std::string, bool> seen;
    for (size_t i = 0; i < page.lines.size(); ++i) {
      if (InMargin(page, i)) seen[Key(page.lines[i].text)] = true;
    }
    for (const auto& [key, unused] : seen) ++pages_with_key[key];
  }
  int needed = std::max<int>(2, static_cast<int>((pages.size() + 2) / 3));
  std::vector<std::vector<bool>> result(pages.size());
  for (size_t p = 0; p < pages.size(); ++p) {
    const PageLines& page = pages[p];
    result[p].assign(page.lines.size(), false);
    for (size_t i = 0; i < page.lines.size(); ++i) {
      if (!InMargin(page, i)) continue;
      const std::string& text = page.lines[i].text;
      result[p][i] = IsPageNumber(text) || pages_with_key[Key(text)] >= needed;
    }
  }
  return result;
}

}  // namespace acervo
