// test_png.h — decodes a PNG the review module rendered, for tests (test-only): its size and
// how many of its pixels are ink, read with leptonica (which acervo links for OCR).
#ifndef ACERVO_CORE_REVIEW_TEST_PNG_H_
#define ACERVO_CORE_REVIEW_TEST_PNG_H_

#include <allheaders.h>

#include <string>

namespace acervo::review::testing_png {

struct Decoded {
  bool ok = false;
  int width = 0, height = 0;
  int ink = 0;  // pixels darker than mid-gray
};

inline Decoded Decode(const std::string& png) {
  Decoded d;
  PIX* pix = pixReadMem(reinterpret_cast<const l_uint8*>(png.data()), png.size());
  if (!pix) return d;
  PIX* gray = pixConvertTo8(pix, 0);
  d.ok = gray != nullptr;
  if (gray) {
    d.width = static_cast<int>(pixGetWidth(gray));
    d.height = static_cast<int>(pixGetHeight(gray));
    for (int y = 0; y < d.height; ++y) {
      for (int x = 0; x < d.width; ++x) {
        l_uint32 v = 255;
        pixGetPixel(gray, x, y, &v);
        d.ink += v < 128;
      }
    }
    pixDestroy(&gray);
  }
  pixDestroy(&pix);
  return d;
}

}  // namespace acervo::review::testing_png

#endif  // ACERVO_CORE_REVIEW_TEST_PNG_H_
