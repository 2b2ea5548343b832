#include "word_index.h"

namespace acervo::institution {

int32_t WordIndex::Add(std::string_view word) {
  if (2 * (words_.size() + 1) > slots_.size()) Grow();
  const uint64_t hash = word_index_internal::HashWord(word);
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
