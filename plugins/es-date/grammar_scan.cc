// Grammar::Scan and what it needs: where the anchors are, the spans of each rule's matches,
// and their groups read only for the spans that may win.
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <string>

#include "acervo/text.h"
#include "anchor_words.h"
#include "grammar_internal.h"
#include "year_ends.h"

namespace acervo::es_date {
namespace {

constexpr size_t kAnchorLookBack = 96;  // bytes a match may start before its anchor

}  // namespace

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

namespace {

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

}  // namespace

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

}  // namespace acervo::es_date
