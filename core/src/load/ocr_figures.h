// ocr_figures.h — the separators of figures OCR read, made consistent with the page's own.
//
// A decimal comma and a thousands point are a few pixels each, and OCR takes one for the
// other: a scanned statement that prints "1.109.642.290,57" reads "1.109.642,290,57" or
// "495,584,288,33", which no amount reader can take (is "288,33" a decimal part or not?).
// A figure with thousands groups and two decimals has one reading whatever its marks, and
// the page's well-read figures say which marks it prints: where most of them write the
// decimal comma ("1.234,56") or most write the decimal point ("1,234.56"), the misread
// figures are rewritten in that style. A page with no clear style is left as read.
//
// Threads: a pure function.
#ifndef ACERVO_CORE_LOAD_OCR_FIGURES_H_
#define ACERVO_CORE_LOAD_OCR_FIGURES_H_

#include <vector>

#include "load/layout.h"

namespace acervo {

// Rewrites the misread separators of the figures among one page's OCR `words` (each keeps
// its length, box and confidence).
void RepairFigureSeparators(std::vector<Word>* words);

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_OCR_FIGURES_H_
