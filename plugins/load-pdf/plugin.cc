// load-pdf: PDF documents, their text layer through Poppler and image-only pages through
// Tesseract (core/src/load/pdf_loader.h does the work; this file only declares it).
#include "acervo/loader_plugin.h"
#include "load/bundled_loader.h"
#include "load/pdf_loader.h"

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
