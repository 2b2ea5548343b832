// corpora/ rendered by pandoc as DOCX, ODT and HTML (make-fixtures.py) and read back: the
// text matches the markdown pandoc was given (CER under 0.5%) and the same headings, bullets
// and table rows come out. That markdown is the corpora/ file with its pages joined (a flowing
// document has none), which the last test holds to the original. Skips without pandoc.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "cer.h"
#include "load/loader.h"

namespace acervo {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpora = ACERVO_SOURCE_DIR "/corpora";

// The fixtures, made once per test binary; empty when pandoc is missing.
const fs::path& Fixtures() {
  static const fs::path dir = []() -> fs::path {
    fs::path out = fs::temp_directory_path() / ("office_roundtrip_" + std::to_string(::getpid()));
    std::string command = "python3 " ACERVO_SOURCE_DIR "/tests/office/make-fixtures.py " +
                          out.string() + " " + kCorpora.string() + "/*.md";
    int rc = std::system(command.c_str());
    if (rc != 0) return fs::path();
    return out;
  }();
  return dir;
}

struct Outline {
  std::string text;
  std::vector<std::string> headings, bullets, rows;
};

Outline Read(const fs::path& path) {
  Result<Document> doc = LoadDocument(path, LoadOptions());
  EXPECT_TRUE(doc.ok()) << doc.status().message();
  Outline out;
  if (!doc.ok()) return out;
  for (const Page& page : doc->pages) {
    out.text += page.text + "\n";
    for (const Block& b : page.blocks) {
      std::string text = page.text.substr(b.begin, b.end - b.begin);
      if (b.kind == SegmentKind::kHeading) out.headings.push_back(text);
      if (b.kind == SegmentKind::kBullet) out.bullets.push_back(text);
      if (b.kind == SegmentKind::kTableRow) out.rows.push_back(text);
    }
  }
  return out;
}

class PandocRoundTrip : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    if (Fixtures().empty()) GTEST_SKIP() << "pandoc (or python3) not installed";
  }
};

TEST_P(PandocRoundTrip, SameTextAndStructureAsTheMarkdown) {
  std::string format = GetParam();
  int compared = 0;
  for (const fs::directory_entry& e : fs::directory_iterator(kCorpora)) {
    if (e.path().extension() != ".md") continue;
    std::string stem = e.path().stem().string();
    SCOPED_TRACE(stem + "." + format);
    Outline md = Read(Fixtures() / "md" / (stem + ".md"));
    Outline got = Read(Fixtures() / format / (stem + "." + format));
    CerResult cer = CharacterErrorRate(md.text, got.text, {true});
    std::printf("%s.%s: CER %.3f%%\n", stem.c_str(), format.c_str(), 100 * cer.cer());
    EXPECT_LT(cer.cer(), 0.005);
    EXPECT_EQ(got.headings, md.headings);
    EXPECT_EQ(got.bullets, md.bullets);
    EXPECT_EQ(got.rows, md.rows);
    ++compared;
  }
  EXPECT_GE(compared, 5);
}

// The markdown given to pandoc says what the corpora/ file says: joining pages drops only a
// table header repeated at a page top.
TEST(PandocFixtures, TheMarkdownGivenToPandocIsTheSource) {
  if (Fixtures().empty()) GTEST_SKIP() << "pandoc (or python3) not installed";
  for (const fs::directory_entry& e : fs::directory_iterator(kCorpora)) {
    if (e.path().extension() != ".md") continue;
    SCOPED_TRACE(e.path().filename().string());
    Outline original = Read(e.path());
    Outline given = Read(Fixtures() / "md" / e.path().filename());
    EXPECT_LT(CharacterErrorRate(original.text, given.text).cer(), 0.05);  // one header row
    EXPECT_EQ(given.headings, original.headings);
    EXPECT_EQ(given.bullets, original.bullets);
    EXPECT_LE(original.rows.size() - given.rows.size(), 2u);
  }
}

INSTANTIATE_TEST_SUITE_P(Formats, PandocRoundTrip, ::testing::Values("docx", "odt", "html"));

}  // namespace
}  // namespace acervo
