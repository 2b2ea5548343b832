#include "date_columns.h"

#include <algorithm>

namespace acervo::es_date {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Whether any word of the (original) header cell is a date column word.
bool HeadsDates(const Vocabulary& words, std::string_view cell) {
  const std::string folded = Fold(cell);
  for (size_t i = 0; i < folded.size();) {
    size_t j = i;
    while (j < folded.size() && folded[j] >= 'a' && folded[j] <= 'z') ++j;
    if (j > i && words.IsDateColumnWord(std::string_view(folded).substr(i, j - i))) return true;
    i = j + 1;
  }
  return false;
}

// Reads "23/11" or "9-4" as day and month; false unless the whole of s is that.
bool DayAndMonth(std::string_view s, int* day, int* month) {
  size_t i = 0;
  auto number = [&](int* v) {
    size_t start = i;
    *v = 0;
    while (i < s.size() && i - start < 2 && IsDigit(s[i])) *v = *v * 10 + (s[i++] - '0');
    return i > start;
  };
  if (!number(day) || i >= s.size() || (s[i] != '/' && s[i] != '-')) return false;
  ++i;
  return number(month) && i == s.size();
}

}  // namespace

void AddDateColumnCells(const Vocabulary& words, std::span<const std::string_view> header,
                        const FoldedText& text, std::vector<Expression>* out) {
  const std::string_view s = text.text();
  size_t column = 0;
  for (size_t begin = 0; begin <= s.size(); ++column) {
    size_t end = std::min(s.find('\t', begin), s.size());
    size_t b = begin, e = end;
    while (b < e && s[b] == ' ') ++b;
    while (e > b && s[e - 1] == ' ') --e;
    int day = 0, month = 0;
    if (column < header.size() && DayAndMonth(s.substr(b, e - b), &day, &month) &&
        HeadsDates(words, header[column]) &&
        std::none_of(out->begin(), out->end(),
                     [&](const Expression& x) { return x.begin < e && x.end > b; })) {
      if (day <= 12 && month > 12) std::swap(day, month);  // month first, as in US-style dates
      Expression x;
      x.begin = b;
      x.end = e;
      x.numeric = true;
      x.ambiguous = day != month && day <= 12;
      x.first = x.last = DatePoint{0, month, day};
      if (day >= 1 && IsValid(x.first)) {
        out->insert(std::upper_bound(
                        out->begin(), out->end(), x,
                        [](const Expression& a, const Expression& c) { return a.begin < c.begin; }),
                    x);
      }
    }
    begin = end + 1;
  }
}

}  // namespace acervo::es_date
