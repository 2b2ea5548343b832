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
#include <cstring>
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

// The hashing and comparing behind WordIndex, inline because every word of a passage is
// looked up.
namespace word_index_internal {

inline uint64_t Load8(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);  // a fixed size: one load, no call
  return v;
}
inline uint64_t Load4(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

// The bytes of `word` with loads of fixed size, never a loop over bytes: eight at a time
// (the last eight overlapping the ones before), or the first and last four, or the first,
// middle and last byte of a word shorter than four.
inline uint64_t HashWord(std::string_view word) {
  constexpr uint64_t kPrime = 0x100000001B3ULL;
  const char* p = word.data();
  const size_t n = word.size();
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8) {
      h = (h ^ Load8(p + i)) * kPrime;
      h ^= h >> 29;
    }
    h = (h ^ Load8(p + n - 8)) * kPrime;
  } else if (n >= 4) {
    h = (h ^ (Load4(p) << 32 | Load4(p + n - 4))) * kPrime;
  } else if (n > 0) {
    auto byte = [&](size_t k) { return static_cast<uint64_t>(static_cast<uint8_t>(p[k])); };
    h = (h ^ (byte(0) << 16 | byte(n / 2) << 8 | byte(n - 1))) * kPrime;
  }
  return Mix(h);
}

// Whether the n bytes at a and b are the same.
inline bool SameBytes(const char* a, const char* b, size_t n) {
  if (n >= 8) return std::memcmp(a, b, n) == 0;
  if (n >= 4) return Load4(a) == Load4(b) && Load4(a + n - 4) == Load4(b + n - 4);
  for (size_t k = 0; k < n; ++k) {
    if (a[k] != b[k]) return false;
  }
  return true;
}

}  // namespace word_index_internal

class WordIndex {
 public:
  // The id of `word`: its old one, or the next id when it is new.
  int32_t Add(std::string_view word);
  // The id of `word`, or -1 when it was never added.
  int32_t Find(std::string_view word) const {
    if (slots_.empty()) return -1;
    return slots_[SlotOf(word, word_index_internal::HashWord(word))].id;
  }
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
  size_t SlotOf(std::string_view word, uint64_t hash) const {
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.id < 0) return i;
      if (slot.hash == hash && slot.size == word.size() &&
          word_index_internal::SameBytes(bytes_.data() + words_[slot.id].offset, word.data(),
                                         word.size())) {
        return i;
      }
    }
  }
  void Grow();

  std::string bytes_;        // every word, one after the other
  std::vector<Span> words_;  // by id
  std::vector<Slot> slots_;  // a power of two in size, at most half full
};

// The value kept for `word` in `values` (a vector by id in `index`), added with the word, as
// a default Value, when the word is new.
template <typename Value>
Value& ValueFor(WordIndex* index, std::vector<Value>* values, std::string_view word) {
  int32_t id = index->Add(word);
  if (id == static_cast<int32_t>(values->size())) values->emplace_back();
  return (*values)[id];
}

}  // namespace acervo::institution

#endif  // ACERVO_PLUGINS_ES_INSTITUTION_WORD_INDEX_H_
