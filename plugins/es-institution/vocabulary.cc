#include "vocabulary.h"

namespace acervo::institution {

void Vocabulary::Build(const WordIndex& phrase_words, const WordIndex& listed_words) {
  words_ = WordIndex();
  ids_.clear();
  auto ids = [&](std::string_view word) -> Ids& { return ValueFor(&words_, &ids_, word); };
  for (int32_t id = 0; id < static_cast<int32_t>(phrase_words.size()); ++id) {
    ids(phrase_words.Word(id)).phrase_word = id;
  }
  for (int32_t id = 0; id < static_cast<int32_t>(listed_words.size()); ++id) {
    ids(listed_words.Word(id)).listed = id;
  }
}

void Vocabulary::Annotate(std::vector<Token>* tokens) const {
  for (Token& t : *tokens) {
    if (!t.word) continue;
    int32_t id = words_.Find(t.folded);
    const Ids found = id < 0 ? Ids() : ids_[id];
    t.phrase_word = found.phrase_word;
    t.listed = found.listed;
  }
}

}  // namespace acervo::institution
