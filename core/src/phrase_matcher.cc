#include "acervo/phrase_matcher.h"

#include <algorithm>
#include <deque>
#include <string>

#include "acervo/match_text.h"
#include "acervo/text.h"
#include "acervo/word.h"

namespace acervo {
namespace {

// Start of the code point that ends just before `pos` (> 0).
size_t PreviousCodePoint(std::string_view text, size_t pos) {
  size_t p = pos - 1;
  while (p > 0 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
  return p;
}

bool ByByte(const std::pair<unsigned char, int32_t>& a,
            const std::pair<unsigned char, int32_t>& b) {
  return a.first < b.first;
}

}  // namespace

int32_t PhraseMatcher::Child(int32_t node, unsigned char c) const {
  const auto& next = nodes_[node].next;
  auto it = std::lower_bound(next.begin(), next.end(), std::make_pair(c, int32_t{0}), ByByte);
  return it != next.end() && it->first == c ? it->second : -1;
}

bool PhraseMatcher::Describe(std::string_view* phrase, int value, Phrase* p) const {
  p->value = value;
  if (options_.stems && !phrase->empty() && phrase->back() == '*') {
    p->stem = true;
    phrase->remove_suffix(1);
    while (!phrase->empty() && phrase->back() == ' ') phrase->remove_suffix(1);
  }
  if (phrase->empty()) return false;
  p->length = static_cast<uint32_t>(phrase->size());
  p->word_first = IsWordAt(*phrase, 0);
  p->word_last = IsWordAt(*phrase, PreviousCodePoint(*phrase, phrase->size()));
  p->digit_last = IsDigitAt(*phrase, phrase->size() - 1);
  return true;
}

bool PhraseMatcher::Add(std::string_view phrase, int value) {
  Phrase p;
  if (!Describe(&phrase, value, &p)) return false;

  int32_t node = 0;
  for (char ch : phrase) {
    auto c = static_cast<unsigned char>(ch);
    int32_t child = Child(node, c);
    if (child < 0) {
      child = static_cast<int32_t>(nodes_.size());
      nodes_.emplace_back();
      auto& next = nodes_[node].next;
      next.insert(std::lower_bound(next.begin(), next.end(), std::make_pair(c, child), ByByte),
                  {c, child});
    }
    node = child;
  }
  nodes_[node].phrases.push_back(static_cast<int32_t>(phrases_.size()));
  phrases_.push_back(p);
  return true;
}

void PhraseMatcher::Build() {
  // Byte classes: one per byte that some phrase holds, 0 for all others.
  class_of_.assign(256, 0);
  classes_ = 1;
  for (const Node& n : nodes_) {
    for (const auto& [c, child] : n.next) {
      if (class_of_[c] == 0) class_of_[c] = static_cast<uint16_t>(classes_++);
    }
  }
  std::vector<int32_t> delta(nodes_.size() * classes_, 0);  // by node, to a node

  // Breadth first: a node's failure and its row need those of shallower nodes only.
  std::deque<int32_t> queue;
  std::vector<int32_t> order = {0};  // the nodes breadth first
  order.reserve(nodes_.size());
  nodes_[0].fail = 0;
  nodes_[0].output = -1;
  for (const auto& [c, child] : nodes_[0].next) {
    nodes_[child].fail = 0;
    delta[class_of_[c]] = child;
    queue.push_back(child);
  }
  while (!queue.empty()) {
    int32_t node = queue.front();
    queue.pop_front();
    order.push_back(node);
    int32_t fail = nodes_[node].fail;
    nodes_[node].output = !nodes_[node].phrases.empty() ? node : nodes_[fail].output;
    int32_t* row = &delta[static_cast<size_t>(node) * classes_];
    const int32_t* fail_row = &delta[static_cast<size_t>(fail) * classes_];
    for (uint32_t k = 1; k < classes_; ++k) row[k] = fail_row[k];
    for (const auto& [c, child] : nodes_[node].next) {
      int32_t target = fail_row[class_of_[c]];
      nodes_[child].fail = target != child ? target : 0;
      row[class_of_[c]] = child;
      queue.push_back(child);
    }
  }
  // The table's rows in breadth-first order: the shallow states, where a text spends most of
  // its bytes, then share a few cache lines. An entry is where its target's row starts, times
  // two, plus one when the target has an output: FindAll then needs no multiplication and no
  // second lookup per byte.
  std::vector<int32_t> rank(nodes_.size());
  for (size_t r = 0; r < order.size(); ++r) rank[order[r]] = static_cast<int32_t>(r);
  output_.resize(nodes_.size());
  for (size_t r = 0; r < order.size(); ++r) output_[r] = nodes_[order[r]].output;
  delta_.assign(delta.size(), 0);
  for (size_t r = 0; r < order.size(); ++r) {
    const int32_t* from = &delta[static_cast<size_t>(order[r]) * classes_];
    uint32_t* to = &delta_[r * classes_];
    for (uint32_t k = 0; k < classes_; ++k) {
      const auto target = static_cast<uint32_t>(rank[from[k]]);
      to[k] = ((target * classes_) << 1) | (output_[target] > 0 ? 1u : 0u);
    }
  }
  raw_class_.fill(kFolded);
  for (int c = 0; c < 0x80; ++c) {
    const char ch = static_cast<char>(c);
    raw_class_[c] = match_text_internal::IsSqueezed(ch) ? kSqueezed
                    : ch >= 'A' && ch <= 'Z'            ? class_of_[c + ('a' - 'A')]
                                                        : class_of_[c];
  }
  next_output_.resize(nodes_.size());
  for (size_t n = 0; n < nodes_.size(); ++n) {
    next_output_[n] = n == 0 ? -1 : nodes_[nodes_[n].fail].output;
  }
}

bool PhraseMatcher::Fits(const Phrase& p, std::string_view text, size_t begin, size_t* end) const {
  bool strict = !options_.boundary_only_at_word_edges;
  if ((strict || p.word_first) && IsWordBefore(text, begin)) return false;
  size_t e = begin + p.length;
  if (p.stem) {
    while (IsWordAt(text, e)) NextCodePoint(text, &e);
  } else if ((strict || p.word_last) && IsWordAt(text, e)) {
    if (!(options_.digit_may_follow && IsDigitAt(text, e) && !p.digit_last)) return false;
  }
  *end = e;
  return true;
}

std::vector<PhraseMatcher::Match> PhraseMatcher::FindAll(std::string_view text) const {
  std::vector<Found> found;
  const uint32_t* delta = delta_.data();
  const uint16_t* class_of = class_of_.data();
  size_t row = 0;  // where the state's row starts in delta_
  for (size_t i = 0; i < text.size(); ++i) {
    const uint32_t entry = delta[row + class_of[static_cast<unsigned char>(text[i])]];
    row = entry >> 1;
    if ((entry & 1) == 0) continue;  // no output
    // The root holds no phrase, so every output chain ends in -1.
    for (int32_t o = output_[row / classes_]; o > 0; o = next_output_[o]) {
      for (int32_t index : nodes_[o].phrases) {
        const Phrase& p = phrases_[index];
        size_t begin = i + 1 - p.length, end = 0;
        if (Fits(p, text, begin, &end)) found.push_back({{begin, end, p.value}, index});
      }
    }
  }
  return Ordered(&found);
}

bool PhraseMatcher::MayOccurInMatchText(std::string_view original) const {
  const uint32_t* delta = delta_.data();
  const uint16_t* raw_class = raw_class_.data();
  size_t row = 0;            // as in FindAll
  bool space_before = true;  // MatchText drops the whitespace a text starts with
  // One byte of the prepared text: whether a phrase ends with it.
  auto step = [&](uint16_t k) {
    const uint32_t entry = delta[row + k];
    row = entry >> 1;
    return (entry & 1) != 0;
  };
  std::string folded;  // a run of non-ASCII bytes, folded
  for (size_t i = 0; i < original.size();) {
    const uint16_t k = raw_class[static_cast<unsigned char>(original[i])];
    if (k < kFolded) {  // most bytes: ASCII but whitespace
      ++i;
      space_before = false;
      if (step(k)) return true;
      continue;
    }
    if (k == kSqueezed) {
      ++i;
      if (space_before) continue;
      space_before = true;
      if (step(class_of_[' '])) return true;
      continue;
    }
    size_t end = i + 1;
    while (end < original.size() && static_cast<unsigned char>(original[end]) >= 0x80) ++end;
    match_text_internal::FoldRun(original.substr(i, end - i), &folded);
    i = end;
    for (char f : folded) {  // folded bytes are as MatchText keeps them, but for whitespace
      if (match_text_internal::IsSqueezed(f)) {
        if (space_before) continue;
        space_before = true;
        f = ' ';
      } else {
        space_before = false;
      }
      if (step(class_of_[static_cast<unsigned char>(f)])) return true;
    }
  }
  return false;
}

std::vector<PhraseMatcher::Match> PhraseMatcher::Ordered(std::vector<Found>* found) {
  std::sort(found->begin(), found->end(), [](const Found& a, const Found& b) {
    if (a.match.begin != b.match.begin) return a.match.begin < b.match.begin;
    if (a.match.end != b.match.end) return a.match.end > b.match.end;
    return a.phrase < b.phrase;
  });
  std::vector<Match> out;
  out.reserve(found->size());
  for (const Found& f : *found) out.push_back(f.match);
  return out;
}

std::vector<PhraseMatcher::Match> PhraseMatcher::FindEach(Options options,
                                                          const std::vector<std::string>& phrases,
                                                          std::string_view text) {
  const PhraseMatcher rules(options);  // for its boundary rules only: no trie, no table
  std::vector<Found> found;
  int32_t index = 0;  // as Add would number the phrases: empty ones are not added
  for (size_t k = 0; k < phrases.size(); ++k) {
    std::string_view phrase = phrases[k];
    Phrase p;
    if (!rules.Describe(&phrase, static_cast<int>(k), &p)) continue;
    for (size_t at = text.find(phrase); at != std::string_view::npos;
         at = text.find(phrase, at + 1)) {
      size_t end = 0;
      if (rules.Fits(p, text, at, &end)) found.push_back({{at, end, p.value}, index});
    }
    ++index;
  }
  return Ordered(&found);
}

std::optional<PhraseMatcher::Match> PhraseMatcher::LongestAt(std::string_view text,
                                                             size_t pos) const {
  std::optional<Match> best;
  int32_t best_phrase = -1;
  int32_t node = 0;
  for (size_t i = pos; i < text.size(); ++i) {
    node = Child(node, static_cast<unsigned char>(text[i]));
    if (node < 0) break;
    for (int32_t index : nodes_[node].phrases) {
      size_t end = 0;
      if (!Fits(phrases_[index], text, pos, &end)) continue;
      if (!best || end > best->end || (end == best->end && index < best_phrase)) {
        best = Match{pos, end, phrases_[index].value};
        best_phrase = index;
      }
    }
  }
  return best;
}

}  // namespace acervo
