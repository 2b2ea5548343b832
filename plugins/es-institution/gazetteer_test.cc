#include "gazetteer.h"

#include <filesystem>
#include <fstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace acervo::institution {
namespace {

std::vector<std::string> Ids(const Gazetteer& g, std::string_view text) {
  std::vector<std::string> out;
  std::string buffer;
  for (const GazetteerHit& h : g.Find(text, Tokenize(text, &buffer))) {
    out.push_back(std::string(text.substr(h.begin, h.end - h.begin)) + "=" +
                  g.entries()[h.entry].id);
  }
  return out;
}

Gazetteer Bundled() {
  Gazetteer g;
  Status s = g.LoadFile(std::filesystem::path(ACERVO_PLUGIN_SOURCE_DATA_DIR) / "gazetteer.tsv");
  EXPECT_TRUE(s.ok()) << s.message();
  g.Build();
  return g;
}

TEST(Gazetteer, BundledFileCoversTheRecurringOrganisations) {
  Gazetteer g = Bundled();
  EXPECT_GT(g.entries().size(), 250u);
  for (const char* acronym :
       {"SRE",   "AMEXCID", "APC-Colombia", "AECID", "GIZ",    "JICA",  "KOICA",
        "USAID", "AFD",     "PNUD",         "CEPAL", "BID",    "C40",   "CGLU",
        "UCCI",  "CIDEU",   "ICLEI",        "MMC",   "SEDEMA", "SIBISO"}) {
    EXPECT_TRUE(g.FindAcronym(acronym) >= 0 || g.FindName(Fold(acronym)) >= 0) << acronym;
  }
  for (const char* name :
       {"mercociudades", "asociacion mundial de las grandes metropolis", "alcaldia mayor de bogota",
        "gobierno de la ciudad de mexico", "secretaria distrital de planeacion"}) {
    EXPECT_GE(g.FindName(name), 0) << name;
  }
}

TEST(Gazetteer, EveryIdIsUniqueAndEveryRowHasAKind) {
  Gazetteer g = Bundled();
  std::set<std::string> ids;
  for (const Entry& e : g.entries()) {
    EXPECT_TRUE(ids.insert(e.id).second) << e.id;
    EXPECT_FALSE(e.kind.empty()) << e.id;
  }
}

TEST(Gazetteer, NamesAliasesAndTableSpellingsResolveToOneEntry) {
  Gazetteer g = Bundled();
  EXPECT_THAT(Ids(g, "Con el Banco Interamericano de Desarrollo y el BID Invest."),
              ::testing::ElementsAre("Banco Interamericano de Desarrollo=bank.bid",
                                     "BID Invest=bank.bid-invest"));
  EXPECT_THAT(
      Ids(g, "BID BANCO INTERAMERICANO DE DESARROLLO"),
      ::testing::ElementsAre("BID=bank.bid", "BANCO INTERAMERICANO DE DESARROLLO=bank.bid"));
  EXPECT_THAT(Ids(g, "GIZ AGENCIA DE COOPERACIÓN ALEMANA"),
              ::testing::ElementsAre("GIZ=de.giz", "AGENCIA DE COOPERACIÓN ALEMANA=de.giz"));
  EXPECT_THAT(Ids(g, "la Inter-American Development Bank"),
              ::testing::ElementsAre("Inter-American Development Bank=bank.bid"));
}

TEST(Gazetteer, AcronymsAreCaseSensitiveAndSingleWordsNeedACapital) {
  Gazetteer g = Bundled();
  EXPECT_THAT(Ids(g, "el sat y la onu"), ::testing::IsEmpty());
  EXPECT_THAT(Ids(g, "el SAT y la ONU"), ::testing::ElementsAre("SAT=mx.sat", "ONU=un.onu"));
  EXPECT_THAT(Ids(g, "una metrópolis; la red Metrópolis"),
              ::testing::ElementsAre("red Metrópolis=net.metropolis"));
}

TEST(Gazetteer, NamesMatchAcrossLineBreaksAndInsideHyphenatedWords) {
  Gazetteer g = Bundled();
  EXPECT_THAT(Ids(g, "el Banco Interamericano\nde  Desarrollo"),
              ::testing::ElementsAre("Banco Interamericano\nde  Desarrollo=bank.bid"));
  EXPECT_THAT(Ids(g, "la oficina ONU-México"), ::testing::ElementsAre("ONU=un.onu"));
  EXPECT_THAT(Ids(g, "con APC-Colombia"), ::testing::ElementsAre("APC-Colombia=co.apc"));
}

TEST(Gazetteer, AbbreviatedWordsMatchTheWordsTheyStandFor) {
  Gazetteer g;
  ASSERT_TRUE(g.LoadText("a.x\tDirección General de Egresos\t\t\tbody\t\n", "one").ok());
  g.Build();
  std::string text = "DIR. GRAL. DE EGRESOS";
  std::string buffer;
  std::vector<Token> tokens = Tokenize(text, &buffer);
  tokens.erase(tokens.begin() + 1);  // what NamePatterns::ExpandAbbreviations does
  tokens[0].folded = "direccion";
  tokens[0].expansion = "Dirección";
  tokens[0].end = 4;
  tokens.erase(tokens.begin() + 2);
  tokens[1].folded = "general";
  tokens[1].expansion = "General";
  tokens[1].end = 10;
  std::vector<GazetteerHit> hits = g.Find(text, tokens);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].begin, 0u);
  EXPECT_EQ(hits[0].end, text.size());
}

TEST(Gazetteer, LaterFilesReplaceEntriesById) {
  Gazetteer g;
  ASSERT_TRUE(g.LoadText("a.x\tAlfa\tALF\t\tngo\t\n", "one").ok());
  ASSERT_TRUE(g.LoadText("# comment\n\na.x\tAlfa Nueva\tALN\tAlfita\tngo\tMX\n", "two").ok());
  g.Build();
  ASSERT_EQ(g.entries().size(), 1u);
  EXPECT_EQ(g.entries()[0].name, "Alfa Nueva");
  EXPECT_THAT(Ids(g, "ALN y Alfita"), ::testing::ElementsAre("ALN=a.x", "Alfita=a.x"));
}

TEST(Gazetteer, MalformedRowsNameTheFileAndLine) {
  Gazetteer g;
  Status s = g.LoadText("a.x\tAlfa\n\nsolo-una-columna\n", "extra.tsv");
  EXPECT_EQ(s.code(), Code::kCorrupt);
  EXPECT_THAT(s.message(), ::testing::HasSubstr("extra.tsv:3"));
  s = g.LoadFile("/nonexistent/extra.tsv");
  EXPECT_EQ(s.code(), Code::kNotFound);
  EXPECT_THAT(s.message(), ::testing::HasSubstr("/nonexistent/extra.tsv"));
}

TEST(LooksLikeAcronym, UpperCaseWordsWithoutSpaces) {
  EXPECT_TRUE(LooksLikeAcronym("SRE"));
  EXPECT_TRUE(LooksLikeAcronym("STyFE"));
  EXPECT_TRUE(LooksLikeAcronym("C40"));
  EXPECT_TRUE(LooksLikeAcronym("WeGO"));
  EXPECT_FALSE(LooksLikeAcronym("México"));
  EXPECT_FALSE(LooksLikeAcronym("APC-Colombia"));
  EXPECT_FALSE(LooksLikeAcronym("MPI CDMX"));
  EXPECT_FALSE(LooksLikeAcronym("2020"));
}

}  // namespace
}  // namespace acervo::institution
