// pix.h — a Leptonica image owned by a std::unique_ptr, destroyed with pixDestroy.
//
// Threads: as Leptonica's images, one owner at a time.
#ifndef ACERVO_CORE_LOAD_PIX_H_
#define ACERVO_CORE_LOAD_PIX_H_

#include <leptonica/allheaders.h>

#include <memory>

namespace acervo {

struct PixDeleter {
  void operator()(Pix* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_PIX_H_
