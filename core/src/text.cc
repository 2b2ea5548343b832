#include "acervo/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cstdint>
#include <cstring>
#include <unordered_map>

namespace acervo {

char32_t NextCodePoint(std::string_view s, size_t* pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = *pos, n = s.size();
  unsigned char c = p[i];
  if (c < 0x80) {
    *pos = i + 1;
    return c;
  }
  int len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > n) {
    *pos = i + 1;
    return 0xFFFD;
  }
  char32_t cp = c & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    if ((p[i + k] & 0xC0) != 0x80) {
      *pos = i + 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (p[i + k] & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    *pos = i + 1;
    return 0xFFFD;
  }
  *pos = i + len;
  return cp;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t CodePointCount(std::string_view text, size_t byte_offset) {
  // Every byte but a continuation byte (10xxxxxx) starts a code point. Eight bytes at a time,
  // a continuation byte being one whose top bit is set and whose next bit is not, counted in
  // the word's own bytes (up to 255 words before a byte could overflow) and summed at the
  // end of each block: no popcount, which the baseline x86-64 target calls out of line for.
  const size_t n = std::min(byte_offset, text.size());
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  constexpr uint64_t kEvenBytes = 0x00FF00FF00FF00FFull;
  size_t continuations = 0, i = 0;
  while (i + 8 <= n) {
    const size_t block_end = i + 8 * std::min<size_t>((n - i) / 8, 255);
    uint64_t lanes = 0;  // continuation bytes seen, per byte position
    for (; i < block_end; i += 8) {
      uint64_t word;
      std::memcpy(&word, text.data() + i, 8);
      lanes += (word & ~(word << 1) & kHigh) >> 7;
    }
    const uint64_t pairs = (lanes & kEvenBytes) + ((lanes >> 8) & kEvenBytes);  // 16-bit sums
    continuations += static_cast<size_t>((pairs * 0x0001000100010001ull) >> 48);
  }
  for (; i < n; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++continuations;
  }
  return n - continuations;
}

bool IsValidUtf8(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t before = pos;
    char32_t cp = NextCodePoint(text, &pos);
    if (cp == 0xFFFD && !(pos - before == 3 && text.substr(before, 3) == "\xEF\xBF\xBD")) {
      return false;
    }
  }
  return true;
}

bool IsWordCodePoint(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  }
  return u_isalnum(static_cast<UChar32>(cp)) || u_getCombiningClass(cp) != 0 ||
         u_charType(cp) == U_NON_SPACING_MARK;
}

bool IsWholeWord(std::string_view text, size_t begin, size_t end) {
  if (begin > 0) {
    size_t p = begin - 1;
    while (p > 0 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
    size_t q = p;
    if (IsWordCodePoint(NextCodePoint(text, &q))) return false;
  }
  if (end < text.size()) {
    size_t q = end;
    if (IsWordCodePoint(NextCodePoint(text, &q))) return false;
  }
  return true;
}

namespace {

// The folded form of one non-ASCII code point: NFD, combining marks dropped, case folded.
const std::string& FoldCodePoint(char32_t cp) {
  // Memoized per thread. The two-byte range reaches this only once per code point, to fill
  // two_byte_folds below; FoldInto asks it for the rest.
  thread_local std::unordered_map<char32_t, std::string> cache;
  auto it = cache.find(cp);
  if (it != cache.end()) return it->second;
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  icu::UnicodeString s(static_cast<UChar32>(cp));
  icu::UnicodeString d = U_SUCCESS(err) ? nfd->normalize(s, err) : s;
  icu::UnicodeString kept;
  for (int32_t i = 0; i < d.length();) {
    UChar32 c = d.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) kept.append(c);
    i += U16_LENGTH(c);
  }
  kept.foldCase();
  std::string out;
  kept.toUTF8String(out);
  return cache.emplace(cp, std::move(out)).first->second;
}

// The folded form of a two-byte code point (U+0080 to U+07FF: Latin letters with accents,
// Greek, Cyrillic) packed in one word, for FoldInto to read without decoding through
// NextCodePoint or a thread-local lookup: the low byte is the size plus one (kLonger: more
// than 7 bytes, left to FoldCodePoint), the next seven the bytes. Each code point is folded
// on its first sight, for the whole process (a text meets a few dozen of the 1920; filling
// them all cost a short PDF 3 M instructions); threads that race store the same word.
constexpr uint8_t kLonger = 0xFF;

std::array<std::atomic<uint64_t>, 0x800> two_byte_folds{};  // 0: not folded yet

uint64_t FoldTwoByte(char32_t cp) {
  const std::string& f = FoldCodePoint(cp);
  uint64_t packed = kLonger;
  if (f.size() <= 7) {
    packed = f.size() + 1;
    for (size_t k = 0; k < f.size(); ++k) {
      packed |= uint64_t{static_cast<unsigned char>(f[k])} << (8 * (k + 1));
    }
  }
  two_byte_folds[cp].store(packed, std::memory_order_relaxed);
  return packed;
}

inline uint64_t TwoByteFold(char32_t cp) {
  uint64_t packed = two_byte_folds[cp].load(std::memory_order_relaxed);
  return packed != 0 ? packed : FoldTwoByte(cp);
}

// The ASCII capitals of eight bytes lower-cased at once, the other bytes as they were: a
// byte's low seven bits plus 0x3F reach 0x80 from 'A' up, plus 0x25 from past 'Z' up, and
// neither sum carries into the next byte; 0x20 is added where only the first does and the
// byte's own top bit is clear.
uint64_t LowerAscii8(uint64_t w) {
  constexpr uint64_t kHigh = 0x8080808080808080ULL, kLow = 0x7F7F7F7F7F7F7F7FULL;
  const uint64_t low = w & kLow;
  const uint64_t capital =
      ((low + 0x3F3F3F3F3F3F3F3FULL) ^ (low + 0x2525252525252525ULL)) & ~w & kHigh;
  return w | (capital >> 2);
}

// How many of the eight bytes of `w`, in memory order, come before its first non-ASCII one.
size_t AsciiPrefix8(uint64_t w) {
  const uint64_t high = w & 0x8080808080808080ULL;
  if (high == 0) return 8;
  if constexpr (std::endian::native == std::endian::little) {
    return static_cast<size_t>(std::countr_zero(high)) / 8;
  } else {
    return static_cast<size_t>(std::countl_zero(high)) / 8;
  }
}

// Appends the folded `original` to *folded and, when `map` is not null (then *folded starts
// empty), the original offset of every folded byte to *map, plus one entry for the end.
// ASCII, most of any text, is lower-cased eight bytes at a time into buffers sized once.
void FoldInto(std::string_view original, std::string* folded, std::vector<uint32_t>* map) {
  const size_t n = original.size();
  const char* in = original.data();
  // Folding never grows ASCII and rarely grows a code point past its own bytes; the buffers
  // grow when one does.
  size_t at = folded->size();
  size_t capacity = at + n;
  folded->resize(capacity);
  if (map) map->resize(capacity + 1);
  char* out = folded->data();
  uint32_t* to = map ? map->data() : nullptr;
  size_t pos = 0;
  while (pos < n) {
    if (pos + 8 <= n) {
      // The ASCII bytes before the first other one, all eight when there is none. All eight
      // are written (the buffers hold n - pos more bytes and entries) and only those kept.
      uint64_t w;
      std::memcpy(&w, in + pos, 8);
      const size_t ascii = AsciiPrefix8(w);
      if (ascii > 0) {
        w = LowerAscii8(w);
        std::memcpy(out + at, &w, 8);
        if (to) {
          for (size_t k = 0; k < 8; ++k) to[at + k] = static_cast<uint32_t>(pos + k);
        }
        at += ascii, pos += ascii;
        continue;
      }
    }
    unsigned char c = static_cast<unsigned char>(in[pos]);
    if (c < 0x80) {
      out[at] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      if (to) to[at] = static_cast<uint32_t>(pos);
      ++at, ++pos;
      continue;
    }
    // A well-formed two-byte sequence (what NextCodePoint decodes to U+0080..U+07FF).
    if (c >= 0xC2 && c <= 0xDF && pos + 1 < n &&
        (static_cast<unsigned char>(in[pos + 1]) & 0xC0) == 0x80) {
      uint64_t f =
          TwoByteFold(((c & 0x1F) << 6) | (static_cast<unsigned char>(in[pos + 1]) & 0x3F));
      if (static_cast<uint8_t>(f) != kLonger) {
        const size_t size = static_cast<uint8_t>(f) - 1;
        if (at + size + (n - pos - 2) > capacity) {  // more bytes than the two it replaces
          capacity = at + size + (n - pos - 2) + 16;
          folded->resize(capacity);
          out = folded->data();
          if (map) {
            map->resize(capacity + 1);
            to = map->data();
          }
        }
        for (size_t k = 0; k < size; ++k) {
          out[at] = static_cast<char>(f >> (8 * (k + 1)));
          if (to) to[at] = static_cast<uint32_t>(pos);
          ++at;
        }
        pos += 2;
        continue;
      }
    }
    size_t start = pos;
    const std::string& f = FoldCodePoint(NextCodePoint(original, &pos));
    if (at + f.size() + (n - pos) > capacity) {
      capacity = at + f.size() + (n - pos) + 16;
      folded->resize(capacity);
      out = folded->data();
      if (map) {
        map->resize(capacity + 1);
        to = map->data();
      }
    }
    for (char b : f) {
      out[at] = b;
      if (to) to[at] = static_cast<uint32_t>(start);
      ++at;
    }
  }
  folded->resize(at);
  if (map) {
    map->resize(at + 1);
    (*map)[at] = static_cast<uint32_t>(n);
  }
}

}  // namespace

FoldedText::FoldedText(std::string_view original) : original_(original) {
  FoldInto(original, &folded_, &map_);
}

std::string Fold(std::string_view text) {
  std::string out;
  FoldInto(text, &out, nullptr);
  return out;
}

void AppendFolded(std::string_view text, std::string* out) { FoldInto(text, out, nullptr); }

void LowerAsciiInPlace(char* text, size_t size) {
  size_t k = 0;
  for (; k + 8 <= size; k += 8) {
    uint64_t w;
    std::memcpy(&w, text + k, 8);
    w = LowerAscii8(w);
    std::memcpy(text + k, &w, 8);
  }
  for (; k < size; ++k) {
    if (text[k] >= 'A' && text[k] <= 'Z') text[k] = static_cast<char>(text[k] + 32);
  }
}

}  // namespace acervo
