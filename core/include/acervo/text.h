// acervo/text.h — UTF-8 helpers shared by acervo and its plugins.
//
// FoldedText gives a lower-case, accent-free copy of a text together with a map from every
// byte of the copy back to the original, so a pattern can match "secretaria" against
// "SECRETARÍA" and still report the exact original span.
#ifndef ACERVO_TEXT_H_
#define ACERVO_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace acervo {

// Decodes the code point at text[*pos] and advances *pos past it. Invalid bytes decode as
// U+FFFD, one byte at a time.
char32_t NextCodePoint(std::string_view text, size_t* pos);
// Appends the UTF-8 encoding of cp.
void AppendUtf8(char32_t cp, std::string* out);
// Number of code points in text[0, byte_offset).
size_t CodePointCount(std::string_view text, size_t byte_offset);
bool IsValidUtf8(std::string_view text);

// Letters and digits in any script.
bool IsWordCodePoint(char32_t cp);
// True when no word character touches text[begin, end) on either side: the Unicode-aware
// replacement for RE2's ASCII-only \b.
bool IsWholeWord(std::string_view text, size_t begin, size_t end);

// Lower-case, accents removed, otherwise the same code points ("ÁREA Ñ" -> "area n").
std::string Fold(std::string_view text);
// Appends Fold(text) to *out, without a string of its own.
void AppendFolded(std::string_view text, std::string* out);
// Lower-cases the ASCII capitals of text[0, size) in place, eight bytes at a time; every other
// byte, UTF-8 included, stays as it is (Fold of an ASCII text).
void LowerAsciiInPlace(char* text, size_t size);

class FoldedText {
 public:
  explicit FoldedText(std::string_view original);

  const std::string& text() const { return folded_; }
  std::string_view original() const { return original_; }
  // Byte offset in the original of folded byte `offset` (offset == size() maps to the end).
  size_t ToOriginal(size_t offset) const { return map_[offset]; }
  // The folded text and the map (one entry per byte, then the end), moved out for a caller
  // that keeps them (acervo::MatchText); this FoldedText is spent afterwards.
  void MoveTo(std::string* text, std::vector<uint32_t>* map) && {
    *text = std::move(folded_);
    *map = std::move(map_);
  }

 private:
  std::string_view original_;
  std::string folded_;
  std::vector<uint32_t> map_;  // folded byte -> original byte, plus one entry for the end
};

}  // namespace acervo

#endif  // ACERVO_TEXT_H_
