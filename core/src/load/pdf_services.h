// pdf_services.h — what the host asks of the PDF loader plugin besides loading documents:
// the OCR of one page (ingest reads a scanned PDF's pages in parallel workers) and a page
// rendered as PNG (the review server's page images).
//
// The host links none of the PDF and OCR libraries (Poppler, Tesseract): they come with the
// plugin, loaded when first needed. So these two are functions the bundled load-pdf exports
// beside its loader, found by name in the plugin that reads application/pdf. They pass C++
// types: the plugin and the host are built together from this tree (a third-party PDF loader
// need not export them; then ingest OCRs its pages in the document's own worker, and the
// review server shows text only).
//
// Threads: Get() is safe; OcrPage keeps one OCR engine per calling thread, RenderPagePng is
// safe.
#ifndef ACERVO_CORE_LOAD_PDF_SERVICES_H_
#define ACERVO_CORE_LOAD_PDF_SERVICES_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "acervo/document.h"
#include "acervo/status.h"
#include "load/layout.h"
#include "load/ocr.h"

namespace acervo {

// The words and ruling lines OCR finds on one page (0-based `index`), exactly as the loader
// would read it (OcrPdfPage in pdf_loader.h).
using PdfOcrPageFn = Result<OcrReading>(std::string_view bytes, int index,
                                        const std::vector<std::string>& passwords);
// Page `page` (1-based) of the PDF file `pdf` as PNG (RenderPdfPagePng in pdf_render.h).
using PdfRenderPngFn = Result<std::string>(const std::string& pdf, int page, int dpi,
                                           const Box& region);
inline constexpr const char* kPdfOcrPageSymbol = "acervo_pdf_ocr_page";
inline constexpr const char* kPdfRenderPngSymbol = "acervo_pdf_render_png";

class PdfServices {
 public:
  // The services of the loader that reads application/pdf (LoaderRegistry::Default()),
  // loading it if it is not yet. Unsupported when there is no PDF loader or it exports
  // neither function; once found, kept for the life of the process.
  static Result<const PdfServices*> Get();

  // Unsupported when the PDF loader does not offer the function.
  Result<OcrReading> OcrPage(std::string_view bytes, int index,
                             const std::vector<std::string>& passwords) const;
  Result<std::string> RenderPagePng(const std::string& pdf, int page, int dpi,
                                    const Box& region) const;

 private:
  PdfServices(std::string loader, PdfOcrPageFn* ocr_page, PdfRenderPngFn* render_png)
      : loader_(std::move(loader)), ocr_page_(ocr_page), render_png_(render_png) {}
  std::string loader_;  // "pdf@1.0.0", for messages
  PdfOcrPageFn* ocr_page_;
  PdfRenderPngFn* render_png_;
};

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_PDF_SERVICES_H_
