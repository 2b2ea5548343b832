#include "load/pdf_render.h"

#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

namespace acervo {
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

Result<std::string> RenderPdfPagePng(const std::string& pdf, int page, int dpi, const Box& region) {
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf));
  if (!doc || doc->is_locked()) return Unsupported(pdf + ": cannot open as a PDF");
  if (page < 1 || page > doc->pages()) return NotFound(pdf + ": no page " + std::to_string(page));
  std::unique_ptr<poppler::page> p(doc->create_page(page - 1));
  if (!p) return Corrupt(pdf + ": cannot read page " + std::to_string(page));
  const std::string what = pdf + ": page " + std::to_string(page);

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

}  // namespace acervo
