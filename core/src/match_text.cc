#include "acervo/match_text.h"

#include <algorithm>

#include "acervo/text.h"

namespace acervo {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

}  // namespace

MatchText::MatchText(std::string_view original) : original_(original) {
  FoldedText folded(original);
  const std::string& f = folded.text();
  // Written through indices into buffers sized for the worst case (no space dropped), then
  // cut to what was written: the per-byte push_back was most of the cost.
  text_.resize(f.size());
  map_.resize(f.size() + 1);
  size_t n = 0;
  for (size_t i = 0; i < f.size(); ++i) {
    char c = f[i];
    if (IsSpace(c)) {
      if (n == 0 || text_[n - 1] == ' ') continue;
      c = ' ';
    }
    text_[n] = c;
    map_[n] = static_cast<uint32_t>(folded.ToOriginal(i));
    ++n;
  }
  text_.resize(n);
  map_[n] = static_cast<uint32_t>(original.size());
  map_.resize(n + 1);
}

size_t MatchText::FromOriginal(size_t offset) const {
  return std::lower_bound(map_.begin(), map_.end() - 1, offset) - map_.begin();
}

std::string NormalizePhrase(std::string_view phrase) {
  MatchText m(phrase);
  std::string out = m.text();
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace acervo
