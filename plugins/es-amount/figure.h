// figure.h — how one figure of digits and separators reads as an exact decimal.
//
// Stateless: safe from any thread.
#ifndef ACERVO_PLUGINS_ES_AMOUNT_FIGURE_H_
#define ACERVO_PLUGINS_ES_AMOUNT_FIGURE_H_

#include <string_view>

#include "acervo/decimal.h"

namespace acervo::amount {

// How one figure reads: "2.690.952.000,00" -> 2690952000.00. Separators are decided from
// the digit groups alone: both '.' and ',' present, the last is the decimal point; one kind
// repeated, it groups thousands; one separator followed by exactly three digits groups
// thousands (money never has three decimals, so "$34.055" and "USD 20,000" never come out a
// thousand times too small); otherwise it is the decimal point ("1.5", "$ 0,00"). False for
// malformed groups ("1.2.3", "12,34,567"), which are identifiers, not amounts.
bool ParseFigure(std::string_view figure, Decimal* out);

}  // namespace acervo::amount

#endif  // ACERVO_PLUGINS_ES_AMOUNT_FIGURE_H_
