#include "phrase_matcher.h"

#include <algorithm>
#include <deque>

#include "acervo/text.h"

namespace acervo::institution {

int32_t PhraseMatcher::Child(int32_t node, unsigned char c) const {
  const auto& next = nodes_[node].next;
  auto it = std::lower_bound(next.begin(), next.end(), std::make_pair(c, int32_t{0}),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
  return it != next.end() && it->first == c ? it->second : -1;
}

void PhraseMatcher::Add(std::string_view phrase, int value) {
  if (phrase.empty()) return;
  int32_t node = 0;
  for (char ch : phrase) {
    auto c = static_cast<unsigned char>(ch);
    int32_t child = Child(node, c);
    if (child < 0) {
      child = static_cast<int32_t>(nodes_.size());
      nodes_.emplace_back();
      auto& next = nodes_[node].next;
      auto it = std::lower_bound(next.begin(), next.end(), std::make_pair(c, int32_t{0}),
                                 [](const auto& a, const auto& b) { return a.first < b.first; });
      next.insert(it, {c, child});
    }
    node = child;
  }
  nodes_[node].values.emplace_back(value, static_cast<uint32_t>(phrase.size()));
  ++phrases_;
}

void PhraseMatcher::Build() {
  std::deque<int32_t> queue;
  nodes_[0].fail = 0;
  nodes_[0].output = -1;
  for (const auto& [c, child] : nodes_[0].next) {
    nodes_[child].fail = 0;
    queue.push_back(child);
  }
  while (!queue.empty()) {
    int32_t node = queue.front();
    queue.pop_front();
    int32_t fail = nodes_[node].fail;
    nodes_[node].output = !nodes_[node].values.empty() ? node : nodes_[fail].output;
    for (const auto& [c, child] : nodes_[node].next) {
      int32_t f = fail;
      int32_t target = Child(f, c);
      while (target < 0 && f != 0) {
        f = nodes_[f].fail;
        target = Child(f, c);
      }
      nodes_[child].fail = (target >= 0 && target != child) ? target : 0;
      queue.push_back(child);
    }
  }
}

std::vector<PhraseMatcher::Match> PhraseMatcher::FindAll(std::string_view text) const {
  std::vector<Match> out;
  int32_t node = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    int32_t next = Child(node, c);
    while (next < 0 && node != 0) {
      node = nodes_[node].fail;
      next = Child(node, c);
    }
    node = next < 0 ? 0 : next;
    // The root holds no phrase, so every output chain ends in -1.
    for (int32_t o = nodes_[node].output; o > 0; o = nodes_[nodes_[o].fail].output) {
      for (const auto& [value, length] : nodes_[o].values) {
        size_t begin = i + 1 - length;
        if (IsWholeWord(text, begin, i + 1)) out.push_back({begin, i + 1, value});
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const Match& a, const Match& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  return out;
}

}  // namespace acervo::institution
