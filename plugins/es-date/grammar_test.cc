// Tests of Grammar::Scan's GroupCache: a Run's cache must never change what Scan finds.
#include "grammar.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace acervo::es_date {
namespace {

std::string Describe(const FoldedText& text, const std::vector<Expression>& found) {
  std::string out;
  for (const Expression& e : found) {
    out += std::string(text.text().substr(e.begin, e.end - e.begin)) + "=" + Iso(e.first) + "/" +
           Iso(e.last) + (e.list_item ? " list" : "") + (e.year_back ? " back" : "") + "; ";
  }
  return out;
}

TEST(GroupCache, ScanFindsTheSameWithAndWithoutIt) {
  auto vocabulary = Vocabulary::Load(ACERVO_PLUGIN_SOURCE_DATA_DIR);
  ASSERT_TRUE(vocabulary.ok()) << vocabulary.status().message();
  auto grammar = Grammar::Compile(std::move(vocabulary).value());
  ASSERT_TRUE(grammar.ok()) << grammar.status().message();
  // The same spans again, with other bytes beside them: the groups of a span depend on them.
  const std::vector<std::string> passages = {
      "El 5 de mayo de 2020 se firmó el convenio.",
      "Del 5 de mayo de 2020 al 30 de junio de 2020 hubo talleres.",
      "Entre el 5 de mayo de 2020 y el 2 de junio, y el 5 de mayo de 2020.",
      "5 de mayo de 2020",
      "Informe 2019-2020: el 5 de mayo de 20201 no es fecha; el 5 de mayo de 2020, sí.",
      "Los días 13, 20 y 27 de febrero de 2021 y el 14 de junio de ese año.",
      "Los días 13, 20 y 27 de febrero de 2021 y el 14 de junio de ese año.",
      // Digits the patterns do not tell apart ("7" and "8"; "3" and "4"), and some they do.
      "El 17 de mayo de 1799, el 18 de mayo de 1899 y el 13 de mayo de 1599.",
      "El 14 de mayo de 1499 y el 24/04/2024, el 23/03/2023; abril del 87 y abril del 88.",
      "Del 5 al 6 de mayo de 2026 y del 6 al 5 de mayo de 2025; 15 de mayo de 1505.",
  };
  GroupCache cache;
  for (const std::string& p : passages) {
    FoldedText text(p);
    std::vector<Expression> plain, cached;
    (*grammar)->Scan(text, &plain);
    (*grammar)->Scan(text, &cached, &cache);
    EXPECT_EQ(Describe(text, cached), Describe(text, plain)) << p;
    EXPECT_FALSE(plain.empty()) << p;
  }
}

}  // namespace
}  // namespace acervo::es_date
