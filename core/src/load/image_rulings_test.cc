#include "load/image_rulings.h"

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <cmath>

#include "load/lattice.h"
#include "load/pix.h"

namespace acervo {
namespace {

constexpr double kDpi = 200;

// A 1-bit page of 1000 x 800 px with a 3 x 3 ruled grid from (100, 100) to (700, 400), lines
// 3 px thick, and a "word" (a filled 30 x 40 px block, a tall letter) inside a cell.
PixPtr GridPage() {
  PixPtr pix(pixCreate(1000, 800, 1));
  for (int y : {100, 200, 300, 400}) pixRenderLine(pix.get(), 100, y, 700, y, 3, L_SET_PIXELS);
  for (int x : {100, 300, 500, 700}) pixRenderLine(pix.get(), x, 100, x, 400, 3, L_SET_PIXELS);
  pixRasterop(pix.get(), 150, 130, 30, 40, PIX_SET, nullptr, 0, 0);
  return pix;
}

TEST(ImageRulings, TheLinesOfAGridAndNotTheLetters) {
  PixPtr pix = GridPage();
  std::vector<Ruling> rulings = FindImageRulings(pix.get(), kDpi, 0);
  int horizontal = 0, vertical = 0;
  for (const Ruling& r : rulings) {
    (r.horizontal ? horizontal : vertical)++;
    EXPECT_GE(r.to - r.from, 300 * 72 / kDpi - 3);
  }
  EXPECT_EQ(horizontal, 4);
  EXPECT_EQ(vertical, 4);
  std::vector<LatticeTable> tables = FindLatticeTables(rulings);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].xs.size(), 4u);
  EXPECT_EQ(tables[0].ys.size(), 4u);
  EXPECT_NEAR(tables[0].xs[1], 300 * 72 / kDpi, 1);
  EXPECT_NEAR(tables[0].ys[2], 300 * 72 / kDpi, 1);
}

TEST(ImageRulings, ASkewedScanIsStraightenedFirst) {
  PixPtr grid = GridPage();
  const double angle = 1.0 * M_PI / 180;  // clockwise, as a scan slips
  PixPtr skewed(
      pixRotate(grid.get(), static_cast<float>(angle), L_ROTATE_SAMPLING, L_BRING_IN_WHITE, 0, 0));
  // Clockwise in image coordinates (y down), level lines now slope down to the right.
  std::vector<LatticeTable> tables =
      FindLatticeTables(FindImageRulings(skewed.get(), kDpi, std::tan(angle)));
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].xs.size(), 4u);
  EXPECT_EQ(tables[0].ys.size(), 4u);
  EXPECT_EQ(tables[0].cells.size(), 9u);
}

TEST(ImageRulings, NothingOnABlankOrWrongImage) {
  PixPtr blank(pixCreate(500, 500, 1));
  EXPECT_TRUE(FindImageRulings(blank.get(), kDpi, 0).empty());
  PixPtr gray(pixCreate(500, 500, 8));
  EXPECT_TRUE(FindImageRulings(gray.get(), kDpi, 0).empty());
  EXPECT_TRUE(FindImageRulings(nullptr, kDpi, 0).empty());
}

}  // namespace
}  // namespace acervo
