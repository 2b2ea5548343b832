// scanner.h — finds money expressions in one folded passage.
//
// An expression is [approximation] [-] [currency before] [-] number [scale words] [de]
// [currency after] [cents], where the number is a figure ("2.690.952.000,00", "1.5",
// "18 744 600", "10k"), number words
// ("un", "ciento veinte", "medio") or a mix ("22 mil 312 millones"). The scanner reports
// every such number, with or without a currency; the caller decides which are money (a
// currency, or a money column of a table). Stateless and thread-safe: one Scanner serves
// every document.
#ifndef ACERVO_PLUGINS_ES_AMOUNT_SCANNER_H_
#define ACERVO_PLUGINS_ES_AMOUNT_SCANNER_H_

#include <string>
#include <string_view>
#include <vector>

#include "acervo/decimal.h"
#include "figure.h"
#include "lexicon.h"

namespace acervo::amount {

struct Expression {
  size_t begin = 0;  // byte span in the folded text, approximation and currency included
  size_t end = 0;
  Decimal value;            // in units, scale words applied
  bool scaled = false;      // the text gave a scale word ("millones")
  int tail_power = 0;       // the power of the scale word that ends the number, else 0
  bool words_only = false;  // no figure: "un millón", "medio millón"
  bool approximate = false;
  bool percent = false;       // a percentage ("15 %"): never money
  bool has_currency = false;  // a currency symbol, code or name is part of the expression
  std::string currency;       // its ISO code, Currency::kCountry, or "" (no settled one)
};

class Scanner {
 public:
  explicit Scanner(const Lexicon* lexicon) : lex_(lexicon) {}

  // Appends every number expression of `folded`, in order, without overlaps. The first end
  // of a range takes the scale and currency of the second ("entre 5 y 10 millones de
  // pesos" gives 5000000 and 10000000).
  void Scan(std::string_view folded, std::vector<Expression>* out) const;

 private:
  // An expression at pos, a minus sign against it included ("-1.250,00", "-$ 500").
  bool ParseSignedAt(std::string_view f, size_t pos, Expression* e) const;
  bool ParseAt(std::string_view f, size_t pos, Expression* e) const;
  // Parses a number (figures, words, scales) at pos; sets *end past its last token.
  bool ParseNumber(std::string_view f, size_t pos, Expression* e, size_t* end) const;
  bool ParseCents(std::string_view f, size_t pos, Decimal* cents, size_t* end) const;
  bool ApproximationBefore(std::string_view f, size_t pos, size_t* begin) const;
  bool ApproximationAfter(std::string_view f, size_t pos, size_t* end) const;

  const Lexicon* lex_;
};

}  // namespace acervo::amount

#endif  // ACERVO_PLUGINS_ES_AMOUNT_SCANNER_H_
