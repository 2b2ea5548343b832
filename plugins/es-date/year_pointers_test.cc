// Words that point to a year ("del año siguiente", "del presente año") and chronologies whose
// year headings are plain lines: where such dates take their year, written from the language.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.h"

namespace acervo::es_date {
namespace {

using ::testing::ElementsAre;

using YearPointersTest = EsDateFixture;

TEST_F(YearPointersTest, AShiftedWordCountsFromTheYearNamedBefore) {
  const DocumentContext doc = Period("2022-01", "2022-12");
  EXPECT_THAT(
      Run("La comisión se creó en 2009 y sesionó por primera vez en abril del año siguiente.", doc),
      ElementsAre("abril del año siguiente=2010-04/2010-04"));
  EXPECT_THAT(Run("El puente se inauguró el 2 de agosto de 2015; los estudios habían empezado en "
                  "mayo del año anterior.",
                  doc),
              ElementsAre("2 de agosto de 2015=2015-08-02/2015-08-02",
                          "mayo del año anterior=2014-05/2014-05"));
}

TEST_F(YearPointersTest, AYearWordTakesTheYearAnEarlierDateOfThePassageTook) {
  // No year is written in the passage: "del mismo año" is the year "3 de abril" took.
  const DocumentContext doc = Period("2015-01", "2018-12");
  testing::Passage entry;
  entry.text = "El 3 de abril se abrió la consulta, que cerró el 30 de mayo del mismo año.";
  entry.headings = {"Cronología", "2017"};
  auto out = harness_.ExtractSegments({entry}, doc);
  EXPECT_THAT(Dates(entry.text, out[0]),
              ElementsAre("3 de abril=2017-04-03/2017-04-03",
                          "30 de mayo del mismo año=2017-05-30/2017-05-30"));
}

TEST_F(YearPointersTest, WordsForTheDocumentsOwnYearTakeItsTime) {
  const DocumentContext report = Period("2023-07", "2023-09");
  EXPECT_THAT(Run("La inscripción cierra el 15 de septiembre del presente año.", report),
              ElementsAre("15 de septiembre del presente año=2023-09-15/2023-09-15"));
  EXPECT_THAT(Run("Las obras terminarán en marzo del año en curso.", report),
              ElementsAre("marzo del año en curso=2023-03/2023-03"));
  DocumentContext note;
  note.context_date = "2024-05-20";
  EXPECT_THAT(Run("La segunda fase empezará en febrero del próximo año.", note),
              ElementsAre("febrero del próximo año=2025-02/2025-02"));
  EXPECT_THAT(Run("El informe se entregó el 9 de octubre del año pasado.", note),
              ElementsAre("9 de octubre del año pasado=2023-10-09/2023-10-09"));
}

TEST_F(YearPointersTest, ASentenceThatSaysTheYearByNowDatesItsDays) {
  DocumentContext note;
  note.context_date = "2024-05-20";
  EXPECT_THAT(Run("La primera edición se celebró el año pasado, del 3 al 5 de octubre.", note),
              ElementsAre("del 3 al 5 de octubre=2023-10-03/2023-10-05"));
  EXPECT_THAT(Run("Este año la feria abrirá el 2 de septiembre.", note),
              ElementsAre("2 de septiembre=2024-09-02/2024-09-02"));
}

TEST_F(YearPointersTest, ADateAfterDesdeDoesNotSetTheSentencesYear) {
  DocumentContext note;
  note.context_date = "2024-05-20";
  EXPECT_THAT(Run("La fundación financia la beca desde el 1 de marzo de 2022 y abre la "
                  "inscripción entre junio y julio.",
                  note),
              ElementsAre("1 de marzo de 2022=2022-03-01/2022-03-01",
                          "entre junio y julio=2024-06/2024-07"));
  EXPECT_THAT(Run("El 1 de marzo de 2022 se abrió la beca y en junio se dio el primer pago.", note),
              ElementsAre("1 de marzo de 2022=2022-03-01/2022-03-01", "junio=2022-06/2022-06"));
}

TEST_F(YearPointersTest, ADatesYearInTheSameSentenceDatesWhatFollowsOutsideThePeriod) {
  const DocumentContext doc = Period("2023-01", "2023-12");
  EXPECT_THAT(Run("La misión llegó el 12 de julio de 2021 y partió a finales de agosto.", doc),
              ElementsAre("12 de julio de 2021=2021-07-12/2021-07-12", "agosto=2021-08/2021-08"));
  EXPECT_THAT(
      Run("El plazo se extendió hasta junio de 2024. Lima se incorporó el 31 de mayo.", doc),
      ElementsAre("junio de 2024=2024-06/2024-06", "31 de mayo=2023-05-31/2023-05-31"));
}

TEST_F(YearPointersTest, ALineThatIsOnlyAYearHeadsTheLinesBelowIt) {
  // A book's chronology in plain text: "2016" and "Marzo" are lines, not marked headings.
  const DocumentContext doc = Period("2015-01", "2017-12");
  std::vector<testing::Passage> passages(5);
  passages[0].text = "La ciudad ingresó a la red en mayo de 2015.";
  passages[1].text = "2016";
  passages[2].text = "Marzo";
  passages[3].text = "El 18 de marzo se firmó la carta de intención.";
  passages[4].text = "Año 2017";
  auto out = harness_.ExtractSegments(passages, doc);
  EXPECT_THAT(Dates(passages[2].text, out[2]), ElementsAre("Marzo=2016-03/2016-03"));
  EXPECT_THAT(Dates(passages[3].text, out[3]), ElementsAre("18 de marzo=2016-03-18/2016-03-18"));
  testing::Passage after;
  after.text = "En julio se presentó el balance.";
  out = harness_.ExtractSegments({passages[1], passages[4], after}, doc);
  EXPECT_THAT(Dates(after.text, out[2]), ElementsAre("julio=2017-07/2017-07"));
}

TEST_F(YearPointersTest, ALineYearDoesNotReachPastANewHeading) {
  const DocumentContext doc = Period("2020-01", "2020-12");
  testing::Passage year, entry;
  year.text = "2016";
  year.headings = {"Antecedentes"};
  entry.text = "El 4 de junio se aprobó el plan.";
  entry.headings = {"Acciones del año"};
  auto out = harness_.ExtractSegments({year, entry}, doc);
  EXPECT_THAT(Dates(entry.text, out[1]), ElementsAre("4 de junio=2020-06-04/2020-06-04"));
}

TEST_F(YearPointersTest, ADateThatRecursEveryYearIsNoMention) {
  const DocumentContext doc = Period("2023-01", "2023-12");
  EXPECT_THAT(Run("Como cada 8 de marzo, la alcaldía iluminó el puente.", doc), ElementsAre());
  EXPECT_THAT(Run("Todos los 12 de octubre se celebra la fiesta del barrio.", doc), ElementsAre());
  EXPECT_THAT(Run("El informe se remite el 31 de enero de cada año.", doc), ElementsAre());
  EXPECT_THAT(Run("El informe de 2023 se remitió el 31 de enero.", doc),
              ElementsAre("31 de enero=2023-01-31/2023-01-31"));
}

TEST_F(YearPointersTest, AMonthFirstListGivesOneDateADay) {
  const DocumentContext doc = Period("2023-01", "2023-12");
  EXPECT_THAT(Run("Los talleres fueron marzo 3, 4 y 5 en la sede.", doc),
              ElementsAre("marzo 3=2023-03-03/2023-03-03", "4=2023-03-04/2023-03-04",
                          "5=2023-03-05/2023-03-05"));
}

}  // namespace
}  // namespace acervo::es_date
