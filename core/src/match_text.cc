#include "acervo/match_text.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <utility>

#include "acervo/text.h"

namespace acervo {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The first byte of `text` at or after `from` that is a space or a control character (below
// 0x21), or text.size(). Eight bytes at a time: a byte below 0x21 turns on the high bit of
// (w - 0x21 in each byte) & ~w, and no other byte does before the first such one.
size_t NextSpaceOrControl(const std::string& text, size_t from) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  size_t i = from;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, text.data() + i, 8);
    if (((w - 0x21 * kOnes) & ~w & (0x80 * kOnes)) != 0) break;
  }
  while (i < text.size() && static_cast<unsigned char>(text[i]) > ' ') ++i;
  return i;
}

// The first byte of `folded` that MatchText changes or drops: a tab or line break, a space
// at the start or after another; folded.size() when there is none (most passages).
size_t FirstToSqueeze(const std::string& folded) {
  for (size_t i = NextSpaceOrControl(folded, 0); i < folded.size();
       i = NextSpaceOrControl(folded, i + 1)) {
    char c = folded[i];
    if (c == ' ') {
      if (i == 0 || folded[i - 1] == ' ') return i;
    } else if (IsSpace(c)) {
      return i;
    }
  }
  return folded.size();
}

// Turns each run of whitespace of `text` into one space and drops one at the start, in
// place, from byte `from` (FirstToSqueeze); `map`, when given, follows the bytes kept. The
// stretches between spaces and control characters move as they are.
void Squeeze(size_t from, std::string* text, std::vector<uint32_t>* map) {
  std::string& t = *text;
  size_t n = from, i = from;
  while (i < t.size()) {
    size_t kept = NextSpaceOrControl(t, i) - i;
    if (kept > 0) {
      std::memmove(t.data() + n, t.data() + i, kept);
      if (map) std::memmove(map->data() + n, map->data() + i, kept * sizeof(uint32_t));
      n += kept, i += kept;
      continue;
    }
    char c = t[i];
    if (IsSpace(c)) {
      if (n == 0 || t[n - 1] == ' ') {
        ++i;
        continue;
      }
      c = ' ';
    }
    t[n] = c;
    if (map) (*map)[n] = (*map)[i];
    ++n, ++i;
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
