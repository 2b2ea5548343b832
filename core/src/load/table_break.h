// table_break.h — a table that a page break cuts, made one table again.
//
// Promises: JoinTablesOverPageBreaks looks at each page break where the last body line of
// page N (furniture set aside) is a row of a table and page N+1 starts with a row of as many
// cells. The rows at the top of page N+1 that repeat the table's first rows in order (its
// header, one row or several, as printers repeat it on each page; compared as furniture is,
// SameLineText) are marked furniture. The first row after them whose every cell with text
// starts in lower case is the rest of page N's last row, whose cells' wrapped text the break
// cut ("Asistencia alimentaria a familias en" / "situación de vulnerabilidad"): its cells
// are appended to that row's, cell by cell, and it leaves page N+1 (with its furniture
// entry). A table's first rows are those of the page where it starts. Word spans follow
// their words. Pure; safe from any thread.
#ifndef ACERVO_CORE_LOAD_TABLE_BREAK_H_
#define ACERVO_CORE_LOAD_TABLE_BREAK_H_

#include <vector>

#include "load/furniture.h"

namespace acervo {

// `furniture[p][l]` marks line l of page p as furniture (as FindFurniture returns it).
void JoinTablesOverPageBreaks(std::vector<PageLines>* pages,
                              std::vector<std::vector<bool>>* furniture);

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_TABLE_BREAK_H_
