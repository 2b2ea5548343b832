// pdf_render.h — a PDF page, or a region of it, rendered as PNG through Poppler, for the
// review server's page images. Lives with the format readers (acervo_formats, in the load-pdf
// plugin); the host reaches it through load/pdf_services.h.
//
// Regions are acervo::Box values: PDF points from the page's top-left corner, y down, as the
// loader records block boxes. Threads: safe (each call opens the file for itself).
#ifndef ACERVO_CORE_LOAD_PDF_RENDER_H_
#define ACERVO_CORE_LOAD_PDF_RENDER_H_

#include <cmath>
#include <string>

#include "acervo/document.h"
#include "acervo/status.h"

namespace acervo {

// The pixel rectangle poppler renders for `region` at `dpi`: its points scaled by dpi/72,
// outward to whole pixels.
struct PixelRect {
  int x = 0, y = 0, width = 0, height = 0;
};
inline PixelRect ToPixels(const Box& region, int dpi) {
  const double s = dpi / 72.0;
  PixelRect r;
  r.x = static_cast<int>(std::floor(region.x0 * s));
  r.y = static_cast<int>(std::floor(region.y0 * s));
  r.width = static_cast<int>(std::ceil(region.x1 * s)) - r.x;
  r.height = static_cast<int>(std::ceil(region.y1 * s)) - r.y;
  return r;
}

// The PNG bytes of page `page` (1-based) of the PDF file `pdf`, at `dpi`: only `region` of
// it when that is not empty (cut to the page; a region wholly off the page renders the
// page). NotFound for a page the PDF lacks, Unsupported when poppler cannot open the file.
Result<std::string> RenderPdfPagePng(const std::string& pdf, int page, int dpi, const Box& region);

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_PDF_RENDER_H_
