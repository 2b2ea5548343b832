// acervo/word.h — is there a word character at, or just before, a byte of a UTF-8 text?
//
// A word character is a letter or digit in any script (acervo::IsWordCodePoint). These are
// the pieces of acervo::IsWholeWord, for callers that need one side of a boundary only.
#ifndef ACERVO_WORD_H_
#define ACERVO_WORD_H_

#include <string_view>

namespace acervo {

// True for a word character starting at text[pos]; false at or past the end.
bool IsWordAt(std::string_view text, size_t pos);
// True for a word character ending just before byte `pos`; false at 0.
bool IsWordBefore(std::string_view text, size_t pos);
// True when text[pos] is an ASCII digit.
inline bool IsDigitAt(std::string_view text, size_t pos) {
  return pos < text.size() && text[pos] >= '0' && text[pos] <= '9';
}

}  // namespace acervo

#endif  // ACERVO_WORD_H_
