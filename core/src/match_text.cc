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
  text_.reserve(f.size());
  map_.reserve(f.size() + 1);
  for (size_t i = 0; i < f.size(); ++i) {
    if (IsSpace(f[i])) {
      if (text_.empty() || text_.back() == ' ') continue;
      text_.push_back(' ');
    } else {
      text_.push_back(f[i]);
    }
    map_.push_back(static_cast<uint32_t>(folded.ToOriginal(i)));
  }
  map_.push_back(static_cast<uint32_t>(original.size()));
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
