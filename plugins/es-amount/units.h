// units.h — what a table caption or column header says about the numbers under it.
//
// "Cifras en millones de pesos" scales by 10^6 in the document's currency; "Monto (miles
// de USD)" scales by 10^3 in USD and says the column is money; "No." and "Año" say it holds
// counts. The scale and currency apply to cells that do not state their own.
#ifndef ACERVO_PLUGINS_ES_AMOUNT_UNITS_H_
#define ACERVO_PLUGINS_ES_AMOUNT_UNITS_H_

#include <string>
#include <string_view>

#include "lexicon.h"

namespace acervo::amount {

struct Units {
  int power = 0;              // a scale word not attached to a number: "millones" -> 6
  bool has_currency = false;  // a currency symbol, code or name
  std::string currency;       // its ISO code, Currency::kCountry, or "" (no settled one)
  HeaderMeaning meaning = HeaderMeaning::kNone;  // what its words say (lexicon.h)

  bool says_money() const {
    if (meaning == HeaderMeaning::kPercent) return false;
    return has_currency || meaning == HeaderMeaning::kMoney || meaning == HeaderMeaning::kTotal;
  }
  // A money word or currency, not only "Total": what makes a table a money table.
  bool names_money() const { return says_money() && meaning != HeaderMeaning::kTotal; }
};

// Reads the units of one folded caption line or header cell.
Units ReadUnits(const Lexicon& lexicon, std::string_view folded);

// The scale and currency of `over` completed by those of `base` where `over` says none (a
// column header over its table's caption). The meaning stays that of `over`.
Units Overlay(const Units& base, const Units& over);

}  // namespace acervo::amount

#endif  // ACERVO_PLUGINS_ES_AMOUNT_UNITS_H_
