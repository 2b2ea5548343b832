// ink.h — measurements of the ink on a gray page image, for what text engines do not say.
//
// Tesseract's LSTM model reports no font weight, and PDF list bullets are often drawn rather
// than written; both are visible in the page image. Pixels darker than kInkLevel are ink.
// Boxes here are in image pixels.
#ifndef ACERVO_CORE_LOAD_INK_H_
#define ACERVO_CORE_LOAD_INK_H_

#include <optional>

#include "acervo/document.h"
#include "load/ocr.h"

namespace acervo {

constexpr int kInkLevel = 128;

// The mean width, in pixels, of the horizontal runs of ink inside `box`: the thickness of
// the vertical strokes of the letters there, which bold type makes wider. 0 when no ink.
double StrokeWidth(const GrayImage& image, const Box& box);

// A small solid mark (a bullet) alone in `region`: the box of the single connected blob of
// ink found there, when there is exactly one, it is no larger than `max_size` pixels either
// way, at least `min_size`, and at least half its box is ink. Specks of one or two pixels
// (scan noise) are ignored.
std::optional<Box> FindMark(const GrayImage& image, const Box& region, double min_size,
                            double max_size);

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_INK_H_
