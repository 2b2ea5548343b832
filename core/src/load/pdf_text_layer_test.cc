#include "load/pdf_text_layer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "load/test_pdf.h"

namespace acervo {
namespace {

using testing_pdf::AssemblePdf;

std::string Stream(const std::string& dict, const std::string& content) {
  return "<< " + dict + " /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
         "\nendstream";
}

// One US-Letter page (object 3) drawing `content`, with Helvetica as /F1, Helvetica-Bold as
// /F2 and the form XObject `form` (object 6) as /Fm1; `page_extra` goes into the page's
// dictionary, `more` are objects 7 onwards.
std::string OnePage(const std::string& content, const std::string& form = "0 0 m",
                    const std::string& page_extra = "", const std::vector<std::string>& more = {}) {
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << "
      "/Font << /F1 5 0 R /F2 8 0 R >> /XObject << /Fm1 6 0 R >> >> " +
          page_extra + " >>",
      Stream("", content),
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
      Stream("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Matrix [1 0 0 1 0 0]", form),
      "<< >>",  // 7: spare
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
  };
  objects.insert(objects.end(), more.begin(), more.end());
  return AssemblePdf(objects);
}

PdfPageReading ReadOnly(const std::string& pdf) {
  Result<std::unique_ptr<PdfTextLayer>> layer = PdfTextLayer::Open(pdf, {});
  EXPECT_TRUE(layer.ok()) << layer.status().message();
  if (!layer.ok()) return {};
  Result<PdfPageReading> page = (*layer)->Read(0, /*graphics=*/true);
  EXPECT_TRUE(page.ok()) << page.status().message();
  return page.ok() ? *page : PdfPageReading{};
}

TEST(PdfTextLayer, WordsCarryTheirBoxSizeAndWeightFromTheirOwnFont) {
  PdfPageReading page = ReadOnly(OnePage(
      "BT /F2 18 Tf 72 700 Td (Informe anual) Tj ET BT /F1 10 Tf 72 650 Td (de gesti\xF3n) Tj ET"));
  EXPECT_DOUBLE_EQ(page.width, 612);
  EXPECT_DOUBLE_EQ(page.height, 792);
  ASSERT_EQ(page.words.size(), 4u);
  EXPECT_EQ(page.words[0].text, "Informe");
  EXPECT_TRUE(page.words[0].bold);
  EXPECT_DOUBLE_EQ(page.words[0].font_size, 18);
  EXPECT_TRUE(page.words[0].space_after);
  EXPECT_FALSE(page.words[1].space_after);  // the line ends
  EXPECT_EQ(page.words[3].text, "gestión");
  EXPECT_FALSE(page.words[3].bold);
  EXPECT_DOUBLE_EQ(page.words[3].font_size, 10);
  // Points from the top left: the baseline at 792 - 650 = 142.
  EXPECT_NEAR(page.words[2].box.x0, 72, 0.01);
  EXPECT_LT(page.words[2].box.y0, 142);
  EXPECT_GT(page.words[2].box.y1, 140);
}

TEST(PdfTextLayer, PathsOfThePageAndItsFormsAreKeptInTheWordsCoordinates) {
  // A stroked line moved by `cm`, a thin filled rectangle inside a form, a filled disc.
  PdfPageReading page =
      ReadOnly(OnePage("q 1 0 0 1 0 -100 cm 72 600 m 540 600 l S Q /Fm1 Do "
                       "72 400 m 72 405 l 77 405 l 77 400 l f "
                       "100 300 m 100 305 105 305 105 300 c f",
                       "72 500 468 1 re f"));
  ASSERT_EQ(page.graphics.rulings.size(), 2u) << "the line and the thin fill";
  const Ruling& line = page.graphics.rulings[0];
  EXPECT_TRUE(line.horizontal);
  EXPECT_NEAR(line.at, 792 - 500, 0.01);
  EXPECT_NEAR(line.from, 72, 0.01);
  EXPECT_NEAR(line.to, 540, 0.01);
  const Ruling& thin = page.graphics.rulings[1];
  EXPECT_TRUE(thin.horizontal);
  EXPECT_NEAR(thin.at, 792 - 500.5, 0.01);
  // Three fills: the form's rectangle, the square and the curved disc.
  ASSERT_EQ(page.graphics.fills.size(), 3u);
  EXPECT_NEAR(page.graphics.fills[2].x0, 100, 0.01);
  EXPECT_NEAR(page.graphics.fills[2].y0, 792 - 305, 0.01);
}

TEST(PdfTextLayer, AnnotationsGiveTheirTextButNotTheirPaths) {
  std::string appearance = Stream("/Type /XObject /Subtype /Form /BBox [0 0 200 20]",
                                  "2 w 0 10 m 200 10 l S BT /F1 10 Tf 2 4 Td (nota) Tj ET");
  PdfPageReading page =
      ReadOnly(OnePage("BT /F1 10 Tf 72 700 Td (Texto) Tj ET", "0 0 m", "/Annots [9 0 R]",
                       {"<< /Type /Annot /Subtype /Square /Rect [100 500 300 520] /F 4 "
                        "/AP << /N 10 0 R >> >>",
                        appearance}));
  std::vector<std::string> texts;
  for (const Word& w : page.words) texts.push_back(w.text);
  EXPECT_THAT(texts, ::testing::ElementsAre("Texto", "nota"));  // the annotation was drawn
  EXPECT_TRUE(page.graphics.rulings.empty());
  EXPECT_TRUE(page.graphics.fills.empty());
}

TEST(PdfTextLayer, ATurnedPageHasItsPathsTurnedLikeItsWords) {
  PdfPageReading page = ReadOnly(
      OnePage("72 600 m 540 600 l S BT /F1 10 Tf 72 700 Td (Texto) Tj ET", "0 0 m", "/Rotate 90"));
  ASSERT_EQ(page.graphics.rulings.size(), 1u);
  EXPECT_FALSE(page.graphics.rulings[0].horizontal);
  ASSERT_EQ(page.words.size(), 1u);
}

TEST(PdfTextLayer, BrokenAndLockedFilesSayWhy) {
  Result<std::unique_ptr<PdfTextLayer>> broken = PdfTextLayer::Open("%PDF-1.4\ngarbage", {});
  ASSERT_FALSE(broken.ok());
  EXPECT_THAT(broken.status().message(), ::testing::HasSubstr("cannot be parsed"));
  Result<std::unique_ptr<PdfTextLayer>> layer = PdfTextLayer::Open(OnePage(""), {});
  ASSERT_TRUE(layer.ok());
  EXPECT_FALSE((*layer)->Read(1, false).ok());
  EXPECT_EQ((*layer)->password(), "");
}

}  // namespace
}  // namespace acervo
