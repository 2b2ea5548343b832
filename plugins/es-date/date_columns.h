// es-date/date_columns.h — day and month in digits in a table column of dates.
//
// A cell of a table row that holds nothing but a day and a month in digits ("23/11", "9-4")
// is a date when its column's header cell names a date ("Fecha", "Fecha de firma",
// "Inicio", "Fin": words in date_columns.tsv); in running text the same digits need a cue
// word ("el 23/11", NumericDayMonth in shapes.cc). A cell's column is its tab index.
// Stateless functions; safe to call from any thread.
#ifndef ACERVO_PLUGINS_ES_DATE_DATE_COLUMNS_H_
#define ACERVO_PLUGINS_ES_DATE_DATE_COLUMNS_H_

#include <span>
#include <string_view>
#include <vector>

#include "acervo/text.h"
#include "grammar.h"
#include "vocabulary.h"

namespace acervo::es_date {

// Adds one year-less expression for each such cell of the row `text` that no expression of
// *out covers yet, keeping *out ordered by position.
void AddDateColumnCells(const Vocabulary& words, std::span<const std::string_view> header,
                        const FoldedText& text, std::vector<Expression>* out);

}  // namespace acervo::es_date

#endif  // ACERVO_PLUGINS_ES_DATE_DATE_COLUMNS_H_
