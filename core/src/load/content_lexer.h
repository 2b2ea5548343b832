// content_lexer.h — the operators of a decompressed PDF content stream and their numeric and
// name operands, fast.
//
// Building a qpdf object for every token of a text-heavy page costs more than Poppler's
// whole text extraction, and the graphics reader needs only the path operators: numbers,
// names and operator keywords are read; strings, hex strings, arrays and dictionaries are
// skipped whole (they stand as operands of kind kOther), inline image data (BI ... ID ...
// EI) is jumped over, comments are dropped. Malformed input never reads past the data.
//
// Threads: a lexer is used by one thread; it only reads `data`, which must outlive it.
#ifndef ACERVO_CORE_LOAD_CONTENT_LEXER_H_
#define ACERVO_CORE_LOAD_CONTENT_LEXER_H_

#include <string_view>
#include <vector>

namespace acervo {

struct Operand {
  enum Kind { kNumber, kName, kOther } kind = kOther;
  double number = 0;
  std::string_view name;  // without the '/'
};

class ContentLexer {
 public:
  explicit ContentLexer(std::string_view data) : data_(data) {}

  // The next operator and the operands before it; false at the end of the data.
  bool Next(std::string_view* op, std::vector<Operand>* operands);

 private:
  void SkipSpaceAndComments();
  void SkipString();                         // at '('
  void SkipBalanced(char open, char close);  // at `open`: arrays, dictionaries, nested
  void SkipInlineImage();                    // after "ID"
  std::string_view Regular();                // a run of regular characters

  std::string_view data_;
  size_t pos_ = 0;
};

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_CONTENT_LEXER_H_
