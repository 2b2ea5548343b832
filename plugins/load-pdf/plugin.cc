// load-pdf: PDF documents, their text layer through Poppler and image-only pages through
// Tesseract (core/src/load/pdf_loader.h does the work; this file only declares it). Also the
// host's way to OCR one page and to render a page image (core/src/load/pdf_services.h): the
// host links neither Poppler nor Tesseract.
#include <type_traits>

#include "acervo/loader_plugin.h"
#include "load/bundled_loader.h"
#include "load/pdf_loader.h"
#include "load/pdf_render.h"
#include "load/pdf_services.h"

namespace {

class PdfLoader : public acervo::Loader {
 public:
  acervo::LoaderInfo Info() const override {
    return acervo::BundledLoaderInfo(
        "pdf", acervo::N_("PDF: text layer (Poppler), tables from rulings (qpdf), OCR (Tesseract)"),
        {{"application/pdf", 0, {".pdf"}}});
  }
  acervo::Result<acervo::Document> Load(std::string_view bytes,
                                        const acervo::LoadContext& context) const override {
    return acervo::LoadPdf(bytes, context.options);
  }
};

}  // namespace

ACERVO_LOADER_PLUGIN(PdfLoader);

// The two functions of load/pdf_services.h. One OCR engine per thread, kept for the next page
// (loading the model is the slow part).
ACERVO_PLUGIN_CXX_RETURN_BEGIN_
extern "C" __attribute__((visibility("default"))) acervo::Result<acervo::OcrReading>
acervo_pdf_ocr_page(std::string_view bytes, int index, const std::vector<std::string>& passwords) {
  thread_local std::unique_ptr<acervo::OcrEngine> engine;
  return acervo::OcrPdfPage(bytes, index, &engine, passwords);
}

extern "C" __attribute__((visibility("default"))) acervo::Result<std::string> acervo_pdf_render_png(
    const std::string& pdf, int page, int dpi, const acervo::Box& region) {
  return acervo::RenderPdfPagePng(pdf, page, dpi, region);
}
ACERVO_PLUGIN_CXX_RETURN_END_

// The exports match the host's declarations.
static_assert(std::is_same_v<decltype(acervo_pdf_ocr_page), acervo::PdfOcrPageFn>);
static_assert(std::is_same_v<decltype(acervo_pdf_render_png), acervo::PdfRenderPngFn>);
