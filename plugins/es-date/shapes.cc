// The table of date shapes (shape.h) and the action of each. Over 500 lines, on purpose:
// the grammar reads as one table beside the small actions it names; split it by family of
// shapes (single days, lists and ranges, digits) when it grows further.
#include <charconv>

#include "shape.h"

namespace acervo::es_date {
namespace {

using Out = std::vector<Expression>;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int ToInt(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

// The word right before folded[begin] (letters only), skipping spaces and "(".
std::string_view WordBefore(std::string_view s, size_t begin, size_t* word_end = nullptr) {
  size_t w = begin;
  while (w > 0 && (s[w - 1] == ' ' || s[w - 1] == '(' || s[w - 1] == '\n')) --w;
  size_t b = w;
  while (b > 0 && s[b - 1] >= 'a' && s[b - 1] <= 'z') --b;
  if (word_end) *word_end = w;
  return s.substr(b, w - b);
}

// The word right after folded[end] (letters only), or "" when punctuation or digits follow.
std::string_view WordAfter(std::string_view s, size_t end) {
  size_t b = end;
  while (b < s.size() && s[b] == ' ') ++b;
  size_t e = b;
  while (e < s.size() && s[e] >= 'a' && s[e] <= 'z') ++e;
  return s.substr(b, e - b);
}

// A capitalised month word followed by a capitalised word reads as a name ("Julio César").
bool LooksLikeName(const FoldedText& text, size_t begin, size_t end) {
  std::string_view o = text.original();
  size_t ob = text.ToOriginal(begin), oe = text.ToOriginal(end);
  if (ob + 1 >= oe || !(o[ob] >= 'A' && o[ob] <= 'Z') || !(o[ob + 1] >= 'a' && o[ob + 1] <= 'z')) {
    return false;
  }
  if (oe + 1 >= o.size() || o[oe] != ' ') return false;
  size_t p = oe + 1;
  char32_t next = NextCodePoint(o, &p);
  return (next >= 'A' && next <= 'Z') || next == U'Á' || next == U'É' || next == U'Ó';
}

// Whether the sentence before a "de X a Y" moves a date to another ("se prorrogó el
// convenio de junio de 2023 a junio de 2024"): then X and Y are two dates, not a range.
bool MovesADate(const Match& m, size_t begin) {
  std::string_view s = m.folded();
  if (!(m.Prefix() == "de" || m.Prefix() == "del" || m.Prefix().starts_with("desde"))) {
    return false;
  }
  size_t start = begin;
  while (start > 0 && s[start - 1] != '.' && s[start - 1] != ';' && s[start - 1] != '\n') {
    --start;
  }
  for (size_t i = start; i < begin;) {
    while (i < begin && !(s[i] >= 'a' && s[i] <= 'z')) ++i;
    size_t j = i;
    while (j < begin && s[j] >= 'a' && s[j] <= 'z') ++j;
    if (j > i && m.words().IsMoveVerb(s.substr(i, j - i))) return true;
    i = j;
  }
  return false;
}

// Where the first date of a two-date match ends: after its year, else after its month.
size_t FirstEnd(const Match& m) {
  if (m.Has("y1x")) return m.End(m.Get("y1x"));
  return m.Has("y1") ? m.End(m.Get("y1")) : m.End(m.Get("m1"));
}

bool CrossRange(const Match& m, Out* out) {
  const MonthWord *m1 = m.Month("m1"), *m2 = m.Month("m2");
  if (!m1 || !m2 || !m.ConnectorStandsAlone()) return false;
  DatePoint a{m.Year("y1"), m1->month, m.Day("d1")}, b{m.Year("y2"), m2->month, m.Day("d2")};
  if ((m.Connector() == "y" && !m.Between()) || MovesADate(m, m.Whole().begin)) {
    return m.EmitPair(a, b, FirstEnd(m), m.Offset(m.Get("d2")), out);
  }
  return m.EmitRange(m.Whole(), a, b, out);
}

// "13, 20 y 27 de febrero de 2024"; month first: "agosto 8, 9 y 10", whose first item
// begins at its month.
bool DayList(const Match& m, Out* out) {
  const bool month_first = m.Has("m1");
  const MonthWord* month = m.Month(month_first ? "m1" : "m2");
  if (!month) return false;
  const Expression whole = m.Whole();
  DatePoint last{m.Year("y2"), month->month, m.Day("d2")};
  if (month_first && last.year == 0) {
    // As after "junio 8": a counted noun ("agosto 8, 9 y 10 personas") makes them counts.
    std::string_view next = WordAfter(m.folded(), whole.end);
    if (next.ends_with('s') && !m.words().MayFollowADate(next)) return false;
  }
  std::string_view list = m.Get("dl");
  size_t base = m.Offset(list);
  for (size_t i = 0; i < list.size();) {
    if (!IsDigit(list[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < list.size() && IsDigit(list[j])) ++j;
    Expression x = whole;
    x.list_item = true;
    x.begin = month_first && i == 0 ? m.Offset(m.Get("m1")) : base + i;
    x.end = base + j;
    x.first = x.last = DatePoint{last.year, last.month, ToInt(list.substr(i, j - i))};
    x.shared_year = last.year != 0;
    if (!IsValid(x.first)) return false;
    out->push_back(x);
    i = j;
  }
  Expression e = whole;
  e.begin = m.Offset(m.Get("d2"));
  e.list_item = true;
  e.first = e.last = last;
  out->push_back(e);
  return IsValid(last);
}

// "del 18 al 21 de junio", "noviembre 19-20", "08 y 15 de febrero": days of one month.
bool DaysOfAMonth(const Match& m, const char* month_group, const char* year_group, Out* out) {
  const MonthWord* month = m.Month(month_group);
  if (!month || !m.ConnectorStandsAlone()) return false;
  DatePoint a{m.Year(year_group), month->month, m.Day("d1")}, b{a.year, month->month, m.Day("d2")};
  // "treinta y uno de diciembre" is one day written as a compound number, not two.
  const bool tens_in_words = !IsDigit(m.Get("d1")[0]) && a.day % 10 == 0;
  if (m.Connector() == "y" && tens_in_words && !IsDigit(m.Get("d2")[0]) && b.day < 10) {
    return false;
  }
  if (m.Connector() == "y" && !m.Between()) {
    return m.EmitPair(a, b, m.End(m.Get("d1")), m.Offset(m.Get("d2")), out);
  }
  if (a.day >= b.day) return false;
  Expression e = m.Whole();
  e.first = a;
  e.last = b;
  out->push_back(e);
  return IsValid(a) && IsValid(b);
}

bool DayRange(const Match& m, Out* out) { return DaysOfAMonth(m, "m2", "y2", out); }
bool MonthDayRange(const Match& m, Out* out) { return DaysOfAMonth(m, "m1", "y1", out); }

// "de dos mil veinte (2020)": deeds repeat a year in words in digits, which belong to the
// date; any other year in parentheses does not.
void KeepRepeatedYear(const Match& m, Expression* e) {
  if (m.Has("yp") && (!m.Has("y1") || ToInt(m.Get("yp")) != e->first.year)) {
    e->end = m.Has("y1") ? m.End(m.Get("y1")) : m.End(m.Get("m1"));
  }
}

// One day: "08 de febrero de 2024", "febrero 8, 2024", "(2018, mayo 24)", "31-dic-1994".
bool Day(const Match& m, Out* out) {
  if (m.Has("s2") && m.Get("s1") != m.Get("s2")) return false;
  const MonthWord* month = m.Month("m1");
  if (!month) return false;
  Expression e = m.Whole();
  e.first = e.last = DatePoint{m.Year("y1"), month->month, m.Day("d1")};
  KeepRepeatedYear(m, &e);
  out->push_back(e);
  return IsValid(e.first) && e.first.day > 0;
}

// Month first: "junio 8", "agosto 14 del 2015". Without a year, the day must not be a count
// of what follows ("en marzo 3 reuniones") nor a page after a section number ("9.1 enero 27").
bool MonthFirstDay(const Match& m, Out* out) {
  if (!m.Has("y1")) {
    size_t before = m.Offset(m.Get("m1"));
    while (before > 0 && m.folded()[before - 1] == ' ') --before;
    if (before > 0 && IsDigit(m.folded()[before - 1])) return false;
    // After a number above one, a counted noun or adjective is plural ("3 reuniones", "3
    // nuevas") or a numeral ("3 mil"); a verb ("julio 3 arrancan", "abril 28 concluyó") is not.
    std::string_view next = WordAfter(m.folded(), m.Whole().end);
    const bool counted =
        next.ends_with('s') || m.Day("d1") <= 1 || m.words().YearFromWords(next) > 0;
    const bool marked = m.Whole().end > m.End(m.Get("d1"));  // "mayo 1ro.": an ordinal day
    if (!next.empty() && !m.words().MayFollowADate(next) && counted && !marked) return false;
    if (LooksLikeName(m.text(), m.Offset(m.Get("m1")), m.End(m.Get("m1")))) return false;
  }
  return Day(m, out);
}

// "el primer día del mes de marzo", "a un (1) día del mes de febrero": the first of a month,
// as deeds write it ("primer" only before "día del mes"; "un" only with its "(1)": "un día
// del mes de marzo" is some day of it).
bool FirstDayOfMonth(const Match& m, Out* out) {
  const MonthWord* month = m.Month("m1");
  if (!month) return false;
  Expression e = m.Whole();
  e.first = e.last = DatePoint{m.Year("y1"), month->month, 1};
  KeepRepeatedYear(m, &e);
  out->push_back(e);
  return true;
}

// "(2022, 26 de agosto)": the year first only in a citation's parentheses; elsewhere
// "rumbo a GSEF 2021, 22 de septiembre" names an event and then a date.
bool CitedDay(const Match& m, Out* out) {
  const size_t begin = m.Whole().begin;
  return begin > 0 && m.folded()[begin - 1] == '(' && Day(m, out);
}

bool NumericRange(const Match& m, Out* out) {
  // "28/2-1/3", or words around both ends: "de 1/10 a 11/7", "entre 1/10 y 7/11".
  if (m.Has("cw") && (m.Prefix().empty() || (m.Get("cw") == "y") != (m.Prefix() == "entre"))) {
    return false;
  }
  int a = ToInt(m.Get("d1")), b = ToInt(m.Get("m1")), c = ToInt(m.Get("d2")),
      d = ToInt(m.Get("m2"));
  Expression e = m.Whole();
  e.numeric = true;
  e.ambiguous = (a <= 12 && a != b) || (c <= 12 && c != d);
  return m.EmitRange(e, DatePoint{m.Year("y1"), b, a}, DatePoint{m.Year("y2"), d, c}, out);
}

// "del 05 al 07/07/2023", "entre el 10 y el 12.03.2023": days of one month, the last written
// in digits with its month and year.
bool NumericDayRange(const Match& m, Out* out) {
  if (m.Get("s1") != m.Get("s2") || (m.Get("cw") == "y") != m.Prefix().starts_with("entre")) {
    return false;
  }
  const int month = ToInt(m.Get("m1")), last = ToInt(m.Get("d2"));
  Expression e = m.Whole();
  e.numeric = true;
  e.ambiguous = last <= 12 && last != month;
  e.first = DatePoint{m.Year("y1"), month, ToInt(m.Get("d1"))};
  e.last = DatePoint{e.first.year, month, last};
  out->push_back(e);
  return e.first.day >= 1 && e.first.day < last && IsValid(e.first) && IsValid(e.last);
}

// "29/02/2024", "2024-02-29", "08/12, 2015": the same separator twice, or "/" and a comma.
bool NumericDay(const Match& m, Out* out) {
  const bool comma = m.Get("s2").starts_with(",");
  if (comma ? m.Get("s1") != "/" : m.Get("s1") != m.Get("s2")) return false;
  int y = m.Year("y1"), a = m.Day("d1"), b = ToInt(m.Get("m1"));
  if (m.Get("y1").size() == 2 && (m.Get("s1") == "." || m.Get("s2") == ", ")) return false;
  if (y < 1600 || y > 2099) return false;
  Expression e = m.Whole();
  e.numeric = true;
  const bool day_first = !m.Has("ymd");
  if (day_first && a <= 12 && b > 12) {
    std::swap(a, b);  // month first, as in US-style dates
    e.ambiguous = true;
  } else if (day_first && a <= 12 && a != b) {
    e.ambiguous = true;  // 03/04/2024: Spanish order assumed
  }
  e.first = e.last = DatePoint{y, b, a};
  out->push_back(e);
  return a >= 1 && IsValid(e.first);
}

bool NumericMonth(const Match& m, Out* out) {
  Expression e = m.Whole();
  e.numeric = true;
  int month = ToInt(m.Has("m1") ? m.Get("m1") : m.Get("m2"));
  e.first = e.last = DatePoint{m.Year(m.Has("y1") ? "y1" : "y2"), month, 0};
  out->push_back(e);
  return IsValid(e.first);
}

// "el 22/04", "el 9-4": without a year, digits are a date only after a cue word ("el",
// "desde", a weekday), alone at the start of a sentence, or zero-padded.
bool NumericDayMonth(const Match& m, Out* out) {
  const std::string_view s = m.folded();
  const Expression whole = m.Whole();
  size_t w = whole.begin;
  std::string_view cue = WordBefore(s, whole.begin, &w);
  // A period after a short word ends an abbreviation ("No. 7/2", "Art. 3/4"), not a sentence.
  const bool abbreviation = w > 0 && s[w - 1] == '.' && [&] {
    size_t b = w - 1;
    while (b > 0 && s[b - 1] >= 'a' && s[b - 1] <= 'z') --b;
    return w - 1 - b >= 1 && w - 1 - b <= 3;
  }();
  const bool sentence_start = cue.empty() && !abbreviation &&
                              (w == 0 || std::string_view(".:;?!").find(s[w - 1]) != s.npos ||
                               static_cast<unsigned char>(s[w - 1]) >= 0x80);  // "¿", "¡"
  const bool padded = (m.Get("d1").size() == 2 && m.Get("d1")[0] == '0') ||
                      (m.Get("m1").size() == 2 && m.Get("m1")[0] == '0');
  const bool cued = m.words().IsDateCue(cue);
  if (!sentence_start && !padded && !cued) return false;
  // "el 3/4 de los recursos": a share of something, not a day.
  if (WordAfter(s, whole.end) == "de") {
    size_t after_de = whole.end;
    while (after_de < s.size() && s[after_de] == ' ') ++after_de;
    if (m.words().IsShareWord(WordAfter(s, after_de + 2))) return false;
  }
  int a = ToInt(m.Get("d1")), b = ToInt(m.Get("m1"));
  // With a dash, a cue word makes it a date: "ganaron 3-2" is a score, "el 9-4" a day; so
  // does a zero at the start of a sentence ("15-02: cierre"), which no score is written with.
  if (m.Get("s1") == "-" && !cued && !(padded && sentence_start)) return false;
  Expression e = whole;
  e.numeric = true;
  if (a <= 12 && b > 12) std::swap(a, b);  // month first, as in US-style dates
  e.ambiguous = a != b && a <= 12;
  e.first = e.last = DatePoint{0, b, a};
  out->push_back(e);
  return a >= 1 && IsValid(e.first);
}

bool YearPart(const Match& m, Out* out) {
  int n = m.words().Ordinal(m.Get("o")), span = m.words().YearPartMonths(m.Get("u"));
  if (n < 1 || span < 1 || n * span > 12) return false;
  int y = m.Year("y1");
  Expression e = m.Whole();
  e.first = DatePoint{y, (n - 1) * span + 1, 0};
  e.last = DatePoint{y, n * span, 0};
  out->push_back(e);
  return true;
}

bool MonthRange(const Match& m, Out* out) {
  const MonthWord *m1 = m.Month("m1"), *m2 = m.Month("m2");
  if (!m1 || !m2 || !m.ConnectorStandsAlone()) return false;
  DatePoint a{m.Year("y1"), m1->month, 0}, b{m.Year("y2"), m2->month, 0};
  // "de sept. a nov." is a range; "mar" alone, without "de" or a year, is the sea.
  if ((m1->abbreviation || m2->abbreviation) && a.year == 0 && b.year == 0 && m.Prefix().empty()) {
    return false;
  }
  // The annotation guide makes "durante X y Y" two dates ("durante octubre de 2019 y abril
  // de 2020", "durante mayo y junio de 2022"). The one exception kept: two consecutive month
  // names with no year at all, "durante julio y agosto", read as one stretch of time, as the
  // shared gold annotates it.
  const bool stretch = m.Prefix() == "durante" && a.year == 0 && b.year == 0 && !m.Has("y2x") &&
                       b.month == a.month % 12 + 1;
  if ((m.Connector() == "y" && !m.Between() && !stretch) || MovesADate(m, m.Whole().begin)) {
    return m.EmitPair(a, b, FirstEnd(m), m.Offset(m.Get("m2")), out);
  }
  return m.EmitRange(m.Whole(), a, b, out);
}

bool Month(const Match& m, Out* out) {
  const MonthWord* month = m.Month("m1");
  if (!month) return false;
  Expression e = m.Whole();
  e.first = e.last = DatePoint{m.Year("y1"), month->month, 0};
  if (e.first.year == 0 && !e.year_back) {
    if (month->abbreviation) return false;
    if (!m.Has("mes")) {
      e.bare_month = true;
      if (LooksLikeName(m.text(), e.begin, e.end)) return false;
      // Glued to digits by a dash or slash ("23-2020-septiembre", "N.º 4/marzo"): a code.
      const std::string_view s = m.folded();
      if (e.begin >= 2 && (s[e.begin - 1] == '-' || s[e.begin - 1] == '/') &&
          IsDigit(s[e.begin - 2])) {
        return false;
      }
    }
  }
  out->push_back(e);
  return true;
}

// "el 20 de ese mismo mes": a day whose month (and year) is the one the text just gave.
bool DayOfThatMonth(const Match& m, Out* out) {
  Expression e = m.Whole();
  e.month_back = true;
  e.first = e.last = DatePoint{0, 0, m.Day("d1")};
  if (e.first.day < 1 || e.first.day > 31) return false;
  out->push_back(e);
  return true;
}

// Two full dates joined by a bare dash: "1-10-2018-7-10-2018", "02-feb-2020-03-mar-2020",
// "12 de enero de 2016-22/1/2016". Each end has its year, so the dash cannot be a span of
// years or part of an identifier; digits are day first, and each end keeps one separator.
bool DashedRange(const Match& m, Out* out) {
  DatePoint ends[2];
  bool ambiguous = false, numeric = false;
  for (int k = 0; k < 2; ++k) {
    const std::string n = std::to_string(k + 1);
    auto get = [&](const char* what) { return m.Get((what + n).c_str()); };
    int month = 0;
    if (!get("n").empty()) {
      if (get("s") != get("t")) return false;
      month = ToInt(get("n"));
    } else if (const MonthWord* w = m.Month(("m" + n).c_str())) {
      month = w->month;
    }
    ends[k] = DatePoint{ToInt(get("y")), month, ToInt(get("d"))};
    if (!get("n").empty()) {
      numeric = true;
      ambiguous = ambiguous || (ends[k].day <= 12 && ends[k].day != month);
    }
    if (ends[k].day < 1 || !IsValid(ends[k])) return false;
  }
  Expression e = m.Whole();
  e.numeric = numeric;
  e.ambiguous = ambiguous;
  return m.EmitRange(e, ends[0], ends[1], out);
}

const char kPre[] = "(?:(?P<pre>del?|desde(?:{S}el)?|entre(?:{S}el)?){S})?";

}  // namespace

const std::vector<Shape>& Shapes() {
  static const std::vector<Shape> shapes = {
      // 30 de septiembre al 2 de octubre; 20 de julio y 14 de septiembre
      {"cross-range", kMonthWord,
       std::string(kPre) + "{D:d1}{S}(?:de{S})?{M:m1}{Y:y1}{C:c}{D:d2}{S}(?:de{S})?{M:m2}{Y:y2}",
       CrossRange},
      // 13, 20 y 27 de febrero de 2024
      {"day-list", kMonthWord,
       R"((?P<dl>\d{1,2}(?:{_},{_}\d{1,2})+)(?:{_},)?{S}(?:y|e){S}{D:d2}{S}(?:de{S})?{M:m2}{Y:y2})",
       DayList},
      // del 18 al 21 de junio de 2024; 08 y 15 de febrero
      {"day-range", kMonthWord, std::string(kPre) + "{D:d1}{C:c}{D:d2}{S}(?:de{S})?{M:m2}{Y:y2}",
       DayRange},
      // agosto 8, 9 y 10; marzo 3, 4 y 5 de 2024
      {"month-first-list", kMonthWord,
       R"({M:m1}{S}(?P<dl>\d{1,2}(?:{_},{_}\d{1,2})+)(?:{_},)?{S}(?:y|e){S}(?P<d2>\d{1,2}))"
       R"((?:(?:{_},{_}|{S}del?{S})(?P<y2>{YD}))?)",
       DayList},
      // febrero 8, 2024; agosto 14 del 2015; Marzo 21 de 2024; Julio 15/2025; junio 8; mayo 1ro.
      {"month-first", kMonthWord,
       R"({M:m1}(?:{S}|-)(?P<d1>\d{1,2}){MK}(?:(?:{_},{_}|{S}del?{S}|{S}|[-/])(?P<y1>{YD}))?)",
       MonthFirstDay},
      // mayo veintiuno
      {"month-day-word", kMonthWord, "{M:m1}{S}(?P<d1>{DAYWORDS}){Y:y1}", Day},
      // (2018, mayo 24)
      {"year-month-day", kMonthWord, R"((?P<y1>{YD}){_},{_}{M:m1}{S}{D:d1})", Day},
      // (2022, 26 de agosto)
      {"year-day-month", kMonthWord, R"((?P<y1>{YD}){_},{_}{D:d1}{S}de{S}{M:m1})", CitedDay},
      // November 12, 2016; 2019, June 3 (English, in references)
      // June 3rd, 2019
      {"english-month-day", kEnglishMonth,
       R"({E:m1}{S}(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?{S}(?P<y1>{YD}))", Day},
      // 3 March 2020 (day first, as British references write it)
      {"english-day-month", kEnglishMonth, R"((?P<d1>\d{1,2}){S}{E:m1},?{S}(?P<y1>{YD}))", Day},
      {"english-year-month-day", kEnglishMonth, R"((?P<y1>{YD}){_},{_}{E:m1}{S}(?P<d1>\d{1,2}))",
       Day},
      // noviembre 19-20
      {"month-day-range", kMonthWord, R"({M:m1}{S}(?P<d1>\d{1,2}){C:c}(?P<d2>\d{1,2}){Y:y1})",
       MonthDayRange},
      // 08 de febrero de 2024; 1º de julio; veintidós de mayo; a los 12 días del mes de mayo
      // quince (15) días del mes de julio: a number in words repeated in digits, as deeds do
      // de dos mil veinte (2020): a year in words repeated in digits
      {"day", kMonthWord,
       R"({D:d1}(?:{_}\(\d{1,2}\))?{S}(?:dias?{S}del?{S}(?:mes{S}de{S})?|de{S})?{M:m1}{YH:y1})"
       R"((?:{_}\((?P<yp>{YD})\))?)",
       Day},
      // el primer día del mes de marzo; a un (1) día del mes de febrero de 2022
      {"first-day", kMonthWord,
       R"((?:primer(?:{_}\(1\))?|un{_}\(1\)){S}dia{S}del?{S}(?:mes{S}de{S})?{M:m1}{Y:y1})"
       R"((?:{_}\((?P<yp>{YD})\))?)",
       FirstDayOfMonth},
      // 31-dic-1994; 01/agosto/2019; 30-jul
      {"day-month-dashed", kMonthWord,
       R"((?P<d1>\d{1,2})(?P<s1>[-/.])(?P<m1>{MONTHS})(?:(?P<s2>[-/.])(?P<y1>\d{4}|\d{2}))?)", Day},
      // 2020/sep/23
      {"year-month-dashed", kMonthWord,
       R"((?P<y1>{YD})(?P<s1>[-/])(?P<m1>{MONTHS})(?P<s2>[-/])(?P<d1>\d{1,2}))", Day},
      // 2024-02-29
      {"numeric-ymd", kDigitsSeparated,
       R"((?P<ymd>)(?P<y1>{YD})(?P<s1>[/.-])(?P<m1>\d{1,2})(?P<s2>[/.-])(?P<d1>\d{1,2}))",
       NumericDay},
      // 29/02/2024, 29-02-2024; "08/12,15", not "10/11, 12 de"
      {"numeric-dmy", kDigitsSeparated,
       R"((?P<d1>\d{1,2})(?P<s1>[/.-])(?P<m1>\d{1,2})(?P<s2>[/.-]|,[ ]?)(?P<y1>\d{4}|\d{2}))",
       NumericDay},
      // del 05 al 07/07/2023
      {"numeric-day-range", kDigitsSeparated,
       R"((?P<pre>del?|desde|entre(?:{S}el)?){S}(?P<d1>\d{1,2}){S}(?P<cw>al|a|hasta|y))"
       R"((?:{S}el)?{S}(?P<d2>\d{1,2})(?P<s1>[/.-])(?P<m1>\d{1,2})(?P<s2>[/.-])(?P<y1>{YD}))",
       NumericDayRange},
      // 28/2-1/3, 10/1-11/2/2017, de 1/10 a 11/7
      {"numeric-range", kDigitsSeparated,
       R"((?:(?P<pre>de|desde|entre) )?(?P<d1>\d{1,2})/(?P<m1>\d{1,2})(?:/(?P<y1>\d{4}))?)"
       R"((?:[ ]?-[ ]?| (?P<cw>a|al|hasta|y) )(?P<d2>\d{1,2})/(?P<m2>\d{1,2})(?:/(?P<y2>\d{4}))?)",
       NumericRange},
      // 1-10-2018-7-10-2018; 02-feb-2020-03-mar-2020; 12 de enero de 2016-22/1/2016
      {"dashed-range", kDigitsSeparated,
       R"((?P<d1>\d{1,2})(?:(?P<s1>[/.-])(?P<n1>\d{1,2})(?P<t1>[/.-])|)"
       R"((?:-|{S}de{S})(?P<m1>{MONTHS})(?:-|{S}del?{S}))(?P<y1>{YD}))"
       R"({_}[-–]{_})"
       R"((?P<d2>\d{1,2})(?:(?P<s2>[/.-])(?P<n2>\d{1,2})(?P<t2>[/.-])|)"
       R"((?:-|{S}de{S})(?P<m2>{MONTHS})(?:-|{S}del?{S}))(?P<y2>{YD}))",
       DashedRange},
      // 3/2015, 11-2016, 3.2015, 2015/3 (not "2020-2": a semester)
      {"numeric-month-year", kDigitsSeparated,
       R"((?:(?P<m1>\d{1,2})(?P<s1>[-/.])(?P<y1>{YD})|(?P<y2>{YD})/(?P<m2>\d{1,2})))",
       NumericMonth},
      // el 22/04, el 9-4
      {"numeric-day-month", kDigitsSeparated, R"((?P<d1>\d{1,2})(?P<s1>[/-])(?P<m1>\d{1,2}))",
       NumericDayMonth},
      // primer semestre de 2020
      {"year-part", kYearPartWord, R"((?P<o>{ORD})\.?{S}(?P<u>{PART}){Y:y1})", YearPart},
      // septiembre a noviembre; enero-febrero 2024; entre julio y diciembre
      {"month-range", kMonthWord,
       "(?:(?P<pre>del?|desde|entre|durante)(?:{S}los)?{S})?(?:mes(?:es)?{S}de{S})?{M:m1}{Y:y1}"
       "{C:c}(?:mes{S}de{S})?{M:m2}{Y:y2}",
       MonthRange},
      // febrero de 2024; mes de septiembre; octubre; octubre de ese año
      {"month", kMonthWord, "(?P<mes>mes{S}de{S})?{M:m1}{YH:y1}", Month},
      // el 20 de ese mismo mes
      {"day-of-that-month", kMonthBack, "{D:d1}{S}del?{S}(?P<ma>{MA})", DayOfThatMonth},
  };
  return shapes;
}

}  // namespace acervo::es_date
