#include "acervo/match_text.h"

#include <algorithm>
#include <utility>

#include "acervo/text.h"

namespace acervo {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// False when `folded` is already as MatchText leaves it: no tab or line break, no space at
// the start or after another (most passages). Reads each byte once, writes nothing.
bool NeedsSqueezing(const std::string& folded) {
  for (size_t i = 0; i < folded.size(); ++i) {
    char c = folded[i];
    if (static_cast<unsigned char>(c) > ' ') continue;
    if (c == ' ') {
      if (i == 0 || folded[i - 1] == ' ') return true;
    } else if (IsSpace(c)) {
      return true;
    }
  }
  return false;
}

}  // namespace

MatchText::MatchText(std::string_view original) : original_(original) {
  FoldedText folded(original);
  if (!NeedsSqueezing(folded.text())) {  // nothing to squeeze: keep the folded text and map
    std::move(folded).MoveTo(&text_, &map_);
    return;
  }
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
