#include "goal_lexicon.h"

#include <gtest/gtest.h>

#include <fstream>

namespace acervo::ods {
namespace {

std::vector<int> Goals(const std::vector<GoalEvidence>& evidence) {
  std::vector<int> out;
  for (const GoalEvidence& e : evidence) out.push_back(e.goal);
  return out;
}

TEST(GoalLexiconTest, LongestTermWinsAndRepeatsAddHalf) {
  GoalLexicon lexicon;
  ASSERT_TRUE(lexicon.Add("género", 5, 1));
  ASSERT_TRUE(lexicon.Add("violencia de género", 5, 2));
  ASSERT_TRUE(lexicon.Add("violencia", 16, 1));
  auto scored = lexicon.Score("Foro sobre violencia de género y violencia de género digital.");
  ASSERT_EQ(scored.size(), 1u);  // "violencia" inside the longer term does not count
  EXPECT_EQ(scored[0].goal, 5);
  EXPECT_DOUBLE_EQ(scored[0].score, 3);
}

TEST(GoalLexiconTest, TitleTermsCountDoubleAndGiveTheEvidence) {
  GoalLexicon lexicon;
  lexicon.Add("clima", 13, 1);
  std::string text = "Semana del Clima. Se habló del clima.";
  auto scored = lexicon.Score(text, {.title_begin = 0, .title_end = 16});
  ASSERT_EQ(scored.size(), 1u);
  EXPECT_DOUBLE_EQ(scored[0].score, 2.5);
  EXPECT_EQ(text.substr(scored[0].begin, scored[0].end - scored[0].begin), "Clima");
}

TEST(GoalLexiconTest, TermsInsideOrganisationNamesCountHalf) {
  GoalLexicon lexicon;
  lexicon.Add("movilidad", 11, 2);
  std::string text = "Reunión con la Secretaría de Movilidad.";
  size_t name = text.find("Secretaría");
  auto scored = lexicon.Score(text, {.names = {{name, text.size() - 1}}});
  ASSERT_EQ(scored.size(), 1u);
  EXPECT_DOUBLE_EQ(scored[0].score, 1);
}

TEST(GoalLexiconTest, InferKeepsTwoGoalsAtMostAndDropsWeakOnes) {
  GoalLexicon lexicon;
  lexicon.Add("movilidad", 11, 2);
  lexicon.Add("emisiones", 13, 1.5);
  lexicon.Add("mujeres", 5, 0.5);
  lexicon.Add("salud", 3, 0.5);
  InferOptions options;
  options.second_ratio = 0.7;
  std::string text = "Taller de movilidad y emisiones con mujeres y salud.";
  EXPECT_EQ(Goals(lexicon.Infer(text, {}, options)), (std::vector<int>{11, 13}));
  options.max_goals = 1;
  EXPECT_EQ(Goals(lexicon.Infer(text, {}, options)), (std::vector<int>{11}));
  EXPECT_TRUE(lexicon.Infer("Reunión con mujeres.", {}, InferOptions()).empty());
}

// The UN's wording is loaded first and the curated lexicon after it: where a curated term and
// a UN term stand on the same words, the curated one decides.
TEST(GoalLexiconTest, LaterTermOnTheSameWordsDecides) {
  GoalLexicon lexicon;
  lexicon.Add("movilidad*", 10, 0.5);
  lexicon.Add("movilidad", 11, 1.5);
  EXPECT_EQ(Goals(lexicon.Infer("Foro de movilidad.", {}, InferOptions())), (std::vector<int>{11}));
}

TEST(GoalLexiconTest, SecondGoalNeedsMostOfTheFirstScore) {
  GoalLexicon lexicon;
  lexicon.Add("policía", 16, 4);
  lexicon.Add("mujeres", 5, 1.5);
  auto goals = lexicon.Infer("Capacitación de la policía con mujeres.", {}, InferOptions());
  EXPECT_EQ(Goals(goals), (std::vector<int>{16}));
}

TEST(GoalLexiconTest, ConfidenceGrowsWithEvidence) {
  GoalLexicon lexicon;
  lexicon.Add("clima", 13, 1);
  lexicon.Add("emisiones", 13, 1.5);
  lexicon.Add("carbono", 13, 1.5);
  double weak = lexicon.Score("El clima.")[0].confidence;
  double strong = lexicon.Score("El clima, las emisiones y el carbono.")[0].confidence;
  EXPECT_LT(weak, strong);
  EXPECT_GT(weak, 0);
  EXPECT_LE(strong, 0.9);
}

TEST(GoalLexiconTest, RejectsBadEntries) {
  GoalLexicon lexicon;
  EXPECT_FALSE(lexicon.Add("", 5, 1));
  EXPECT_FALSE(lexicon.Add("clima", 18, 1));
  EXPECT_FALSE(lexicon.Add("clima", 13, 0));
  std::string path = ::testing::TempDir() + "/bad_lexicon.tsv";
  std::ofstream(path) << "# comment\nclima\t13\t1\nsalud\ttres\t1\n";
  Status s = lexicon.AddFile(path);
  EXPECT_EQ(s.code(), Code::kCorrupt);
  EXPECT_NE(s.message().find(":3:"), std::string::npos) << s.message();
}

TEST(GoalLexiconTest, LaterEntryReweightsTheSameTermAndGoal) {
  GoalLexicon lexicon;
  lexicon.Add("turismo", 8, 1);
  lexicon.Add("turismo", 8, 3);
  lexicon.Add("turismo", 11, 1);
  EXPECT_EQ(lexicon.size(), 2u);
  auto scored = lexicon.Score("turismo");
  ASSERT_EQ(scored.size(), 2u);
  EXPECT_DOUBLE_EQ(scored[0].score, 3);
}

}  // namespace
}  // namespace acervo::ods
