#include "records/page_furniture.h"

#include <algorithm>
#include <map>
#include <string>

#include "acervo/text.h"

namespace acervo {
namespace {

// A line's text with its digits masked ("Hoja 2 de 3" -> "hoja # de #"), so a running header
// or footer keys the same on every page.
std::string MaskedKey(std::string_view text) {
  std::string key = Fold(text);
  for (char& c : key) {
    if (c >= '0' && c <= '9') c = '#';
  }
  return key;
}

// Where running headers and footers stand: 't' for the first blocks of a page, 'b' for its
// last ones, 0 elsewhere.
char PageEdge(const Passages& p, size_t i) {
  const SegmentEntry& e = p.entry(i);
  size_t blocks = p.document().pages[e.page_index].blocks.size();
  if (e.block_index < 6) return 't';
  return e.block_index + 3 >= blocks ? 'b' : 0;
}

}  // namespace

std::vector<bool> RunningLines(const Passages& p) {
  std::map<std::string, std::vector<int>> pages;
  std::vector<std::string> keys(p.size());
  for (size_t i = 0; i < p.size(); ++i) {
    const Segment& s = p.segment(i);
    bool line = s.kind == SegmentKind::kHeading || s.kind == SegmentKind::kParagraph;
    if (!line || s.text.size() > 200 || s.text.find(' ') == std::string_view::npos) continue;
    char edge = PageEdge(p, i);
    if (edge == 0) continue;
    keys[i] = edge + MaskedKey(s.text);  // the same edge of each page
    std::vector<int>& on = pages[keys[i]];
    if (std::find(on.begin(), on.end(), p.page(i)) == on.end()) on.push_back(p.page(i));
  }
  std::vector<bool> out(p.size(), false);
  for (size_t i = 0; i < p.size(); ++i) {
    out[i] = !keys[i].empty() && pages[keys[i]].size() >= 2;
  }
  return out;
}

}  // namespace acervo
