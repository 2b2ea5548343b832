#include "word_index.h"

#include <cstring>

namespace acervo::institution {
namespace {

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

}  // namespace

size_t WordIndex::SlotOf(std::string_view word, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.id < 0) return i;
    if (slot.hash == hash && slot.size == word.size() &&
        SameBytes(bytes_.data() + words_[slot.id].offset, word.data(), word.size())) {
      return i;
    }
  }
}

int32_t WordIndex::Find(std::string_view word) const {
  if (slots_.empty()) return -1;
  return slots_[SlotOf(word, HashWord(word))].id;
}

int32_t WordIndex::Add(std::string_view word) {
  if (2 * (words_.size() + 1) > slots_.size()) Grow();
  const uint64_t hash = HashWord(word);
  Slot& slot = slots_[SlotOf(word, hash)];
  if (slot.id >= 0) return slot.id;
  slot = {hash, static_cast<uint32_t>(word.size()), static_cast<int32_t>(words_.size())};
  words_.push_back({static_cast<uint32_t>(bytes_.size()), static_cast<uint32_t>(word.size())});
  bytes_.append(word);
  return slot.id;
}

std::string_view WordIndex::Word(int32_t id) const {
  const Span& w = words_[id];
  return std::string_view(bytes_).substr(w.offset, w.size);
}

void WordIndex::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 16 : 2 * old.size(), Slot());
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.id < 0) continue;
    size_t i = s.hash & mask;
    while (slots_[i].id >= 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

}  // namespace acervo::institution
