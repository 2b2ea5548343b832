#include "review/page_image.h"

#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>

namespace acervo::review {

Result<std::string> RenderPagePng(const std::filesystem::path& pdf, int page, int dpi) {
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
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  poppler::image image = renderer.render_page(p.get(), dpi, dpi);
  if (!image.is_valid()) return Corrupt(pdf.string() + ": page " + std::to_string(page) + " did not render");

  // poppler-cpp saves images only to files: write a private temporary one and read it back.
  std::string tmpl = (std::filesystem::temp_directory_path() / "acervo-page-XXXXXX").string();
  int fd = mkstemp(tmpl.data());
  if (fd < 0) return IoError("cannot create a temporary file for the page image");
  close(fd);
  bool saved = image.save(tmpl, "png");
  std::ostringstream bytes;
  if (saved) bytes << std::ifstream(tmpl, std::ios::binary).rdbuf();
  std::filesystem::remove(tmpl, ec);
  if (!saved) return IoError(pdf.string() + ": cannot encode page " + std::to_string(page));
  return bytes.str();
}

}  // namespace acervo::review
