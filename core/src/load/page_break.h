// page_break.h — paragraphs that a page break cuts in two, made whole again.
//
// Promises: JoinParagraphsOverPageBreaks moves the first body line of page N+1 onto the end
// of the last body line of page N when the two are one paragraph: the last one is not ended by
// a full stop (., !, ?, …, :), the next one is not a list item, and both are prose lines of
// the same style (not table rows, same boldness, font sizes within 10%) in the same column
// (left edges within 4% of the wider line). The joined paragraph stays on page N, where it
// starts; a word hyphenated over the break is rejoined; OCR word spans follow their words.
// Furniture (running headers and footers, page numbers) between the two is skipped, and the
// furniture marks of the moved line's page lose its entry. Pure; safe from any thread.
#ifndef ACERVO_CORE_LOAD_PAGE_BREAK_H_
#define ACERVO_CORE_LOAD_PAGE_BREAK_H_

#include <vector>

#include "load/furniture.h"

namespace acervo {

// `furniture[p][l]` marks line l of page p as furniture (as FindFurniture returns it).
void JoinParagraphsOverPageBreaks(std::vector<PageLines>* pages,
                                  std::vector<std::vector<bool>>* furniture);

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_PAGE_BREAK_H_
