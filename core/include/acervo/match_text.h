// acervo/match_text.h — a text prepared for phrase matching, ignoring case, accents and spacing.
//
// MatchText is acervo::FoldedText (lower case, no accents) with every run of whitespace
// turned into one space, plus a map from each of its bytes back to the original. Phrases
// normalized with NormalizePhrase then match it byte for byte (see acervo/phrase_matcher.h).
// The original must outlive the MatchText. Immutable once built.
#ifndef ACERVO_MATCH_TEXT_H_
#define ACERVO_MATCH_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace acervo {

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

// MatchText(original).text() alone, into *text (what it held is dropped): the fold and squeeze
// without the map, for a caller that needs the map only once a phrase is found in it, or
// never. Reusing one *text from passage to passage allocates nothing once it has grown.
void MatchTextOnly(std::string_view original, std::string* text);

// How MatchText prepares text, byte by byte, for a caller that reads a text as it would be
// prepared without preparing it (PhraseMatcher::MayOccurInMatchText).
namespace match_text_internal {
// Whether MatchText squeezes the ASCII byte `c` as whitespace (into one ' ' per run, none at
// the start); every other ASCII byte it lower-cases.
constexpr bool IsSqueezed(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
// Fold(run) into *out (what it held is dropped), for a run of bytes of 0x80 and above between
// two ASCII bytes: Fold reads such a run the same inside a text or alone (no ASCII byte
// continues a code point). Two-byte code points (accented Latin letters) are looked up in a
// per-thread table of their folds.
void FoldRun(std::string_view run, std::string* out);
}  // namespace match_text_internal

// A phrase normalized as MatchText normalizes text ("  Acción  por " -> "accion por").
std::string NormalizePhrase(std::string_view phrase);

}  // namespace acervo

#endif  // ACERVO_MATCH_TEXT_H_
