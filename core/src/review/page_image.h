// page_image.h — a PDF page rendered as PNG, so a reviewer sees the passage as printed.
#ifndef ACERVO_CORE_REVIEW_PAGE_IMAGE_H_
#define ACERVO_CORE_REVIEW_PAGE_IMAGE_H_

#include <filesystem>
#include <string>

#include "acervo/status.h"

namespace acervo::review {

// The PNG bytes of page `page` (1-based) of the PDF at `pdf`, at `dpi`. NotFound when the
// file is no longer there (the UI then shows the text only), Unsupported when it is not a
// PDF poppler can open.
Result<std::string> RenderPagePng(const std::filesystem::path& pdf, int page, int dpi = 110);

}  // namespace acervo::review

#endif  // ACERVO_CORE_REVIEW_PAGE_IMAGE_H_
