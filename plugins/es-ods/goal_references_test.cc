#include "goal_references.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace acervo::ods {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class GoalReferencesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto refs = GoalReferences::Load(ACERVO_PLUGIN_SOURCE_DATA_DIR);
    ASSERT_TRUE(refs.ok()) << refs.status().message();
    refs_.emplace(std::move(*refs));
  }

  // "text=goal" for each reference, to read expectations at a glance.
  std::vector<std::string> Find(std::string_view text, Placement placement = Placement::kProse,
                                bool context = false) {
    std::vector<std::string> out;
    for (const GoalReference& r : refs_->Find(text, placement, context)) {
      out.push_back(std::string(text.substr(r.begin, r.end - r.begin)) + "=" +
                    std::to_string(r.goal));
    }
    return out;
  }

  std::optional<GoalReferences> refs_;
};

TEST_F(GoalReferencesTest, PrefixedNumbers) {
  EXPECT_THAT(Find("La iniciativa atiende el ODS 5 en la capital."), ElementsAre("ODS 5=5"));
  EXPECT_THAT(Find("Se alinea con el ODS-11."), ElementsAre("ODS-11=11"));
  EXPECT_THAT(Find("Contribuye al ODS No. 13 de forma directa."), ElementsAre("ODS No. 13=13"));
  EXPECT_THAT(Find("Aporta al Objetivo de Desarrollo Sostenible 16."),
              ElementsAre("Objetivo de Desarrollo Sostenible 16=16"));
  EXPECT_THAT(Find("The project targets SDG 13."), ElementsAre("SDG 13=13"));
  EXPECT_THAT(Find("Meta del ODS 11.2 sobre transporte."), ElementsAre("ODS 11.2=11"));
  EXPECT_THAT(Find("Tabla ODS11 resumida"), ElementsAre("ODS11=11"));
}

TEST_F(GoalReferencesTest, ListsGiveOneReferencePerGoal) {
  EXPECT_THAT(Find("Vinculado con el ODS 1, el ODS 2, el ODS 3 y el ODS 10."),
              ElementsAre("ODS 1=1", "ODS 2=2", "ODS 3=3", "ODS 10=10"));
  EXPECT_THAT(Find("Responde a los ODS 3, 5 y 11 de la agenda."),
              ElementsAre("ODS 3=3", "5=5", "11=11"));
}

TEST_F(GoalReferencesTest, QualifiedObjective) {
  EXPECT_THAT(Find("El programa se enmarca en el Objetivo 11 de la Agenda 2030 y busca "
                   "ciudades inclusivas."),
              ElementsAre("Objetivo 11 de la Agenda 2030=11"));
  EXPECT_THAT(Find("Corresponde al objetivo 6 de Desarrollo Sostenible."),
              ElementsAre("objetivo 6 de Desarrollo Sostenible=6"));
}

TEST_F(GoalReferencesTest, ObjectiveFollowedByItsOwnGoalName) {
  EXPECT_THAT(Find("Objetivo 13: Acción por el clima", Placement::kStandalone),
              ElementsAre("Objetivo 13: Acción por el clima=13"));
}

TEST_F(GoalReferencesTest, RestatedNameIsPartOfTheReference) {
  EXPECT_THAT(Find("Se enmarca en el Objetivo 11 de la Agenda 2030 “Lograr que las ciudades y "
                   "los asentamientos humanos sean inclusivos, seguros, resilientes y "
                   "sostenibles”."),
              ElementsAre("Objetivo 11 de la Agenda 2030=11"));
  EXPECT_THAT(Find("ODS 13: Acción por el clima", Placement::kStandalone),
              ElementsAre("ODS 13=13"));
}

TEST_F(GoalReferencesTest, LocalPlanObjectivesAreNotGoals) {
  EXPECT_THAT(Find("Objetivo 1: Bogotá avanza en seguridad", Placement::kStandalone), IsEmpty());
  EXPECT_THAT(Find("Objetivo 3: Bogotá confía en su potencial", Placement::kStandalone), IsEmpty());
  EXPECT_THAT(Find("El proyecto responde al Objetivo 2 del Plan de Desarrollo Distrital."),
              IsEmpty());
  // Even under a heading that speaks of the Agenda 2030, a labelled objective is local.
  EXPECT_THAT(Find("Objetivo 1: Bogotá avanza en seguridad", Placement::kStandalone, true),
              IsEmpty());
}

TEST_F(GoalReferencesTest, OrdinaryObjectiveAndGoalsInGeneralAreNotGoals) {
  EXPECT_THAT(Find("Objetivo: Intercambiar aprendizajes sobre movilidad."), IsEmpty());
  EXPECT_THAT(Find("Objetivo. Presentar las herramientas de la red."), IsEmpty());
  EXPECT_THAT(Find("Las ciudades avanzan en los ODS y en la Agenda 2030."), IsEmpty());
  EXPECT_THAT(Find("Reconoce compromisos con los Objetivos de Desarrollo Sostenible (ODS)."),
              IsEmpty());
  EXPECT_THAT(Find("Uno de los 17 ODS es la base de la Agenda 2030."), IsEmpty());
  EXPECT_THAT(Find("El ODS 2030 no existe, ni el ODS 18."), IsEmpty());
}

TEST_F(GoalReferencesTest, BareObjectiveCountsInAGoalContext) {
  EXPECT_THAT(Find("Dentro de la Agenda 2030, la estrategia apunta al Objetivo 5."),
              ElementsAre("Objetivo 5=5"));
  EXPECT_THAT(Find("Objetivo 7", Placement::kStandalone, true), ElementsAre("Objetivo 7=7"));
  EXPECT_THAT(Find("Objetivo 7", Placement::kStandalone, false), IsEmpty());
}

TEST_F(GoalReferencesTest, NumberInTheNextCellIsNotTheObjectives) {
  EXPECT_THAT(
      Find("17. Alianzas para lograr los objetivos\t1\t514 000", Placement::kStandalone, true),
      ElementsAre("17. Alianzas para lograr los objetivos=17"));
}

TEST_F(GoalReferencesTest, NamesBesideTheirNumber) {
  EXPECT_THAT(Find("No. 13. Acción por el clima", Placement::kStandalone),
              ElementsAre("No. 13. Acción por el clima=13"));
  EXPECT_THAT(Find("13 Acción por el clima", Placement::kStandalone),
              ElementsAre("13 Acción por el clima=13"));
  EXPECT_THAT(Find("5. Igualdad de Género", Placement::kStandalone),
              ElementsAre("5. Igualdad de Género=5"));
  // Another number beside a goal name is a list of something else.
  EXPECT_THAT(Find("2. Igualdad de género", Placement::kStandalone, true), IsEmpty());
}

TEST_F(GoalReferencesTest, NamesStandingAsGoalReferences) {
  EXPECT_THAT(Find("Ciudades y comunidades sostenibles", Placement::kStandalone, true),
              ElementsAre("Ciudades y comunidades sostenibles=11"));
  EXPECT_THAT(Find("Ciudades y comunidades sostenibles", Placement::kStandalone, false), IsEmpty());
  EXPECT_THAT(Find("El proyecto contribuye a los ODS de Salud y bienestar e Igualdad de "
                   "género."),
              ElementsAre("Salud y bienestar=3", "Igualdad de género=5"));
}

TEST_F(GoalReferencesTest, NamesInRunningProseAreNotGoals) {
  EXPECT_THAT(Find("La igualdad de género es una prioridad de la administración."), IsEmpty());
  EXPECT_THAT(Find("Se habló de la acción por el clima en la Agenda 2030."), IsEmpty());
  EXPECT_THAT(Find("Igualdad de género en el transporte: retos y avances."), IsEmpty());
}

TEST_F(GoalReferencesTest, GoalCellsTakeBareNumbersAndNames) {
  EXPECT_THAT(Find("5, 11", Placement::kGoalCell), ElementsAre("5=5", "11=11"));
  EXPECT_THAT(Find("Acción por el clima", Placement::kGoalCell),
              ElementsAre("Acción por el clima=13"));
  EXPECT_THAT(Find("2020", Placement::kGoalCell), IsEmpty());
}

}  // namespace
}  // namespace acervo::ods
