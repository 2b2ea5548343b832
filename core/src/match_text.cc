#include "acervo/match_text.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <utility>

#include "acervo/text.h"

namespace acervo {
namespace {

bool IsSpace(char c) { return match_text_internal::IsSqueezed(c); }

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHigh = 0x80 * kOnes;

// The high bit of each byte of `w` that is a space.
uint64_t Spaces(uint64_t w) {
  const uint64_t x = w ^ (' ' * kOnes);  // zero where a space was
  return ~(((x & ~kHigh) + ~kHigh) | x | ~kHigh);
}

// The first byte of `folded` that MatchText changes or drops: a tab or line break, a space
// at the start or after another; folded.size() when there is none (most passages).
// Eight bytes at a time are passed over when none is below 0x20 and no space follows a
// space (or starts the text); the others are looked at one by one.
size_t FirstToSqueeze(const std::string& folded) {
  size_t i = 0;
  if constexpr (std::endian::native == std::endian::little) {
    uint64_t space_before = kHigh;  // the text's start counts as a space before it
    for (; i + 8 <= folded.size(); i += 8) {
      uint64_t w;
      std::memcpy(&w, folded.data() + i, 8);
      const uint64_t spaces = Spaces(w);
      const bool control = ((w - 0x20 * kOnes) & ~w & kHigh) != 0;
      if (control || (spaces & ((spaces << 8) | (space_before >> 56 & 0x80))) != 0) break;
      space_before = spaces;
    }
  }
  for (; i < folded.size(); ++i) {
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
  // Until the first byte dropped, nothing moves: a tab or line break becomes a space in
  // place (a record's text joins its segments with '\n' and often drops nothing at all).
  size_t i = from;
  for (; i < t.size(); ++i) {
    char c = t[i];
    if (static_cast<unsigned char>(c) > ' ' || !IsSpace(c)) continue;
    if (i == 0 || t[i - 1] == ' ') break;  // dropped: the bytes after it move
    t[i] = ' ';
  }
  size_t n = i;
  for (; i < t.size(); ++i) {
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

namespace match_text_internal {

void FoldRun(std::string_view run, std::string* out) {
  // Each two-byte code point's fold, packed as FoldInto packs it (text.cc): the low byte its
  // size plus one (0: not folded yet on this thread; kLonger: more than 7 bytes), then its bytes.
  constexpr uint8_t kLonger = 0xFF;
  thread_local std::array<uint64_t, 0x800> folds{};
  uint64_t* table = folds.data();  // one look-up of the thread's table per run
  out->clear();
  size_t i = 0;
  // FoldInto reads a well-formed two-byte sequence as one code point (what NextCodePoint does
  // too); anything else ends the fast path, and Fold takes the rest of the run from there.
  while (i + 1 < run.size()) {
    const auto lead = static_cast<unsigned char>(run[i]);
    const auto next = static_cast<unsigned char>(run[i + 1]);
    if (lead < 0xC2 || lead > 0xDF || (next & 0xC0) != 0x80) break;
    uint64_t& packed = table[((lead & 0x1F) << 6) | (next & 0x3F)];
    if (packed == 0) {
      std::string f = Fold(run.substr(i, 2));
      packed = kLonger;
      if (f.size() <= 7) {
        packed = f.size() + 1;
        for (size_t k = 0; k < f.size(); ++k) {
          packed |= uint64_t{static_cast<unsigned char>(f[k])} << (8 * (k + 1));
        }
      }
    }
    const uint64_t bytes = packed;
    if (static_cast<uint8_t>(bytes) == kLonger) break;
    char folded[8];
    std::memcpy(folded, &bytes, 8);  // the bytes from the second on, on a little-endian host
    if constexpr (std::endian::native == std::endian::little) {
      out->append(folded + 1, static_cast<uint8_t>(bytes) - 1);
    } else {
      for (size_t k = 1; k < static_cast<uint8_t>(bytes); ++k) {
        out->push_back(static_cast<char>(bytes >> (8 * k)));
      }
    }
    i += 2;
  }
  if (i < run.size()) AppendFolded(run.substr(i), out);
}

}  // namespace match_text_internal

MatchText::MatchText(std::string_view original) : original_(original) {
  // Folded, then squeezed in place: never longer than the folded text, so no second buffer.
  FoldedText(original).MoveTo(&text_, &map_);
  size_t from = FirstToSqueeze(text_);
  if (from < text_.size()) Squeeze(from, &text_, &map_);
}

size_t MatchText::FromOriginal(size_t offset) const {
  return std::lower_bound(map_.begin(), map_.end() - 1, offset) - map_.begin();
}

void MatchTextOnly(std::string_view original, std::string* text) {
  text->clear();
  AppendFolded(original, text);
  size_t from = FirstToSqueeze(*text);
  if (from < text->size()) Squeeze(from, text, nullptr);
}

std::string NormalizePhrase(std::string_view phrase) {
  std::string out;
  MatchTextOnly(phrase, &out);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace acervo
