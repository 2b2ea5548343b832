// page_assembly.h — the steps scanned and laid-out pages share, whatever file they came
// from (a PDF, a TIFF, a PNG): OCR'd words laid out into lines, and laid-out pages turned
// into a Document (furniture removed, paragraphs joined over page breaks, headings from
// font size, OCR confidence kept, structure found).
//
// Thread-compatible: plain functions over the caller's data.
#ifndef ACERVO_CORE_LOAD_PAGE_ASSEMBLY_H_
#define ACERVO_CORE_LOAD_PAGE_ASSEMBLY_H_

#include <vector>

#include "acervo/document.h"
#include "load/furniture.h"
#include "load/layout.h"
#include "load/ocr.h"

namespace acervo {

// OCR font sizes are estimated from row geometry: only bigger jumps mark a new paragraph.
constexpr double kOcrSizeTolerance = 0.25;

// The lines of a page read by OCR: its bullet glyphs taken out as list marks, the halves of
// lines that Tesseract's page layout cut apart (at a vertical river, even inside a word)
// joined back, the misread separators of its figures mended (ocr_figures.h), the words laid out in
// rows and columns (the tables its ruling lines draw read cell by cell, lattice.h) and the marks
// put back as list markers.
std::vector<LaidLine> LayOutOcrPage(OcrReading reading);

// Fills the text, blocks, furniture and OCR confidence of `document->pages` (already one per
// entry of `laid`, with number, size, `ocr` flag and warnings set) and its tables.
// `ocr_ran`: some page was read by OCR here (a warning is added when OMP_THREAD_LIMIT is
// not set, since Tesseract then runs several times slower).
void AssemblePages(std::vector<PageLines> laid, bool ocr_ran, Document* document);

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_PAGE_ASSEMBLY_H_
