#include <algorithm>
#include <charconv>

#include "shape.h"

namespace acervo::es_date {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int ToInt(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

// The word (letters only) that starts at or after folded[from], skipping spaces.
std::string_view WordFrom(std::string_view s, size_t from) {
  while (from < s.size() && (s[from] == ' ' || s[from] == '\n')) ++from;
  size_t e = from;
  while (e < s.size() && s[e] >= 'a' && s[e] <= 'z') ++e;
  return s.substr(from, e - from);
}

// -1 after "pasado", +1 after "próximo": the word right before folded[begin]; else the
// word right after folded[end], where Spanish also puts them ("el 5 de mayo pasado", "el 3
// de junio próximo"), "próximo pasado" being the last one gone, as Mexican writing has it.
int Direction(std::string_view s, size_t begin, size_t end) {
  size_t e = begin;
  while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\n')) --e;
  size_t b = e;
  while (b > 0 && s[b - 1] >= 'a' && s[b - 1] <= 'z') --b;
  std::string_view w = s.substr(b, e - b);
  if (w == "pasado" || w == "anterior") return -1;
  if (w == "proximo" || w == "siguiente" || w == "venidero") return 1;
  if (end < s.size() && s[end] != ' ') return 0;
  std::string_view after = WordFrom(s, end);
  if (after == "pasado") return -1;
  if (after == "proximo") {
    return WordFrom(s, static_cast<size_t>(after.data() - s.data()) + after.size()) == "pasado" ? -1
                                                                                                : 1;
  }
  if (after == "venidero") return 1;
  return 0;
}

}  // namespace

Match::Match(const Vocabulary& vocabulary, const FoldedText& text, const GroupIndex& groups,
             const std::vector<std::string_view>& values)
    : vocabulary_(vocabulary), text_(text), groups_(groups), values_(values) {}

std::string_view Match::Get(const char* name) const {
  const int index = groups_.Find(name);
  return index < 0 ? std::string_view() : values_[index];
}

size_t Match::Offset(std::string_view part) const {
  return static_cast<size_t>(part.data() - folded().data());
}

const MonthWord* Match::Month(const char* name) const {
  std::string_view w = Get(name);
  if (w.empty()) return nullptr;
  if (w.back() == '.') w.remove_suffix(1);
  return vocabulary_.Month(w);
}

int Match::Year(const char* name) const {
  std::string_view y = Get(name);
  if (y.empty()) y = Get((std::string(name) + "s").c_str());  // "abril del 87"
  if (y.empty()) y = Get((std::string(name) + "h").c_str());  // "octubre de 1492"
  if (y.empty()) return 0;
  if (!IsDigit(y[0])) return vocabulary_.YearFromWords(y);  // "dos mil dieciocho"
  int v = ToInt(y);
  if (y.size() == 2) v += v < 70 ? 2000 : 1900;  // "4-jul-95"
  return v;
}

int Match::Day(const char* name) const {
  std::string_view d = Get(name);
  return !d.empty() && IsDigit(d[0]) ? ToInt(d) : vocabulary_.DayWord(d);
}

bool Match::ConnectorStandsAlone() const {
  if (!Has("cw")) return true;
  const size_t at = Offset(Get("cw"));
  return at == 0 || folded()[at - 1] == ' ' || folded()[at - 1] == '\n' ||
         IsDigit(folded()[at - 1]);
}

bool Match::Between() const { return Prefix().starts_with("entre"); }

Expression Match::Whole() const {
  Expression e;
  e.begin = Offset(values_[0]);
  e.end = End(values_[0]);
  e.direction = Direction(folded(), e.begin, e.end);
  PointYear(Has("y1x") ? "y1x" : "y2x", &e);
  return e;
}

void Match::PointYear(const char* group, Expression* e) const {
  e->year_back = Has(group);
  if (!e->year_back) return;
  const YearPointer p = words().YearPointerOf(Get(group));
  e->year_shift = p.shift;
  e->year_now = p.now;
}

bool Match::EmitPair(DatePoint a, DatePoint b, size_t a_end, size_t second,
                     std::vector<Expression>* out) const {
  if (a.year == 0 && b.year != 0) a.year = b.year;
  if (b.year == 0 && a.year != 0) b.year = a.year;
  Expression x = Whole(), y = x;
  x.list_item = y.list_item = true;
  x.begin = Has("d1") ? Offset(Get("d1")) : Offset(Get("m1"));
  if (Has("m1") && Has("d1"))
    x.begin = std::min(x.begin, Offset(Get("m1")));  // "noviembre 20 y 21"
  x.end = a_end;
  x.first = x.last = a;
  y.begin = second;
  y.first = y.last = b;
  x.shared_year = (Year("y1") == 0 && a.year != 0);
  y.shared_year = (Year("y2") == 0 && b.year != 0);
  x.year_back = y.year_back = false;
  PointYear(Has("y1x") || a.year != 0 ? "y1x" : "y2x", &x);
  PointYear(Has("y2x") || b.year != 0 ? "y2x" : "y1x", &y);
  out->push_back(x);
  out->push_back(y);
  return IsValid(a) && IsValid(b);
}

bool Match::EmitRange(Expression e, DatePoint a, DatePoint b, std::vector<Expression>* out) const {
  if (a.year == 0 && b.year != 0) {
    a.year = b.year;
    if (Before(b, a)) --a.year;
    e.shared_year = true;
  } else if (b.year == 0 && a.year != 0) {
    b.year = a.year;
    if (Before(b, a)) ++b.year;
    e.shared_year = true;
  }
  if (!IsValid(a) || !IsValid(b) || a == b) return false;
  if (a.year != 0 && b.year != 0 && !Before(a, b)) return false;
  e.first = a;
  e.last = b;
  out->push_back(e);
  return true;
}

}  // namespace acervo::es_date
