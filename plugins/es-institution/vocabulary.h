// vocabulary.h — every word es-institution's gazetteer and word lists know, in one index, so
// that each word of a passage is hashed and looked up once: that one lookup gives both the
// gazetteer automaton's id of the word (Token::phrase_word) and NamePatterns' listing of it
// (Token::listed), which each would otherwise look up in its own index.
// Built once in Configure; Annotate from any number of threads afterwards.
#ifndef ACERVO_PLUGINS_ES_INSTITUTION_VOCABULARY_H_
#define ACERVO_PLUGINS_ES_INSTITUTION_VOCABULARY_H_

#include <cstdint>
#include <vector>

#include "tokens.h"
#include "word_index.h"

namespace acervo::institution {

class Vocabulary {
 public:
  // Every word of both indexes, with its id in each (-1 where it is missing).
  void Build(const WordIndex& phrase_words, const WordIndex& listed_words);
  // Sets Token::phrase_word and Token::listed of every word token.
  void Annotate(std::vector<Token>* tokens) const;

 private:
  struct Ids {
    int32_t phrase_word = -1;
    int32_t listed = -1;
  };
  WordIndex words_;
  std::vector<Ids> ids_;  // by id in words_
};

}  // namespace acervo::institution

#endif  // ACERVO_PLUGINS_ES_INSTITUTION_VOCABULARY_H_
