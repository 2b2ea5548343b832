// image_loader.h — scanned pages kept as images: TIFF (multi-page, any compression libtiff
// reads, CCITT G4 bitonal included), PNG and JPEG, decoded with Leptonica and each page
// OCR'd exactly as a scanned PDF page is (the same engine, deskew, layout and structure
// recovery: page_assembly.h).
//
// An image without a resolution is taken to be 300 ppi (the usual scanning resolution), so
// that font sizes and page sizes come out in points. A TIFF page that cannot be decoded is
// left empty with a warning naming it ("page 3 of the TIFF cannot be decoded"); the other
// pages are read. With OCR disabled (--ocr never) there is nothing to read.
//
// Thread-safe: each call uses its own OCR engine.
#ifndef ACERVO_CORE_LOAD_IMAGE_LOADER_H_
#define ACERVO_CORE_LOAD_IMAGE_LOADER_H_

#include <string>
#include <string_view>

#include "acervo/document.h"
#include "acervo/loader_plugin.h"
#include "acervo/status.h"

namespace acervo {

// `media_type` is "image/tiff", "image/png" or "image/jpeg" (what detection decided).
Result<Document> LoadImage(std::string_view bytes, const std::string& media_type,
                           const LoadOptions& options);

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_IMAGE_LOADER_H_
