#include "acervo/match_text.h"

#include <algorithm>
#include <utility>

#include "acervo/text.h"

namespace acervo {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The first byte of `folded` that MatchText changes or drops: a tab or line break, a space
// at the start or after another; folded.size() when there is none (most passages).
size_t FirstToSqueeze(const std::string& folded) {
  for (size_t i = 0; i < folded.size(); ++i) {
    char c = folded[i];
    if (static_cast<unsigned char>(c) > ' ') continue;
    if (c == ' ') {
      if (i == 0 || folded[i - 1] == ' ') return i;
    } else if (IsSpace(c)) {
      return i;
    }
  }
  return folded.size();
}

// Turns each run of whitespace of `text` into one space and drops one at the start, in
// place, from byte `from` (FirstToSqueeze); `map`, when given, follows the bytes kept.
void Squeeze(size_t from, std::string* text, std::vector<uint32_t>* map) {
  std::string& t = *text;
  size_t n = from;
  for (size_t i = from; i < t.size(); ++i) {
    char c = t[i];
    if (IsSpace(c)) {
      if (n == 0 || t[n - 1] == ' ') continue;
      c = ' ';
    }
    t[n] = c;
    if (map) (*map)[n] = (*map)[i];
    ++n;
  }
  if (map) {
    (*map)[n] = (*map)[t.size()];
    map->resize(n + 1);
  }
  t.resize(n);
}

}  // namespace

MatchText::MatchText(std::string_view original) : original_(original) {
  // Folded, then squeezed in place: never longer than the folded text, so no second buffer.
  FoldedText(original).MoveTo(&text_, &map_);
  size_t from = FirstToSqueeze(text_);
  if (from < text_.size()) Squeeze(from, &text_, &map_);
}

size_t MatchText::FromOriginal(size_t offset) const {
  return std::lower_bound(map_.begin(), map_.end() - 1, offset) - map_.begin();
}

std::string NormalizePhrase(std::string_view phrase) {
  std::string out = Fold(phrase);  // MatchText's text, without its map
  size_t from = FirstToSqueeze(out);
  if (from < out.size()) Squeeze(from, &out, nullptr);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace acervo
