#include "tokens.h"

#include <unicode/uchar.h>

#include "acervo/text.h"

namespace acervo::institution {
namespace {

bool AsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool AsciiWord(unsigned char c) { return AsciiLetter(c) || (c >= '0' && c <= '9'); }

// Appends acervo::Fold of one word to *out; most words are plain ASCII.
void AppendFoldedWord(std::string_view word, std::string* out) {
  size_t at = out->size();
  for (char c : word) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      out->resize(at);
      AppendFolded(word, out);
      return;
    }
    out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
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
  bool folded = true;   // plain ASCII without capitals: its own folded form
  bool broken = false;  // crosses a line break ("Aseso-\nres")
};

// The end of the word that starts at `begin`, whether it has letters, lower-case ones, and
// whether it crosses a line break or is its own folded form. Plain ASCII bytes are classified
// directly; the rest through ICU.
WordShape ScanWord(std::string_view text, size_t begin) {
  WordShape w;
  w.end = begin;
  size_t p = begin;
  while (p < text.size()) {
    auto b = static_cast<unsigned char>(text[p]);
    if (b < 0x80) {
      if (AsciiWord(b)) {
        w.letters |= AsciiLetter(b);
        w.lower |= b >= 'a' && b <= 'z';
        w.folded &= !(b >= 'A' && b <= 'Z');
        w.end = ++p;
        continue;
      }
      // An inner hyphen joins two words: "Coparmex-CDMX", "APC-Colombia".
      size_t q = p + 1;
      if (b == '-' && q < text.size() && IsWordCodePoint(NextCodePoint(text, &q))) {
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
    size_t next = p;
    char32_t c = NextCodePoint(text, &next);
    if (IsWordCodePoint(c)) {
      w.folded = false;
      w.letters |= u_isalpha(static_cast<UChar32>(c)) != 0;
      w.lower |= u_islower(static_cast<UChar32>(c)) != 0;
      w.end = p = next;
      continue;
    }
    size_t q = next;
    if (IsHyphen(c) && q < text.size() && IsWordCodePoint(NextCodePoint(text, &q))) {
      w.folded = false;
      p = next;
      continue;
    }
    break;
  }
  return w;
}

}  // namespace

bool IsHyphen(char32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

std::string JoinLineBreaks(std::string_view s) {
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

std::vector<Token> Tokenize(std::string_view text, std::string* folded) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 5 + 1);
  folded->clear();
  // Where each token's folded form is: its offset in *folded, which may move while it
  // grows; npos when the form is the text itself (punctuation, lower-case ASCII words).
  std::vector<size_t> offsets;
  offsets.reserve(text.size() / 5 + 1);
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
    Token t;
    t.begin = begin;
    if (b < 0x80 ? !AsciiWord(b) : !IsWordCodePoint(cp)) {
      t.end = pos;
      t.folded = text.substr(begin, pos - begin);
      tokens.push_back(t);
      offsets.push_back(std::string::npos);
      continue;
    }
    t.word = true;
    if (b < 0x80) {
      t.number = b >= '0' && b <= '9';
      t.capital = (b >= 'A' && b <= 'Z') || t.number;
    } else {
      auto c = static_cast<UChar32>(cp);
      t.number = u_isdigit(c);
      t.capital = u_isupper(c) || u_istitle(c) || t.number;
    }
    WordShape w = ScanWord(text, begin);
    t.end = w.end;
    t.all_caps = w.letters && !w.lower;
    std::string_view word = text.substr(begin, w.end - begin);
    if (!w.broken && w.folded) {
      t.folded = word;
      offsets.push_back(std::string::npos);
    } else {
      size_t at = folded->size();
      AppendFoldedWord(w.broken ? JoinLineBreaks(word) : word, folded);
      t.folded = std::string_view(folded->data() + at, folded->size() - at);  // moved below
      offsets.push_back(at);
    }
    pos = w.end;
    tokens.push_back(t);
  }
  // The buffer is complete: point the folded forms into it.
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (offsets[i] != std::string::npos) {
      tokens[i].folded = std::string_view(folded->data() + offsets[i], tokens[i].folded.size());
    }
  }
  return tokens;
}

std::vector<std::string> FoldedTokens(std::string_view text) {
  std::string buffer;
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text, &buffer)) out.emplace_back(t.folded);
  return out;
}

}  // namespace acervo::institution
