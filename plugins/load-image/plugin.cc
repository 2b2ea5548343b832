// load-image: scanned pages kept as TIFF (multi-page, CCITT G4 included), PNG or JPEG,
// OCR'd as scanned PDF pages are (core/src/load/image_loader.h does the work).
#include "acervo/loader_plugin.h"
#include "load/bundled_loader.h"
#include "load/image_loader.h"

namespace {

class ImageLoader : public acervo::Loader {
 public:
  acervo::LoaderInfo Info() const override {
    return acervo::BundledLoaderInfo(
        "image", acervo::N_("Page scans as TIFF, PNG or JPEG (Leptonica), read with Tesseract OCR"),
        {{"image/tiff", 0, {".tif", ".tiff"}},
         {"image/png", 0, {".png"}},
         {"image/jpeg", 0, {".jpg", ".jpeg"}}});
  }
  acervo::Result<acervo::Document> Load(std::string_view bytes,
                                        const acervo::LoadContext& context) const override {
    return acervo::LoadImage(bytes, context.media_type, context.options);
  }
};

}  // namespace

ACERVO_LOADER_PLUGIN(ImageLoader);
