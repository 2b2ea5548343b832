// The loader on the shared PDF corpus (real reports; ../shared/corpus-pdf with the source
// texts in ../shared/seeds). Skips when the corpus is not there. The full CER table,
// scanned variants included, is tests/loaders/measure-cer.sh (minutes of OCR); this test
// OCRs a single page.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "acervo/text.h"
#include "cer.h"
#include "load/loader.h"

namespace acervo {
namespace {

namespace fs = std::filesystem;

const fs::path kShared = ACERVO_SOURCE_DIR "/../shared";

class Corpus : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    if (!fs::exists(kShared / "corpus-pdf")) GTEST_SKIP() << "no shared corpus";
  }
};

Document Load(const fs::path& path, OcrMode mode) {
  LoadOptions options;
  options.ocr = mode;
  Result<Document> doc = LoadDocument(path, options);
  EXPECT_TRUE(doc.ok()) << doc.status().message();
  return doc.ok() ? std::move(doc.value()) : Document();
}

std::string AllText(const Document& doc) {
  std::string all;
  for (const Page& p : doc.pages) all += p.text + "\n";
  return all;
}

TEST_P(Corpus, BornDigitalTextMatchesTheSourceText) {
  std::string id = GetParam();
  Document pdf = Load(kShared / "corpus-pdf" / (id + ".pdf"), OcrMode::kNever);
  Document seed = Load(kShared / "seeds" / (id + ".txt"), OcrMode::kNever);
  CerResult strict = CharacterErrorRate(AllText(seed), AllText(pdf));
  CerResult lenient = CharacterErrorRate(AllText(seed), AllText(pdf), {true});
  std::printf("%s: CER %.2f%% (%.2f%% with list markers ignored)\n", id.c_str(), 100 * strict.cer(),
              100 * lenient.cer());
  // Drawn list bullets are read as "- " (load/bullets.h), as the seeds write them: the
  // target (under 1%) holds with the markers counted.
  EXPECT_LT(strict.cer(), 0.01);
  EXPECT_LT(lenient.cer(), 0.01);
}

TEST_P(Corpus, RunningHeadersAndPageNumbersAreGone) {
  std::string id = GetParam();
  Document pdf = Load(kShared / "corpus-pdf" / (id + ".pdf"), OcrMode::kNever);
  ASSERT_GE(pdf.pages.size(), 3u);
  // Every page after the cover has its header and number set aside ...
  std::set<std::string> furniture;
  for (size_t p = 1; p < pdf.pages.size(); ++p) {
    EXPECT_FALSE(pdf.pages[p].furniture.empty()) << "page " << p + 1;
    for (const std::string& f : pdf.pages[p].furniture) furniture.insert(f);
  }
  // ... and the running header's text never reaches a page's text as a line of its own.
  for (const std::string& f : furniture) {
    if (f.size() < 20) continue;
    for (const Page& page : pdf.pages) {
      EXPECT_EQ(page.text.find(f + "\n"), std::string::npos) << f;
    }
  }
}

// Title, country and period as the gold annotations state them (gold/ID.json "document").
// The detected title is the start of the gold one: covers often add a subtitle.
TEST_P(Corpus, MetadataMatchesTheGold) {
  std::string id = GetParam();
  std::ifstream in(kShared / "gold" / (id + ".json"));
  if (!in) GTEST_SKIP() << "no gold for " << id;
  nlohmann::json gold = nlohmann::json::parse(in)["document"];
  Document pdf = Load(kShared / "corpus-pdf" / (id + ".pdf"), OcrMode::kNever);
  EXPECT_EQ(pdf.info.country, gold["country"].get<std::string>());
  EXPECT_EQ(pdf.info.period.start, gold["period"]["start"].get<std::string>());
  EXPECT_EQ(pdf.info.period.end, gold["period"]["end"].get<std::string>());
  std::string title = Fold(pdf.info.title);
  EXPECT_GE(title.size(), 20u) << pdf.info.title;
  EXPECT_EQ(Fold(gold["title"].get<std::string>()).rfind(title, 0), 0u) << pdf.info.title;
}

INSTANTIATE_TEST_SUITE_P(Shared, Corpus,
                         ::testing::Values("000_73b68c31c64df112", "002_1b513e6399524c08",
                                           "004_bd11ee5f1c02b3bf"));

TEST(CorpusTables, TablesComeOutAsTabSeparatedRowsWithCaptions) {
  fs::path pdf = kShared / "corpus-pdf" / "004_bd11ee5f1c02b3bf.pdf";
  if (!fs::exists(pdf)) GTEST_SKIP() << "no shared corpus";
  Document doc = Load(pdf, OcrMode::kNever);
  int rows = 0, captioned = 0;
  for (const Page& page : doc.pages) {
    for (const Block& b : page.blocks) rows += b.kind == SegmentKind::kTableRow;
  }
  for (const Table& t : doc.tables) {
    captioned += !t.caption.empty() && t.caption[0].rfind("CUADRO", 0) == 0;
  }
  EXPECT_GT(rows, 40);
  EXPECT_GE(captioned, 8);
}

TEST(CorpusMixed, TextPagesEqualTheBornDigitalOnes) {
  fs::path dir = kShared / "corpus-pdf";
  if (!fs::exists(dir / "000_73b68c31c64df112.mixed.pdf")) GTEST_SKIP() << "no shared corpus";
  // OCR off: the scanned pages are left empty with a warning, the text pages must not change.
  Document text = Load(dir / "000_73b68c31c64df112.pdf", OcrMode::kNever);
  Document mixed = Load(dir / "000_73b68c31c64df112.mixed.pdf", OcrMode::kNever);
  // A paragraph that runs over a page break is joined onto the page where it starts
  // (page_break.h): beside a scanned page, left empty here, the born-digital page may hold
  // the start of the next page's paragraph, or the mixed page the end of the previous one's.
  ASSERT_EQ(text.pages.size(), mixed.pages.size());
  auto scanned = [](size_t p) { return (p + 1) % 3 == 0; };  // MANIFEST.tsv: pages 3, 6, 9, ...
  for (size_t p = 0; p < text.pages.size(); ++p) {
    const std::string& m = mixed.pages[p].text;
    const std::string& t = text.pages[p].text;
    if (scanned(p)) {
      EXPECT_TRUE(m.empty());
      EXPECT_FALSE(mixed.pages[p].warnings.empty());
    } else if (p + 1 < text.pages.size() && scanned(p + 1) && m != t) {
      EXPECT_EQ(t.substr(0, m.size()), m) << "page " << p + 1;
    } else if (p > 0 && scanned(p - 1) && m != t) {
      EXPECT_TRUE(m.size() >= t.size() && m.compare(m.size() - t.size(), t.size(), t) == 0)
          << "page " << p + 1;
    } else {
      EXPECT_EQ(m, t) << "page " << p + 1;
    }
  }
}

TEST(CorpusScan, OnePageOfOcr) {
  fs::path dir = kShared / "corpus-pdf";
  if (!fs::exists(dir / "002_1b513e6399524c08.scan.pdf")) GTEST_SKIP() << "no shared corpus";
  Document text = Load(dir / "002_1b513e6399524c08.pdf", OcrMode::kNever);
  Document scan = Load(dir / "002_1b513e6399524c08.scan.pdf", OcrMode::kAuto);
  ASSERT_EQ(scan.pages.size(), text.pages.size());
  EXPECT_TRUE(scan.pages[0].ocr);
  double cer = CharacterErrorRate(AllText(text), AllText(scan)).cer();
  std::printf("002 scanned: CER %.2f%% against the born-digital PDF\n", 100 * cer);
  EXPECT_LT(cer, 0.05);
}

}  // namespace
}  // namespace acervo
