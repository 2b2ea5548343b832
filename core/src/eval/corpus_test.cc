#include "eval/corpus.h"

#include <gtest/gtest.h>

#include <fstream>

namespace acervo::eval {
namespace {

namespace fs = std::filesystem;

class CorpusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("acervo_eval_corpus_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Write(const std::string& name, const std::string& content) {
    std::ofstream(dir_ / name) << content;
  }

  fs::path dir_;
};

TEST_F(CorpusTest, FindsTheRequestedVariant) {
  Write("007_a.pdf", "%PDF-");
  Write("007_a.scan.pdf", "%PDF-");
  Write("008_b.txt", "texto");
  Write("008_b.pdf", "%PDF-");
  EXPECT_EQ(FindSource(dir_, "007_a", Variant::kText), dir_ / "007_a.pdf");
  EXPECT_EQ(FindSource(dir_, "007_a", Variant::kScan), dir_ / "007_a.scan.pdf");
  EXPECT_FALSE(FindSource(dir_, "007_a", Variant::kMixed).has_value());
  EXPECT_EQ(FindSource(dir_, "008_b", Variant::kText), dir_ / "008_b.txt");
  EXPECT_FALSE(FindSource(dir_, "009_c", Variant::kText).has_value());
  Variant v;
  EXPECT_TRUE(ParseVariant("mixed", &v));
  EXPECT_EQ(v, Variant::kMixed);
  EXPECT_FALSE(ParseVariant("ocr", &v));
}

TEST_F(CorpusTest, ReadsPredictionsAsObjectArrayOrLines) {
  Write("one.json", R"({"document": {"source": "x/001_a.txt"}, "mentions": []})");
  Write("many.json",
        R"([{"document": {"source": "002_b.pdf"}}, {"document": {"source": "003_c.pdf"}}])");
  Write("lines.json",
        "{\"document\": {\"source\": \"004_d.txt\"}}\n\n{\"document\": {\"source\": "
        "\"005_e.txt\"}}\n");
  Result<std::vector<DocAnnotations>> preds = ReadPredictionPath(dir_);
  ASSERT_TRUE(preds.ok()) << preds.status().message();
  std::vector<std::string> stems;
  for (const DocAnnotations& p : *preds) stems.push_back(p.stem);
  EXPECT_EQ(stems, (std::vector<std::string>{"004_d", "005_e", "002_b", "003_c", "001_a"}));
}

TEST_F(CorpusTest, ErrorsNameTheFile) {
  Write("bad.json", "{not json");
  Result<std::vector<DocAnnotations>> preds = ReadPredictionPath(dir_ / "bad.json");
  ASSERT_FALSE(preds.ok());
  EXPECT_NE(preds.status().message().find("bad.json"), std::string::npos);
  Result<std::vector<DocAnnotations>> gold = ReadGoldPath(dir_ / "missing");
  ASSERT_FALSE(gold.ok());
  EXPECT_EQ(gold.status().code(), Code::kNotFound);
}

TEST(SharedGold, EveryFileReads) {
  fs::path shared = ACERVO_SOURCE_DIR "/../shared/gold";
  if (!fs::exists(shared)) GTEST_SKIP() << "no " << shared;
  Result<std::vector<DocAnnotations>> gold = ReadGoldPath(shared);
  ASSERT_TRUE(gold.ok()) << gold.status().message();
  for (const DocAnnotations& g : *gold) {
    EXPECT_FALSE(g.stem.empty());
    EXPECT_FALSE(g.dates.empty() && g.amounts.empty() && g.ods.empty()) << g.stem;
    EXPECT_FALSE(g.institutions.empty()) << g.stem;
  }
}

}  // namespace
}  // namespace acervo::eval
