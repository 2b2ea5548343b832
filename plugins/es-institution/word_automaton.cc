#include "word_automaton.h"

#include <deque>

namespace acervo::institution {
namespace {

uint64_t Key(int32_t node, int32_t word) {
  return (static_cast<uint64_t>(node) << 32) | static_cast<uint32_t>(word);
}

// A power of two at least twice n, so that probe runs stay short.
size_t TableSize(size_t n) {
  size_t size = 16;
  while (size < 2 * n) size <<= 1;
  return size;
}

}  // namespace

void WordAutomaton::Add(const std::vector<std::string>& words, int value) {
  if (words.empty()) return;
  int32_t node = 0;
  for (const std::string& w : words) {
    int32_t id = ids_.Add(w);
    auto [edge, added] = edges_.emplace(Key(node, id), static_cast<int32_t>(nodes_.size()));
    if (added) {
      Node child;
      child.depth = nodes_[node].depth + 1;
      nodes_.push_back(std::move(child));
    }
    node = edge->second;
  }
  nodes_[node].values.push_back(value);
}

int32_t WordAutomaton::Next(int32_t node, int32_t word) const {
  if (edge_slots_.empty()) return -1;  // not built yet: no phrase to follow
  const uint64_t key = Key(node, word);
  const size_t mask = edge_slots_.size() - 1;
  for (size_t i = Mix(key) & mask;; i = (i + 1) & mask) {
    const EdgeSlot& slot = edge_slots_[i];
    if (slot.child < 0 || slot.key == key) return slot.child;
  }
}

void WordAutomaton::Build() {
  for (int c = 0; c < 128; ++c) {
    const char byte = static_cast<char>(c);
    one_byte_ids_[c] = ids_.Find(std::string_view(&byte, 1));
  }
  built_ = true;
  edge_slots_.assign(TableSize(edges_.size()), EdgeSlot());
  root_children_.assign(ids_.size(), -1);
  for (const auto& [key, child] : edges_) {
    if ((key >> 32) == 0) root_children_[key & 0xFFFFFFFF] = child;
    size_t i = Mix(key) & (edge_slots_.size() - 1);
    while (edge_slots_[i].child >= 0) i = (i + 1) & (edge_slots_.size() - 1);
    edge_slots_[i] = {key, child};
  }

  // Children by parent, to visit the trie breadth first.
  std::vector<std::vector<std::pair<int32_t, int32_t>>> children(nodes_.size());
  for (const auto& [key, child] : edges_) {
    children[key >> 32].emplace_back(static_cast<int32_t>(key & 0xFFFFFFFF), child);
  }
  std::deque<int32_t> queue;
  for (const auto& [word, child] : children[0]) {
    nodes_[child].fail = 0;
    queue.push_back(child);
  }
  while (!queue.empty()) {
    int32_t node = queue.front();
    queue.pop_front();
    int32_t fail = nodes_[node].fail;
    nodes_[node].output = !nodes_[node].values.empty() ? node : nodes_[fail].output;
    for (const auto& [word, child] : children[node]) {
      int32_t f = fail, target = Next(f, word);
      while (target < 0 && f != 0) {
        f = nodes_[f].fail;
        target = Next(f, word);
      }
      nodes_[child].fail = target >= 0 && target != child ? target : 0;
      queue.push_back(child);
    }
  }
}

}  // namespace acervo::institution
