// Grammar's readers of years: years stated as such ("ejercicio 2023"), every year written,
// whether a year is a time, a heading's year. Read by hand: every passage is searched.
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>

#include "acervo/text.h"
#include "grammar_internal.h"

namespace acervo::es_date {
namespace {

int ToInt(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

// Whether folded[i, i + 4) is a year as the patterns' {YD} spells it (1600-2099), read by hand:
// every passage is searched for years, and most hold none.
bool YearDigitsAt(std::string_view s, size_t i) {
  if (i + 4 > s.size()) return false;
  const char a = s[i], b = s[i + 1];
  if (!((a == '1' && b >= '6' && b <= '9') || (a == '2' && b == '0'))) return false;
  return IsDigit(s[i + 2]) && IsDigit(s[i + 3]);
}

// The offset of the first '1' or '2' at or after `i`, or npos; eight bytes at a time, as
// most passages hold few digits.
size_t NextOneOrTwo(std::string_view s, size_t i) {
  constexpr uint64_t kOnes = 0x0101010101010101, kHighs = 0x8080808080808080;
  auto has_zero_byte = [](uint64_t w) { return (w - kOnes) & ~w & kHighs; };
  while (i < s.size()) {
    for (; i + 8 <= s.size(); i += 8) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (has_zero_byte(w ^ (kOnes * '1')) | has_zero_byte(w ^ (kOnes * '2'))) break;
    }
    for (const size_t stop = std::min(s.size(), i + 8); i < stop; ++i) {
      if (s[i] == '1' || s[i] == '2') return i;
    }
  }
  return std::string_view::npos;
}

// The offset of the first year (YearDigitsAt) at or after `from`, or npos: {YD}'s
// leftmost match, as RE2 would find it.
size_t NextYearDigits(std::string_view s, size_t from) {
  for (size_t i = NextOneOrTwo(s, from); i != std::string_view::npos && i + 4 <= s.size();
       i = NextOneOrTwo(s, i + 1)) {
    if (YearDigitsAt(s, i)) return i;
  }
  return std::string_view::npos;
}

}  // namespace

void Grammar::FindYearMentions(std::string_view folded, std::vector<YearMention>* out) const {
  // "(?:ejercicio|ano)(?:{S}fiscal)?{S}(?:de{S})?({YD})", read backwards from each year by
  // hand; the words need no edge ("plano 2020" holds "ano 2020").
  auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\r'; };
  // Where the spaces that end folded[0, at) begin; `at` when there are none.
  auto spaces_before = [&](size_t at) {
    while (at > 0 && is_space(folded[at - 1])) --at;
    return at;
  };
  auto ends_with = [&](size_t at, std::string_view word) {
    return at >= word.size() && folded.substr(at - word.size(), word.size()) == word;
  };
  for (size_t y = NextYearDigits(folded, 0); y != std::string_view::npos;
       y = NextYearDigits(folded, y + 1)) {
    size_t at = spaces_before(y);
    if (at == y) continue;
    if (ends_with(at, "de")) {  // "(?:de{S})?"
      const size_t word = at - 2;
      if ((at = spaces_before(word)) == word) continue;
    }
    if (ends_with(at, "fiscal")) {  // "(?:{S}fiscal)?"
      const size_t word = at - 6;
      if ((at = spaces_before(word)) == word) continue;
    }
    if (ends_with(at, "ano") || ends_with(at, "ejercicio")) {
      out->push_back({y, ToInt(folded.substr(y, 4))});
    }
  }
}

void Grammar::FindYears(std::string_view folded, std::vector<YearMention>* out) const {
  // Each year found is consumed whole, as a search that resumes after its match would.
  for (size_t b = NextYearDigits(folded, 0); b != std::string_view::npos;
       b = NextYearDigits(folded, b + 4)) {
    if (!IsWholeWord(folded, b, b + 4) || !StandsAlone(folded, b, b + 4)) continue;
    if (b >= 7 && folded.substr(b - 7, 7) == "agenda ") continue;
    out->push_back({b, ToInt(folded.substr(b, 4))});
  }
}

bool Grammar::IsTimeYear(std::string_view folded, size_t offset) const {
  auto word_before = [&](size_t end) {
    while (end > 0 && (folded[end - 1] == ' ' || folded[end - 1] == '\n')) --end;
    size_t b = end;
    while (b > 0 && folded[b - 1] >= 'a' && folded[b - 1] <= 'z') --b;
    return std::pair{folded.substr(b, end - b), b};
  };
  auto [word, at] = word_before(offset);
  if (vocabulary_.IsYearTimeCue(word)) return true;
  if (word != "de" && word != "del") return false;
  std::string_view month = word_before(at).first;  // "mayo de 2018"
  return vocabulary_.Month(month) != nullptr && !vocabulary_.Month(month)->abbreviation;
}

int Grammar::HeadingYear(std::string_view folded, bool* only_year) const {
  std::vector<YearMention> years;
  FindYears(folded, &years);
  *only_year = false;
  if (years.empty()) return 0;
  // Nothing else but "año" and punctuation: "2019", "Año 2019:", "**2019**".
  std::string rest(folded.substr(0, years[0].begin));
  rest += folded.substr(years[0].begin + 4);
  if (size_t ano = rest.find("ano"); ano != std::string::npos && IsWholeWord(rest, ano, ano + 3)) {
    rest.erase(ano, 3);
  }
  *only_year = std::none_of(rest.begin(), rest.end(),
                            [](char c) { return (c >= 'a' && c <= 'z') || IsDigit(c); });
  return years[0].year;
}

}  // namespace acervo::es_date
