// pdf_text_layer.h — a PDF's pages read through Poppler's own text device (TextOutputDev,
// Debian's libpoppler-private-dev): one display of each page gives its words, with their
// boxes, font size and weight taken from each word's own font, and the filled and stroked
// paths the same display paints (vector_graphics.h's PageGraphics: ruling lines, cell fills,
// bullet discs), so the file is parsed once and no page is displayed twice.
//
// poppler-cpp's page::text_list() gives the same words, but around the same display it scans
// every font of the page to name each word's font, copies the cross-reference table, and
// converts each word to UTF-16 and back with a box per character; that was 20% of the CPU
// of `acervo text` (docs/benchmarks.md). Rendering (OCR, page images) stays with poppler-cpp.
//
// Coordinates are points from the top left of the page's crop box, rotated as the page is
// shown (/Rotate), for words and paths alike. Paths come from the page's content and the
// forms it draws; paths of annotations, pattern and shading fills, clipping paths and the
// glyphs of Type 3 fonts are not reported.
//
// Poppler reports problems through a process-wide callback; they are dropped (a broken PDF
// is an error or a page warning here, never text on stderr).
//
// Threads: a PdfTextLayer is used by one thread at a time; separate objects (one per load)
// are independent.
#ifndef ACERVO_CORE_LOAD_PDF_TEXT_LAYER_H_
#define ACERVO_CORE_LOAD_PDF_TEXT_LAYER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "acervo/status.h"
#include "load/layout.h"
#include "load/vector_graphics.h"

namespace acervo {

struct PdfPageReading {
  double width = 0, height = 0;  // the crop box, in points (as poppler-cpp's page_rect())
  std::vector<Word> words;       // in Poppler's reading order, normalized, no empty words
  PageGraphics graphics;         // empty unless asked for
};

class PdfTextLayer {
 public:
  // Opens the PDF held in `bytes` (which must outlive the object), unlocking it with the
  // first of `passwords` that works (each tried as owner and as user password, also in
  // Latin-1). Fails Corrupt ("corrupt or truncated PDF (it cannot be parsed)", "the PDF has
  // no pages") or Unsupported ("encrypted: needs a password ...", "encrypted: wrong
  // password ...").
  static Result<std::unique_ptr<PdfTextLayer>> Open(std::string_view bytes,
                                                    const std::vector<std::string>& passwords);
  ~PdfTextLayer();

  int pages() const;
  // The password that opened the file ("" when it is not encrypted).
  const std::string& password() const;

  // Page `index` (0-based): NotFound when the page cannot be read. With `graphics`, the
  // page's painted paths as well.
  Result<PdfPageReading> Read(int index, bool graphics);

 private:
  struct Impl;
  explicit PdfTextLayer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_PDF_TEXT_LAYER_H_
