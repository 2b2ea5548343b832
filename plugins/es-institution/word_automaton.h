// word_automaton.h — many phrases found in one pass over a sequence of words (Aho-Corasick
// over word ids instead of bytes).
//
// Add every phrase as its list of (already normalized) words with a value, call Build()
// once, then FindAll() from any number of threads. A word the automaton never saw sends it
// back to the root at the cost of one lookup (word_index.h), so a pass costs about one lookup per
// word of the text, whatever the number of phrases.
#ifndef ACERVO_PLUGINS_ES_INSTITUTION_WORD_AUTOMATON_H_
#define ACERVO_PLUGINS_ES_INSTITUTION_WORD_AUTOMATON_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "word_index.h"

namespace acervo::institution {

class WordAutomaton {
 public:
  struct Match {
    size_t first = 0;  // index of the phrase's first word in the searched sequence
    size_t last = 0;   // index of its last word
    int value = 0;     // what Add() was given
  };

  // Adds a phrase; an empty one is ignored. A phrase added twice keeps both values.
  void Add(const std::vector<std::string>& words, int value);
  // Computes the failure links. Call once, after the last Add and before FindAll.
  void Build();

  // The id of a word, or -1 when no phrase contains it. One-byte words (punctuation, a
  // third of a text's tokens) are read from a table once built.
  int32_t WordId(std::string_view word) const {
    if (word.size() == 1 && static_cast<unsigned char>(word[0]) < 0x80 && built_) {
      return one_byte_ids_[static_cast<unsigned char>(word[0])];
    }
    return ids_.Find(word);
  }
  // Every word of a phrase, by id.
  const WordIndex& words() const { return ids_; }
  // Every occurrence in the sequence of word ids (as WordId gives them), ordered by the
  // position of the last word, then longest first.
  std::vector<Match> FindAll(const std::vector<int32_t>& words) const {
    return FindAll(words.size(), [&](size_t i) { return words[i]; });
  }
  // The same over `n` words whose ids id_at(0), ..., id_at(n - 1) gives, so that a caller
  // that holds them elsewhere (in its tokens) needs no vector of them.
  template <typename IdAt>
  std::vector<Match> FindAll(size_t n, IdAt id_at) const {
    std::vector<Match> out;
    if (!built_) return out;  // no phrase to follow yet
    int32_t node = 0;
    for (size_t i = 0; i < n; ++i) {
      const int32_t word = id_at(i);
      if (word < 0) {
        node = 0;
        continue;
      }
      int32_t next = Step(node, word);
      while (next < 0 && node != 0) {
        node = nodes_[node].fail;
        next = Step(node, word);
      }
      node = next < 0 ? 0 : next;
      // The root holds no phrase, so every output chain ends in -1.
      for (int32_t o = nodes_[node].output; o > 0; o = nodes_[nodes_[o].fail].output) {
        for (int value : nodes_[o].values) out.push_back({i + 1 - nodes_[o].depth, i, value});
      }
    }
    return out;
  }

 private:
  struct Node {
    int32_t fail = 0;
    int32_t output = -1;  // first node on the fail chain (self included) with phrases
    uint32_t depth = 0;
    std::vector<int> values;
  };
  int32_t Next(int32_t node, int32_t word) const;
  // Next, with the root's children (most steps of a search start there) read from an array.
  int32_t Step(int32_t node, int32_t word) const {
    return node == 0 ? root_children_[word] : Next(node, word);
  }

  WordIndex ids_;
  std::array<int32_t, 128> one_byte_ids_{};  // ids_ of the one-byte ASCII words
  bool built_ = false;
  std::unordered_map<uint64_t, int32_t> edges_;  // (node << 32 | word id) -> child
  std::vector<Node> nodes_{1};
  // edges_ again, as an open-addressing table that Build() fills and the steps of a search
  // use: one probe run in one array instead of a walk through a bucket's list.
  struct EdgeSlot {
    uint64_t key = 0;
    int32_t child = -1;  // -1: an empty slot
  };
  std::vector<EdgeSlot> edge_slots_;
  std::vector<int32_t> root_children_;  // by word id: the root's child, or -1
};

}  // namespace acervo::institution

#endif  // ACERVO_PLUGINS_ES_INSTITUTION_WORD_AUTOMATON_H_
