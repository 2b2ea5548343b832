#include "load/normalize.h"

#include <re2/re2.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>

#include "acervo/text.h"
#include "load/loader_data.h"

namespace acervo {
namespace {

// Replacement for one code point: nullptr keeps it, "" drops it.
const char* Replacement(char32_t cp) {
  switch (cp) {
    case 0x00A0:
    case 0x2007:
    case 0x202F:
    case 0x2002:
    case 0x2003:
    case 0x2004:
    case 0x2005:
    case 0x2006:
    case 0x2008:
    case 0x2009:
    case 0x200A:
    case 0x3000:
      return " ";
    case 0x00AD:
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
      return "";
    case 0xFB00:
      return "ff";
    case 0xFB01:
      return "fi";
    case 0xFB02:
      return "fl";
    case 0xFB03:
      return "ffi";
    case 0xFB04:
      return "ffl";
    case 0xFB05:
    case 0xFB06:
      return "st";
    case 0x2028:
    case 0x2029:
      return "\n";
    default:
      break;
  }
  if (cp < 0x20 && cp != '\n' && cp != '\t' && cp != '\f') return "";
  if (cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) return "";
  return nullptr;
}

bool IsEscapable(char c) {
  switch (c) {
    case '$':
    case '_':
    case '*':
    case '#':
    case '-':
    case '.':
    case '(':
    case ')':
    case '[':
    case ']':
    case '&':
    case '%':
    case '+':
    case '!':
    case '|':
    case '~':
    case '`':
    case '>':
    case '<':
    case '{':
    case '}':
    case '=':
      return true;
    default:
      return false;
  }
}

bool IsLowerLetter(char32_t cp) { return u_islower(static_cast<UChar32>(cp)); }
bool IsLetter(char32_t cp) { return u_isalpha(static_cast<UChar32>(cp)); }

// The code point that ends right before byte `pos`.
char32_t PrevCodePoint(const std::string& s, size_t pos) {
  if (pos == 0) return 0;
  size_t p = pos - 1;
  while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
  return NextCodePoint(s, &p);
}

// Whether NormalizeText leaves `input` as it is: printable ASCII, line ends, tabs and form
// feeds, no escape and no hyphen at a line end (most words of a PDF's text layer).
bool AlreadyNormal(std::string_view input) {
  for (size_t i = 0; i < input.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(input[i]);
    if (c >= 0x20 && c < 0x7F && c != '\\' && c != '-') continue;
    if (c == '\n' || c == '\t' || c == '\f') continue;
    if (c == '-' && (i + 1 == input.size() || input[i + 1] != '\n')) continue;
    return false;
  }
  return true;
}

}  // namespace

std::string NormalizeText(std::string_view input) {
  if (AlreadyNormal(input)) return std::string(input);
  // 1. Characters: line ends, spaces, ligatures, invisible and control characters, escapes.
  std::string cleaned;
  cleaned.reserve(input.size());
  size_t pos = 0;
  while (pos < input.size()) {
    char c = input[pos];
    if (c == '\r') {
      cleaned.push_back('\n');
      pos += (pos + 1 < input.size() && input[pos + 1] == '\n') ? 2 : 1;
      continue;
    }
    if (c == '\\' && pos + 1 < input.size() && IsEscapable(input[pos + 1])) {
      cleaned.push_back(input[pos + 1]);
      pos += 2;
      continue;
    }
    size_t start = pos;
    char32_t cp = NextCodePoint(input, &pos);
    if (const char* r = Replacement(cp)) {
      cleaned += r;
    } else {
      cleaned.append(input.substr(start, pos - start));
    }
  }

  // 2. NFC (composes "a" + U+0301 into "á").
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_SUCCESS(err)) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(cleaned);
    if (!nfc->isNormalized(u, err)) {
      err = U_ZERO_ERROR;
      icu::UnicodeString n = nfc->normalize(u, err);
      if (U_SUCCESS(err)) {
        cleaned.clear();
        n.toUTF8String(cleaned);
      }
    }
  }

  // 3. Words hyphenated across a line end: "coope-\n  ración" -> "cooperación\n".
  std::string out;
  out.reserve(cleaned.size());
  for (size_t i = 0; i < cleaned.size(); ++i) {
    if (cleaned[i] == '-' && i + 1 < cleaned.size() && cleaned[i + 1] == '\n' &&
        IsLetter(PrevCodePoint(cleaned, i))) {
      size_t j = i + 2;
      while (j < cleaned.size() && (cleaned[j] == ' ' || cleaned[j] == '\t')) ++j;
      size_t word_end = j;
      char32_t next = j < cleaned.size() ? NextCodePoint(cleaned, &word_end) : 0;
      size_t word_begin = i;  // where the letters before the hyphen start
      while (word_begin > 0 && IsLetter(PrevCodePoint(cleaned, word_begin))) {
        do --word_begin;
        while (word_begin > 0 && (static_cast<unsigned char>(cleaned[word_begin]) & 0xC0) == 0x80);
      }
      if (IsLowerLetter(next) &&
          !KeepsLineEndHyphen(std::string_view(cleaned).substr(word_begin, i - word_begin))) {
        // Move the rest of the word up, then the line break.
        size_t k = j;
        while (k < cleaned.size()) {
          size_t q = k;
          if (!IsLetter(NextCodePoint(cleaned, &q))) break;
          k = q;
        }
        out.append(cleaned, j, k - j);
        out.push_back('\n');
        i = k - 1;
        if (k < cleaned.size() && cleaned[k] == ' ') ++i;  // the space moved to the break
        continue;
      }
    }
    out.push_back(cleaned[i]);
  }
  return out;
}

bool KeepsLineEndHyphen(std::string_view word) {
  static const std::unique_ptr<RE2> months = DataPatternsOrNone("months.tsv", "", "");
  return months != nullptr && !word.empty() && RE2::FullMatch(Fold(word), *months);
}

}  // namespace acervo
