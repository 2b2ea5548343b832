// furniture.h — running headers, footers and page numbers.
//
// A line is furniture when it sits in the top or bottom margin of its page (among the first
// or last lines, outside the middle 80% of the page height) and either looks like a page
// number ("3", "- 3 -", "Página 3 de 16") or repeats, digits aside and case and accents
// folded, on at least a third of the pages (two at least). Body text is never furniture.
#ifndef ACERVO_CORE_LOAD_FURNITURE_H_
#define ACERVO_CORE_LOAD_FURNITURE_H_

#include <vector>

#include "load/layout.h"

namespace acervo {

struct PageLines {
  std::vector<LaidLine> lines;
  double height = 0;  // page height in the lines' units
};

// result[p][i] is true when line i of page p is furniture.
std::vector<std::vector<bool>> FindFurniture(const std::vector<PageLines>& pages);

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_FURNITURE_H_
