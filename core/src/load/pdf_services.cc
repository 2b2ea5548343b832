#include "load/pdf_services.h"

#include <mutex>

#include "load/loader_registry.h"

namespace acervo {

Result<const PdfServices*> PdfServices::Get() {
  static std::once_flag once;
  static Result<const PdfServices*> found = Unsupported("");
  std::call_once(once, [] {
    const LoadedLoader* loader = LoaderRegistry::Default().For("application/pdf");
    if (loader == nullptr) {
      found = Unsupported("no loader reads PDF (load-pdf.so not found; set ACERVO_PLUGIN_PATH)");
      return;
    }
    auto* ocr = reinterpret_cast<PdfOcrPageFn*>(loader->FindSymbol(kPdfOcrPageSymbol));
    auto* render = reinterpret_cast<PdfRenderPngFn*>(loader->FindSymbol(kPdfRenderPngSymbol));
    if (ocr == nullptr && render == nullptr) {
      found = Unsupported("the PDF loader " + loader->id() +
                          " offers neither page OCR nor page images");
      return;
    }
    found = new PdfServices(loader->id(), ocr, render);  // never destroyed, like the plugin
  });
  return found;
}

Result<OcrReading> PdfServices::OcrPage(std::string_view bytes, int index,
                                        const std::vector<std::string>& passwords) const {
  if (ocr_page_ == nullptr) return Unsupported("the PDF loader " + loader_ + " cannot OCR a page");
  return ocr_page_(bytes, index, passwords);
}

Result<std::string> PdfServices::RenderPagePng(const std::string& pdf, int page, int dpi,
                                               const Box& region) const {
  if (render_png_ == nullptr) {
    return Unsupported("the PDF loader " + loader_ + " cannot render page images");
  }
  return render_png_(pdf, page, dpi, region);
}

}  // namespace acervo
