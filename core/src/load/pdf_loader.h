// pdf_loader.h — PDF documents: the text layer through poppler-cpp, pages without a usable
// text layer through Tesseract OCR (per LoadOptions::ocr).
#ifndef ACERVO_CORE_LOAD_PDF_LOADER_H_
#define ACERVO_CORE_LOAD_PDF_LOADER_H_

#include <string_view>

#include "acervo/document.h"
#include "acervo/status.h"
#include "load/loader.h"

namespace acervo {

Result<Document> LoadPdf(std::string_view bytes, const LoadOptions& options);

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_PDF_LOADER_H_
