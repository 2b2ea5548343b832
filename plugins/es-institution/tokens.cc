#include "tokens.h"

#include <unicode/uchar.h>

#include <array>
#include <cstdint>

#include "acervo/text.h"

namespace acervo::institution {
namespace {

// What a byte is to a word, as bits, so that a word's ASCII bytes are classified with one
// load each and their classes or-ed together; every byte from 0x80 up is 0 (read apart).
enum : uint8_t { kDigit = 1, kLower = 2, kUpper = 4, kLetter = kLower | kUpper, kWord = 7 };
constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> c{};
  for (int b = '0'; b <= '9'; ++b) c[b] = kDigit;
  for (int b = 'a'; b <= 'z'; ++b) c[b] = kLower;
  for (int b = 'A'; b <= 'Z'; ++b) c[b] = kUpper;
  return c;
}();

// The accented letters of Latin-1 (U+00C0 to U+00FF but for × and ÷) are two bytes, the
// first 0xC3; this is the second byte of one of them.
bool Latin1Letter(unsigned char second) {
  return second >= 0x80 && second <= 0xBF && second != 0x97 && second != 0xB7;
}

// acervo::Fold of each code point U+00C0 to U+00FF, by its second byte less 0x80 ("á" ->
// "a"), computed once by Fold itself so that it cannot disagree with it.
const std::array<std::string, 64>& Latin1Folds() {
  static const std::array<std::string, 64> folds = [] {
    std::array<std::string, 64> f;
    for (int k = 0; k < 64; ++k) {
      const char bytes[2] = {'\xC3', static_cast<char>(0x80 + k)};
      f[k] = Fold(std::string_view(bytes, 2));
    }
    return f;
  }();
  return folds;
}

// Appends acervo::Fold of one word to *out. Most words are plain ASCII, and most others
// ASCII with Latin-1 letters (`latin1`); both are folded here, a byte or a letter at a time.
void AppendFoldedWord(std::string_view word, bool ascii, bool latin1, std::string* out) {
  if (ascii) {
    size_t at = out->size();
    out->append(word);
    for (char* c = out->data() + at; c != out->data() + out->size(); ++c) {
      if (*c >= 'A' && *c <= 'Z') *c = static_cast<char>(*c + 32);
    }
    return;
  }
  if (!latin1) {
    AppendFolded(word, out);
    return;
  }
  const std::array<std::string, 64>& folds = Latin1Folds();
  for (size_t k = 0; k < word.size(); ++k) {
    auto b = static_cast<unsigned char>(word[k]);
    if (b < 0x80) {
      out->push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
    } else {  // 0xC3 and the byte after it
      out->append(folds[static_cast<unsigned char>(word[++k]) - 0x80]);
    }
  }
}

// When text[p] is a hyphen that ends a line after a lower-case letter and a lower-case
// letter starts the next one, the position of that letter; p otherwise. The line break may
// have become one space when the loader joined the lines of a paragraph ("Aseso- res").
size_t LineBreakHyphen(std::string_view text, size_t p) {
  if (text[p] != '-' || p == 0) return p;
  auto before = static_cast<unsigned char>(text[p - 1]);
  if (!(before >= 'a' && before <= 'z') && before < 0x80) return p;
  size_t q = p + 1;
  if (q < text.size() && text[q] == '\r') ++q;
  if (q >= text.size() || (text[q] != '\n' && text[q] != ' ')) return p;
  size_t letter = ++q;
  if (q >= text.size() || !u_islower(static_cast<UChar32>(NextCodePoint(text, &q)))) return p;
  return letter;
}

struct WordShape {
  size_t end = 0;
  bool letters = false;
  bool lower = false;
  bool broken = false;        // crosses a line break ("Aseso-\nres")
  bool ascii = true;          // every byte ASCII
  bool latin1 = true;         // every byte ASCII or part of a Latin-1 letter (Latin1Letter)
  bool inner_hyphen = false;  // an ASCII '-' inside ("Coparmex-CDMX")
};

// The end of the word that starts at `begin`, whether it has letters, lower-case ones, and
// whether it crosses a line break or is all ASCII. Runs of plain ASCII bytes are
// classified in a tight loop; Latin-1 letters directly; the rest through ICU.
WordShape ScanWord(std::string_view text, size_t begin) {
  WordShape w;
  w.end = begin;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t p = begin;
  uint8_t classes = 0;  // of the word's ASCII bytes
  while (p < n) {
    const size_t run = p;
    for (uint8_t c; p < n && (c = kByteClass[s[p]]) != 0; ++p) classes |= c;
    if (p > run) w.end = p;
    if (p >= n) break;
    const unsigned char b = s[p];
    if (b < 0x80) {
      if (b != '-') break;
      // An inner hyphen joins two words: "Coparmex-CDMX", "APC-Colombia".
      size_t q = p + 1;
      if (q < n && IsWordCodePoint(NextCodePoint(text, &q))) {
        w.inner_hyphen = true;
        ++p;
        continue;
      }
      // A word hyphenated at the end of a line: "Aseso-\nres".
      if (size_t after = LineBreakHyphen(text, p); after > p) {
        w.broken = true;
        p = after;
        continue;
      }
      break;
    }
    // Spanish's "á", "ñ", "Ú": upper case before U+00DF.
    if (b == 0xC3 && p + 1 < n && Latin1Letter(s[p + 1])) {
      w.ascii = false;
      w.letters = true;
      w.lower |= s[p + 1] >= 0x9F;
      w.end = p = p + 2;
      continue;
    }
    size_t next = p;
    char32_t c = NextCodePoint(text, &next);
    if (IsWordCodePoint(c)) {
      w.ascii = false;
      w.latin1 = false;
      w.letters |= u_isalpha(static_cast<UChar32>(c)) != 0;
      w.lower |= u_islower(static_cast<UChar32>(c)) != 0;
      w.end = p = next;
      continue;
    }
    size_t q = next;
    if (IsHyphen(c) && q < n && IsWordCodePoint(NextCodePoint(text, &q))) {
      w.ascii = false;
      w.latin1 = false;
      p = next;
      continue;
    }
    break;
  }
  w.letters |= (classes & kLetter) != 0;
  w.lower |= (classes & kLower) != 0;
  return w;
}

// Points the folded forms that were in the buffer at `from` (every form that is not a view
// of `text`) at the same offsets in the buffer at `to`, where the buffer moved.
void RepointFolded(std::string_view text, const char* from, const char* to,
                   std::vector<Token>* tokens) {
  const auto text_begin = reinterpret_cast<uintptr_t>(text.data());
  const auto old_begin = reinterpret_cast<uintptr_t>(from);
  for (Token& t : *tokens) {
    auto at = reinterpret_cast<uintptr_t>(t.folded.data());
    if (at >= text_begin && at - text_begin < text.size()) continue;
    t.folded = std::string_view(to + (at - old_begin), t.folded.size());
  }
}

}  // namespace

bool IsHyphen(char32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

std::string JoinLineBreaks(std::string_view s) {
  if (s.find('-') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '-' && LineBreakHyphen(s, i) > i) {
      i = LineBreakHyphen(s, i) - 1;
      continue;
    }
    out.push_back(s[i]);
  }
  return out;
}

void Tokenize(std::string_view text, std::string* folded, std::vector<Token>* out) {
  std::vector<Token>& tokens = *out;
  tokens.clear();
  tokens.reserve(text.size() / 5 + 1);
  // The buffer starts with the text with its ASCII capitals in lower case, where ASCII
  // words find their folded forms at their own offsets; other words' forms follow it. A
  // folded word rarely takes more bytes than the word, so the buffer rarely moves; when it
  // does, the forms already in it follow it (RepointFolded).
  folded->reserve(2 * text.size() + 16);
  folded->assign(text);
  LowerAsciiInPlace(folded->data(), folded->size());
  size_t pos = 0;
  while (pos < text.size()) {
    size_t begin = pos;
    auto b = static_cast<unsigned char>(text[pos]);
    // Tabs separate table cells, so they are tokens that end a name.
    if (b == ' ' || b == '\n' || b == '\r') {
      ++pos;
      continue;
    }
    char32_t cp = b < 0x80 ? (++pos, b) : NextCodePoint(text, &pos);
    if (cp == 0xA0) continue;
    Token& t = tokens.emplace_back();
    t.begin = begin;
    const uint8_t ascii_class = kByteClass[b];  // 0 from 0x80 up
    if (b < 0x80 ? ascii_class == 0 : !IsWordCodePoint(cp)) {
      t.end = pos;
      t.folded = std::string_view(text.data() + begin, pos - begin);
      continue;
    }
    t.word = true;
    if (b < 0x80) {
      t.number = ascii_class == kDigit;
      t.capital = (ascii_class & (kUpper | kDigit)) != 0;
    } else {
      auto c = static_cast<UChar32>(cp);
      t.number = u_isdigit(c);
      t.capital = u_isupper(c) || u_istitle(c) || t.number;
    }
    WordShape w = ScanWord(text, begin);
    t.end = w.end;
    t.all_caps = w.letters && !w.lower;
    if (w.ascii && !w.broken) {
      t.folded = std::string_view(folded->data() + begin, w.end - begin);
    } else {
      std::string_view word(text.data() + begin, w.end - begin);
      const char* before = folded->data();
      size_t at = folded->size();
      AppendFoldedWord(w.broken ? JoinLineBreaks(word) : word, w.ascii, w.latin1, folded);
      if (folded->data() != before) RepointFolded(text, before, folded->data(), &tokens);
      t.folded = std::string_view(folded->data() + at, folded->size() - at);
    }
    // The folded form of an ASCII word has a '-' where the word has an inner one (a broken
    // word loses its line-break hyphen), and so has a word of Latin-1 letters, whose folds
    // hold neither '-' nor 0xE2; other words are read byte by byte.
    if (w.latin1) {
      t.hyphenated = w.inner_hyphen;
    } else {
      for (char c : t.folded) t.hyphenated |= c == '-' || c == '\xE2';
    }
    pos = w.end;
  }
}

std::vector<Token> Tokenize(std::string_view text, std::string* folded) {
  std::vector<Token> tokens;
  Tokenize(text, folded, &tokens);
  return tokens;
}

std::vector<std::string> FoldedTokens(std::string_view text) {
  std::string buffer;
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text, &buffer)) out.emplace_back(t.folded);
  return out;
}

}  // namespace acervo::institution
