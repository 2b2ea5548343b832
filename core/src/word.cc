#include "acervo/word.h"

#include "acervo/text.h"

namespace acervo {

bool IsWordAt(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  return IsWordCodePoint(NextCodePoint(text, &pos));
}

bool IsWordBefore(std::string_view text, size_t pos) {
  if (pos == 0 || pos > text.size()) return false;
  size_t p = pos - 1;  // back to the start of the code point that ends at pos
  while (p > 0 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
  return IsWordAt(text, p);
}

}  // namespace acervo
