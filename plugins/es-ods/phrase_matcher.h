// phrase_matcher.h — finds data-file phrases in text, ignoring case, accents and spacing.
//
// MatchText is a text prepared for matching: folded (acervo::FoldedText: lower case, no
// accents) with every run of whitespace turned into one space, plus a map from each of its
// bytes back to the original. PhraseMatcher holds phrases normalized the same way and finds
// their whole-word occurrences. A phrase ending in '*' matches any ending of its last word.
// Both are immutable once built, so they may be shared across threads.
#ifndef ACERVO_PLUGINS_ES_ODS_PHRASE_MATCHER_H_
#define ACERVO_PLUGINS_ES_ODS_PHRASE_MATCHER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace acervo::ods {

class MatchText {
 public:
  explicit MatchText(std::string_view original);

  const std::string& text() const { return text_; }
  std::string_view original() const { return original_; }
  // Original byte offset of byte `offset` of text() (text().size() maps to the end).
  size_t ToOriginal(size_t offset) const { return map_[offset]; }
  // The first byte of text() at or after original byte `offset`.
  size_t FromOriginal(size_t offset) const;

 private:
  std::string_view original_;
  std::string text_;
  std::vector<uint32_t> map_;
};

// A phrase normalized as MatchText normalizes text ("  Acción  por " -> "accion por").
std::string NormalizePhrase(std::string_view phrase);

// True for a letter or digit at text[pos] (a UTF-8 code point).
bool IsWordAt(std::string_view text, size_t pos);
// True for a letter or digit ending just before byte `pos`.
bool IsWordBefore(std::string_view text, size_t pos);
// True when text[pos] starts a decimal digit.
inline bool IsDigitAt(std::string_view text, size_t pos) {
  return pos < text.size() && text[pos] >= '0' && text[pos] <= '9';
}

struct PhraseMatch {
  size_t begin = 0;  // bytes in MatchText::text()
  size_t end = 0;
  int id = 0;        // what Add() was given
};

class PhraseMatcher {
 public:
  // With `digit_may_follow`, a phrase ending in a letter may be followed by a digit ("ODS11").
  explicit PhraseMatcher(bool digit_may_follow = false) : digit_may_follow_(digit_may_follow) {}

  // Adds `phrase` under `id`; returns false (and adds nothing) when it normalizes to "".
  bool Add(std::string_view phrase, int id);
  size_t size() const { return phrases_.size(); }

  // Every occurrence, ordered by begin, longer first at the same begin; may overlap.
  std::vector<PhraseMatch> FindAll(const MatchText& text) const;
  // The longest phrase that starts exactly at byte `pos` of text.text().
  std::optional<PhraseMatch> LongestAt(const MatchText& text, size_t pos) const;

 private:
  struct Phrase {
    std::string text;
    bool stem = false;  // ended in '*': the last word may go on
    int id = 0;
  };
  bool Fits(const Phrase& p, std::string_view text, size_t begin, size_t* end) const;

  bool digit_may_follow_;
  std::vector<Phrase> phrases_;
};

}  // namespace acervo::ods

#endif  // ACERVO_PLUGINS_ES_ODS_PHRASE_MATCHER_H_
