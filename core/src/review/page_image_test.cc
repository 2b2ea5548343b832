#include "review/page_image.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "load/test_pdf.h"
#include "review/test_png.h"

namespace acervo::review {
namespace {

using testing_png::Decode;
using testing_png::Decoded;

class PageImageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    pdf_ = std::filesystem::temp_directory_path() /
           ("acervo-page-image-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".pdf");
    // US Letter (612 x 792 pt). Page 1: a line near the top and one half-way down, the rest
    // blank; page 2: one line.
    std::ofstream(pdf_, std::ios::binary) << testing_pdf::MakePdf(
        {{{72, 100, "Informe de la reunión de marzo"}, {72, 400, "Taller de datos abiertos"}},
         {{72, 90, "Segunda página"}}});
  }
  void TearDown() override { std::filesystem::remove(pdf_); }
  std::filesystem::path pdf_;
};

TEST_F(PageImageTest, RendersAWholePageOfAPdfAsPng) {
  auto png = RenderPagePng(pdf_, 2, 36);
  ASSERT_TRUE(png.ok()) << png.status().message();
  EXPECT_EQ(png->substr(1, 3), "PNG");
  Decoded d = Decode(*png);
  EXPECT_EQ(d.width, 306);  // 612 pt at 36 dpi
  EXPECT_EQ(d.height, 396);
  EXPECT_GT(d.ink, 0);
  EXPECT_EQ(RenderPagePng(pdf_, 3).status().code(), Code::kNotFound);
  std::filesystem::remove(pdf_);
  // The original moved away: the UI falls back to text.
  EXPECT_EQ(RenderPagePng(pdf_, 1).status().code(), Code::kNotFound);
}

TEST_F(PageImageTest, ARegionRendersOnlyThatRectangleAtTheGivenDpi) {
  // Around the first line (its 11 pt glyphs sit between y 100 and 111): at 144 dpi two
  // pixels a point, so 240 x 35 pt is 480 x 70 pixels, and it holds the line's ink.
  Box line{60, 90, 300, 125};
  auto png = RenderPagePng(pdf_, 1, 144, line);
  ASSERT_TRUE(png.ok()) << png.status().message();
  Decoded d = Decode(*png);
  EXPECT_EQ(d.width, 480);
  EXPECT_EQ(d.height, 70);
  EXPECT_GT(d.ink, 100);
  // The same size of region where the page is blank has no ink: the crop is where it was
  // asked to be, not at the page's corner.
  Decoded blank = Decode(*RenderPagePng(pdf_, 1, 144, Box{60, 200, 300, 235}));
  EXPECT_EQ(blank.width, 480);
  EXPECT_EQ(blank.ink, 0);
  EXPECT_GT(Decode(*RenderPagePng(pdf_, 1, 144, Box{60, 390, 300, 425})).ink, 100);
}

TEST_F(PageImageTest, WithoutARegionOrOffThePageItRendersTheWholePage) {
  Decoded whole = Decode(*RenderPagePng(pdf_, 1, 36, Box{}));
  EXPECT_EQ(whole.width, 306);
  EXPECT_EQ(whole.height, 396);
  // A region running past the page's edge is cut to the page; one wholly off it falls back.
  Decoded cut = Decode(*RenderPagePng(pdf_, 1, 72, Box{500, 700, 700, 900}));
  EXPECT_EQ(cut.width, 112);
  EXPECT_EQ(cut.height, 92);
  Decoded off = Decode(*RenderPagePng(pdf_, 1, 36, Box{700, 900, 800, 1000}));
  EXPECT_EQ(off.width, 306);
}

TEST(PageRegion, PadsAndKeepsTheRegionOnThePage) {
  Box padded = PadRegion(Box{72, 100, 300, 111}, kRegionMargin, 612, 792);
  EXPECT_DOUBLE_EQ(padded.x0, 60);
  EXPECT_DOUBLE_EQ(padded.y0, 88);
  EXPECT_DOUBLE_EQ(padded.x1, 312);
  EXPECT_DOUBLE_EQ(padded.y1, 123);
  Box edge = PadRegion(Box{5, 3, 607, 790}, 12, 612, 792);
  EXPECT_DOUBLE_EQ(edge.x0, 0);
  EXPECT_DOUBLE_EQ(edge.y0, 0);
  EXPECT_DOUBLE_EQ(edge.x1, 612);
  EXPECT_DOUBLE_EQ(edge.y1, 792);
  EXPECT_DOUBLE_EQ(PadRegion(Box{5, 3, 607, 790}, 12, 0, 0).x1, 619);  // page size unknown
  EXPECT_TRUE(PadRegion(Box{}, 12, 612, 792).empty());
}

TEST(PageRegion, DpiKeepsTheCropReadable) {
  EXPECT_EQ(RegionDpi(Box{72, 72, 540, 200}), 154);  // a 468 pt column: ~1000 px across
  EXPECT_EQ(RegionDpi(Box{72, 72, 150, 90}), 220);   // narrow: capped
  EXPECT_EQ(RegionDpi(Box{0, 0, 1224, 792}), 110);   // wide: floored
  EXPECT_EQ(RegionDpi(Box{}), kPageDpi);
  PixelRect r = ToPixels(Box{60.2, 88, 312, 123.1}, 144);
  EXPECT_EQ(r.x, 120);
  EXPECT_EQ(r.y, 176);
  EXPECT_EQ(r.width, 624 - 120);
  EXPECT_EQ(r.height, 247 - 176);
}

}  // namespace
}  // namespace acervo::review
