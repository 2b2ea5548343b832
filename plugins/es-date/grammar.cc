#include "grammar.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <map>
#include <string>

#include "anchor_words.h"
#include "shape.h"
#include "year_ends.h"

namespace acervo::es_date {
namespace {

// Building blocks, spelled as placeholders in the shapes' patterns.
constexpr std::string_view kSpace = R"([ \n\r]+)";
constexpr std::string_view kOptSpace = R"([ \n\r]*)";
constexpr std::string_view kYearDigits = R"((?:1[6-9]|20)\d\d)";
constexpr size_t kAnchorLookBack = 96;  // bytes a match may start before its anchor

int ToInt(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Whether folded[i, i + 4) is a year as kYearDigits spells it (1600-2099), read by hand:
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

// The offset of the first year (YearDigitsAt) at or after `from`, or npos: kYearDigits's
// leftmost match, as RE2 would find it.
size_t NextYearDigits(std::string_view s, size_t from) {
  for (size_t i = NextOneOrTwo(s, from); i != std::string_view::npos && i + 4 <= s.size();
       i = NextOneOrTwo(s, i + 1)) {
    if (YearDigitsAt(s, i)) return i;
  }
  return std::string_view::npos;
}

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

// The first offset at or after `p` where a match may begin as StandsAlone needs: the text's
// start, or after a character that is not part of a word.
size_t NextWordEdge(std::string_view s, size_t p) {
  for (; p < s.size(); ++p) {
    if (p == 0) return p;
    const unsigned char c = static_cast<unsigned char>(s[p - 1]);
    const bool word = IsDigit(static_cast<char>(c)) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    if (c >= 0x80 ? IsWholeWord(s, p, s.size()) : !word) return p;  // as IsWordCodePoint
  }
  return p;
}

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

struct Grammar::Rule {
  const Shape* shape;
  int preference;  // the shape's place in the table: lower wins a tie
  std::unique_ptr<RE2> re;
  int group_count;       // the whole match and every capturing group
  bool word_edges_only;  // no ^, $, \A or \z: only \b reads the bytes beside a match
  // Each digit's class: digits the pattern never tells apart share one ('7' and '8' when it
  // only says \d, [6-9] and 1), so spans that differ only within classes share groups.
  char digit_class[10];
  GroupIndex groups;
};

struct Grammar::ShapeSet {
  explicit ShapeSet(const RE2::Options& options) : set(options, RE2::UNANCHORED) {}
  RE2::Set set;  // shape i is pattern i
};

// A match of one rule: its span, found with the DFAs; its groups and action are read only
// when the span may win (Scan), or when where the rule's search resumes depends on it.
struct Grammar::Candidate {
  enum State { kUnread, kAccepted, kRejected };
  size_t begin, end;
  const Rule* rule;
  State state;
  std::vector<Expression> expressions;  // the action's, once accepted
};

struct Grammar::ReadScratch {
  std::vector<re2::StringPiece> groups;
  std::vector<std::string_view> views;
};

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
bool Grammar::AnchorStarts(std::string_view s, size_t* starts) const {
  const re2::StringPiece whole(s.data(), s.size());
  // Where each anchor's leftmost match starts: by the byte tables, RE2 confirming only what
  // they cannot settle; else every shape needs its anchor, so a passage without any is done
  // after one pass of the anchors' set over it, and only the anchors it holds are looked for
  // one by one.
  std::array<AnchorWords::First, kAnchorCount> first;
  if (anchor_words_) {
    first = anchor_words_->Find(s);
  } else {
    std::vector<int> matching;
    RE2::Set::ErrorInfo error;
    const bool known =
        any_anchor_->set.Match(whole, &matching, &error) || error.kind == RE2::Set::kNoError;
    first.fill({known ? s.size() : 0, false});  // out of memory: look for each
    for (int a : matching) first[a] = {0, false};
  }
  bool anchored = false;
  for (int a = 0; a < kAnchorCount; ++a) {
    size_t at = first[a].at;
    re2::StringPiece hit;
    if (at < s.size() && !first[a].exact) {
      at = anchors_[a]->Match(whole, at, s.size(), RE2::UNANCHORED, &hit, 1)
               ? static_cast<size_t>(hit.data() - s.data())
               : s.size();
    }
    anchored |= at != s.size();
    starts[a] = at == s.size() ? s.size() : at - std::min(at, kAnchorLookBack);
  }
  return anchored;
}

std::vector<std::pair<size_t, size_t>> Grammar::Urls(std::string_view s) const {
  std::vector<std::pair<size_t, size_t>> urls;
  // The URL pattern starts with one of these literals; most passages hold neither.
  if (s.find("http") == std::string_view::npos && s.find("www.") == std::string_view::npos) {
    return urls;
  }
  re2::StringPiece input(s.data(), s.size());
  while (RE2::FindAndConsume(&input, *url_)) {
    size_t e = static_cast<size_t>(input.data() - s.data());
    size_t b = e;
    while (b > 0 && s[b - 1] != ' ' && s[b - 1] != '\n' && s[b - 1] != '\t' && s[b - 1] != '<' &&
           s[b - 1] != '(') {
      --b;
    }
    urls.emplace_back(b, e);
  }
  return urls;
}

bool Grammar::ReadGroups(const Rule& rule, const re2::StringPiece& text, size_t b, size_t e, int n,
                         GroupCache* cache, re2::StringPiece* groups) {
  if (!cache) return rule.re->Match(text, b, e, RE2::ANCHOR_BOTH, groups, n);
  // RE2 reads no further than the byte on either side (\b, ^, $), so these and the span
  // decide the groups; for a pattern whose only edge is \b, whether each is a word byte.
  auto word_byte = [](char c) {
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '_';
  };
  std::string key;
  key.reserve(e - b + 6);
  key.push_back(static_cast<char>(rule.preference & 0xFF));  // two bytes: any table size
  key.push_back(static_cast<char>(rule.preference >> 8));
  if (rule.word_edges_only) {
    key.push_back(b > 0 && word_byte(text[b - 1]) ? 1 : 0);
    key.push_back(e < text.size() && word_byte(text[e]) ? 1 : 0);
  } else {
    key.push_back(b > 0 ? 1 : 0);
    key.push_back(b > 0 ? text[b - 1] : 0);
    key.push_back(e < text.size() ? 1 : 0);
    key.push_back(e < text.size() ? text[e] : 0);
  }
  for (size_t i = b; i < e; ++i)
    key.push_back(IsDigit(text[i]) ? rule.digit_class[text[i] - '0'] : text[i]);
  auto [it, added] = cache->groups_.try_emplace(std::move(key));
  std::vector<std::pair<int, int>>& spans = it->second;
  if (added) {
    if (!rule.re->Match(text, b, e, RE2::ANCHOR_BOTH, groups, n)) {
      cache->groups_.erase(it);
      return false;
    }
    spans.resize(n);
    for (int i = 0; i < n; ++i) {
      spans[i] = groups[i].data()
                     ? std::pair{static_cast<int>(groups[i].data() - (text.data() + b)),
                                 static_cast<int>(groups[i].size())}
                     : std::pair{-1, 0};
    }
    return true;
  }
  for (int i = 0; i < n; ++i) {
    groups[i] = spans[i].first < 0
                    ? re2::StringPiece()
                    : re2::StringPiece(text.data() + b + spans[i].first, spans[i].second);
  }
  return true;
}

bool Grammar::Read(const FoldedText& text, GroupCache* cache, ReadScratch* scratch,
                   Candidate* c) const {
  const Rule& rule = *c->rule;
  const std::string_view s = text.text();
  const int n = rule.group_count;
  scratch->groups.assign(n, re2::StringPiece());
  scratch->views.resize(n);
  if (!ReadGroups(rule, re2::StringPiece(s.data(), s.size()), c->begin, c->end, n, cache,
                  scratch->groups.data())) {
    c->state = Candidate::kRejected;
    return false;
  }
  for (int i = 0; i < n; ++i) {
    const re2::StringPiece& g = scratch->groups[i];
    scratch->views[i] = g.data() ? std::string_view(g.data(), g.size()) : std::string_view();
  }
  const Match match(vocabulary_, text, rule.groups, scratch->views);
  const bool taken = rule.shape->action(match, &c->expressions);
  if (!taken) c->expressions.clear();
  c->state = taken ? Candidate::kAccepted : Candidate::kRejected;
  return taken;
}

void Grammar::FindSpans(const Rule& rule, const FoldedText& text, size_t pos,
                        const std::vector<std::pair<size_t, size_t>>& urls, GroupCache* cache,
                        ReadScratch* scratch, std::vector<Candidate>* out) const {
  const std::string_view s = text.text();
  const re2::StringPiece whole(s.data(), s.size());
  // The leftmost match at or after `from` that may stand alone on its left (those before
  // it would be passed over), with RE2's DFAs alone.
  auto next = [&](size_t from, size_t* b, size_t* e) {
    from = NextWordEdge(s, from);
    re2::StringPiece m;
    if (from >= s.size() || !rule.re->Match(whole, from, s.size(), RE2::UNANCHORED, &m, 1)) {
      return false;
    }
    *b = static_cast<size_t>(m.data() - s.data());
    *e = *b + m.size();
    return true;
  };
  auto in_url = [&](size_t b, size_t e) {
    for (const auto& [ub, ue] : urls) {
      if (b < ue && e > ub) return true;
    }
    return false;
  };
  auto valid = [&](size_t b, size_t e) { return e > b && StandsAlone(s, b, e) && !in_url(b, e); };
  size_t b = 0, e = 0;
  bool found = next(pos, &b, &e);
  while (found && !valid(b, e)) found = next(b + 1, &b, &e);
  while (found) {
    // The next match that stands alone; those before it are passed over either way.
    size_t next_b = b, next_e = e;
    bool more = next(b + 1, &next_b, &next_e);
    while (more && !valid(next_b, next_e)) more = next(next_b + 1, &next_b, &next_e);
    Candidate c{b, e, &rule, Candidate::kUnread, {}};
    if (more && next_b < e) {
      // It starts inside this one: whether the action takes this one decides where the
      // search resumes (after it, or at that next match), so read it now.
      if (Read(text, cache, scratch, &c)) {
        out->push_back(std::move(c));
        found = next(e, &b, &e);
        while (found && !valid(b, e)) found = next(b + 1, &b, &e);
      } else {
        b = next_b, e = next_e;
      }
      continue;
    }
    // Taken or not, the search goes on at the next match: read this one only if it wins.
    out->push_back(std::move(c));
    found = more, b = next_b, e = next_e;
  }
}

void Grammar::Scan(const FoldedText& text, std::vector<Expression>* out, GroupCache* cache) const {
  const std::string_view s = text.text();
  size_t starts[kAnchorCount];
  if (!AnchorStarts(s, starts)) return;
  const std::vector<std::pair<size_t, size_t>> urls = Urls(s);

  std::vector<Candidate> candidates;
  ReadScratch scratch;
  // Which shapes match in the passage where they are looked for, in one pass: a passage is
  // short (a paragraph, a table row), so calling each shape's own pattern costs more than the
  // scan itself. Every search starts at or after `from`; one byte before it is enough for
  // their edges (\b) to read as they do in the whole text.
  const size_t from = *std::min_element(starts, starts + kAnchorCount);
  const size_t context = from > 0 ? from - 1 : 0;
  std::vector<int> matching;
  RE2::Set::ErrorInfo error;
  const bool known = any_shape_->set.Match(re2::StringPiece(s.data() + context, s.size() - context),
                                           &matching, &error) ||
                     error.kind == RE2::Set::kNoError;
  std::vector<bool> may_match(rules_.size(), !known);  // out of memory: try every shape
  for (int i : matching) may_match[i] = true;
  for (const auto& rule : rules_) {
    if (!may_match[rule->preference]) continue;
    FindSpans(*rule, text, starts[rule->shape->anchor], urls, cache, &scratch, &candidates);
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) {
                     if (a.begin != b.begin) return a.begin < b.begin;
                     if (a.end != b.end) return a.end > b.end;
                     return a.rule->preference < b.rule->preference;
                   });
  // The longest candidate wins where several start at one place, then the earliest shape;
  // a candidate that starts inside a winner is never read.
  const size_t first = out->size();
  size_t taken_end = 0;
  for (Candidate& c : candidates) {
    if (c.begin < taken_end) continue;
    if (c.state == Candidate::kUnread) Read(text, cache, &scratch, &c);
    if (c.state != Candidate::kAccepted) continue;
    taken_end = c.end;
    for (Expression& x : c.expressions) out->push_back(std::move(x));
  }
  MergeRanges(s, first, out);
  ShareListYears(s, out->begin() + first, out->end());
  JoinYearEnds(s, out->begin() + first, out->end());
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
