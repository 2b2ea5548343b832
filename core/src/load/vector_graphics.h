// vector_graphics.h — the filled and stroked paths of a PDF page, read from its content
// stream with qpdf, without rendering.
//
// Poppler keeps the text; this reads what Poppler's public API does not give: the ruling
// lines and cell borders of tables and the drawn discs and squares of list bullets. Every
// path-painting operator of the page (and of the form XObjects it draws) is followed with
// the current transformation matrix; each painted path gives its bounding box, and each of
// its straight axis-aligned pieces (a line segment, a stroked rectangle's sides, a filled
// rectangle thinner than kMaxRuleThickness) gives a ruling. Coordinates are points from the
// top left of the page's crop box, as Poppler's text boxes. Pages turned by /Rotate are not
// read (no graphics), nor are clipping paths, shadings or images.
//
// Threads: a PdfGraphics is used by one thread at a time; separate objects are independent.
#ifndef ACERVO_CORE_LOAD_VECTOR_GRAPHICS_H_
#define ACERVO_CORE_LOAD_VECTOR_GRAPHICS_H_

#include <memory>
#include <string_view>
#include <vector>

#include "acervo/document.h"
#include "acervo/status.h"

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

// One subpath as painted, in page space: its points and whether each piece to the next is
// part of a curve. `closed` adds the piece back to the first point.
struct Subpath {
  std::vector<Point> points;
  std::vector<bool> curved;  // curved[i]: the piece from points[i] to points[i+1]
  bool closed = false;
};

// What a painted subpath gives: when filled, its bounding box in `fills`, and a ruling when it
// is a thin straight rectangle (kMaxRuleThickness); when stroked, a ruling for each of its
// straight axis-aligned pieces. The rules every source of paths shares (the qpdf reader below
// and Poppler's display, pdf_text_layer.h).
void AddPaintedSubpath(const Subpath& s, bool fill, bool stroke, PageGraphics* out);

class PdfGraphics {
 public:
  // Parses the PDF held in `bytes` (which must outlive the object) lazily: only the
  // objects a page needs are read, when the page is asked for.
  static Result<std::unique_ptr<PdfGraphics>> Open(std::string_view bytes);
  ~PdfGraphics();

  // The graphics of page `index` (0-based); empty when the page cannot be read.
  PageGraphics Page(int index);

 private:
  struct Impl;
  explicit PdfGraphics(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_VECTOR_GRAPHICS_H_
