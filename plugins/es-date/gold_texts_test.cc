// Every date a hand-made gold file annotates in real documents (corpora/real-world) reads,
// on its own text, as the value the gold gives: the forms of real acts and reports, kept
// as a regression check. The files are in the repository; the scanned sources they describe
// (../shared/real-world) are not needed here. Skips when the folder is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "acervo/testing.h"
#include "es_date.h"

namespace acervo::es_date {
namespace {

namespace fs = std::filesystem;

TEST(GoldTexts, RealWorldDatesReadAsTheirGoldValues) {
  const fs::path dir = fs::path(ACERVO_SOURCE_DIR) / "corpora" / "real-world";
  if (!fs::exists(dir)) GTEST_SKIP() << dir << " not found";
  testing::Harness h(std::make_unique<EsDateExtractor>(), ACERVO_PLUGIN_SOURCE_DATA_DIR);
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    nlohmann::json gold = nlohmann::json::parse(std::ifstream(entry.path()));
    DocumentContext doc;
    doc.period_start = gold["document"]["period"].value("start", "");
    doc.period_end = gold["document"]["period"].value("end", "");
    for (const auto& m : gold["mentions"]) {
      if (m["type"] != "date") continue;
      const std::string text = m["text"];
      std::vector<Mention> got = h.Extract(text, doc);
      ASSERT_EQ(got.size(), 1u) << entry.path().filename() << ": " << text;
      EXPECT_EQ(got[0].value["start"], m["value"]["start"]) << text;
      EXPECT_EQ(got[0].value["end"], m["value"]["end"]) << text;
      ++checked;
    }
  }
  EXPECT_GT(checked, 0);
}

}  // namespace
}  // namespace acervo::es_date
