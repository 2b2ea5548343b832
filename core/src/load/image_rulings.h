// image_rulings.h — the ruling lines of a scanned page, found on its binarized image with
// Leptonica's morphology, so that a scanned ruled table is read cell by cell as a
// born-digital one is (lattice.h).
//
// The image is first turned back by the page's skew (the same correction the OCR word
// boxes get, ocr.h), then opened with a long thin horizontal brick and a long thin vertical
// one: only runs of ink longer than a quarter inch survive, which letters never are. Each
// connected piece that is left, thin across and long along, is a ruling; a wide dark band
// (a shaded header) is not. Coordinates are points from the top left of the image, as the
// OCR words' boxes.
//
// Threads: a pure function; Leptonica keeps no state between calls.
#ifndef ACERVO_CORE_LOAD_IMAGE_RULINGS_H_
#define ACERVO_CORE_LOAD_IMAGE_RULINGS_H_

#include <vector>

#include "load/vector_graphics.h"

struct Pix;

namespace acervo {

// The rulings drawn on `binary` (a 1-bit Leptonica image, ink = 1) of resolution `dpi`,
// whose text lines slope by `skew` (dy/dx in image coordinates).
std::vector<Ruling> FindImageRulings(Pix* binary, double dpi, double skew);

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_IMAGE_RULINGS_H_
