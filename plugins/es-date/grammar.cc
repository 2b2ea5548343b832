#include "grammar.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <map>
#include <string>

#include "anchor_words.h"
#include "grammar_internal.h"
#include "shape.h"
#include "year_ends.h"

namespace acervo::es_date {
namespace {

// Building blocks, spelled as placeholders in the shapes' patterns.
constexpr std::string_view kSpace = R"([ \n\r]+)";
constexpr std::string_view kOptSpace = R"([ \n\r]*)";
constexpr std::string_view kYearDigits = R"((?:1[6-9]|20)\d\d)";

// The placeholders of shape.h as regular-expression text, from one vocabulary.
class Expander {
 public:
  explicit Expander(const Vocabulary& v)
      : space_(kSpace),
        months_(v.MonthAlternation()),
        english_(v.EnglishMonthAlternation()),
        markers_(v.DayMarkerAlternation()),
        day_words_(v.DayWordAlternation()),
        weekdays_(v.WeekdayAlternation()),
        year_words_(v.YearWordsPattern(space_)),
        year_back_(v.YearBackPattern(space_)),
        month_back_(v.MonthBackPattern(space_)),
        ordinals_(v.OrdinalAlternation()),
        parts_(v.YearPartAlternation()) {}

  std::string operator()(std::string_view t) const {
    std::string out;
    for (size_t i = 0; i < t.size();) {
      size_t close = t[i] == '{' ? t.find('}', i) : std::string_view::npos;
      if (close == std::string_view::npos) {
        out += t[i++];
        continue;
      }
      out += Token(t.substr(i + 1, close - i - 1));
      i = close + 1;
    }
    return out;
  }

 private:
  std::string Token(std::string_view token) const {
    const std::string n(token.size() > 2 ? token.substr(2) : std::string_view());
    const std::string s(kSpace), _(kOptSpace);
    if (token == "S") return s;
    if (token == "_") return _;
    if (token == "PRE") return (*this)(R"((?:(?P<pre>del?|desde(?:{S}el)?|entre(?:{S}el)?){S})?)");
    if (token == "YD") return std::string(kYearDigits);
    if (token == "MONTHS") return months_;
    if (token == "DAYWORDS") return day_words_;
    if (token == "MK") return "(?:(?:" + markers_ + R"()\.?)?)";
    if (token == "ORD") return ordinals_;
    if (token == "PART") return parts_;
    if (token == "MA") return month_back_;
    if (token.starts_with("M:")) return "(?P<" + n + ">" + months_ + ")";
    if (token.starts_with("E:")) return "(?P<" + n + ">" + english_ + ")";
    if (token.starts_with("D:")) {
      // A weekday may stand before the day: "el jueves 4 y el viernes 5 de mayo".
      return "(?:(?:" + weekdays_ + ")," + _ + "|(?:" + weekdays_ + ")" + s + ")?(?P<" + n +
             R"(>\d{1,2}|)" + day_words_ + R"()(?:(?:)" + markers_ + R"()\.?)?)";
    }
    if (token.starts_with("Y:") || token.starts_with("YH:")) {
      // ", 2016", "/2018", " 2024", " de 2024", " del año 2024", " del ejercicio fiscal
      // 2023"; words pointing back to a year: " de ese año", " del mismo año"; two digits
      // after "del": "abril del 87". {YH:x} also takes a year before 1600, only after "de":
      // "octubre de 1492" (kept out of the other shapes, whose patterns it would only grow).
      const bool historical = token[1] == 'H';
      const std::string y = historical ? std::string(token.substr(3)) : n;
      return "(?:(?:" + _ + "," + _ + "|[/-]|" + s + "(?:(?:del?|en)" + s +
             ")?(?:(?:ano|ejercicio)(?:" + s + "fiscal)?" + s + "(?:de" + s + ")?)?)(?P<" + y +
             ">" + std::string(kYearDigits) + "|" + year_words_ + ")|" + s + "(?:del?|en)" + s +
             "(?P<" + y + "x>" + year_back_ + ")|" + s + "del" + s + "'?(?P<" + y +
             R"re(s>\d\d)\b)re" +
             (historical ? "|" + s + "del?" + s + "(?P<" + y + R"re(h>1[0-5]\d\d)\b)re" : "") +
             ")?";
    }
    if (token.starts_with("C:")) {
      // The space before a word may be lost after digits, as OCR does ("de 2022a febrero");
      // Match::ConnectorStandsAlone rejects it after a letter.
      return "(?:" + _ + "(?P<" + n + "d>[-–])" + _ + "|" + _ + "(?P<" + n +
             "w>al|a|hasta|y)(?:" + s + "el)?" + s + ")";
    }
    return "{" + std::string(token) + "}";  // a regular-expression repetition: {1,2}
  }

  const std::string space_, months_, english_, markers_, day_words_, weekdays_, year_words_,
      year_back_, month_back_, ordinals_, parts_;
};

// The classes of digits a pattern cannot tell apart, as each digit's smallest fellow: a
// digit written in the pattern (a group's name "y1" too) is a class of its own, a range
// "[6-9]" of brackets splits the digits at its ends, \d splits none. A pattern that names
// bytes otherwise (\x31, \061) keeps every digit apart.
void DigitClasses(std::string_view pattern, char* classes) {
  bool cut[11] = {};  // cut[d]: d starts a class
  cut[0] = cut[10] = true;
  bool in_brackets = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      const char next = pattern[++i];
      if (next == 'x' || IsDigit(next)) std::fill(cut, cut + 11, true);
    } else if (c == '[' && !in_brackets) {
      in_brackets = true;
      if (i + 1 < pattern.size() && pattern[i + 1] == '^') ++i;
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') ++i;  // "[]...]": a literal ']'
    } else if (c == ']' && in_brackets) {
      in_brackets = false;
    } else if (IsDigit(c)) {
      size_t last = i;
      if (in_brackets && i + 2 < pattern.size() && pattern[i + 1] == '-' &&
          IsDigit(pattern[i + 2])) {
        last = i += 2;
      }
      cut[c - '0'] = cut[pattern[last] - '0' + 1] = true;
    }
  }
  char first = '0';
  for (int d = 0; d < 10; ++d) {
    if (cut[d]) first = static_cast<char>('0' + d);
    classes[d] = first;
  }
}

}  // namespace

Grammar::Grammar(Vocabulary vocabulary) : vocabulary_(std::move(vocabulary)) {}
Grammar::~Grammar() = default;

Result<std::unique_ptr<Grammar>> Grammar::Compile(Vocabulary vocabulary) {
  std::unique_ptr<Grammar> g(new Grammar(std::move(vocabulary)));
  const Vocabulary& v = g->vocabulary_;
  const Expander expand(v);
  const std::vector<Shape>& shapes = Shapes();
  RE2::Options set_options;
  set_options.set_log_errors(false);
  set_options.set_max_mem(64 << 20);
  g->any_shape_ = std::make_unique<ShapeSet>(set_options);
  for (size_t i = 0; i < shapes.size(); ++i) {
    const std::string pattern = expand(shapes[i].pattern);
    ACERVO_RETURN_IF_ERROR(g->Add(shapes[i], static_cast<int>(i), pattern));
    std::string error;
    if (g->any_shape_->set.Add(pattern, &error) != static_cast<int>(i)) {
      return Internal(std::string("es-date: bad pattern for ") + shapes[i].name + ": " + error);
    }
  }
  if (!g->any_shape_->set.Compile()) return Internal("es-date: the shapes do not fit in memory");
  const std::array<std::string, kAnchorCount> anchors =
      AnchorWords::Patterns(v, std::string(kSpace));
  g->any_anchor_ = std::make_unique<ShapeSet>(set_options);
  for (const std::string& a : anchors) {
    g->anchors_.push_back(std::make_unique<RE2>(a));
    if (!g->anchors_.back()->ok() || g->any_anchor_->set.Add(a, nullptr) < 0) {
      return Internal("es-date: bad anchor: " + a);
    }
  }
  if (!g->any_anchor_->set.Compile()) return Internal("es-date: the anchors do not fit in memory");
  g->anchor_words_ = AnchorWords::Build(v);

  RE2::Options options;
  options.set_log_errors(false);
  g->url_ = std::make_unique<RE2>(R"((?:https?://|www\.)[^\s<>"]+)", options);
  if (!g->url_->ok()) return Internal("es-date: bad pattern: " + g->url_->error());
  return g;
}

Status Grammar::Add(const Shape& shape, int preference, const std::string& pattern) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  auto rule = std::make_unique<Rule>();
  rule->shape = &shape;
  rule->preference = preference;
  rule->re = std::make_unique<RE2>(pattern, options);
  if (!rule->re->ok()) {
    return Internal(std::string("es-date: bad pattern for ") + shape.name + ": " +
                    rule->re->error());
  }
  rule->group_count = 1 + rule->re->NumberOfCapturingGroups();
  DigitClasses(pattern, rule->digit_class);
  rule->word_edges_only = true;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '$' || (c == '^' && (i == 0 || pattern[i - 1] != '[')) ||
        (c == '\\' && i + 1 < pattern.size() && (pattern[i + 1] == 'A' || pattern[i + 1] == 'z'))) {
      rule->word_edges_only = false;
    }
  }
  for (const auto& [name, index] : rule->re->NamedCapturingGroups()) {
    rule->groups.Add(name, index);
  }
  rules_.push_back(std::move(rule));
  return Status::Ok();
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
      if (prefix == "el") prefix = word_before(prefix_start, &prefix_start);  // "entre el 2/3"

      std::string gap = a.end <= b.begin ? gap_words(a.end, b.begin) : "?";
      // "hasta el miércoles 22", "hasta Mi, 22": a weekday before the second date.
      if (size_t last = gap.rfind(' '); last != std::string::npos) {
        std::string weekday = gap.substr(last + 1);
        if (!weekday.empty() && weekday.back() == ',') weekday.pop_back();
        if (vocabulary_.IsWeekday(weekday)) gap.erase(last);
      }
      if (gap.ends_with(" el")) gap.erase(gap.size() - 3);
      // "desde el 4 de abril y hasta el 30 de mayo": "y hasta" still closes the range.
      bool joined = gap == "-" || gap == "–" || gap == "a" || gap == "al" || gap == "hasta" ||
                    gap == "y hasta" || (prefix == "entre" && gap == "y");
      // The ends may differ in precision ("del 15 de marzo a diciembre de 2020"): each keeps
      // the precision the text gives it.
      if (joined && !a.list_item && !b.list_item && a.first == a.last && b.first == b.last) {
        DatePoint x = a.first, y = b.first;
        // A year-less end takes the other's year, a year apart when the range crosses New
        // Year ("de noviembre a 5 de febrero de 2017" starts in 2016).
        const bool borrowed = (x.year == 0) != (y.year == 0);
        if (x.year == 0 && y.year != 0) {
          x.year = y.year;
          if (Before(y, x)) --x.year;
        } else if (y.year == 0 && x.year != 0) {
          y.year = x.year;
          if (Before(y, x)) ++y.year;
        }
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
          r.shared_year = a.shared_year || b.shared_year || borrowed;
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

}  // namespace acervo::es_date
