// reconcile.h — checks the sums a document states against the figures they sum.
//
// Where a table has a TOTAL / TOTAL GENERAL row, its amount in each column is compared with
// the sum of the table's data rows in that column (across page breaks); a Sub Total row
// with the rows since the previous Sub Total. Where running text in the same section says
// what the total is ("por un total de $ …"), that is compared with the table's stated
// total, within the rounding a caption declares ("en millones", "miles de"). A sentence
// that adds figures up ("A y B, para un total de C") is checked against itself, and a
// figure of the text that nearly equals the table row its sentence names against that row.
// Disagreements become document warnings that give both figures: reports do contain
// such errors, and acervo surfaces them rather than "fixing" either number.
#ifndef ACERVO_CORE_RECORDS_RECONCILE_H_
#define ACERVO_CORE_RECORDS_RECONCILE_H_

#include <string>
#include <vector>

#include "records/passage.h"
#include "records/rules.h"

namespace acervo {

void ReconcileTotals(const Passages& passages, const RecordRules& rules,
                     std::vector<std::string>* warnings);

}  // namespace acervo

#endif  // ACERVO_CORE_RECORDS_RECONCILE_H_
