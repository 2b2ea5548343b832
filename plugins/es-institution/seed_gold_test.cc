// Document-level scores against the hand-annotated seeds in /work/shared (skipped when the
// shared folder is not there). Each line of a seed text is one passage; the distinct
// institutions found in the whole document are compared with the gold `institutions` list:
// a prediction matches a gold entry when its name or acronym equals the gold name, acronym
// or one of its aliases, case- and accent-insensitively.
//
// Two more check that no predicted institution is, or starts with, one of the persons the
// seeds name (testdata/seed_persons.txt), nor contains one our corpora name
// (testdata/corpora_persons.txt, over corpora/institutions/).
//
// Set ES_INSTITUTION_REPORT=1 to print every miss and every false positive.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "acervo/testing.h"
#include "acervo/text.h"
#include "gtest/gtest.h"
#include "institution_extractor.h"

namespace acervo::institution {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<testing::Passage> Passages(const std::string& text) {
  std::vector<testing::Passage> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    testing::Passage p{line};
    if (line[0] == '#') p.kind = SegmentKind::kHeading;
    if (line.find('\t') != std::string::npos) p.kind = SegmentKind::kTableRow;
    out.push_back(std::move(p));
  }
  return out;
}

struct Score {
  int predicted = 0, predicted_ok = 0, gold = 0, gold_found = 0;
  double Precision() const { return predicted ? 1.0 * predicted_ok / predicted : 0; }
  double Recall() const { return gold ? 1.0 * gold_found / gold : 0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

TEST(SeedGold, DocumentLevelInstitutions) {
  fs::path shared = fs::path(ACERVO_SOURCE_DIR) / ".." / "shared";
  if (!fs::exists(shared / "gold")) GTEST_SKIP() << "no " << shared;
  bool report = std::getenv("ES_INSTITUTION_REPORT") != nullptr;
  testing::Harness h(std::make_unique<InstitutionExtractor>(), ACERVO_PLUGIN_SOURCE_DATA_DIR);

  Score total;
  std::vector<fs::path> golds;
  for (const auto& e : fs::directory_iterator(shared / "gold")) {
    if (e.path().extension() == ".json") golds.push_back(e.path());
  }
  std::sort(golds.begin(), golds.end());
  for (const fs::path& gold_path : golds) {
    nlohmann::json gold = nlohmann::json::parse(ReadAll(gold_path));
    std::string text = ReadAll(shared / "seeds" / gold["doc"].get<std::string>());
    std::vector<testing::Passage> passages = Passages(text);
    DocumentContext context;
    context.country = gold["document"].value("country", "");
    auto found = h.ExtractSegments(passages, context);

    std::map<std::string, nlohmann::json> predicted;  // by id
    for (const auto& mentions : found) {
      for (const Mention& m : mentions) predicted.emplace(m.value["id"], m.value);
    }
    std::vector<std::set<std::string>> spellings;
    for (const auto& g : gold["institutions"]) {
      std::set<std::string> s = {Fold(g["name"].get<std::string>())};
      if (g["acronym"].is_string()) s.insert(Fold(g["acronym"].get<std::string>()));
      for (const auto& a : g.value("aliases", nlohmann::json::array()))
        s.insert(Fold(a.get<std::string>()));
      spellings.push_back(std::move(s));
    }
    auto matches = [](const nlohmann::json& v, const std::set<std::string>& s) {
      return s.count(Fold(v["name"].get<std::string>())) ||
             (v["acronym"].is_string() && s.count(Fold(v["acronym"].get<std::string>())));
    };
    Score doc;
    doc.predicted = static_cast<int>(predicted.size());
    doc.gold = static_cast<int>(spellings.size());
    for (const auto& entry : predicted) {
      const nlohmann::json& v = entry.second;  // a lambda may not capture a binding (clang 14)
      bool ok = std::any_of(spellings.begin(), spellings.end(),
                            [&](const auto& s) { return matches(v, s); });
      doc.predicted_ok += ok;
      if (!ok && report) std::cout << "  FP " << v.dump() << "\n";
    }
    for (size_t i = 0; i < spellings.size(); ++i) {
      bool ok = std::any_of(predicted.begin(), predicted.end(),
                            [&](const auto& p) { return matches(p.second, spellings[i]); });
      doc.gold_found += ok;
      if (!ok && report) std::cout << "  FN " << gold["institutions"][i]["name"] << "\n";
    }
    std::printf("%s: P=%.3f (%d/%d) R=%.3f (%d/%d) F1=%.3f\n", gold_path.filename().c_str(),
                doc.Precision(), doc.predicted_ok, doc.predicted, doc.Recall(), doc.gold_found,
                doc.gold, doc.F1());
    total.predicted += doc.predicted;
    total.predicted_ok += doc.predicted_ok;
    total.gold += doc.gold;
    total.gold_found += doc.gold_found;
  }
  std::printf("all (micro): P=%.3f R=%.3f F1=%.3f\n", total.Precision(), total.Recall(),
              total.F1());
  // The target of the issue (measured 0.873 with this scorer, which matches many-to-one;
  // `acervo eval`, one-to-one, gives 0.918), so a regression fails the build.
  EXPECT_GE(total.F1(), 0.85);
}

// Expects no institution found in the documents of `dir` (files ending in `extension`) to
// start with (or, when `anywhere`, to contain) a person of the list `persons_file`.
void ExpectNoPersons(const fs::path& dir, const std::string& extension,
                     const std::string& persons_file, bool anywhere) {
  std::vector<std::string> persons;
  std::istringstream list(
      ReadAll(fs::path(ACERVO_PLUGIN_SOURCE_DATA_DIR) / ".." / "testdata" / persons_file));
  for (std::string line; std::getline(list, line);) {
    if (!line.empty() && line[0] != '#') persons.push_back(Fold(line));
  }
  ASSERT_FALSE(persons.empty());
  testing::Harness h(std::make_unique<InstitutionExtractor>(), ACERVO_PLUGIN_SOURCE_DATA_DIR);
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != extension) continue;
    for (const auto& mentions : h.ExtractSegments(Passages(ReadAll(e.path())), {})) {
      for (const Mention& m : mentions) {
        std::string name = Fold(m.value["name"].get<std::string>());
        for (const std::string& person : persons) {
          size_t at = name.find(person);
          EXPECT_TRUE(at == std::string::npos || (!anywhere && at > 0))
              << e.path().filename() << ": " << m.value.dump() << " names " << person;
        }
      }
    }
  }
}

TEST(SeedGold, NoPersonsAmongInstitutions) {
  fs::path shared = fs::path(ACERVO_SOURCE_DIR) / ".." / "shared";
  if (!fs::exists(shared / "seeds")) GTEST_SKIP() << "no " << shared;
  // "Escuela Primaria Alfonso Herrera" is named after a person, and is a school.
  ExpectNoPersons(shared / "seeds", ".txt", "seed_persons.txt", false);
}

// Our own institution samples (corpora/institutions/): authors of a bibliography, officials quoted
// in a press digest, signers of a budget; no body there is named after any of them.
TEST(CorporaPersons, NoPersonsAmongInstitutions) {
  ExpectNoPersons(fs::path(ACERVO_SOURCE_DIR) / "corpora" / "institutions", ".md",
                  "corpora_persons.txt", true);
}

}  // namespace
}  // namespace acervo::institution
