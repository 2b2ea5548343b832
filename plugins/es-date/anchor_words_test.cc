// Tests of the hand-written readers that stand for regular expressions in the grammar:
// AnchorWords must find each anchor where the anchor's expression does, and
// Grammar::FindYearMentions the years its year phrase reads.
#include "anchor_words.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "acervo/text.h"
#include "grammar.h"

namespace acervo::es_date {
namespace {

namespace fs = std::filesystem;

Vocabulary LoadVocabulary() {
  auto vocabulary = Vocabulary::Load(ACERVO_PLUGIN_SOURCE_DATA_DIR);
  EXPECT_TRUE(vocabulary.ok()) << vocabulary.status().message();
  return std::move(vocabulary).value();
}

// Folded passages: edge cases, then every paragraph of the sample documents in corpora/.
std::vector<std::string> Passages() {
  std::vector<std::string> passages = {"marzo",
                                       "en marzo",
                                       "marzo de 2020",
                                       "xmarzo",
                                       "marzox",
                                       "mar.",
                                       "(sept.)",
                                       "—enero",
                                       "“julio”",
                                       "€enero 5",
                                       "ñenero",
                                       "a\xC3\xA9marzo",
                                       "1.5",
                                       "a-1",
                                       "9/",
                                       "9/a",
                                       "2020-21",
                                       "ejercicio 2020",
                                       "semestre",
                                       "trimestral",
                                       "primer semestre",
                                       "june 5",
                                       "el may 5",
                                       "ese mes",
                                       "ese\n  mismo mes",
                                       "dicho mes",
                                       "mes ese",
                                       "ese ese mes",
                                       "ese mesa",
                                       "—ese mes",
                                       "aquel\xC2\xA0mes",
                                       "el 20 de ese mismo mes",
                                       "november 12, 2016",
                                       "",
                                       "ano fiscal de 2023",
                                       "ano fiscal 2023 y ejercicio\n2024",
                                       "plano 2020",
                                       "ano de de 2020",
                                       "grande 2020",
                                       "anofiscal 2020",
                                       "ano  20201",
                                       "ejercicio 1999ano 2000",
                                       "ano 12020"};
  for (std::string& p : passages) p = std::string(FoldedText(p).text());
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(ACERVO_SOURCE_DIR) / "corpora")) {
    const std::string ext = entry.path().extension().string();
    if (!entry.is_regular_file() || (ext != ".md" && ext != ".txt")) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    for (size_t b = 0; b < s.size();) {
      size_t e = s.find("\n\n", b);
      if (e == std::string::npos) e = s.size();
      passages.push_back(std::string(FoldedText(std::string_view(s).substr(b, e - b)).text()));
      b = e + 2;
    }
  }
  return passages;
}

TEST(AnchorWords, FindsEachAnchorWhereItsExpressionDoes) {
  const Vocabulary vocabulary = LoadVocabulary();
  const auto words = AnchorWords::Build(vocabulary);
  ASSERT_NE(words, nullptr);
  std::vector<std::unique_ptr<RE2>> anchors;
  for (const std::string& p : AnchorWords::Patterns(vocabulary, "[ \\n\\r]+")) {
    anchors.push_back(std::make_unique<RE2>(p));
    ASSERT_TRUE(anchors.back()->ok()) << p;
  }
  const std::vector<std::string> passages = Passages();
  ASSERT_GT(passages.size(), 100u);
  for (const std::string& s : passages) {
    const re2::StringPiece whole(s.data(), s.size());
    auto first_match = [&](int a, size_t from) {
      re2::StringPiece hit;
      return anchors[a]->Match(whole, from, s.size(), RE2::UNANCHORED, &hit, 1)
                 ? static_cast<size_t>(hit.data() - s.data())
                 : s.size();
    };
    const auto found = words->Find(s);
    for (int a = 0; a < kAnchorCount; ++a) {
      size_t at = found[a].at;
      if (at < s.size() && !found[a].exact) at = first_match(a, at);
      EXPECT_EQ(at, first_match(a, 0)) << "anchor " << a << " in: " << s;
    }
  }
}

TEST(YearMentions, AreTheYearsTheYearPhraseReads) {
  auto grammar = Grammar::Compile(LoadVocabulary());
  ASSERT_TRUE(grammar.ok()) << grammar.status().message();
  const RE2 phrase(
      R"((?:ejercicio|ano)(?:[ \n\r]+fiscal)?[ \n\r]+(?:de[ \n\r]+)?((?:1[6-9]|20)\d\d))");
  ASSERT_TRUE(phrase.ok());
  for (const std::string& s : Passages()) {
    std::string expected, found;
    re2::StringPiece input(s.data(), s.size()), year;
    while (RE2::FindAndConsume(&input, phrase, &year)) {
      expected += std::to_string(year.data() - s.data()) + ":" + std::string(year) + " ";
    }
    std::vector<YearMention> years;
    (*grammar)->FindYearMentions(s, &years);
    for (const YearMention& y : years) {
      found += std::to_string(y.begin) + ":" + std::to_string(y.year) + " ";
    }
    EXPECT_EQ(found, expected) << s;
  }
}

}  // namespace
}  // namespace acervo::es_date
