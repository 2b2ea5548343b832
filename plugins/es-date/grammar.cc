#include "grammar.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <string>

#include <re2/re2.h>

namespace acervo::es_date {
namespace {

// The shapes of date expression, in order of preference when two match the same text.
enum Kind {
  kCrossRange,     // 30 de septiembre al 2 de octubre; 20 de julio y 14 de septiembre
  kDayList,        // 13, 20 y 27 de febrero de 2024
  kDayRange,       // del 18 al 21 de junio de 2024; 08 y 15 de febrero
  kMonthDayYear,   // febrero 8, 2024
  kYearMonthDay,   // (2018, mayo 24)
  kMonthDayWord,   // mayo veintiuno
  kMonthDayRange,  // noviembre 19-20
  kDay,            // 08 de febrero de 2024; 22 de septiembre; 1º de julio; veintidós de mayo
  kDayMonthDashed, // 31-dic-1994; 01/agosto/2019; 30-jul
  kYearMonthDashed,// 2020/sep/23
  kNumericYmd,     // 2024-02-29
  kNumericDmy,     // 29/02/2024, 29-02-2024
  kNumericRange,   // 28/2-1/3, 10/1-11/2/2017, de 1/10 a 11/7
  kNumericMonthYear,  // 3/2015, 11-2016, 3.2015, 2015/3 (not "2020-2": a semester)
  kNumericDm,      // el 22/04; de 1/10 a 11/7 (after a cue word only)
  kYearPart,       // primer semestre de 2020
  kMonthRange,     // septiembre a noviembre; enero-febrero 2024; entre julio y diciembre
  kMonth,          // febrero de 2024; mes de septiembre; octubre
};

// Building blocks, spelled as placeholders in the patterns below.
constexpr std::string_view kSpace = R"([ \n\r]+)";
constexpr std::string_view kOptSpace = R"([ \n\r]*)";
constexpr std::string_view kYearDigits = R"((?:1[6-9]|20)\d\d)";

int ToInt(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

// What a match of a rule must contain; a passage without it skips the rule, and the search
// starts a little before its first occurrence.
enum Anchor { kMonthWord, kDigitsSeparated, kYearPartWord, kAnchorCount };
constexpr size_t kAnchorLookBack = 96;  // bytes a match may start before its anchor

Anchor AnchorOf(int kind) {
  if (kind == kNumericYmd || kind == kNumericDmy || kind == kNumericMonthYear ||
      kind == kNumericRange ||
      kind == kNumericDm) {
    return kDigitsSeparated;
  }
  if (kind == kYearPart) return kYearPartWord;
  return kMonthWord;
}

struct Grammar::Rule {
  int kind;
  Anchor anchor;
  std::unique_ptr<RE2> re;
  std::map<std::string, int> groups;  // name -> capture index
};

struct Grammar::Candidate {
  size_t begin, end;
  int kind;
  std::vector<Expression> expressions;
};

Grammar::Grammar(Vocabulary vocabulary) : vocabulary_(std::move(vocabulary)) {}
Grammar::~Grammar() = default;

Result<std::unique_ptr<Grammar>> Grammar::Compile(Vocabulary vocabulary) {
  std::unique_ptr<Grammar> g(new Grammar(std::move(vocabulary)));
  const Vocabulary& v = g->vocabulary_;
  const std::string months = v.MonthAlternation();
  const std::string markers = v.DayMarkerAlternation();
  const std::string day_words = v.DayWordAlternation();
  const std::string year_words = v.YearWordsPattern(std::string(kSpace));

  // Expands {S} (space), {_} (optional space), {M:x} (month word), {D:x} (day number),
  // {Y:x} (optional year after a date), {C:x} (range or list connector).
  auto expand = [&](std::string_view t) {
    std::string out;
    for (size_t i = 0; i < t.size();) {
      if (t[i] != '{') {
        out += t[i++];
        continue;
      }
      size_t close = t.find('}', i);
      std::string_view token = t.substr(i + 1, close - i - 1);
      std::string_view name = token.size() > 2 ? token.substr(2) : std::string_view();
      std::string n(name);
      if (token == "S") {
        out += kSpace;
      } else if (token == "_") {
        out += kOptSpace;
      } else if (token.starts_with("M:")) {
        out += "(?P<" + n + ">" + months + ")";
      } else if (token.starts_with("D:")) {
        out += "(?P<" + n + R"(>\d{1,2}|)" + day_words + R"()(?:(?:)" + markers + R"()\.?)?)";
      } else if (token.starts_with("Y:")) {
        // ", 2016", "/2018", " 2024", " de 2024", " del año 2024", " del ejercicio fiscal 2023".
        out += "(?:(?:" + std::string(kOptSpace) + "," + std::string(kOptSpace) + "|[/-]|" +
               std::string(kSpace) + "(?:(?:del?|en)" + std::string(kSpace) +
               ")?(?:(?:ano|ejercicio)(?:" + std::string(kSpace) + "fiscal)?" +
               std::string(kSpace) + "(?:de" + std::string(kSpace) + ")?)?)(?P<" + n + ">" +
               std::string(kYearDigits) + "|" + year_words + "))?";
      } else if (token.starts_with("C:")) {
        out += "(?:" + std::string(kOptSpace) + "(?P<" + n + "d>[-–])" +
               std::string(kOptSpace) + "|" + std::string(kSpace) + "(?P<" + n +
               "w>al|a|hasta|y)(?:" + std::string(kSpace) + "el)?" + std::string(kSpace) +
               ")";
      } else {
        out += t.substr(i, close - i + 1);  // a regular-expression repetition: {1,2}
      }
      i = close + 1;
    }
    return out;
  };

  const std::string pre = R"((?:(?P<pre>del?|desde(?:{S}el)?|entre(?:{S}el)?){S})?)";
  struct {
    int kind;
    std::string pattern;
  } const rules[] = {
      {kCrossRange, pre + "{D:d1}{S}(?:de{S})?{M:m1}{Y:y1}{C:c}{D:d2}{S}(?:de{S})?{M:m2}{Y:y2}"},
      {kDayList, R"((?P<dl>\d{1,2}(?:{_},{_}\d{1,2})+)(?:{_},)?{S}(?:y|e){S})"
                 "{D:d2}{S}(?:de{S})?{M:m2}{Y:y2}"},
      {kDayRange, pre + "{D:d1}{C:c}{D:d2}{S}(?:de{S})?{M:m2}{Y:y2}"},
      {kMonthDayYear, R"({M:m1}(?:{S}|-){D:d1}(?:{_},{_}|{S}de{S}|{S}|-)(?P<y1>)" +
                          std::string(kYearDigits) + ")"},
      {kMonthDayWord, "{M:m1}{S}(?P<d1>" + day_words + "){Y:y1}"},
      {kYearMonthDay, "(?P<y1>" + std::string(kYearDigits) + "){_},{_}{M:m1}{S}{D:d1}"},
      {kMonthDayRange, R"({M:m1}{S}(?P<d1>\d{1,2}){C:c}(?P<d2>\d{1,2}){Y:y1})"},
      {kDay, "{D:d1}{S}(?:de{S})?{M:m1}{Y:y1}"},
      {kDayMonthDashed, R"((?P<d1>\d{1,2})(?P<s1>[-/.])(?P<m1>)" + months +
                            R"()(?:(?P<s2>[-/.])(?P<y1>\d{4}|\d{2}))?)"},
      {kYearMonthDashed, "(?P<y1>" + std::string(kYearDigits) + R"()(?P<s1>[-/])(?P<m1>)" +
                             months + R"()(?P<s2>[-/])(?P<d1>\d{1,2}))"},
      {kNumericYmd, R"((?P<y1>)" + std::string(kYearDigits) +
                        R"()(?P<s1>[/.-])(?P<m1>\d{1,2})(?P<s2>[/.-])(?P<d1>\d{1,2}))"},
      {kNumericDmy,
       R"((?P<d1>\d{1,2})(?P<s1>[/.-])(?P<m1>\d{1,2})(?P<s2>[/.-]|,[ ]?)(?P<y1>\d{4}|\d{2}))"},  // "08/12,15", not "10/11, 12 de"
      {kNumericRange, R"re((?:(?P<pre>de|desde|entre) )?)re"
                      R"re((?P<d1>\d{1,2})/(?P<m1>\d{1,2})(?:/(?P<y1>\d{4}))?)re"
                      R"re((?:[ ]?-[ ]?| (?P<cw>a|al|hasta|y) ))re"
                      R"re((?P<d2>\d{1,2})/(?P<m2>\d{1,2})(?:/(?P<y2>\d{4}))?)re"},
      {kNumericMonthYear, R"re((?:(?P<m1>\d{1,2})(?P<s1>[-/.])(?P<y1>)re" +
                              std::string(kYearDigits) + R"re()|(?P<y2>)re" +
                              std::string(kYearDigits) + R"re()/(?P<m2>\d{1,2})))re"},
      {kNumericDm, R"((?P<d1>\d{1,2})(?P<s1>[/-])(?P<m1>\d{1,2}))"},
      {kYearPart, "(?P<o>" + v.OrdinalAlternation() + R"()\.?{S}(?P<u>)" +
                      v.YearPartAlternation() + "){Y:y1}"},
      {kMonthRange, R"((?:(?P<pre>del?|desde|entre|durante)(?:{S}los)?{S})?)"
                    "(?:mes(?:es)?{S}de{S})?{M:m1}{Y:y1}{C:c}(?:mes{S}de{S})?{M:m2}{Y:y2}"},
      {kMonth, "(?P<mes>mes{S}de{S})?{M:m1}{Y:y1}"},
  };
  for (const auto& r : rules) ACERVO_RETURN_IF_ERROR(g->Add(r.kind, expand(r.pattern)));
  // Folded text is ASCII letters where it matters, so [^a-z] is a fair word edge here.
  const std::string anchors[kAnchorCount] = {
      "(?:^|[^a-z])(?:" + months + ")(?:[^a-z]|$)", R"(\d[-/.]\d)",
      "(?:^|[^a-z])(?:" + v.YearPartAlternation() + ")(?:[^a-z]|$)"};
  for (const std::string& a : anchors) {
    g->anchors_.push_back(std::make_unique<RE2>(a));
    if (!g->anchors_.back()->ok()) return Internal("es-date: bad anchor: " + a);
  }

  RE2::Options options;
  options.set_log_errors(false);
  g->year_phrase_ = std::make_unique<RE2>(
      expand(R"((?:ejercicio|ano)(?:{S}fiscal)?{S}(?:de{S})?()" + std::string(kYearDigits) +
             ")"),
      options);
  g->year_word_ = std::make_unique<RE2>("(" + std::string(kYearDigits) + ")", options);
  g->url_ = std::make_unique<RE2>(R"((?:https?://|www\.)[^\s<>"]+)", options);
  for (const RE2* re : {g->year_phrase_.get(), g->year_word_.get(), g->url_.get()}) {
    if (!re->ok()) return Internal("es-date: bad pattern: " + re->error());
  }
  return g;
}

Status Grammar::Add(int kind, const std::string& pattern) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  auto rule = std::make_unique<Rule>();
  rule->kind = kind;
  rule->anchor = AnchorOf(kind);
  rule->re = std::make_unique<RE2>(pattern, options);
  if (!rule->re->ok()) return Internal("es-date: bad pattern: " + rule->re->error());
  rule->groups = rule->re->NamedCapturingGroups();
  rules_.push_back(std::move(rule));
  return Status::Ok();
}

namespace {

// Whether a match at folded[begin, end) stands on its own: whole words, and digits that are
// not part of a larger number, identifier ("CT/01/2024") or decimal ("9.1 enero").
bool StandsAlone(std::string_view s, size_t begin, size_t end) {
  if (!IsWholeWord(s, begin, end)) return false;
  if (begin > 0 && IsDigit(s[begin])) {
    char p = s[begin - 1];
    if (p == '/' || p == ':' || p == '#') return false;
    if ((p == '-' || p == '_') && begin > 1 && IsDigit(s[begin - 2])) return false;
    if ((p == '.' || p == ',') && begin > 1 && IsDigit(s[begin - 2])) return false;
  }
  if (end < s.size() && IsDigit(s[end - 1])) {
    char n = s[end];
    if ((n == '/' || n == '-' || n == '.' || n == ':' || n == ',') && end + 1 < s.size() &&
        IsDigit(s[end + 1])) {
      return false;
    }
  }
  return true;
}

// -1 after "pasado", +1 after "próximo": the word right before folded[begin].
int Direction(std::string_view s, size_t begin) {
  size_t e = begin;
  while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\n')) --e;
  size_t b = e;
  while (b > 0 && s[b - 1] >= 'a' && s[b - 1] <= 'z') --b;
  std::string_view w = s.substr(b, e - b);
  if (w == "pasado" || w == "anterior") return -1;
  if (w == "proximo" || w == "siguiente" || w == "venidero") return 1;
  return 0;
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

}  // namespace

bool Grammar::Parse(const Rule& rule, const FoldedText& text,
                    const std::vector<std::string_view>& g, std::vector<Expression>* out) const {
  const std::string_view s = text.text();
  auto get = [&](const char* name) -> std::string_view {
    auto it = rule.groups.find(name);
    return it == rule.groups.end() ? std::string_view() : g[it->second];
  };
  auto has = [&](const char* name) { return get(name).data() != nullptr; };
  auto off = [&](std::string_view part) { return static_cast<size_t>(part.data() - s.data()); };
  auto month = [&](const char* name) -> const MonthWord* {
    std::string_view w = get(name);
    if (w.empty()) return nullptr;
    if (w.back() == '.') w.remove_suffix(1);
    return vocabulary_.Month(w);
  };
  auto year = [&](const char* name) {
    if (!has(name)) return 0;
    if (!get(name).empty() && !IsDigit(get(name)[0])) {
      return vocabulary_.YearFromWords(get(name));  // "dos mil dieciocho"
    }
    int y = ToInt(get(name));
    if (get(name).size() == 2) y += y < 70 ? 2000 : 1900;  // "4-jul-95"
    return y;
  };
  auto day = [&](const char* name) {
    std::string_view d = get(name);
    return !d.empty() && IsDigit(d[0]) ? ToInt(d) : vocabulary_.DayWord(d);
  };
  auto connector = [&]() -> std::string_view {
    return has("cd") ? get("cd") : get("cw");
  };
  const std::string_view whole = g[0];
  const size_t begin = off(whole), end = begin + whole.size();
  const std::string_view prefix = get("pre");
  const bool between = prefix.starts_with("entre") || prefix.starts_with("durante");

  Expression e;
  e.begin = begin;
  e.end = end;
  e.direction = Direction(s, begin);
  // Two dates joined by "y" (not "entre ... y ..."): a list, one expression per date, the
  // second starting at `second` and a missing year taken from the other one.
  auto emit_pair = [&](DatePoint a, DatePoint b, size_t a_end, size_t second) {
    if (a.year == 0 && b.year != 0) a.year = b.year;
    if (b.year == 0 && a.year != 0) b.year = a.year;
    Expression x = e, y = e;
    x.list_item = y.list_item = true;
    x.begin = has("d1") ? off(get("d1")) : off(get("m1"));
    x.end = a_end;
    x.first = x.last = a;
    y.begin = second;
    y.first = y.last = b;
    x.shared_year = (year("y1") == 0 && a.year != 0);
    y.shared_year = (year("y2") == 0 && b.year != 0);
    out->push_back(x);
    out->push_back(y);
    return IsValid(a) && IsValid(b);
  };
  // A range whose one end lacks the year takes it from the other, a year apart when the
  // range crosses New Year ("diciembre de 2020 a mayo" -> 2021).
  auto emit_range = [&](DatePoint a, DatePoint b) {
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
  };

  switch (rule.kind) {
    case kCrossRange: {
      const MonthWord *m1 = month("m1"), *m2 = month("m2");
      if (!m1 || !m2) return false;
      DatePoint a{year("y1"), m1->month, day("d1")};
      DatePoint b{year("y2"), m2->month, day("d2")};
      if (connector() == "y" && !between) {
        size_t a_end = has("y1") ? off(get("y1")) + 4 : off(get("m1")) + get("m1").size();
        return emit_pair(a, b, a_end, off(get("d2")));
      }
      return emit_range(a, b);
    }
    case kDayList: {
      const MonthWord* m = month("m2");
      if (!m) return false;
      DatePoint last{year("y2"), m->month, day("d2")};
      std::string_view list = get("dl");
      size_t base = off(list);
      for (size_t i = 0; i < list.size();) {
        if (!IsDigit(list[i])) {
          ++i;
          continue;
        }
        size_t j = i;
        while (j < list.size() && IsDigit(list[j])) ++j;
        Expression x = e;
        x.list_item = true;
        x.begin = base + i;
        x.end = base + j;
        x.first = x.last = DatePoint{last.year, last.month, ToInt(list.substr(i, j - i))};
        x.shared_year = last.year != 0;
        if (!IsValid(x.first)) return false;
        out->push_back(x);
        i = j;
      }
      e.begin = off(get("d2"));
      e.list_item = true;
      e.first = e.last = last;
      out->push_back(e);
      return IsValid(last);
    }
    case kDayRange: {
      const MonthWord* m = month("m2");
      if (!m) return false;
      DatePoint a{year("y2"), m->month, day("d1")};
      DatePoint b{a.year, m->month, day("d2")};
      if (connector() == "y" && !between) {
        return emit_pair(a, b, off(get("d1")) + get("d1").size(), off(get("d2")));
      }
      if (a.day >= b.day) return false;
      e.first = a;
      e.last = b;
      out->push_back(e);
      return IsValid(a) && IsValid(b);
    }
    case kMonthDayRange: {
      const MonthWord* m = month("m1");
      if (!m) return false;
      DatePoint a{year("y1"), m->month, day("d1")}, b{a.year, m->month, day("d2")};
      if (connector() == "y") return emit_pair(a, b, off(get("d1")) + get("d1").size(),
                                               off(get("d2")));
      if (a.day >= b.day) return false;
      e.first = a;
      e.last = b;
      out->push_back(e);
      return IsValid(a) && IsValid(b);
    }
    case kDayMonthDashed:
    case kYearMonthDashed:
      if (has("s2") && get("s1") != get("s2")) return false;
      [[fallthrough]];
    case kMonthDayYear:
    case kMonthDayWord:
    case kYearMonthDay:
    case kDay: {
      const MonthWord* m = month("m1");
      if (!m) return false;
      e.first = e.last = DatePoint{year("y1"), m->month, day("d1")};
      out->push_back(e);
      return IsValid(e.first) && e.first.day > 0;
    }
    case kNumericRange: {
      // "28/2-1/3", or words around both ends: "de 1/10 a 11/7", "entre 1/10 y 7/11".
      if (has("cw") && (prefix.empty() || (get("cw") == "y") != (prefix == "entre"))) {
        return false;
      }
      int a = ToInt(get("d1")), b = ToInt(get("m1")), c = ToInt(get("d2")), d = ToInt(get("m2"));
      e.numeric = true;
      e.ambiguous = (a <= 12 && a != b) || (c <= 12 && c != d);
      return emit_range(DatePoint{year("y1"), b, a}, DatePoint{year("y2"), d, c});
    }
    case kNumericYmd:
    case kNumericDmy: {
      // The same separator twice, or "08/12, 2015"; two-digit years after '/' or '-'.
      const bool comma = get("s2").starts_with(",");
      if (comma ? get("s1") != "/" : get("s1") != get("s2")) return false;
      int y = year("y1"), a = day("d1"), b = ToInt(get("m1"));
      if (get("y1").size() == 2 && (get("s1") == "." || get("s2") == ", ")) return false;
      if (y < 1600 || y > 2099) return false;
      e.numeric = true;
      if (rule.kind == kNumericDmy && a <= 12 && b > 12) {
        std::swap(a, b);  // month first, as in US-style dates
        e.ambiguous = true;
      } else if (rule.kind == kNumericDmy && a <= 12 && a != b) {
        e.ambiguous = true;  // 03/04/2024: Spanish order assumed
      }
      e.first = e.last = DatePoint{y, b, a};
      out->push_back(e);
      return a >= 1 && IsValid(e.first);
    }
    case kNumericMonthYear: {
      e.numeric = true;
      int m = ToInt(has("m1") ? get("m1") : get("m2"));
      e.first = e.last = DatePoint{year(has("y1") ? "y1" : "y2"), m, 0};
      out->push_back(e);
      return IsValid(e.first);
    }
    case kNumericDm: {
      // Without a year, digits are a date only after a cue word or alone in their passage.
      size_t w = begin;
      while (w > 0 && (s[w - 1] == ' ' || s[w - 1] == '(')) --w;
      size_t cue_start = w;
      while (cue_start > 0 && s[cue_start - 1] >= 'a' && s[cue_start - 1] <= 'z') --cue_start;
      std::string_view cue = s.substr(cue_start, w - cue_start);
      const bool sentence_start =
          cue.empty() && (w == 0 || std::string_view(".:;?!").find(s[w - 1]) != s.npos ||
                          static_cast<unsigned char>(s[w - 1]) >= 0x80);  // "¿", "¡"
      const bool padded = (get("d1").size() == 2 && get("d1")[0] == '0') ||
                          (get("m1").size() == 2 && get("m1")[0] == '0');
      if (!sentence_start && !padded && !vocabulary_.IsDateCue(cue)) return false;
      int a = ToInt(get("d1")), b = ToInt(get("m1"));
      // "el 4-22" is a date; "el 3-2" may be a score.
      if (get("s1") == "-" && ((a <= 12) == (b <= 12) || padded || sentence_start)) return false;
      e.numeric = true;
      if (a <= 12 && b > 12) std::swap(a, b);  // month first, as in US-style dates
      e.ambiguous = a != b && a <= 12;
      e.first = e.last = DatePoint{0, b, a};
      out->push_back(e);
      return a >= 1 && IsValid(e.first);
    }
    case kYearPart: {
      int n = vocabulary_.Ordinal(get("o")), span = vocabulary_.YearPartMonths(get("u"));
      if (n < 1 || span < 1 || n * span > 12) return false;
      int y = year("y1");
      e.first = DatePoint{y, (n - 1) * span + 1, 0};
      e.last = DatePoint{y, n * span, 0};
      out->push_back(e);
      return true;
    }
    case kMonthRange: {
      const MonthWord *m1 = month("m1"), *m2 = month("m2");
      if (!m1 || !m2) return false;
      DatePoint a{year("y1"), m1->month, 0}, b{year("y2"), m2->month, 0};
      // "de sept. a nov." is a range; "mar" alone, without "de" or a year, is the sea.
      if ((m1->abbreviation || m2->abbreviation) && a.year == 0 && b.year == 0 &&
          prefix.empty()) {
        return false;
      }
      if (connector() == "y" && !between) {
        size_t a_end = has("y1") ? off(get("y1")) + 4 : off(get("m1")) + get("m1").size();
        e.begin = off(get("m1"));
        return emit_pair(a, b, a_end, off(get("m2")));
      }
      return emit_range(a, b);
    }
    case kMonth: {
      const MonthWord* m = month("m1");
      if (!m) return false;
      e.first = e.last = DatePoint{year("y1"), m->month, 0};
      if (e.first.year == 0) {
        if (m->abbreviation) return false;
        if (!has("mes")) {
          e.bare_month = true;
          if (LooksLikeName(text, begin, end)) return false;
        }
      }
      out->push_back(e);
      return true;
    }
  }
  return false;
}

void Grammar::Scan(const FoldedText& text, std::vector<Expression>* out) const {
  const std::string_view s = text.text();
  std::vector<std::pair<size_t, size_t>> urls;
  {
    re2::StringPiece input(s.data(), s.size());
    while (RE2::FindAndConsume(&input, *url_)) {
      size_t e = static_cast<size_t>(input.data() - s.data());
      size_t b = e;
      while (b > 0 && s[b - 1] != ' ' && s[b - 1] != '\n' && s[b - 1] != '\t' &&
             s[b - 1] != '<' && s[b - 1] != '(') {
        --b;
      }
      urls.emplace_back(b, e);
    }
  }
  auto in_url = [&](size_t b, size_t e) {
    for (const auto& [ub, ue] : urls) {
      if (b < ue && e > ub) return true;
    }
    return false;
  };

  std::vector<Candidate> candidates;
  std::vector<re2::StringPiece> groups;
  std::vector<std::string_view> views;
  const re2::StringPiece whole(s.data(), s.size());
  size_t starts[kAnchorCount];
  for (int a = 0; a < kAnchorCount; ++a) {
    re2::StringPiece hit;
    starts[a] = anchors_[a]->Match(whole, 0, s.size(), RE2::UNANCHORED, &hit, 1)
                    ? static_cast<size_t>(hit.data() - s.data())
                    : s.size();
    starts[a] = starts[a] == s.size() ? s.size() : starts[a] - std::min(starts[a], kAnchorLookBack);
  }
  for (const auto& rule : rules_) {
    const int n = 1 + rule->re->NumberOfCapturingGroups();
    groups.assign(n, re2::StringPiece());
    views.resize(n);
    size_t pos = starts[rule->anchor];
    while (pos < s.size() &&
           rule->re->Match(whole, pos, s.size(), RE2::UNANCHORED, groups.data(), n)) {
      size_t b = static_cast<size_t>(groups[0].data() - s.data());
      size_t e = b + groups[0].size();
      pos = b + 1;
      if (e == b || !StandsAlone(s, b, e) || in_url(b, e)) continue;
      for (int i = 0; i < n; ++i) {
        views[i] = groups[i].data() ? std::string_view(groups[i].data(), groups[i].size())
                                    : std::string_view();
      }
      Candidate c{b, e, rule->kind, {}};
      if (Parse(*rule, text, views, &c.expressions)) {
        candidates.push_back(std::move(c));
        pos = e;
      }
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) {
                     if (a.begin != b.begin) return a.begin < b.begin;
                     if (a.end != b.end) return a.end > b.end;
                     return a.kind < b.kind;
                   });
  const size_t first = out->size();
  size_t taken_end = 0;
  for (Candidate& c : candidates) {
    if (c.begin < taken_end) continue;
    taken_end = c.end;
    for (Expression& x : c.expressions) out->push_back(std::move(x));
  }
  MergeRanges(s, first, out);
  ShareListYears(s, out->begin() + first, out->end());
}

void Grammar::MergeRanges(std::string_view s, size_t first, std::vector<Expression>* out) const {
  // The words between two dates, spaces collapsed: "hasta el", "-".
  auto gap_words = [&](size_t b, size_t e) {
    std::string words;
    for (size_t i = b; i < e; ++i) {
      bool space = s[i] == ' ' || s[i] == '\n';
      if (space && (words.empty() || words.back() == ' ')) continue;
      words += space ? ' ' : s[i];
    }
    if (!words.empty() && words.back() == ' ') words.pop_back();
    return words;
  };
  // The word right before offset b and where it starts.
  auto word_before = [&](size_t b, size_t* start) {
    size_t e = b;
    while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\n')) --e;
    size_t w = e;
    while (w > 0 && s[w - 1] >= 'a' && s[w - 1] <= 'z') --w;
    *start = w;
    return s.substr(w, e - w);
  };
  std::vector<Expression> merged;
  for (size_t i = first; i < out->size(); ++i) {
    const Expression& a = (*out)[i];
    if (i + 1 < out->size()) {
      const Expression& b = (*out)[i + 1];
      size_t prefix_start = a.begin;
      std::string_view prefix = word_before(a.begin, &prefix_start);
      std::string gap = a.end <= b.begin ? gap_words(a.end, b.begin) : "?";
      // "hasta el miércoles 22", "hasta Mi, 22": a weekday before the second date.
      if (size_t last = gap.rfind(' '); last != std::string::npos) {
        std::string weekday = gap.substr(last + 1);
        if (!weekday.empty() && weekday.back() == ',') weekday.pop_back();
        if (vocabulary_.IsWeekday(weekday)) gap.erase(last);
      }
      if (gap.ends_with(" el")) gap.erase(gap.size() - 3);
      bool joined = gap == "-" || gap == "a" || gap == "al" || gap == "hasta" ||
                    (prefix == "entre" && gap == "y");
      if (joined && !a.list_item && !b.list_item && a.first == a.last && b.first == b.last &&
          (a.first.day == 0) == (b.first.day == 0)) {
        DatePoint x = a.first, y = b.first;
        if (x.year == 0 && y.year != 0) x.year = y.year - (Before(y, x) ? 1 : 0);
        if (y.year == 0 && x.year != 0) y.year = x.year + (Before(y, x) ? 1 : 0);
        if (x.year == 0 || Before(x, y)) {
          Expression r = a;
          if (prefix == "de" || prefix == "del" || prefix == "desde" || prefix == "entre") {
            r.begin = prefix_start;
          }
          r.end = b.end;
          r.first = x;
          r.last = y;
          r.ambiguous = a.ambiguous || b.ambiguous;
          r.bare_month = false;
          r.direction = a.direction;
          merged.push_back(r);
          ++i;
          continue;
        }
      }
    }
    merged.push_back(a);
  }
  out->resize(first);
  out->insert(out->end(), merged.begin(), merged.end());
}

void Grammar::ShareListYears(std::string_view s, std::vector<Expression>::iterator begin,
                             std::vector<Expression>::iterator end) {
  // Only ", " and " y " between two dates make them one list.
  auto listed = [&](const Expression& a, const Expression& b) {
    if (a.end > b.begin) return false;
    std::string_view gap = s.substr(a.end, b.begin - a.end);
    size_t words = 0;
    for (char c : gap) {
      if (c == ',' || c == ' ' || c == '\n') continue;
      if ((c == 'y' || c == 'e') && ++words == 1) continue;
      return false;
    }
    return true;
  };
  auto share = [](const Expression& from, Expression* to, int sign) {
    to->first.year = from.first.year;
    if (sign < 0 ? Before(from.first, to->first) : Before(to->first, from.first)) {
      to->first.year += sign;
    }
    to->last = to->first;
    to->shared_year = true;
  };
  auto single = [](const Expression& e) { return e.first == e.last; };
  for (auto it = end; it - begin >= 2; --it) {  // "20 de julio, ... y 1 de octubre de 2020"
    Expression &a = *(it - 2), &b = *(it - 1);
    if (single(a) && single(b) && a.first.year == 0 && b.first.year && listed(a, b)) {
      share(b, &a, -1);
    }
  }
  for (auto it = begin; end - it >= 2; ++it) {  // "30 de noviembre de 2020 y 1 de diciembre"
    Expression &a = *it, &b = *(it + 1);
    if (single(a) && single(b) && b.first.year == 0 && a.first.year && listed(a, b)) {
      share(a, &b, +1);
    }
  }
}

void Grammar::FindYearMentions(std::string_view folded, std::vector<YearMention>* out) const {
  re2::StringPiece input(folded.data(), folded.size());
  re2::StringPiece year;
  while (RE2::FindAndConsume(&input, *year_phrase_, &year)) {
    out->push_back({static_cast<size_t>(year.data() - folded.data()),
                    ToInt(std::string_view(year.data(), year.size()))});
  }
}

int Grammar::HeadingYear(std::string_view folded) const {
  re2::StringPiece input(folded.data(), folded.size());
  re2::StringPiece year;
  while (RE2::FindAndConsume(&input, *year_word_, &year)) {
    size_t b = static_cast<size_t>(year.data() - folded.data());
    if (!IsWholeWord(folded, b, b + 4)) continue;
    if (b >= 7 && folded.substr(b - 7, 7) == "agenda ") continue;
    return ToInt(std::string_view(year.data(), year.size()));
  }
  return 0;
}

}  // namespace acervo::es_date
