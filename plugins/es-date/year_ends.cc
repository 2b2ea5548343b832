#include "year_ends.h"

#include <charconv>

namespace acervo::es_date {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return c >= 'a' && c <= 'z'; }
bool IsSpace(char c) { return c == ' ' || c == '\n'; }

// A position in folded text, moved word by word.
class Cursor {
 public:
  Cursor(std::string_view s, size_t at) : s_(s), at_(at) {}
  size_t at() const { return at_; }

  // The word just before (letters only) after skipping spaces; moves before it.
  std::string_view WordBack() {
    size_t e = at_;
    while (e > 0 && IsSpace(s_[e - 1])) --e;
    size_t b = e;
    while (b > 0 && IsLetter(s_[b - 1])) --b;
    if (b == e) return {};
    at_ = b;
    return s_.substr(b, e - b);
  }
  // The word just after (letters only) after skipping spaces; moves past it.
  std::string_view WordOn() {
    size_t b = at_;
    while (b < s_.size() && IsSpace(s_[b])) ++b;
    size_t e = b;
    while (e < s_.size() && IsLetter(s_[e])) ++e;
    if (b == e) return {};
    at_ = e;
    return s_.substr(b, e - b);
  }
  // Moves back over one word when it is `word`.
  void SkipBack(std::string_view word) {
    Cursor c = *this;
    if (c.WordBack() == word) *this = c;
  }
  void SkipOn(std::string_view word) {
    Cursor c = *this;
    if (c.WordOn() == word) *this = c;
  }

  // A whole four-digit year (1600-2099) just before / after, or 0; moves over it.
  int YearBack() {
    size_t e = at_;
    while (e > 0 && IsSpace(s_[e - 1])) --e;
    if (e < 4 || !AllDigits(e - 4, e) || (e > 4 && Glued(s_[e - 5]))) return 0;
    at_ = e - 4;
    return Year(e - 4);
  }
  int YearOn() {
    size_t b = at_;
    while (b < s_.size() && IsSpace(s_[b])) ++b;
    if (b + 4 > s_.size() || !AllDigits(b, b + 4)) return 0;
    // "2018-05-01", "2018/19", "2018.5" belong to something else.
    if (b + 4 < s_.size() && (IsDigit(s_[b + 4]) || IsLetter(s_[b + 4]) ||
                              ((s_[b + 4] == '-' || s_[b + 4] == '/' || s_[b + 4] == '.') &&
                               b + 5 < s_.size() && IsDigit(s_[b + 5])))) {
      return 0;
    }
    at_ = b + 4;
    return Year(b);
  }

 private:
  bool AllDigits(size_t b, size_t e) const {
    for (size_t i = b; i < e; ++i) {
      if (!IsDigit(s_[i])) return false;
    }
    return true;
  }
  // A character that makes the digits part of a larger token ("N.º 12/2014", "ab2014").
  static bool Glued(char c) {
    return IsDigit(c) || IsLetter(c) || c == '/' || c == '-' || c == '.';
  }
  int Year(size_t b) const {
    int y = 0;
    std::from_chars(s_.data() + b, s_.data() + b + 4, y);
    return y >= 1600 && y <= 2099 ? y : 0;
  }

  std::string_view s_;
  size_t at_;
};

bool Opens(std::string_view w) { return w == "de" || w == "del" || w == "desde" || w == "entre"; }

// Whether `connector` closes a range opened by `opener`: "entre … y", "de/desde … a/hasta".
bool Closes(std::string_view opener, std::string_view connector) {
  if (opener == "entre") return connector == "y";
  return connector == "a" || connector == "al" || connector == "hasta";
}

// Whether the "de" that starts at `at` is a law's or an identifier's ("Ley 1450 de 2011"):
// a number right before it.
bool AfterANumber(std::string_view s, size_t at) {
  while (at > 0 && IsSpace(s[at - 1])) --at;
  return at > 0 && IsDigit(s[at - 1]);
}

// "de 2014 hasta mayo de 2018": the year before e, the opener's start in *begin.
int YearBefore(std::string_view s, const Expression& e, size_t* begin) {
  Cursor c(s, e.begin);
  c.SkipBack("el");
  const std::string_view connector = c.WordBack();
  if (connector.empty()) return 0;
  const int year = c.YearBack();
  if (year == 0) return 0;
  c.SkipBack("ano");
  c.SkipBack("el");
  const std::string_view opener = c.WordBack();
  if (!Opens(opener) || !Closes(opener, connector)) return 0;
  if (opener != "entre" && AfterANumber(s, c.at())) return 0;
  *begin = c.at();
  return year;
}

// "entre mayo de 2015 y 2018": the year after e, its end in *end and the opener's start in
// *begin.
int YearAfter(std::string_view s, const Expression& e, size_t* begin, size_t* end) {
  Cursor back(s, e.begin);
  back.SkipBack("el");
  const std::string_view opener = back.WordBack();
  if (!Opens(opener) || (opener != "entre" && AfterANumber(s, back.at()))) return 0;
  Cursor on(s, e.end);
  const std::string_view connector = on.WordOn();
  if (!Closes(opener, connector)) return 0;
  on.SkipOn("el");
  on.SkipOn("ano");
  const int year = on.YearOn();
  if (year == 0) return 0;
  *begin = back.at();
  *end = on.at();
  return year;
}

}  // namespace

void JoinYearEnds(std::string_view s, std::vector<Expression>::iterator begin,
                  std::vector<Expression>::iterator end) {
  size_t taken = 0;  // where the previous expression ends: a range never reaches into it
  for (auto it = begin; it != end; ++it) {
    Expression& e = *it;
    const size_t next = it + 1 != end ? (it + 1)->begin : s.size();
    if (e.list_item || !(e.first == e.last) || e.first.year == 0) {
      taken = e.end;
      continue;
    }
    size_t from = 0, to = 0;
    if (int y = YearBefore(s, e, &from); y != 0 && y < e.first.year && from >= taken) {
      e.first = DatePoint{y, 0, 0};
      e.begin = from;
      e.year_ends = true;
    } else if (int z = YearAfter(s, e, &from, &to);
               z > e.last.year && from >= taken && to <= next) {
      e.last = DatePoint{z, 0, 0};
      e.begin = from;
      e.end = to;
      e.year_ends = true;
    }
    taken = e.end;
  }
}

}  // namespace acervo::es_date
