// The amounts of the hand-annotated seed reports (shared/gold) found in their texts
// (shared/seeds), line by line: a regression guard for the target, F1 >= 0.97 on
// (value, currency). Skipped where shared/ is absent. The full pipeline's figure comes from
// `acervo eval` (docs/recognizers/amounts.md).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "acervo/decimal.h"
#include "acervo/testing.h"
#include "es_amount.h"

namespace acervo::amount {
namespace {

namespace fs = std::filesystem;

const char kShared[] = ACERVO_SOURCE_DIR "/../shared";

using Key = std::pair<std::string, std::string>;  // canonical amount, currency ("" for null)

Key KeyOf(const nlohmann::json& value) {
  return {CanonicalAmount(value["amount"].get<std::string>()),
          value["currency"].is_null() ? "" : value["currency"].get<std::string>()};
}

TEST(SeedGold, AmountsOfTheSeedReports) {
  fs::path gold_dir = fs::path(kShared) / "gold", seeds = fs::path(kShared) / "seeds";
  if (!fs::exists(gold_dir)) GTEST_SKIP() << "no " << gold_dir;
  testing::Harness h(std::make_unique<AmountExtractor>(), ACERVO_PLUGIN_SOURCE_DATA_DIR);
  int tp = 0, fp = 0, fn = 0;
  for (const auto& entry : fs::directory_iterator(gold_dir)) {
    std::ifstream gin(entry.path());
    nlohmann::json gold = nlohmann::json::parse(gin);
    std::ifstream tin(seeds / gold["doc"].get<std::string>());
    ASSERT_TRUE(tin) << gold["doc"];
    DocumentContext doc;
    doc.country = gold["document"].value("country", "");

    std::map<Key, int> expected;
    for (const auto& m : gold["mentions"]) {
      if (m["type"] == "amount") ++expected[KeyOf(m["value"])];
    }
    std::vector<testing::Passage> lines;
    std::string line;
    while (std::getline(tin, line)) {
      testing::Passage p;
      p.text = line;
      lines.push_back(std::move(p));
    }
    for (const auto& mentions : h.ExtractSegments(lines, doc)) {
      for (const Mention& m : mentions) {
        auto it = expected.find(KeyOf(m.value));
        if (it != expected.end() && it->second > 0) {
          --it->second;
          ++tp;
        } else {
          ++fp;
          ADD_FAILURE() << entry.path().filename() << ": unexpected " << m.value.dump();
        }
      }
    }
    for (const auto& [key, n] : expected) {
      fn += n;
      if (n > 0)
        ADD_FAILURE() << entry.path().filename() << ": missed " << key.first << " " << key.second;
    }
  }
  double p = tp + fp ? static_cast<double>(tp) / (tp + fp) : 0;
  double r = tp + fn ? static_cast<double>(tp) / (tp + fn) : 0;
  double f1 = p + r ? 2 * p * r / (p + r) : 0;
  std::cout << "seed gold amounts: tp=" << tp << " fp=" << fp << " fn=" << fn << " F1=" << f1
            << "\n";
  EXPECT_GE(f1, 0.97);
}

}  // namespace
}  // namespace acervo::amount
