// web_assets.h — the review page's files (web/index.html, app.js, app.css), compiled into the
// binary by web/embed.cmake.
#ifndef ACERVO_CORE_REVIEW_WEB_ASSETS_H_
#define ACERVO_CORE_REVIEW_WEB_ASSETS_H_

#include <cstddef>

namespace acervo::review {

struct WebAsset {
  const char* path;  // "/app.js"
  const char* data;
  size_t size;
};

// All embedded files; `*count` receives how many.
const WebAsset* WebAssets(size_t* count);

}  // namespace acervo::review

#endif  // ACERVO_CORE_REVIEW_WEB_ASSETS_H_
