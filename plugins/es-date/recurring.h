// es-date/recurring.h — dates that recur every year, which name no single day.
//
// "como cada 15 de mayo", "todos los 8 de marzo", "el 30 de junio de cada año" are a day of
// every year: they have no one calendar value, so they are not mentions (the annotation
// guide's dates are calendar dates). The words are language data (recurring.tsv). A pure
// function; safe from any thread.
#ifndef ACERVO_PLUGINS_ES_DATE_RECURRING_H_
#define ACERVO_PLUGINS_ES_DATE_RECURRING_H_

#include <string_view>
#include <vector>

#include "grammar.h"
#include "vocabulary.h"

namespace acervo::es_date {

// Removes from *expressions those the words of recurring.tsv make recur in folded text.
void DropRecurring(const Vocabulary& words, std::string_view folded,
                   std::vector<Expression>* expressions);

}  // namespace acervo::es_date

#endif  // ACERVO_PLUGINS_ES_DATE_RECURRING_H_
