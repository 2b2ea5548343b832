#include "load/image_loader.h"

#include <leptonica/allheaders.h>

#include <cstdio>
#include <memory>
#include <mutex>
#include <vector>

#include "load/furniture.h"
#include "load/ocr.h"
#include "load/page_assembly.h"
#include "load/pix.h"

namespace acervo {
namespace {

// Resolution assumed for an image that does not state one.
constexpr int kDefaultPpi = 300;

const l_uint8* Data(std::string_view bytes) {
  return reinterpret_cast<const l_uint8*>(bytes.data());
}

// Leptonica reports decoding trouble on stderr; the warnings acervo gives say it better.
void SilenceLeptonica() {
  static std::once_flag once;
  std::call_once(once, [] { setMsgSeverity(L_SEVERITY_NONE); });
}

// The number of pages of a TIFF (its image directories), 0 when it cannot be told.
int TiffPageCount(std::string_view bytes) {
  FILE* f = fmemopen(const_cast<char*>(bytes.data()), bytes.size(), "rb");
  if (f == nullptr) return 0;
  l_int32 n = 0;
  if (tiffGetCount(f, &n) != 0) n = 0;
  fclose(f);
  return n;
}

// Page `index` (0-based) decoded, or null when it cannot be.
PixPtr DecodePage(std::string_view bytes, bool tiff, int index) {
  if (tiff) return PixPtr(pixReadMemTiff(Data(bytes), bytes.size(), index));
  return PixPtr(pixReadMem(Data(bytes), bytes.size()));
}

bool IsBlank(const Pix* gray) {
  const l_uint32* data = pixGetData(const_cast<Pix*>(gray));
  const l_int32 wpl = pixGetWpl(const_cast<Pix*>(gray));
  const l_int32 w = pixGetWidth(gray), h = pixGetHeight(gray);
  for (l_int32 y = 0; y < h; ++y) {
    const l_uint32* row = data + static_cast<size_t>(y) * wpl;
    for (l_int32 x = 0; x < w; ++x) {
      if (GET_DATA_BYTE(row, x) != 255) return false;
    }
  }
  return true;
}

// Reads one decoded page with OCR into `page` and its laid-out `lines`. The engine is made on
// first use; when it cannot be, `*no_engine` says so (no later page will read either).
Status ReadPage(Pix* pix, std::unique_ptr<OcrEngine>* engine, Page* page, PageLines* lines,
                bool* no_engine) {
  PixPtr gray(pixConvertTo8(pix, 0));
  if (!gray) return Corrupt("the image cannot be turned to gray levels");
  int ppi = pixGetXRes(pix) > 0 ? pixGetXRes(pix) : kDefaultPpi;
  page->width = pixGetWidth(gray.get()) * 72.0 / ppi;
  page->height = pixGetHeight(gray.get()) * 72.0 / ppi;
  lines->height = page->height;
  if (IsBlank(gray.get())) return NotFound("blank page: nothing to read");
  if (!*engine) {
    Result<std::unique_ptr<OcrEngine>> created = OcrEngine::Create("spa");
    if (!created.ok()) {
      *no_engine = true;
      return created.status();
    }
    *engine = std::move(created.value());
  }
  // Leptonica keeps pixels in 32-bit words, most significant byte first; Tesseract wants
  // them in reading order.
  PixPtr bytes(pixEndianByteSwapNew(gray.get()));
  if (!bytes) return Corrupt("the image cannot be prepared for OCR");
  GrayImage image{reinterpret_cast<const unsigned char*>(pixGetData(bytes.get())),
                  pixGetWidth(bytes.get()), pixGetHeight(bytes.get()), pixGetWpl(bytes.get()) * 4,
                  static_cast<double>(ppi)};
  Result<OcrReading> reading = (*engine)->Recognize(image);
  if (!reading.ok()) return reading.status();
  page->ocr = true;
  lines->lines = LayOutOcrPage(std::move(reading.value()));
  return Status::Ok();
}

}  // namespace

Result<Document> LoadImage(std::string_view bytes, const std::string& media_type,
                           const LoadOptions& options) {
  SilenceLeptonica();
  const bool tiff = media_type == "image/tiff";
  const int page_count = tiff ? TiffPageCount(bytes) : 1;
  if (page_count <= 0) return Corrupt("not a readable TIFF (no image directory found)");
  const std::string kind = tiff ? "TIFF" : "image";

  Document doc;
  std::vector<PageLines> laid(page_count);
  std::unique_ptr<OcrEngine> engine;
  bool ocr_ran = false;
  Status unavailable;  // Tesseract cannot start: no page will read
  for (int i = 0; i < page_count; ++i) {
    Page page;
    page.number = i + 1;
    PixPtr pix = DecodePage(bytes, tiff, i);
    if (!pix) {
      if (!tiff) return Corrupt("the image cannot be decoded");
      page.warnings.push_back("page " + std::to_string(i + 1) +
                              " of the TIFF cannot be "
                              "decoded; it is left empty");
    } else if (options.ocr == OcrMode::kNever) {
      page.warnings.push_back("an image page and OCR is disabled");
    } else if (!unavailable.ok()) {
      page.warnings.push_back(unavailable.message());
    } else {
      bool no_engine = false;
      Status read = ReadPage(pix.get(), &engine, &page, &laid[i], &no_engine);
      if (read.ok()) ocr_ran = true;
      if (!read.ok()) page.warnings.push_back(read.message());
      if (no_engine) unavailable = read;
    }
    doc.pages.push_back(std::move(page));
    if (options.progress) options.progress(i + 1, page_count);
  }
  AssemblePages(std::move(laid), ocr_ran, &doc);
  return doc;
}

}  // namespace acervo
