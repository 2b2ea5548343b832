#include "acervo/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

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
  size_t count = 0;
  for (size_t i = 0; i < byte_offset && i < text.size(); ++i) {
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

// The folded form of one non-ASCII code point: NFD, combining marks dropped, case folded.
const std::string& FoldCodePoint(char32_t cp) {
  // The two-byte range (Latin letters with accents, Greek, Cyrillic) from a table, the rest
  // from a map; both filled on first use. The map's nodes never move, so the table may
  // point into it.
  thread_local std::unordered_map<char32_t, std::string> cache;
  thread_local std::vector<const std::string*> two_byte(0x800, nullptr);
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

}  // namespace

FoldedText::FoldedText(std::string_view original) : original_(original) {
  const size_t n = original.size();
  folded_.reserve(n);
  map_.reserve(n + 1);
  size_t pos = 0;
  while (pos < n) {
    // A run of ASCII bytes maps one to one: lower-cased and written in bulk.
    size_t run = pos;
    while (run < n && static_cast<unsigned char>(original[run]) < 0x80) ++run;
    if (run > pos) {
      size_t at = folded_.size();
      folded_.resize(at + (run - pos));
      map_.resize(at + (run - pos));
      for (size_t k = pos; k < run; ++k, ++at) {
        unsigned char c = static_cast<unsigned char>(original[k]);
        folded_[at] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        map_[at] = static_cast<uint32_t>(k);
      }
      pos = run;
      continue;
    }
    size_t start = pos;
    char32_t cp = NextCodePoint(original, &pos);
    const std::string& f = FoldCodePoint(cp);
    folded_ += f;
    map_.insert(map_.end(), f.size(), static_cast<uint32_t>(start));
  }
  map_.push_back(static_cast<uint32_t>(n));
}

std::string Fold(std::string_view text) { return FoldedText(text).text(); }

}  // namespace acervo
