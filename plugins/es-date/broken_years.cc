#include "broken_years.h"

#include <string>

namespace acervo::es_date {
namespace {

bool IsDigitChar(char c) { return c >= '0' && c <= '9'; }

// The year of a broken group at folded[at, ..): four digits with one space among them or
// one "o" for a zero among them, followed by no letter or digit; 0 when there is none.
// *end is where the group ends.
int BrokenYear(std::string_view s, size_t at, size_t* end) {
  std::string digits;
  int spaces = 0, letters = 0;
  size_t i = at;
  for (; i < s.size() && digits.size() < 4; ++i) {
    const char c = s[i];
    if (IsDigitChar(c)) {
      digits += c;
    } else if (c == 'o' && !digits.empty()) {
      digits += '0';
      ++letters;
    } else if (c == ' ' && !digits.empty() && spaces == 0) {
      ++spaces;
    } else {
      break;
    }
  }
  if (digits.size() != 4 || spaces + letters != 1) return 0;
  if (i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || IsDigitChar(s[i]))) return 0;
  const int year = std::stoi(digits);
  if (year < 1900 || year > 2099) return 0;
  *end = i;
  return year;
}

}  // namespace

void MendBrokenYears(std::string_view s, std::vector<Expression>* expressions) {
  for (Expression& e : *expressions) {
    if (e.first.year != 0 || e.last.year != 0 || e.year_back || e.month_back || e.numeric) {
      continue;
    }
    size_t at = e.end;
    for (std::string_view de : {" del ", " de "}) {
      if (s.substr(at, de.size()) == de) {
        at += de.size();
        break;
      }
    }
    if (at == e.end) continue;
    size_t end = 0;
    if (const int year = BrokenYear(s, at, &end)) {
      e.first.year = e.last.year = year;
      if (Before(e.last, e.first)) --e.first.year;  // "de noviembre a febrero de 2 021"
      e.end = end;
    }
  }
}

}  // namespace acervo::es_date
