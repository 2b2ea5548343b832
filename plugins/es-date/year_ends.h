// es-date/year_ends.h — ranges whose one end the text gives only as a year.
//
// "de 2014 hasta mayo de 2018", "desde 2015 hasta el 5 de mayo de 2017", "entre 2015 y feb
// 2018", "entre mayo de 2015 y 2018": a bare year is no date mention of its own, but joined
// to a dated end by "de/desde … a/hasta" or "entre … y" it is the other end of one range,
// kept at the precision the text gives ({"start": "2014", "end": "2018-05"}). The year of a
// law or an identifier ("Ley 1450 de 2011 hasta el 31 de diciembre") is not a range's end.
// A pure function of its arguments; safe to call from any thread.
#ifndef ACERVO_PLUGINS_ES_DATE_YEAR_ENDS_H_
#define ACERVO_PLUGINS_ES_DATE_YEAR_ENDS_H_

#include <string_view>
#include <vector>

#include "grammar.h"

namespace acervo::es_date {

// Widens each single dated expression of folded text in [begin, end) whose other end the
// text gives as a bare year, in place (span, value, year_ends).
void JoinYearEnds(std::string_view folded, std::vector<Expression>::iterator begin,
                  std::vector<Expression>::iterator end);

}  // namespace acervo::es_date

#endif  // ACERVO_PLUGINS_ES_DATE_YEAR_ENDS_H_
