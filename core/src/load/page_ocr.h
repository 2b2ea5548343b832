// page_ocr.h — OCR done outside the PDF loader, so that `acervo ingest` can read the scanned
// pages of one document in parallel worker processes and assemble it in one more.
//
// The loader is asked twice: first in kPlan mode it OCRs nothing and notes which pages it
// wants read (the pages without a usable text layer, per the OCR mode); then, once workers
// have OCR'd those pages one each (OcrPdfPage in pdf_loader.h), in kUse mode it takes their
// words instead of reading the pages itself. The words are those the loader would have
// found, so the document is the same whichever way its pages were read.
//
// Not thread-safe: one PageOcr belongs to one load.
#ifndef ACERVO_CORE_LOAD_PAGE_OCR_H_
#define ACERVO_CORE_LOAD_PAGE_OCR_H_

#include <map>
#include <string>
#include <vector>

#include "load/layout.h"
#include "load/vector_graphics.h"

namespace acervo {

struct PageOcr {
  enum class Mode { kPlan, kUse };
  Mode mode = Mode::kUse;

  // kPlan: the 0-based indexes of the pages the loader wanted to OCR, in order.
  std::vector<int> wanted;

  // kUse: what OCR found on a page (by 0-based index): its words and ruling lines, or why
  // it could not read it (`error` not empty). A page wanted but missing here is OCR'd by the
  // loader as usual.
  struct Outcome {
    std::vector<Word> words;
    std::vector<Ruling> rulings;
    std::string error;
  };
  std::map<int, Outcome> pages;
};

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_PAGE_OCR_H_
