#include "load/image_rulings.h"

#include <leptonica/allheaders.h>

#include <cmath>
#include <memory>

#include "load/pix.h"
namespace acervo {
namespace {

// The shortest ruling, in inches: longer than any letter's stroke at text sizes (an 18 pt
// capital is a quarter inch tall), shorter than a one-line table row's side.
constexpr double kMinRuleLength = 0.25;
// The thickest ruling, in inches (3 pt): a darker, wider band is a fill, not a line.
constexpr double kMaxRuleWidth = 3.0 / 72;

struct BoxaDeleter {
  void operator()(Boxa* b) const { boxaDestroy(&b); }
};

// The rulings of one orientation in `lines` (the image opened along that orientation).
void Collect(Pix* lines, bool horizontal, double dpi, std::vector<Ruling>* out) {
  std::unique_ptr<Boxa, BoxaDeleter> boxes(pixConnCompBB(lines, 8));
  if (!boxes) return;
  const double scale = 72.0 / dpi;
  for (int i = 0; i < boxaGetCount(boxes.get()); ++i) {
    l_int32 x, y, w, h;
    if (boxaGetBoxGeometry(boxes.get(), i, &x, &y, &w, &h) != 0) continue;
    double along = horizontal ? w : h, across = horizontal ? h : w;
    if (along < kMinRuleLength * dpi || across > kMaxRuleWidth * dpi) continue;
    Ruling r;
    r.horizontal = horizontal;
    r.at = (horizontal ? y + h / 2.0 : x + w / 2.0) * scale;
    r.from = (horizontal ? x : y) * scale;
    r.to = (horizontal ? x + w : y + h) * scale;
    out->push_back(r);
  }
}

}  // namespace

std::vector<Ruling> FindImageRulings(Pix* binary, double dpi, double skew) {
  std::vector<Ruling> out;
  if (binary == nullptr || pixGetDepth(binary) != 1 || dpi <= 0) return out;
  // Turned about the centre as ocr.cc turns the word boxes: a line of slope `skew` becomes
  // level (Leptonica's angles are clockwise).
  PixPtr straight(
      std::abs(skew) > 1e-4
          ? pixRotateShearCenter(binary, static_cast<float>(-std::atan(skew)), L_BRING_IN_WHITE)
          : pixClone(binary));
  if (!straight) return out;
  const int length = static_cast<int>(kMinRuleLength * dpi);
  // A small closing first mends lines broken by noise or a light scan.
  PixPtr mended_h(pixCloseBrick(nullptr, straight.get(), 5, 1));
  PixPtr mended_v(pixCloseBrick(nullptr, straight.get(), 1, 5));
  if (!mended_h || !mended_v) return out;
  PixPtr h(pixOpenBrick(nullptr, mended_h.get(), length, 1));
  PixPtr v(pixOpenBrick(nullptr, mended_v.get(), 1, length));
  if (h) Collect(h.get(), true, dpi, &out);
  if (v) Collect(v.get(), false, dpi, &out);
  return out;
}

}  // namespace acervo
