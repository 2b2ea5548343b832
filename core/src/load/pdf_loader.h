// pdf_loader.h — PDF documents: the text layer and vector paths through one Poppler display
// per page (pdf_text_layer.h), pages without a usable text layer rendered by poppler-cpp and
// read by Tesseract OCR (per LoadOptions::ocr, or read elsewhere: page_ocr.h).
#ifndef ACERVO_CORE_LOAD_PDF_LOADER_H_
#define ACERVO_CORE_LOAD_PDF_LOADER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "acervo/document.h"
#include "acervo/loader_plugin.h"
#include "acervo/status.h"
#include "load/layout.h"
#include "load/ocr.h"

namespace acervo {

Result<Document> LoadPdf(std::string_view bytes, const LoadOptions& options);

// What OCR finds on one page (0-based `index`) of the PDF, words and ruling lines, exactly
// as LoadPdf would read it: the page is rendered here and dropped after. `engine` is created on
// first use and may be kept for the next page (loading the model is the slow part). An encrypted
// PDF opens with the first of `passwords` that fits, as in LoadPdf.
Result<OcrReading> OcrPdfPage(std::string_view bytes, int index, std::unique_ptr<OcrEngine>* engine,
                              const std::vector<std::string>& passwords = {});

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_PDF_LOADER_H_
