// Page scans kept as images (load/image_loader.h) read as their scanned PDF is: a small
// scanned report of ../shared/corpus-pdf (its first two pages, cut with qpdf) against a
// multi-page TIFF of the same pages rendered by pdftoppm at the PDF's 200 ppi, gray (LZW,
// joined by tiffcp) and bitonal (thresholded as a bitonal scanner does, CCITT G4, by
// ImageMagick); a PNG of one page, and a G4 TIFF with a broken page. Skips when the corpus
// or the tools (poppler-utils, qpdf, libtiff-tools, imagemagick) are missing. About 25 s
// with OMP_THREAD_LIMIT=1: Tesseract reads nine pages.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cer.h"
#include "load/loader.h"

namespace acervo {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const char kScan[] = ACERVO_SOURCE_DIR "/../shared/corpus-pdf/002_1b513e6399524c08.scan.pdf";

std::string AllText(const Document& doc) {
  std::string all;
  for (const Page& p : doc.pages) all += p.text + "\f";
  return all;
}

std::string ReadAll(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

uint32_t Get(const std::string& b, size_t at, int size) {
  uint32_t v = 0;
  for (int i = size - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
  return v;
}

// Points every strip of page `page` (0-based) of a little-endian TIFF past the file's end,
// as a truncated or overwritten archive copy would: that page cannot be decoded.
void BreakTiffPage(const fs::path& file, int page) {
  std::string b = ReadAll(file);
  ASSERT_EQ(b.substr(0, 2), "II");
  size_t ifd = Get(b, 4, 4);
  for (int p = 0; p < page; ++p) ifd = Get(b, ifd + 2 + 12 * Get(b, ifd, 2), 4);
  for (uint32_t e = 0, n = Get(b, ifd, 2); e < n; ++e) {
    size_t entry = ifd + 2 + 12 * e;
    if (Get(b, entry, 2) != 273) continue;  // StripOffsets
    uint32_t type = Get(b, entry + 2, 2), count = Get(b, entry + 4, 4);
    int size = type == 3 ? 2 : 4;
    size_t values = count * size <= 4 ? entry + 8 : Get(b, entry + 8, 4);
    for (uint32_t i = 0; i < count; ++i) {
      for (int k = 0; k < size; ++k) b[values + i * size + k] = static_cast<char>(0xF0);
    }
  }
  std::ofstream(file, std::ios::binary) << b;
}

class Images : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("acervo-images-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    if (!fs::exists(kScan)) GTEST_SKIP() << "no " << kScan;
    // Both PDF pages as 200 ppi gray TIFFs, g-1.tif and g-2.tif, as every test needs them.
    if (!Make(std::string("pdftoppm -r 200 -gray -tiff -tiffcompression lzw -f 1 -l 2 ") + kScan +
              " g")) {
      GTEST_SKIP() << "poppler-utils missing (tools/setup)";
    }
  }
  void TearDown() override { fs::remove_all(dir_); }
  // Runs `cmd` in the test's folder; false when it fails (a tool missing).
  bool Make(const std::string& cmd) {
    return std::system(("cd " + dir_.string() + " && " + cmd + " >/dev/null 2>&1").c_str()) == 0;
  }
  Document Load(const std::string& name) {
    Result<Document> doc = LoadDocument(dir_ / name, LoadOptions());
    EXPECT_TRUE(doc.ok()) << doc.status().message();
    return doc.ok() ? std::move(doc.value()) : Document();
  }
  fs::path dir_;
};

int Count(const Document& d, SegmentKind kind) {
  int n = 0;
  for (const Page& p : d.pages) {
    for (const Block& b : p.blocks) n += b.kind == kind;
  }
  return n;
}

TEST_F(Images, AMultiPageTiffReadsAsItsScannedPdf) {
  std::string scan = kScan;
  if (!Make("qpdf " + scan + " --pages " + scan + " 1-2 -- scan.pdf") ||
      !Make("tiffcp g-1.tif g-2.tif gray.tif") ||
      !Make("convert g-1.tif g-2.tif -threshold 55% -compress Group4 g4.tif")) {
    GTEST_SKIP() << "qpdf, libtiff-tools or imagemagick missing (tools/setup)";
  }
  Document pdf = Load("scan.pdf");
  Document tiff = Load("gray.tif");
  ASSERT_EQ(tiff.pages.size(), 2u);
  EXPECT_EQ(tiff.info.media_type, "image/tiff");
  EXPECT_TRUE(tiff.pages[0].ocr);
  EXPECT_FALSE(tiff.pages[1].ocr_confidence.empty());
  EXPECT_NEAR(tiff.pages[0].width, pdf.pages[0].width, 1);
  EXPECT_LT(CharacterErrorRate(AllText(pdf), AllText(tiff)).cer(), 0.005) << AllText(tiff);
  // The same structure: as many headings and table rows.
  EXPECT_EQ(Count(tiff, SegmentKind::kHeading), Count(pdf, SegmentKind::kHeading));
  EXPECT_EQ(Count(tiff, SegmentKind::kTableRow), Count(pdf, SegmentKind::kTableRow));

  // Bitonal CCITT G4, the usual archival master: the same text, give or take a few letters.
  Document g4 = Load("g4.tif");
  ASSERT_EQ(g4.pages.size(), 2u);
  EXPECT_LT(CharacterErrorRate(AllText(pdf), AllText(g4)).cer(), 0.05) << AllText(g4);
}

TEST_F(Images, ABrokenTiffPageIsLeftEmptyWithAWarning) {
  if (!Make("convert g-1.tif -threshold 55% -compress Group4 p.tif") ||
      !Make("tiffcp -c g4 -r 100000 p.tif p.tif p.tif broken.tif")) {
    GTEST_SKIP() << "libtiff-tools or imagemagick missing (tools/setup)";
  }
  BreakTiffPage(dir_ / "broken.tif", 1);
  Document doc = Load("broken.tif");
  ASSERT_EQ(doc.pages.size(), 3u);
  EXPECT_FALSE(doc.pages[0].text.empty());
  EXPECT_TRUE(doc.pages[1].text.empty());
  ASSERT_FALSE(doc.pages[1].warnings.empty());
  EXPECT_THAT(doc.pages[1].warnings[0], HasSubstr("page 2 of the TIFF cannot be decoded"));
  EXPECT_FALSE(doc.pages[2].text.empty());
}

TEST_F(Images, APngIsOnePageReadByOcr) {
  if (!Make("convert g-2.tif page.png")) GTEST_SKIP() << "imagemagick missing (tools/setup)";
  Document png = Load("page.png");
  ASSERT_EQ(png.pages.size(), 1u);
  EXPECT_EQ(png.info.media_type, "image/png");
  EXPECT_TRUE(png.pages[0].ocr);
  // With OCR disabled there is nothing to read: an error, not an empty success.
  LoadOptions never;
  never.ocr = OcrMode::kNever;
  Result<Document> none = LoadDocument(dir_ / "page.png", never);
  ASSERT_FALSE(none.ok());
  EXPECT_THAT(none.status().message(), HasSubstr("OCR disabled"));
}

}  // namespace
}  // namespace acervo
