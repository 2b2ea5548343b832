#include "units.h"

namespace acervo::amount {
namespace {

bool IsWordByte(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsExplicit(const std::string& iso) { return !iso.empty() && iso != Currency::kCountry; }

// The meaning of a header after one more word: the first word with a meaning decides,
// "total" yields to a later word, and a percentage sign wins over everything.
HeaderMeaning Combine(HeaderMeaning so_far, HeaderMeaning word) {
  if (word == HeaderMeaning::kNone || so_far == HeaderMeaning::kPercent) return so_far;
  if (word == HeaderMeaning::kPercent) return word;
  if (so_far == HeaderMeaning::kNone) return word;
  if (so_far == HeaderMeaning::kTotal && word != HeaderMeaning::kTotal) return word;
  return so_far;
}

}  // namespace

Units ReadUnits(const Lexicon& lexicon, std::string_view f) {
  Units u;
  size_t pos = 0;
  char previous = ' ';  // the last non-space byte before pos
  while (pos < f.size()) {
    char c = f[pos];
    if (IsSpace(c)) {
      ++pos;
      continue;
    }
    bool word_start = IsWordByte(c) && (pos == 0 || !IsWordByte(f[pos - 1]));
    size_t end = 0;
    if (word_start && !(previous >= '0' && previous <= '9')) {
      int si = lexicon.MatchScale(f, pos, &end);
      if (si >= 0) {
        u.power = std::max(u.power, lexicon.scale_power(si));
        previous = f[end - 1];
        pos = end;
        continue;
      }
    }
    if (word_start || !IsWordByte(c)) {
      int ci = lexicon.MatchCurrency(f, pos, &end);
      if (ci >= 0) {
        const Currency& cur = lexicon.currency(ci);
        if (!u.has_currency || (IsExplicit(cur.iso) && !IsExplicit(u.currency))) {
          u.currency = cur.iso;
        }
        u.has_currency = true;
        previous = f[end - 1];
        pos = end;
        continue;
      }
    }
    // A word, or a sign, with the punctuation right after it ("no.", "n°") tried first.
    end = pos + 1;
    if (IsWordByte(c)) {
      while (end < f.size() && IsWordByte(f[end])) ++end;
    } else {
      while (end < f.size() && (static_cast<unsigned char>(f[end]) & 0xC0) == 0x80) ++end;
    }
    HeaderMeaning word = HeaderMeaning::kNone;
    if (IsWordByte(c)) {
      size_t with_mark = end;
      if (with_mark < f.size() && !IsWordByte(f[with_mark]) && !IsSpace(f[with_mark])) {
        ++with_mark;
        while (with_mark < f.size() && (static_cast<unsigned char>(f[with_mark]) & 0xC0) == 0x80) {
          ++with_mark;
        }
        word = lexicon.Header(f.substr(pos, with_mark - pos));
      }
    }
    if (word == HeaderMeaning::kNone) word = lexicon.Header(f.substr(pos, end - pos));
    u.meaning = Combine(u.meaning, word);
    previous = f[end - 1];
    pos = end;
  }
  return u;
}

Units Overlay(const Units& base, const Units& over) {
  Units u = over;
  if (u.power == 0) u.power = base.power;
  if (!u.has_currency) {
    u.has_currency = base.has_currency;
    u.currency = base.currency;
  } else if (!IsExplicit(u.currency) && IsExplicit(base.currency)) {
    u.currency = base.currency;
  }
  return u;
}

}  // namespace acervo::amount
