// word_index.h — a set of words, each with a dense id (0, 1, 2, ... in the order added),
// looked up by string_view without building a string.
//
// The words' bytes live in one buffer and the table is one array probed linearly, whose
// slots keep each word's hash and length: a lookup hashes the word once (eight bytes at a
// time) and compares bytes only with a word of the same hash and length. Add from one
// thread; Find from any number of threads once the adding is done.
#ifndef ACERVO_PLUGINS_ES_INSTITUTION_WORD_INDEX_H_
#define ACERVO_PLUGINS_ES_INSTITUTION_WORD_INDEX_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace acervo::institution {

// A 64-bit finalizer (MurmurHash3's), so that nearby values land far apart in a table
// indexed by their low bits.
inline uint64_t Mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  return x ^ (x >> 33);
}

class WordIndex {
 public:
  // The id of `word`: its old one, or the next id when it is new.
  int32_t Add(std::string_view word);
  // The id of `word`, or -1 when it was never added.
  int32_t Find(std::string_view word) const;
  // The word with this id (0 <= id < size()).
  std::string_view Word(int32_t id) const;
  size_t size() const { return words_.size(); }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t size = 0;  // of the word, in bytes
    int32_t id = -1;    // -1: an empty slot
  };
  struct Span {
    uint32_t offset = 0;  // in bytes_
    uint32_t size = 0;
  };
  // The slot that holds `word`, or the empty slot where it would go.
  size_t SlotOf(std::string_view word, uint64_t hash) const;
  void Grow();

  std::string bytes_;        // every word, one after the other
  std::vector<Span> words_;  // by id
  std::vector<Slot> slots_;  // a power of two in size, at most half full
};

}  // namespace acervo::institution

#endif  // ACERVO_PLUGINS_ES_INSTITUTION_WORD_INDEX_H_
