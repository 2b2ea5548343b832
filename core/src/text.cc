#include "acervo/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
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
  // Every byte but a continuation byte (10xxxxxx) starts a code point; eight bytes at a time,
  // a continuation byte being one whose top bit is set and whose next bit is not.
  const size_t n = std::min(byte_offset, text.size());
  size_t count = 0, i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    uint64_t continuation = word & ~(word << 1) & 0x8080808080808080ull;
    count += 8 - static_cast<size_t>(__builtin_popcountll(continuation));
  }
  for (; i < n; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
  }
  return count;
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

// The thread's folded forms of the code points under U+0800, by code point; null until
// FoldCodePoint has folded one. (A thread_local in a plugin's shared object costs a call
// to reach: the loops below reach it once per text, not once per letter.)
const std::string** TwoByteFolds() {
  thread_local std::vector<const std::string*> two_byte(0x800, nullptr);
  return two_byte.data();
}

// The folded form of one non-ASCII code point: NFD, combining marks dropped, case folded.
const std::string& FoldCodePoint(char32_t cp) {
  // The two-byte range (Latin letters with accents, Greek, Cyrillic) from a table, the rest
  // from a map; both filled on first use. The map's nodes never move, so the table may
  // point into it.
  thread_local std::unordered_map<char32_t, std::string> cache;
  const std::string** two_byte = TwoByteFolds();
  if (cp < 0x800 && two_byte[cp]) return *two_byte[cp];
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
  const std::string& folded = cache.emplace(cp, std::move(out)).first->second;
  if (cp < 0x800) two_byte[cp] = &folded;
  return folded;
}

// The end of the run of ASCII bytes that starts at `pos`: eight bytes at a time, then one.
size_t AsciiRunEnd(std::string_view text, size_t pos) {
  const size_t n = text.size();
  while (pos + 8 <= n) {
    uint64_t word;
    std::memcpy(&word, text.data() + pos, 8);
    if (word & 0x8080808080808080ull) break;
    pos += 8;
  }
  while (pos < n && static_cast<unsigned char>(text[pos]) < 0x80) ++pos;
  return pos;
}

// The folded form of the non-ASCII code point at text[*pos], moving *pos past it: a two-byte
// code point already folded from `two_byte` (TwoByteFolds()), anything else from FoldCodePoint.
const std::string& FoldAt(std::string_view text, size_t* pos, const std::string** two_byte) {
  const size_t i = *pos;
  const auto c0 = static_cast<unsigned char>(text[i]);
  if (c0 >= 0xC2 && c0 <= 0xDF && i + 1 < text.size()) {
    const auto c1 = static_cast<unsigned char>(text[i + 1]);
    if ((c1 & 0xC0) == 0x80) {
      if (const std::string* f = two_byte[((c0 & 0x1F) << 6) | (c1 & 0x3F)]) {
        *pos = i + 2;
        return *f;
      }
    }
  }
  return FoldCodePoint(NextCodePoint(text, pos));
}

// ASCII bytes lower-cased into `out` (which holds `length` bytes and does not overlap `in`).
void LowerAscii(const char* __restrict in, size_t length, char* __restrict out) {
  for (size_t k = 0; k < length; ++k) {
    unsigned char c = static_cast<unsigned char>(in[k]);
    out[k] = static_cast<char>(static_cast<unsigned>(c - 'A') < 26u ? c + 32 : c);
  }
}

}  // namespace

FoldedText::FoldedText(std::string_view original) : original_(original) {
  const size_t n = original.size();
  folded_.reserve(n);
  map_.reserve(n + 1);
  const std::string** two_byte = TwoByteFolds();
  size_t pos = 0;
  while (pos < n) {
    // A run of ASCII bytes maps one to one: lower-cased and written in bulk, the text and
    // the map in loops of their own (a store through char* may alias the map, which kept
    // the compiler from vectorizing them together).
    size_t run = AsciiRunEnd(original, pos);
    if (run > pos) {
      const size_t at = folded_.size(), length = run - pos;
      folded_.resize(at + length);
      map_.resize(at + length);
      LowerAscii(original.data() + pos, length, folded_.data() + at);
      uint32_t* map = map_.data() + at;
      for (size_t k = 0; k < length; ++k) map[k] = static_cast<uint32_t>(pos + k);
      pos = run;
      continue;
    }
    size_t start = pos;
    const std::string& f = FoldAt(original, &pos, two_byte);
    folded_ += f;
    map_.insert(map_.end(), f.size(), static_cast<uint32_t>(start));
  }
  map_.push_back(static_cast<uint32_t>(n));
}

// FoldedText's loop without the map back to the original: the record assembler and the
// plugins fold many short texts whose offsets they never need.
std::string Fold(std::string_view text) {
  const size_t n = text.size();
  std::string folded;
  folded.reserve(n);
  const std::string** two_byte = TwoByteFolds();
  size_t pos = 0;
  while (pos < n) {
    size_t run = AsciiRunEnd(text, pos);
    if (run > pos) {
      size_t at = folded.size();
      folded.resize(at + (run - pos));
      LowerAscii(text.data() + pos, run - pos, folded.data() + at);
      pos = run;
      continue;
    }
    folded += FoldAt(text, &pos, two_byte);
  }
  return folded;
}

}  // namespace acervo
