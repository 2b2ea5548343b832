// page_furniture.h — the running headers and footers of a paged document: headings and short
// paragraphs that a PDF repeats at the same edge (the first six or the last three blocks) of
// two or more pages, digits aside ("Ejercicio 2024 – Período: …", "Fecha de emisión: … – Hoja
// 2 de 3"). They carry dates but are never activities. A heading the report itself repeats
// (the same seminar told at the foot of one page and the top of the next) stands at
// different edges and is no furniture. Pure function; thread-compatible.
#ifndef ACERVO_CORE_RECORDS_PAGE_FURNITURE_H_
#define ACERVO_CORE_RECORDS_PAGE_FURNITURE_H_

#include <vector>

#include "records/passage.h"

namespace acervo {

// One flag per segment of `passages`: true for page furniture.
std::vector<bool> RunningLines(const Passages& passages);

}  // namespace acervo

#endif  // ACERVO_CORE_RECORDS_PAGE_FURNITURE_H_
