#include "review/page_image.h"

#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>

namespace acervo::review {
namespace {

// poppler-cpp saves images only to files: write a private temporary one and read it back.
Result<std::string> EncodePng(const poppler::image& image, const std::string& what) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "acervo-page-XXXXXX").string();
  int fd = mkstemp(tmpl.data());
  if (fd < 0) return IoError("cannot create a temporary file for the page image");
  close(fd);
  bool saved = image.save(tmpl, "png");
  std::ostringstream bytes;
  if (saved) bytes << std::ifstream(tmpl, std::ios::binary).rdbuf();
  std::error_code ec;
  std::filesystem::remove(tmpl, ec);
  if (!saved) return IoError("cannot encode " + what);
  return bytes.str();
}

}  // namespace

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

PixelRect ToPixels(const Box& region, int dpi) {
  const double s = dpi / 72.0;
  PixelRect r;
  r.x = static_cast<int>(std::floor(region.x0 * s));
  r.y = static_cast<int>(std::floor(region.y0 * s));
  r.width = static_cast<int>(std::ceil(region.x1 * s)) - r.x;
  r.height = static_cast<int>(std::ceil(region.y1 * s)) - r.y;
  return r;
}

Result<std::string> RenderPagePng(const std::filesystem::path& pdf, int page, int dpi,
                                  const Box& region) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(pdf, ec)) {
    return NotFound(pdf.string() + ": the original file is no longer there");
  }
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf.string()));
  if (!doc || doc->is_locked()) return Unsupported(pdf.string() + ": cannot open as a PDF");
  if (page < 1 || page > doc->pages()) {
    return NotFound(pdf.string() + ": no page " + std::to_string(page));
  }
  std::unique_ptr<poppler::page> p(doc->create_page(page - 1));
  if (!p) return Corrupt(pdf.string() + ": cannot read page " + std::to_string(page));
  const std::string what = pdf.string() + ": page " + std::to_string(page);

  // The region cut to the page, in pixels; whole page (-1) when there is none.
  PixelRect crop{-1, -1, -1, -1};
  if (!region.empty()) {
    PixelRect r = ToPixels(region, dpi);
    const double s = dpi / 72.0;
    int page_w = static_cast<int>(std::lround(p->page_rect().width() * s));
    int page_h = static_cast<int>(std::lround(p->page_rect().height() * s));
    int x1 = std::min(r.x + r.width, page_w), y1 = std::min(r.y + r.height, page_h);
    r.x = std::max(r.x, 0);
    r.y = std::max(r.y, 0);
    if (x1 > r.x && y1 > r.y) crop = {r.x, r.y, x1 - r.x, y1 - r.y};
  }
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  poppler::image image =
      renderer.render_page(p.get(), dpi, dpi, crop.x, crop.y, crop.width, crop.height);
  if (!image.is_valid()) return Corrupt(what + " did not render");
  return EncodePng(image, what);
}

}  // namespace acervo::review
