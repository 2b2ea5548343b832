// End-to-end tests of the es-ods plugin through acervo::testing::Harness.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "acervo/testing.h"

// The plugin's factory, as acervo finds it in the .so (ACERVO_PLUGIN in es_ods.cc).
ACERVO_PLUGIN_CXX_RETURN_BEGIN_
extern "C" std::unique_ptr<acervo::Extractor> acervo_plugin_create();
ACERVO_PLUGIN_CXX_RETURN_END_

namespace acervo::ods {
namespace {

using ::acervo::testing::Harness;
using ::acervo::testing::Passage;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<int> GoalsOf(const std::vector<Mention>& mentions, bool explicit_goal = true) {
  std::vector<int> out;
  for (const Mention& m : mentions) {
    EXPECT_EQ(m.type, "ods");
    EXPECT_EQ(m.value["explicit"].get<bool>(), explicit_goal);
    out.push_back(m.value["goal"].get<int>());
  }
  return out;
}

class EsOdsTest : public ::testing::Test {
 protected:
  EsOdsTest() : h_(acervo_plugin_create(), ACERVO_PLUGIN_SOURCE_DATA_DIR) {}

  std::vector<Mention> Infer(std::string_view title, std::string_view text,
                             std::span<const Mention> mentions = {}) {
    RecordView record{"evento", title, text, mentions};
    std::vector<Mention> out;
    Status s = h_.extractor().Infer({}, record, &out);
    EXPECT_TRUE(s.ok()) << s.message();
    for (const Mention& m : out) {
      EXPECT_LE(m.end, text.size());
      EXPECT_GT(m.confidence, 0);
      EXPECT_LE(m.confidence, 1);
    }
    return out;
  }

  Harness h_;
};

TEST_F(EsOdsTest, ExplicitFormsInParagraphs) {
  std::string text =
      "La estrategia se vincula con el ODS 5, el ODS-11 y el ODS No. 13, y con el Objetivo 16 "
      "de la Agenda 2030.";
  auto mentions = h_.Extract(text);
  EXPECT_THAT(GoalsOf(mentions), ElementsAre(5, 11, 13, 16));
  EXPECT_THAT(Harness::Texts(text, mentions),
              ElementsAre("ODS 5", "ODS-11", "ODS No. 13", "Objetivo 16 de la Agenda 2030"));
  for (const Mention& m : mentions) EXPECT_GE(m.confidence, 0.9);
}

TEST_F(EsOdsTest, NegativesFromLocalPlansAndGeneralMentions) {
  auto all = h_.ExtractSegments({
      {"Objetivo 1: Bogotá avanza en seguridad", SegmentKind::kHeading},
      {"Objetivo 3: Bogotá confía en su potencial", SegmentKind::kBullet},
      {"Objetivo: Compartir aprendizajes entre gobiernos locales de la región."},
      {"La ciudad reafirma su compromiso con la Agenda 2030 y los ODS."},
  });
  for (const auto& mentions : all) EXPECT_THAT(mentions, IsEmpty());
}

TEST_F(EsOdsTest, TableOfGoals) {
  Passage row{"13\tAcción por el clima\tProyectos de movilidad eléctrica", SegmentKind::kTableRow};
  row.table_caption = {"Cuadro 3. Alineación con los Objetivos de Desarrollo Sostenible"};
  row.table_header = {"No.", "Objetivo", "Acciones"};
  Passage plain_row{"Ciudades y comunidades sostenibles\tRed de movilidad", SegmentKind::kTableRow};
  plain_row.table_caption = row.table_caption;
  plain_row.table_header = {"Objetivo", "Acciones"};
  auto all = h_.ExtractSegments({row, plain_row});
  EXPECT_THAT(GoalsOf(all[0]), ElementsAre(13));
  EXPECT_THAT(Harness::Texts(row.text, all[0]), ElementsAre("13\tAcción por el clima"));
  EXPECT_THAT(GoalsOf(all[1]), ElementsAre(11));
}

// A table that adds money up by goal, with no goal cue in its caption or header: every row
// naming a goal is one, with or without its number, "$ 0,00" rows included.
TEST_F(EsOdsTest, GoalRowsOfATableWithoutACue) {
  std::vector<Passage> rows = {
      {"11. Ciudades y comunidades sostenibles\t$ 1.250.000,00", SegmentKind::kTableRow},
      {"Fin de la pobreza\t$ 0,00", SegmentKind::kTableRow},
      {"No.4. Agua limpia y saneamiento\t$ 300,00", SegmentKind::kTableRow},
      {"Movilidad sostenible\t$ 90,00", SegmentKind::kTableRow},
  };
  for (Passage& row : rows) row.table_header = {"Objetivo", "Monto"};
  auto all = h_.ExtractSegments(rows);
  EXPECT_THAT(GoalsOf(all[0]), ElementsAre(11));
  EXPECT_THAT(GoalsOf(all[1]), ElementsAre(1));
  EXPECT_THAT(Harness::Texts(rows[1].text, all[1]), ElementsAre("Fin de la pobreza"));
  // The number says 4, the name says 6: the name decides, with a confidence that flags it.
  ASSERT_THAT(GoalsOf(all[2]), ElementsAre(6));
  EXPECT_THAT(Harness::Texts(rows[2].text, all[2]), ElementsAre("No.4. Agua limpia y saneamiento"));
  EXPECT_LT(all[2][0].confidence, all[0][0].confidence);
  EXPECT_THAT(all[3], IsEmpty());
}

// A Markdown table can reach the extractors as one paragraph; its rows are still rows.
TEST_F(EsOdsTest, MarkdownTableInAParagraph) {
  Passage table{
      "| Objetivo | Monto |\n|---|---|\n| Hambre cero | $ 0,00 |\n"
      "| Total | $ 0,00 |"};
  auto all = h_.ExtractSegments({table});
  ASSERT_THAT(GoalsOf(all[0]), ElementsAre(2));
  EXPECT_THAT(Harness::Texts(table.text, all[0]), ElementsAre("Hambre cero"));
}

TEST_F(EsOdsTest, TwoGoalsInOneCell) {
  Passage row{"Programa de movilidad\tODS 11 y 13", SegmentKind::kTableRow};
  auto all = h_.ExtractSegments({row});
  EXPECT_THAT(GoalsOf(all[0]), ElementsAre(11, 13));
}

// A list of the 17 goals as headings: each heading is its goal, numbered or not.
TEST_F(EsOdsTest, HeadingsOfAListOfTheGoals) {
  std::vector<Passage> headings = {
      {"Fin de la pobreza", SegmentKind::kHeading},  {"Hambre cero", SegmentKind::kHeading},
      {"Salud y bienestar", SegmentKind::kHeading},  {"Presupuesto", SegmentKind::kHeading},
      {"Igualdad de género", SegmentKind::kHeading},
  };
  for (Passage& h : headings) h.headings = {"Informe de gestión"};
  auto all = h_.ExtractSegments(headings);
  EXPECT_THAT(GoalsOf(all[0]), ElementsAre(1));
  EXPECT_THAT(GoalsOf(all[1]), ElementsAre(2));
  EXPECT_THAT(GoalsOf(all[2]), ElementsAre(3));
  EXPECT_THAT(all[4], IsEmpty());  // the list ended at "Presupuesto"
}

TEST_F(EsOdsTest, GoalColumnOfACooperationTable) {
  Passage row{"Programa de huertos urbanos\tFAO\t$ 120.000.000\t2, 12", SegmentKind::kTableRow};
  row.table_header = {"Proyecto", "Socio", "Monto", "ODS"};
  Passage amounts{"Programa de agua\tBID\t15\t6", SegmentKind::kTableRow};
  amounts.table_header = {"Proyecto", "Socio", "Meses", "Otro"};
  auto all = h_.ExtractSegments({row, amounts});
  EXPECT_THAT(GoalsOf(all[0]), ElementsAre(2, 12));
  EXPECT_THAT(all[1], IsEmpty());
}

TEST_F(EsOdsTest, BulletsAfterAnIntroductionThatSpeaksOfTheGoals) {
  auto all = h_.ExtractSegments({
      {"El proyecto contribuye a los siguientes ODS:"},
      {"Igualdad de género", SegmentKind::kBullet},
      {"Reducción de las desigualdades", SegmentKind::kBullet},
      {"Las actividades se realizaron en tres alcaldías."},
      {"Igualdad de género", SegmentKind::kBullet},
  });
  EXPECT_THAT(GoalsOf(all[1]), ElementsAre(5));
  EXPECT_THAT(GoalsOf(all[2]), ElementsAre(10));
  EXPECT_THAT(all[4], IsEmpty());  // the introduction no longer applies
}

TEST_F(EsOdsTest, HeadingsUnderAGoalsSection) {
  Passage heading{"Salud y bienestar", SegmentKind::kHeading};
  heading.headings = {"Informe de avance", "Contribución a la Agenda 2030"};
  Passage elsewhere{"Salud y bienestar", SegmentKind::kHeading};
  elsewhere.headings = {"Informe de avance", "Programas sociales"};
  auto all = h_.ExtractSegments({heading, elsewhere});
  EXPECT_THAT(GoalsOf(all[0]), ElementsAre(3));
  EXPECT_THAT(all[1], IsEmpty());
}

TEST_F(EsOdsTest, InfersGoalsFromShortPassages) {
  struct Case {
    std::string text;
    int goal;
  };
  std::vector<Case> cases = {
      {"Foro sobre cambio climático y reducción de emisiones en las ciudades.", 13},
      {"Taller para prevenir la violencia contra las mujeres y las niñas.", 5},
      {"Donación de insumos médicos para atender la pandemia.", 3},
      {"Visita a escuelas primarias para promover la educación ambiental.", 4},
      {"Conversatorio sobre migración y discriminación hacia personas migrantes.", 10},
      {"Seminario sobre movilidad, vivienda y desarrollo urbano.", 11},
      {"Encuentro de personas defensoras de derechos humanos y periodistas.", 16},
      {"Reunión de la red de ciudades para fortalecer la cooperación descentralizada.", 17},
  };
  for (const Case& c : cases) {
    auto inferred = Infer("", c.text);
    ASSERT_FALSE(inferred.empty()) << c.text;
    EXPECT_EQ(inferred[0].value["goal"].get<int>(), c.goal) << c.text;
    EXPECT_FALSE(inferred[0].value["explicit"].get<bool>());
    EXPECT_LE(inferred.size(), 2u);
  }
}

// Themes the curated lexicon does not hold come from the UN's wording of the targets.
TEST_F(EsOdsTest, InfersFromTheUnWordingOfTheTargets) {
  std::string title = "Conversatorio sobre la acidificación de los océanos";
  auto inferred = Infer(title, title + ", 5 de junio.");
  ASSERT_FALSE(inferred.empty());
  EXPECT_EQ(inferred[0].value["goal"].get<int>(), 14);
}

TEST_F(EsOdsTest, InferencePointsAtTheStrongestEvidence) {
  std::string text = "Webinar sobre movilidad eléctrica y transporte público en la región.";
  auto inferred = Infer("", text);
  ASSERT_FALSE(inferred.empty());
  EXPECT_EQ(inferred[0].value["goal"].get<int>(), 11);
  std::string evidence = text.substr(inferred[0].begin, inferred[0].end - inferred[0].begin);
  EXPECT_TRUE(evidence == "movilidad" || evidence == "transporte público") << evidence;
}

TEST_F(EsOdsTest, NoThemeNoGoalAndConfidenceFollowsEvidence) {
  EXPECT_THAT(Infer("", "Video promocional de fin de año en redes sociales."), IsEmpty());
  double weak = Infer("", "Se habló del clima.")[0].confidence;
  double strong =
      Infer("", "Cumbre sobre cambio climático, emisiones de carbono y acción climática.")[0]
          .confidence;
  EXPECT_LT(weak, strong);
}

// A term inside an institution's name weighs half ("Agencia de Cambio Climático" says who
// more than what about), only where the name stands as a whole word sequence.
TEST_F(EsOdsTest, TermsInsideInstitutionNamesWeighLess) {
  std::vector<Mention> agency = {
      {"institution", 0, 0, {{"name", "Agencia de Cambio Climático"}}, 0.9}};
  auto confidence = [&](std::string_view text, std::span<const Mention> mentions) {
    std::vector<Mention> out = Infer("", text, mentions);
    return out.empty() ? 0.0 : out[0].confidence;
  };
  std::string named = "Foro de la Agencia de Cambio Climático sobre cambio climático.";
  EXPECT_LT(confidence(named, agency), confidence(named, {}));
  EXPECT_GT(confidence(named, agency), 0);
  // Inside a longer word the name is not there: the term weighs in full.
  std::string inside = "Foro de la Subagencia de Cambio Climático sobre cambio climático.";
  std::string_view inner = std::string_view(inside).substr(inside.find("agencia"));
  EXPECT_EQ(confidence(inside, agency), confidence(inside, {}));
  EXPECT_LT(confidence(inner, agency), confidence(inner, {}));
}

TEST_F(EsOdsTest, NoInferenceWhenTheRecordHasExplicitGoals) {
  std::vector<Mention> mentions = {{"ods", 0, 6, {{"goal", 11}, {"explicit", true}}, 0.95}};
  EXPECT_THAT(Infer("", "ODS 11: foro sobre cambio climático.", mentions), IsEmpty());
}

TEST_F(EsOdsTest, ExtraAndReplacementLexicons) {
  std::string extra = ::testing::TempDir() + "/ods_extra.tsv";
  std::ofstream(extra) << "# extra\nhuertos\t2\t2\n";
  Harness with_extra(acervo_plugin_create(), ACERVO_PLUGIN_SOURCE_DATA_DIR,
                     {{"extra_lexicon", extra}});
  RecordView record{"evento", "", "Jornada de huertos en la ciudad.", {}};
  std::vector<Mention> out;
  ASSERT_TRUE(with_extra.extractor().Infer({}, record, &out).ok());
  EXPECT_THAT(GoalsOf(out, false), ElementsAre(2));

  Harness replaced(acervo_plugin_create(), ACERVO_PLUGIN_SOURCE_DATA_DIR, {{"lexicon", extra}});
  RecordView climate{"evento", "", "Foro sobre cambio climático.", {}};
  out.clear();
  ASSERT_TRUE(replaced.extractor().Infer({}, climate, &out).ok());
  EXPECT_THAT(out, IsEmpty());
}

TEST_F(EsOdsTest, BadParamsFailConfigure) {
  auto extractor = acervo_plugin_create();
  EXPECT_FALSE(extractor->Configure({ACERVO_PLUGIN_SOURCE_DATA_DIR, {{"lexicon", 3}}}).ok());
  EXPECT_EQ(
      extractor->Configure({ACERVO_PLUGIN_SOURCE_DATA_DIR, {{"lexicon", "/nope.tsv"}}}).code(),
      Code::kNotFound);
  EXPECT_FALSE(extractor->Configure({ACERVO_PLUGIN_SOURCE_DATA_DIR, {{"max_inferred", 3}}}).ok());
  EXPECT_EQ(extractor->Configure({"/nonexistent", nullptr}).code(), Code::kNotFound);
  // Used anyway, it reports the error instead of crashing.
  std::vector<Mention> out;
  Segment segment;
  segment.text = "ODS 5";
  EXPECT_FALSE(acervo_plugin_create()->Begin({})->Extract(segment, &out).ok());
}

// The shared seeds, read line by line as paragraphs ("#" lines as headings, "- " as bullets,
// tab-separated lines as table rows): every explicit goal in the gold is found, nothing else.
TEST_F(EsOdsTest, SharedSeedsMatchTheGold) {
  std::filesystem::path shared = ACERVO_SOURCE_DIR "/../shared";
  if (!std::filesystem::exists(shared / "gold")) GTEST_SKIP() << "no " << shared;
  int true_pos = 0, false_pos = 0, false_neg = 0;
  for (const auto& entry : std::filesystem::directory_iterator(shared / "gold")) {
    std::ifstream in(entry.path());
    nlohmann::json gold = nlohmann::json::parse(in);
    std::set<std::pair<int, int>> expected;  // (line, goal)
    for (const auto& m : gold["mentions"]) {
      if (m["type"] == "ods")
        expected.insert({m["line"].get<int>(), m["value"]["goal"].get<int>()});
    }
    std::ifstream seed(shared / "seeds" / gold["doc"].get<std::string>());
    std::vector<Passage> passages;
    std::vector<std::string> headings;
    for (std::string line; std::getline(seed, line);) {
      Passage p{line};
      if (line.starts_with("#")) {
        p.kind = SegmentKind::kHeading;
        size_t level = line.find_first_not_of('#');
        headings.resize(std::min(headings.size(), level - 1));
        p.headings = headings;
        headings.push_back(line);
      } else {
        p.headings = headings;
        if (line.starts_with("- ")) p.kind = SegmentKind::kBullet;
        if (line.find('\t') != std::string::npos) p.kind = SegmentKind::kTableRow;
      }
      passages.push_back(std::move(p));
    }
    auto all = h_.ExtractSegments(passages);
    std::set<std::pair<int, int>> found;
    for (size_t i = 0; i < all.size(); ++i) {
      for (const Mention& m : all[i]) {
        std::pair<int, int> key{static_cast<int>(i + 1), m.value["goal"].get<int>()};
        if (expected.count(key)) {
          ++true_pos;
        } else {
          ++false_pos;
          ADD_FAILURE() << entry.path().filename() << ":" << i + 1 << ": not in the gold: "
                        << passages[i].text.substr(m.begin, m.end - m.begin);
        }
        found.insert(key);
      }
    }
    for (const auto& key : expected) {
      if (!found.count(key)) ++false_neg;
    }
  }
  EXPECT_GT(true_pos, 0);
  EXPECT_EQ(false_pos, 0);
  EXPECT_EQ(false_neg, 0);
}

}  // namespace
}  // namespace acervo::ods
