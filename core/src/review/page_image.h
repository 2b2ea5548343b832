// page_image.h — a PDF page, or the region of it a passage covers, rendered as PNG, so a
// reviewer sees the passage as printed.
//
// Regions are acervo::Box values: PDF points from the page's top-left corner, y down, as the
// loader records block boxes. A region is cropped by poppler while rendering (only the region
// is drawn); an empty region renders the whole page.
#ifndef ACERVO_CORE_REVIEW_PAGE_IMAGE_H_
#define ACERVO_CORE_REVIEW_PAGE_IMAGE_H_

#include <filesystem>
#include <string>

#include "acervo/document.h"
#include "acervo/status.h"
#include "load/pdf_render.h"

namespace acervo::review {

// The whole-page resolution, and the margin (points) kept around a passage's box.
inline constexpr int kPageDpi = 110;
inline constexpr double kRegionMargin = 12;

// `box` grown by `margin` on every side and kept on the page (0..width, 0..height; a size
// of 0 leaves that side unbounded). Empty stays empty.
Box PadRegion(const Box& box, double margin, double page_width, double page_height);

// A resolution at which `region` reads comfortably: about 1000 pixels across, between 110
// and 220 dpi (a narrow region is not blown up past legibility, a wide one not shrunk).
int RegionDpi(const Box& region);

// The pixel rectangle poppler renders for a region (load/pdf_render.h).
using ::acervo::PixelRect;
using ::acervo::ToPixels;

// The PNG bytes of page `page` (1-based) of the PDF at `pdf`, at `dpi`: only `region` of it
// when that is not empty (cut to the page; a region wholly off the page renders the page).
// NotFound when the file is no longer there (the UI then shows the text only), Unsupported
// when it is not a PDF poppler can open. Rendered by the PDF loader plugin (pdf_services.h).
Result<std::string> RenderPagePng(const std::filesystem::path& pdf, int page, int dpi = kPageDpi,
                                  const Box& region = {});

}  // namespace acervo::review

#endif  // ACERVO_CORE_REVIEW_PAGE_IMAGE_H_
