// es-date/anchor_words.h — where the anchors of the shapes (shape.h) first occur in folded
// text, found with byte tables in one pass instead of with regular expressions.
//
// Four anchors are words standing whole (a byte outside a-z, or the text's edge, on either
// side): a month word, a part of a year, an English month name, a phrase pointing back to a
// month ("ese mismo mes", its words apart by spaces or line breaks); the fifth is a digit,
// '-', '/' or '.', and a digit. For each, AnchorWords gives where its leftmost match starts
// (as the anchor's regular expression, Grammar's, would find it), or a lower bound of it that
// the caller confirms with that expression, or that it cannot occur. Built once from the
// Vocabulary, immutable after, so safe to share between threads.
#ifndef ACERVO_PLUGINS_ES_DATE_ANCHOR_WORDS_H_
#define ACERVO_PLUGINS_ES_DATE_ANCHOR_WORDS_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "shape.h"
#include "vocabulary.h"

namespace acervo::es_date {

class AnchorWords {
 public:
  // Where one anchor's leftmost match starts in a passage.
  struct First {
    size_t at;   // the text's size: no match
    bool exact;  // else `at` is a lower bound: search from there
  };

  // The anchors' regular expressions, indexed by Anchor; `space` separates the words of a
  // phrase.
  static std::array<std::string, kAnchorCount> Patterns(const Vocabulary& vocabulary,
                                                        const std::string& space);
  // Null when some anchor word is not all a-z: the tables cannot stand for the expressions.
  static std::unique_ptr<AnchorWords> Build(const Vocabulary& vocabulary);

  // The first match of each anchor in folded text s, indexed by Anchor.
  std::array<First, kAnchorCount> Find(std::string_view s) const;

 private:
  // What a word is to the anchors: bits 1 << Anchor for the word anchors, and two more.
  static constexpr uint8_t kPhraseStart = 1 << 6;  // first word of a month-back phrase
  static constexpr uint8_t kPhraseEnd = 1 << 7;    // last word of one
  static constexpr size_t kMaxLength = 31;

  struct Word {
    std::string text;
    uint8_t roles;
  };

  void Add(std::string_view word, uint8_t role);
  // The roles of the word b[0, size), all a-z; 0 for a word no anchor has.
  uint8_t RolesOf(const char* b, size_t size) const {
    if (size > kMaxLength) return 0;
    const size_t bucket = Bucket(b, size);
    return lengths_[bucket] >> size & 1 ? Lookup(bucket, b, size) : 0;
  }
  uint8_t Lookup(size_t bucket, const char* b, size_t size) const;
  static size_t Bucket(const char* b, size_t size) {
    return static_cast<size_t>(b[0] - 'a') * 27 + (size > 1 ? b[1] - 'a' : 26);
  }

  // By the first two letters (the second 26 for a one-letter word): the lengths of the
  // words so spelled, one bit each, and the words.
  std::array<uint32_t, 26 * 27> lengths_{};
  std::array<std::vector<Word>, 26 * 27> words_;
};

}  // namespace acervo::es_date

#endif  // ACERVO_PLUGINS_ES_DATE_ANCHOR_WORDS_H_
