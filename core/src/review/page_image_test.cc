#include "review/page_image.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "load/test_pdf.h"

namespace acervo::review {
namespace {

TEST(RenderPagePng, RendersAPageOfAPdfAsPng) {
  std::filesystem::path pdf = std::filesystem::temp_directory_path() /
                              ("acervo-page-image-" + std::to_string(::getpid()) + ".pdf");
  std::ofstream(pdf, std::ios::binary) << testing_pdf::MakePdf(
      {{{72, 72, "Informe de la reunión de marzo"}}, {{72, 90, "Segunda página"}}});
  auto png = RenderPagePng(pdf, 2, 40);
  ASSERT_TRUE(png.ok()) << png.status().message();
  ASSERT_GT(png->size(), 8u);
  EXPECT_EQ(png->substr(1, 3), "PNG");
  EXPECT_EQ(RenderPagePng(pdf, 3).status().code(), Code::kNotFound);
  std::filesystem::remove(pdf);
  // The original moved away: the UI falls back to text.
  EXPECT_EQ(RenderPagePng(pdf, 1).status().code(), Code::kNotFound);
}

}  // namespace
}  // namespace acervo::review
