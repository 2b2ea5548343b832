#include "load/ink.h"

#include <gtest/gtest.h>

#include <vector>

namespace acervo {
namespace {

// A white image to draw black rectangles on.
struct Canvas {
  int width, height;
  std::vector<unsigned char> pixels;
  Canvas(int w, int h) : width(w), height(h), pixels(static_cast<size_t>(w) * h, 255) {}
  void Fill(int x0, int y0, int x1, int y1, unsigned char value = 0) {
    for (int y = y0; y < y1; ++y) {
      for (int x = x0; x < x1; ++x) pixels[static_cast<size_t>(y) * width + x] = value;
    }
  }
  GrayImage image() const { return GrayImage{pixels.data(), width, height, width, 72}; }
};

TEST(Ink, StrokeWidthIsTheMeanHorizontalRunOfInk) {
  Canvas c(60, 20);
  c.Fill(2, 2, 4, 18);    // a 2-pixel stem
  c.Fill(10, 2, 12, 18);  // another
  c.Fill(30, 2, 35, 18);  // a 5-pixel stem
  c.Fill(40, 2, 45, 18);
  EXPECT_DOUBLE_EQ(StrokeWidth(c.image(), Box{0, 0, 20, 20}), 2);
  EXPECT_DOUBLE_EQ(StrokeWidth(c.image(), Box{25, 0, 60, 20}), 5);
  EXPECT_DOUBLE_EQ(StrokeWidth(c.image(), Box{15, 0, 25, 20}), 0);   // no ink
  EXPECT_DOUBLE_EQ(StrokeWidth(c.image(), Box{-10, -10, 5, 5}), 2);  // clipped to the image
}

TEST(Ink, FindsASingleSolidMark) {
  Canvas c(40, 20);
  c.Fill(10, 8, 15, 13);  // a 5x5 disc-like square
  c.Fill(30, 2, 31, 3);   // a one-pixel speck of noise
  std::optional<Box> mark = FindMark(c.image(), Box{0, 0, 40, 20}, 2, 10);
  ASSERT_TRUE(mark.has_value());
  EXPECT_EQ(mark->x0, 10);
  EXPECT_EQ(mark->y0, 8);
  EXPECT_EQ(mark->x1, 15);
  EXPECT_EQ(mark->y1, 13);
}

TEST(Ink, RefusesWhatIsNotALoneMark) {
  Canvas empty(40, 20);
  EXPECT_FALSE(FindMark(empty.image(), Box{0, 0, 40, 20}, 2, 10).has_value());

  Canvas two(40, 20);
  two.Fill(5, 8, 10, 13);
  two.Fill(20, 8, 25, 13);
  EXPECT_FALSE(FindMark(two.image(), Box{0, 0, 40, 20}, 2, 10).has_value());

  Canvas rule(40, 20);
  rule.Fill(2, 9, 38, 11);  // a horizontal rule: too wide
  EXPECT_FALSE(FindMark(rule.image(), Box{0, 0, 40, 20}, 2, 10).has_value());

  Canvas ring(40, 20);  // an outline, mostly empty inside: a letter, not a bullet
  ring.Fill(10, 5, 19, 6);
  ring.Fill(10, 13, 19, 14);
  ring.Fill(10, 5, 11, 14);
  ring.Fill(18, 5, 19, 14);
  EXPECT_FALSE(FindMark(ring.image(), Box{0, 0, 40, 20}, 2, 10).has_value());

  Canvas gray(40, 20);
  gray.Fill(10, 8, 15, 13, 200);  // light gray is not ink
  EXPECT_FALSE(FindMark(gray.image(), Box{0, 0, 40, 20}, 2, 10).has_value());
}

}  // namespace
}  // namespace acervo
