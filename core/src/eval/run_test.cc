#include "eval/run.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "eval/report.h"
#include "records/test_record.h"

namespace acervo::eval {
namespace {

namespace fs = std::filesystem;

PlacedMention DateAt(int page, size_t byte) {
  PlacedMention m;
  m.type = "date";
  m.text = "mayo";
  m.value = {{"start", "2021-05"}, {"end", "2021-05"}};
  m.page = page;
  m.byte_start = byte;
  m.byte_end = byte + 4;
  return m;
}

TEST(ContractJsonWithLines, CountsLinesFromTheBlockOrThePage) {
  Extraction x;
  Page text_page;
  text_page.text = "Informe\nEn mayo hubo\nun foro en mayo";
  text_page.first_line = 10;
  Block b;
  b.begin = 8;
  b.end = text_page.text.size();
  b.line = 30;  // the loader dropped lines before this block
  text_page.blocks.push_back(b);
  Page pdf_page;
  pdf_page.number = 2;
  pdf_page.text = "mayo";
  x.document.pages = {text_page, pdf_page};
  x.mentions = {DateAt(1, 11), DateAt(1, 31), DateAt(2, 0)};
  x.records = {test::RecordOf({{"anchor", "un foro"}, {"page_start", 1}}),
               test::RecordOf({{"anchor", "nada"}, {"page_start", 1}})};

  nlohmann::json j = ContractJsonWithLines(x);
  EXPECT_EQ(j["mentions"][0]["line"], 30);
  EXPECT_EQ(j["mentions"][1]["line"], 31);
  EXPECT_FALSE(j["mentions"][2].contains("line"));  // PDF pages have no lines
  EXPECT_EQ(j["records"][0]["line"], 31);
  EXPECT_FALSE(j["records"][1].contains("line"));
}

// The project's own gold for its corpora/ samples, scored with thresholds so that a change
// that makes extraction worse fails the suite. Layout: corpora/STEM.{txt,md,pdf} sources,
// corpora/gold/STEM.json gold, corpora/thresholds.json {"dates": 0.9, ..., "record_kind": 0.7}
// (minimum micro-averaged F1 per category, or accuracy for record_kind). $ACERVO_CORPORA
// names another folder of the same layout.
TEST(Corpora, ScoresStayAboveThresholds) {
  const char* env = std::getenv("ACERVO_CORPORA");
  fs::path corpora = env && *env ? fs::path(env) : fs::path(ACERVO_SOURCE_DIR "/corpora");
  if (!fs::exists(corpora / "thresholds.json"))
    GTEST_SKIP() << "no " << corpora / "thresholds.json";
  nlohmann::json thresholds = nlohmann::json::parse(std::ifstream(corpora / "thresholds.json"));
  ASSERT_TRUE(thresholds.is_object());
  Result<std::vector<DocAnnotations>> gold = ReadGoldPath(corpora / "gold");
  ASSERT_TRUE(gold.ok()) << gold.status().message();

  // The loader finds its language data beside the binary; this test binary is elsewhere.
  setenv("ACERVO_LOADER_DATA", ACERVO_SOURCE_DIR "/core/data/loader", /*overwrite=*/0);
  EngineOptions options;
  options.pipeline = ACERVO_SOURCE_DIR "/pipelines/default.yaml";
  options.plugin_dirs = {ACERVO_BUILD_PLUGIN_DIR};
  Result<std::unique_ptr<Engine>> engine = Engine::Open(options);
  ASSERT_TRUE(engine.ok()) << engine.status().message() << " (build the plugins first)";
  EvalReport report;
  Result<std::vector<DocAnnotations>> preds =
      ExtractForGold(**engine, *gold, corpora, Variant::kText, {}, &report.warnings);
  ASSERT_TRUE(preds.ok()) << preds.status().message();
  ASSERT_EQ(preds->size(), gold->size()) << "every gold document needs its source in corpora/";
  for (size_t i = 0; i < gold->size(); ++i) {
    report.documents.push_back(ScoreDocument((*gold)[i], (*preds)[i]));
  }
  Summarize(&report);

  std::ostringstream table;
  PrintTable(report, table);
  for (const auto& [name, min] : thresholds.items()) {
    std::optional<double> got;
    Category c;
    if (name == "record_kind") {
      got = report.micro.kind.value();
    } else {
      ASSERT_TRUE(ParseCategory(name, &c)) << "thresholds.json: unknown category " << name;
      got = report.micro[c].f1();
    }
    ASSERT_TRUE(got.has_value()) << name << ": nothing to score\n" << table.str();
    EXPECT_GE(*got, min.get<double>()) << name << " fell under its threshold\n" << table.str();
  }
}

}  // namespace
}  // namespace acervo::eval
