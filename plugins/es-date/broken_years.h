// es-date/broken_years.h — years a scan's OCR broke, read back after a month.
//
// OCR splits a year's digits with a space ("8 de noviembre de 2 021", "de 20 21") or reads
// a zero as the letter O ("15 de marzo de 2O23"). After "de"/"del" that follows a month,
// Spanish writes nothing but a year, so such a group is the date's year; elsewhere digits
// and spaces are left alone. A pure function; safe from any thread.
#ifndef ACERVO_PLUGINS_ES_DATE_BROKEN_YEARS_H_
#define ACERVO_PLUGINS_ES_DATE_BROKEN_YEARS_H_

#include <string_view>
#include <vector>

#include "grammar.h"

namespace acervo::es_date {

// Gives each expression of folded text that ends without a year, right before such a broken
// year, that year, and stretches it over it.
void MendBrokenYears(std::string_view folded, std::vector<Expression>* expressions);

}  // namespace acervo::es_date

#endif  // ACERVO_PLUGINS_ES_DATE_BROKEN_YEARS_H_
