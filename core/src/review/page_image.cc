#include "review/page_image.h"

#include <algorithm>
#include <cmath>

#include "load/pdf_services.h"

namespace acervo::review {

Box PadRegion(const Box& box, double margin, double page_width, double page_height) {
  if (box.empty()) return box;
  Box out{std::max(0.0, box.x0 - margin), std::max(0.0, box.y0 - margin), box.x1 + margin,
          box.y1 + margin};
  if (page_width > 0) out.x1 = std::min(out.x1, page_width);
  if (page_height > 0) out.y1 = std::min(out.y1, page_height);
  return out;
}

int RegionDpi(const Box& region) {
  constexpr double kTargetPixels = 1000;
  if (region.empty()) return kPageDpi;
  double dpi = kTargetPixels * 72 / region.width();
  return static_cast<int>(std::clamp(std::round(dpi), 110.0, 220.0));
}

Result<std::string> RenderPagePng(const std::filesystem::path& pdf, int page, int dpi,
                                  const Box& region) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(pdf, ec)) {
    return NotFound(pdf.string() + ": the original file is no longer there");
  }
  Result<const PdfServices*> pdf_services = PdfServices::Get();
  if (!pdf_services.ok()) return pdf_services.status();
  return (*pdf_services)->RenderPagePng(pdf.string(), page, dpi, region);
}

}  // namespace acervo::review
