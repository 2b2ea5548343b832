#include "goal_references.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <string>

#include "acervo/text.h"
#include "acervo/tsv.h"
#include "acervo/word.h"

namespace acervo::ods {

namespace {

enum PrefixKind { kPrefix = 1, kObjective = 2 };

// What a phrase of GoalReferences::scan_ is: its role times kRoles plus its own value (the
// goal of a name, the PrefixKind of a prefix).
enum ScanRole { kScanName = 0, kScanCue = 1, kScanPrefix = 2 };
constexpr int kRoles = 100;
int ScanValue(ScanRole role, int value) { return role * kRoles + value; }

// Confidence of each kind of evidence.
constexpr double kPrefixed = 0.95;
constexpr double kQualified = 0.95;
constexpr double kObjectiveInContext = 0.8;
constexpr double kNumberedName = 0.9;
constexpr double kNameInContext = 0.85;
constexpr double kGoalCellNumber = 0.85;
constexpr double kNameInProse = 0.75;
constexpr double kNameFillingCell = 0.8;  // a goal row of a table with no goal cue
constexpr double kNameFillingHeading = 0.7;

// How far (in bytes of punctuation and spaces) a name may follow the reference it restates.
constexpr size_t kRestatementGap = 8;

size_t SkipSpaces(const std::string& t, size_t p) {
  while (p < t.size() && t[p] == ' ') ++p;
  return p;
}

bool IsSeparatorPunct(char c) { return c == '-' || c == ':' || c == '.' || c == ')'; }

// True when t[from, to) holds no letter or digit.
bool NoWords(const std::string& t, size_t from, size_t to) {
  for (size_t p = from; p < to;) {
    if (IsWordAt(t, p)) return false;
    NextCodePoint(t, &p);
  }
  return true;
}

// True when MatchText bytes [from, to) span a cell boundary of a table row (a tab in the
// original): "los objetivos⇥1" is a name's last word and the next cell's count, not a goal.
bool CrossesCell(const MatchText& m, size_t from, size_t to) {
  size_t b = m.ToOriginal(from), e = m.ToOriginal(to);
  return m.original().substr(b, e - b).find('\t') != std::string_view::npos;
}

bool IsUpperAt(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  return u_isupper(static_cast<UChar32>(NextCodePoint(text, &pos)));
}

// Start of the sentence holding byte `pos`: just after the last ". ", "; ", "? " or "! ".
size_t SentenceStart(const std::string& t, size_t pos) {
  for (size_t p = pos; p >= 2; --p) {
    char c = t[p - 2];
    if (t[p - 1] == ' ' && (c == '.' || c == ';' || c == '?' || c == '!')) return p;
  }
  return 0;
}

bool CueBefore(const std::vector<PhraseMatcher::Match>& cues, size_t from, size_t pos) {
  return std::any_of(cues.begin(), cues.end(), [&](const PhraseMatcher::Match& c) {
    return c.begin >= from && c.end <= pos;
  });
}

}  // namespace

Result<GoalReferences> GoalReferences::Load(const std::filesystem::path& data_dir) {
  GoalReferences refs;
  auto names = GoalNames::Load(data_dir / "goals.tsv");
  if (!names.ok()) return names.status();
  refs.names_ = std::move(*names);

  std::filesystem::path path = data_dir / "references.tsv";
  auto rows = ReadTsv(path);
  if (!rows.ok()) return rows.status();
  for (const TsvRow& row : *rows) {
    bool ok = row.fields.size() == 2;
    if (ok) {
      const std::string& role = row.fields[0];
      const std::string& phrase = row.fields[1];
      if (role == "prefix")
        ok = refs.prefixes_.Add(NormalizePhrase(phrase), kPrefix) &&
             refs.scan_.Add(NormalizePhrase(phrase), ScanValue(kScanPrefix, kPrefix));
      else if (role == "objective")
        ok = refs.prefixes_.Add(NormalizePhrase(phrase), kObjective) &&
             refs.scan_.Add(NormalizePhrase(phrase), ScanValue(kScanPrefix, kObjective));
      else if (role == "qualifier")
        ok = refs.qualifiers_.Add(NormalizePhrase(phrase), 0);
      else if (role == "number_sign")
        ok = refs.signs_.Add(NormalizePhrase(phrase), 0);
      else if (role == "joiner")
        ok = refs.joiners_.Add(NormalizePhrase(phrase), 0);
      else if (role == "article")
        ok = refs.articles_.Add(NormalizePhrase(phrase), 0);
      else if (role == "context")
        ok = refs.cues_.Add(NormalizePhrase(phrase), 0) &&
             refs.scan_.Add(NormalizePhrase(phrase), ScanValue(kScanCue, 0));
      else
        ok = false;
    }
    if (!ok) {
      return Corrupt(path.string() + ":" + std::to_string(row.line) +
                     ": expected a role (prefix, objective, qualifier, number_sign, joiner, "
                     "article, context) and a phrase");
    }
  }
  if (refs.prefixes_.size() == 0) return Corrupt(path.string() + ": no prefix");
  for (const auto& [name, goal] : refs.names_.phrases()) {
    refs.scan_.Add(name, ScanValue(kScanName, goal));
  }
  for (PhraseMatcher* m : {&refs.prefixes_, &refs.qualifiers_, &refs.signs_, &refs.joiners_,
                           &refs.articles_, &refs.cues_, &refs.scan_}) {
    m->Build();
  }
  return refs;
}

bool GoalReferences::HasGoalCue(std::string_view text) const {
  if (!cues_.MayOccurInMatchText(text)) return false;  // most texts
  std::string prepared;
  MatchTextOnly(text, &prepared);  // no span is reported: no map needed
  return !cues_.FindAll(prepared).empty();
}

bool GoalReferences::ReadGoalNumber(const std::string& t, size_t pos, int* goal, size_t* end) {
  size_t p = pos;
  while (IsDigitAt(t, p) && p - pos < 3) ++p;
  size_t digits = p - pos;
  if (digits == 0 || digits > 2 || (pos > 0 && IsDigitAt(t, pos - 1))) return false;
  if (!ParseIntField(std::string_view(t).substr(pos, digits), 1, kGoalCount, goal)) return false;
  if (p + 1 < t.size() && t[p] == '.' && IsDigitAt(t, p + 1)) {  // a target: "11.2"
    p += 1;
    while (IsDigitAt(t, p)) ++p;
  }
  if (IsWordAt(t, p) || (p < t.size() && t[p] == '%')) return false;
  *end = p;
  return true;
}

size_t GoalReferences::SkipSign(const MatchText& m, size_t pos) const {
  if (auto sign = signs_.LongestAt(m.text(), pos)) return SkipSpaces(m.text(), sign->end);
  return pos;
}

std::vector<GoalReferences::Item> GoalReferences::ReadList(const MatchText& m, size_t pos) const {
  const std::string& t = m.text();
  std::vector<Item> items;
  size_t p = SkipSpaces(t, pos);
  if (p < t.size() && (t[p] == '-' || t[p] == ':')) p = SkipSpaces(t, p + 1);
  p = SkipSign(m, p);
  Item first;
  if (!ReadGoalNumber(t, p, &first.goal, &first.end) || CrossesCell(m, pos, p)) return items;
  first.begin = p;
  items.push_back(first);
  while (true) {
    size_t q = SkipSpaces(t, items.back().end);
    bool joined = false;
    if (q < t.size() && (t[q] == ',' || t[q] == '/' || t[q] == ';')) {
      q = SkipSpaces(t, q + 1);
      joined = true;
    }
    if (auto joiner = joiners_.LongestAt(m.text(), q)) {
      q = SkipSpaces(t, joiner->end);
      joined = true;
    }
    if (!joined) break;
    if (auto article = articles_.LongestAt(m.text(), q)) q = SkipSpaces(t, article->end);
    Item next;
    next.begin = q;
    if (auto prefix = prefixes_.LongestAt(m.text(), q)) {
      q = SkipSpaces(t, prefix->end);
      if (q < t.size() && t[q] == '-') q = SkipSpaces(t, q + 1);
    }
    q = SkipSign(m, q);
    if (!ReadGoalNumber(t, q, &next.goal, &next.end) || CrossesCell(m, items.back().end, q)) {
      break;
    }
    items.push_back(next);
  }
  return items;
}

void GoalReferences::FindNumbered(const MatchText& m, const PhraseMatcher::Match& p,
                                  Placement placement, bool goal_context,
                                  const std::vector<PhraseMatcher::Match>& cues,
                                  std::vector<GoalReference>* out, std::vector<Item>* taken) const {
  const std::string& t = m.text();
  std::vector<Item> items = ReadList(m, p.end);
  if (items.empty()) return;
  items.front().begin = p.begin;
  size_t after = SkipSpaces(t, items.back().end);
  double confidence = kPrefixed;
  if (p.value == kObjective) {
    if (auto qualifier = qualifiers_.LongestAt(m.text(), after)) {
      items.back().end = qualifier->end;
      confidence = kQualified;
    } else {
      // "Objetivo 13: Acción por el clima": the goal's own name after its number.
      size_t q = after;
      while (q < t.size() && !IsWordAt(t, q) && q - after < kRestatementGap) NextCodePoint(t, &q);
      auto name = names_.At(m, q);
      if (items.size() == 1 && name && name->goal == items.front().goal) {
        items.front().end = name->end;
        confidence = kQualified;
      } else if (goal_context || CueBefore(cues, SentenceStart(t, p.begin), p.begin)) {
        // A label after the number makes it a local plan's objective, not a goal.
        bool labelled = after < t.size() &&
                        (t[after] == ':' || (t[after] == '.' && placement != Placement::kProse) ||
                         t[after] == '-') &&
                        IsWordAt(t, SkipSpaces(t, after + 1));
        if (labelled) return;
        confidence = kObjectiveInContext;
      } else {
        return;
      }
    }
  }
  for (const Item& item : items) {
    out->push_back({m.ToOriginal(item.begin), m.ToOriginal(item.end), item.goal, confidence});
    taken->push_back(item);
  }
}

void GoalReferences::FindNamed(const MatchText& m, const NameMatch& n, Placement placement,
                               bool goal_context, const std::vector<PhraseMatcher::Match>& cues,
                               const std::vector<Item>& taken,
                               std::vector<GoalReference>* out) const {
  const std::string& t = m.text();
  for (const Item& item : taken) {
    if (n.begin < item.end && n.end > item.begin) return;  // inside a numbered reference
    if (item.goal == n.goal && item.end <= n.begin && n.begin - item.end <= kRestatementGap &&
        NoWords(t, item.end, n.begin)) {
      return;  // restates the reference just before it
    }
  }
  // Its own number just before: "13. Acción por el clima", "No. 13 Acción ...".
  size_t p = n.begin;
  while (p > 0 && (t[p - 1] == ' ' || IsSeparatorPunct(t[p - 1])) && n.begin - p < 4) --p;
  size_t digits_end = p;
  while (p > 0 && IsDigitAt(t, p - 1)) --p;
  bool fills_after = NoWords(t, n.end, t.size());
  if (p < digits_end && digits_end - p <= 2 && !IsWordBefore(t, p)) {
    int number = 0;
    size_t number_end = 0;
    if (!ReadGoalNumber(t, p, &number, &number_end)) return;
    size_t begin = p;
    for (size_t k = 1; k <= 8 && k <= p; ++k) {  // a sign before the number: "No. 13"
      size_t s = p - k;
      auto sign = signs_.LongestAt(m.text(), s);
      if (sign && SkipSpaces(t, sign->end) == p) begin = s;
    }
    double confidence = kNumberedName;
    if (number != n.goal) {
      // "No.4. Agua limpia y saneamiento" as a whole goal row or heading: the name decides.
      bool row = placement == Placement::kCell || placement == Placement::kGoalCell;
      if (!row || !NoWords(t, 0, begin) || !fills_after) return;
      confidence = kMismatchedNumber;
    }
    out->push_back({m.ToOriginal(begin), m.ToOriginal(n.end), n.goal, confidence});
    return;
  }
  bool fills = NoWords(t, 0, n.begin) && fills_after;
  if (placement == Placement::kGoalCell ||
      (placement != Placement::kProse && goal_context && fills)) {
    out->push_back({m.ToOriginal(n.begin), m.ToOriginal(n.end), n.goal, kNameInContext});
    return;
  }
  if (fills && (placement == Placement::kCell || placement == Placement::kHeading)) {
    bool heading = placement == Placement::kHeading;
    out->push_back({m.ToOriginal(n.begin), m.ToOriginal(n.end), n.goal,
                    heading ? kNameFillingHeading : kNameFillingCell, heading});
    return;
  }
  // In prose a goal is written as a title ("la meta de Igualdad de género"), after a cue.
  size_t original_begin = m.ToOriginal(n.begin);
  if (IsUpperAt(m.original(), original_begin) &&
      CueBefore(cues, SentenceStart(t, n.begin), n.begin)) {
    out->push_back({original_begin, m.ToOriginal(n.end), n.goal, kNameInProse});
  }
}

std::vector<GoalReference> GoalReferences::Find(std::string_view text, Placement placement,
                                                bool goal_context, bool* any_phrase) const {
  // Most passages hold no goal name, cue or prefix: then nothing below finds anything (a goal
  // cell's bare numbers aside), and the passage need not be prepared for matching.
  if (placement != Placement::kGoalCell && !scan_.MayOccurInMatchText(text)) {
    if (any_phrase) *any_phrase = false;
    return {};
  }
  MatchText m(text);
  // What cues_, prefixes_ and the names' own matcher would find, in one pass.
  std::vector<PhraseMatcher::Match> cues, prefixes, names;
  const std::vector<PhraseMatcher::Match> found = scan_.FindAll(m.text());
  if (any_phrase) *any_phrase = !found.empty();
  for (const PhraseMatcher::Match& f : found) {
    PhraseMatcher::Match found{f.begin, f.end, f.value % kRoles};
    if (f.value / kRoles == kScanPrefix) {
      prefixes.push_back(found);
    } else if (!(IsDigitAt(m.text(), f.end) && IsWordBefore(m.text(), f.end))) {
      // (unlike a prefix, a name or cue that ends in a letter lets no digit follow it)
      (f.value / kRoles == kScanCue ? cues : names).push_back(found);
    }
  }
  std::vector<GoalReference> out;
  std::vector<Item> taken;
  size_t covered = 0;  // prefixes overlap ("Objetivo" inside "Objetivo de Desarrollo ...")
  for (const PhraseMatcher::Match& p : prefixes) {
    if (p.begin < covered) continue;
    size_t before = out.size();
    FindNumbered(m, p, placement, goal_context, cues, &out, &taken);
    covered = out.size() > before ? m.FromOriginal(out.back().end) : p.end;
  }
  for (const NameMatch& n : GoalNames::Longest(names)) {
    FindNamed(m, n, placement, goal_context, cues, taken, &out);
  }
  if (placement == Placement::kGoalCell) {  // bare numbers: "5, 11"
    const std::string& t = m.text();
    for (size_t p = 0; p < t.size(); ++p) {
      int goal = 0;
      size_t end = 0;
      if (!IsWordBefore(t, p) && ReadGoalNumber(t, p, &goal, &end)) {
        size_t b = m.ToOriginal(p), e = m.ToOriginal(end);
        bool inside = std::any_of(out.begin(), out.end(),
                                  [&](const GoalReference& r) { return b < r.end && e > r.begin; });
        if (!inside) out.push_back({b, e, goal, kGoalCellNumber});
        p = end;
      }
    }
  }
  std::sort(out.begin(), out.end(),
            [](const GoalReference& a, const GoalReference& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace acervo::ods
