// The currency cases of Microsoft Recognizers-Text's own Spanish tests, as a second,
// independent benchmark (shared/external/recognizers-text-es/CurrencyModel.json).
//
// In scope: every case with at least one expected result whose value is a number in a
// currency unit, not a subunit (Centavo, Penique): 112 of the 122 cases. Results with no
// value or in a subunit are dropped from the expectation. A case passes when acervo's
// mentions, as (value, currency) pairs, are exactly its in-scope results: values compared
// in canonical form ("5.00" = "5", "2,75" = "2.75"), currency compared where the unit names
// one ISO code. The sentences are American news, so the document country is "US" (a bare
// "$" is USD). Recognizers-Text itself passes 0.81 of these; acervo must do better.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "acervo/decimal.h"
#include "acervo/testing.h"
#include "es_amount.h"

namespace acervo::amount {
namespace {

const char kSuite[] =
    ACERVO_SOURCE_DIR "/../shared/external/recognizers-text-es/CurrencyModel.json";
const char kUnits[] = ACERVO_SOURCE_DIR "/plugins/es-amount/testdata/recognizers_units.tsv";

std::map<std::string, std::string> ReadUnits() {
  std::map<std::string, std::string> units;
  std::ifstream in(kUnits);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    units[line.substr(0, tab)] = line.substr(tab + 1);
  }
  return units;
}

struct Pair {
  std::string value, currency;  // currency "-": any
  bool operator<(const Pair& o) const {
    return value < o.value || (value == o.value && currency < o.currency);
  }
};

bool Matches(const Pair& expected, const Pair& got) {
  return expected.value == got.value &&
         (expected.currency == "-" || expected.currency == got.currency);
}

TEST(ExternalSuite, RecognizersTextSpanishCurrencyCases) {
  std::ifstream in(kSuite);
  if (!in) GTEST_SKIP() << "no " << kSuite;
  nlohmann::json cases = nlohmann::json::parse(in);
  std::map<std::string, std::string> units = ReadUnits();
  ASSERT_FALSE(units.empty()) << kUnits;

  testing::Harness h(std::make_unique<AmountExtractor>(), ACERVO_PLUGIN_SOURCE_DATA_DIR);
  DocumentContext doc;
  doc.country = "US";
  int in_scope = 0, passed = 0;
  for (const auto& c : cases) {
    std::vector<Pair> expected;
    for (const auto& r : c["Results"]) {
      const auto& res = r["Resolution"];
      if (!res.contains("value") || res["value"].is_null()) continue;
      auto unit = units.find(res.value("unit", ""));
      if (unit == units.end()) continue;  // a subunit
      expected.push_back({CanonicalAmount(res["value"].get<std::string>()), unit->second});
    }
    if (expected.empty()) continue;
    ++in_scope;
    std::string input = c["Input"];
    std::vector<Pair> got;
    for (const Mention& m : h.Extract(input, doc)) {
      got.push_back({CanonicalAmount(m.value["amount"].get<std::string>()),
                     m.value["currency"].is_null() ? "" : m.value["currency"].get<std::string>()});
    }
    bool ok = got.size() == expected.size();
    std::vector<bool> used(got.size());
    for (const Pair& e : expected) {
      bool found = false;
      for (size_t i = 0; ok && i < got.size() && !found; ++i) {
        if (!used[i] && Matches(e, got[i])) used[i] = found = true;
      }
      ok = ok && found;
    }
    if (ok) {
      ++passed;
    } else {
      std::ostringstream g;
      for (const Pair& p : got) g << " " << p.value << " " << p.currency << ";";
      std::cout << "[ fails ] " << input << "\n          got:" << g.str() << "\n";
    }
  }
  double rate = in_scope ? static_cast<double>(passed) / in_scope : 0;
  std::cout << "Recognizers-Text Spanish currency cases: " << passed << "/" << in_scope
            << " passed (" << rate << "); Recognizers-Text itself: 0.81\n";
  EXPECT_EQ(in_scope, 112);
  EXPECT_GT(rate, 0.81);
}

}  // namespace
}  // namespace acervo::amount
