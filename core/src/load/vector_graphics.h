// vector_graphics.h — the filled and stroked paths of a PDF page as the loaders use them:
// ruling lines (table borders, cell edges) and the boxes of filled paths (cell fills, the
// drawn discs and squares of list bullets).
//
// Each painted subpath, in page space (points from the top left of the page's crop box, as
// the text boxes), gives its bounding box when filled, and a ruling for each of its straight
// axis-aligned pieces: a line segment, a stroked rectangle's sides, a filled rectangle
// thinner than kMaxRuleThickness. PDF pages get their paths from the same Poppler display
// that reads their text (pdf_text_layer.h), scanned pages their rulings from the page image
// (image_rulings.h).
//
// Threads: plain data and a pure function.
#ifndef ACERVO_CORE_LOAD_VECTOR_GRAPHICS_H_
#define ACERVO_CORE_LOAD_VECTOR_GRAPHICS_H_

#include <vector>

#include "acervo/document.h"

namespace acervo {

// A rectangle thinner than this (points) that is filled is drawn as a line.
constexpr double kMaxRuleThickness = 2.5;

// A horizontal or vertical line: `at` is its y (horizontal) or x (vertical), [from, to] its
// extent along the other axis.
struct Ruling {
  bool horizontal = true;
  double at = 0, from = 0, to = 0;
};

struct PageGraphics {
  std::vector<Box> fills;  // the bounding boxes of filled paths (one per painted path)
  std::vector<Ruling> rulings;
};

struct Point {
  double x = 0, y = 0;
};

// One subpath as painted, in page space: its points (a closed subpath ends on its first
// point) and whether each piece to the next is part of a curve.
struct Subpath {
  std::vector<Point> points;
  std::vector<bool> curved;  // curved[i]: the piece from points[i] to points[i+1]
};

// What a painted subpath gives: when filled, its bounding box in `fills`, and a ruling when it
// is a thin straight rectangle (kMaxRuleThickness); when stroked, a ruling for each of its
// straight axis-aligned pieces.
void AddPaintedSubpath(const Subpath& s, bool fill, bool stroke, PageGraphics* out);

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_VECTOR_GRAPHICS_H_
