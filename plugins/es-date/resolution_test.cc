// The forms of issue #19 and where a missing year comes from, written from the language.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.h"

namespace acervo::es_date {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

using ResolutionTest = EsDateFixture;

DocumentContext On(std::string context_date) {
  DocumentContext d;
  d.context_date = std::move(context_date);
  return d;
}

TEST_F(ResolutionTest, AYearWordPointsBackToTheLastYearWritten) {
  const DocumentContext doc = Period("2023-01", "2023-12");
  EXPECT_THAT(
      Run("La Resolución 45 de 2011, expedida el 3 de marzo de ese año, sigue vigente.", doc),
      ElementsAre("3 de marzo de ese año=2011-03-03/2011-03-03"));
  EXPECT_THAT(Run("La red se fundó en 1995 y en noviembre del mismo año celebró su asamblea.", doc),
              ElementsAre("noviembre del mismo año=1995-11/1995-11"));
  EXPECT_THAT(Run("El convenio se firmó el 4 de mayo de 2018 y entró en vigor el 20 de ese mismo "
                  "mes.",
                  doc),
              ElementsAre("4 de mayo de 2018=2018-05-04/2018-05-04",
                          "20 de ese mismo mes=2018-05-20/2018-05-20"));
}

TEST_F(ResolutionTest, AChronologysYearHeadingDatesItsMonths) {
  // A 2021-2022 report whose chronology goes back to 2017: the year heading wins.
  const DocumentContext doc = Period("2021-01", "2022-12");
  testing::Passage entry;
  entry.text = "El 16 de mayo se recibió a la delegación.";
  entry.headings = {"Cronología", "2017", "MAYO"};
  testing::Passage month;
  month.text = "SEPTIEMBRE";
  month.kind = SegmentKind::kHeading;
  month.headings = {"Cronología", "Año 2018"};
  auto out = harness_.ExtractSegments({entry, month}, doc);
  EXPECT_THAT(Dates(entry.text, out[0]), ElementsAre("16 de mayo=2017-05-16/2017-05-16"));
  EXPECT_THAT(Dates(month.text, out[1]), ElementsAre("SEPTIEMBRE=2018-09/2018-09"));
}

TEST_F(ResolutionTest, AChronologyRunsPastDecemberWhenAYearHeadingIsLost) {
  // Under "2021": NOVIEMBRE, DICIEMBRE, then MARZO, whose "2022" heading the OCR lost.
  const DocumentContext doc = Period("2017-01", "2022-12");
  std::vector<testing::Passage> passages;
  for (const char* month : {"NOVIEMBRE", "DICIEMBRE", "MARZO"}) {
    testing::Passage heading;
    heading.text = month;
    heading.kind = SegmentKind::kHeading;
    heading.headings = {"Cronología", "2021"};
    testing::Passage entry;
    entry.text = std::string("El 15 de ") + month + " se firmó un acuerdo.";
    entry.headings = {"Cronología", "2021", month};
    passages.push_back(heading);
    passages.push_back(entry);
  }
  auto out = harness_.ExtractSegments(passages, doc);
  EXPECT_THAT(Dates(passages[3].text, out[3]),
              ElementsAre("15 de DICIEMBRE=2021-12-15/2021-12-15"));
  EXPECT_THAT(Dates(passages[4].text, out[4]), ElementsAre("MARZO=2022-03/2022-03"));
  EXPECT_THAT(Dates(passages[5].text, out[5]), ElementsAre("15 de MARZO=2022-03-15/2022-03-15"));
  // Newest first: the months go backward from the start, and stay in the heading's year.
  testing::Passage june, may;
  june.text = "JUNIO";
  may.text = "MAYO";
  june.kind = may.kind = SegmentKind::kHeading;
  june.headings = may.headings = {"2020"};
  auto back = harness_.ExtractSegments({june, may}, doc);
  EXPECT_THAT(Dates(may.text, back[1]), ElementsAre("MAYO=2020-05/2020-05"));
}

TEST_F(ResolutionTest, AYearWrittenJustBeforeInThePassage) {
  const DocumentContext doc = On("2024-03-10");
  EXPECT_THAT(Run("En 2019 la ciudad se unió a la red. El 5 de junio presentó su plan.", doc),
              ElementsAre("5 de junio=2019-06-05/2019-06-05"));
  // What will happen belongs to the document's time.
  EXPECT_THAT(
      Run("En 2019 la ciudad se unió a la red. El 5 de junio se realizará la asamblea.", doc),
      ElementsAre("5 de junio=2024-06-05/2024-06-05"));
  // A date's year outside the period tells when that date is, not when the narration is.
  const DocumentContext report = Period("2023-01", "2023-12");
  EXPECT_THAT(Run("La asistencia vencía en junio de 2023 y se extendió hasta junio de 2024. "
                  "Lima se incorporó el 31 de mayo a la alianza.",
                  report),
              ElementsAre("junio de 2023=2023-06/2023-06", "junio de 2024=2024-06/2024-06",
                          "31 de mayo=2023-05-31/2023-05-31"));
  EXPECT_THAT(Run("En 2019 la ciudad se unió a la red. El 5 de junio presentó su plan.", report),
              ElementsAre("5 de junio=2019-06-05/2019-06-05"));
}

TEST_F(ResolutionTest, MonthFirstDates) {
  const DocumentContext doc = Period("2024-01", "2024-12");
  EXPECT_THAT(Run("Se firmó el acta el día agosto 14 del 2015.", doc),
              ElementsAre("agosto 14 del 2015=2015-08-14/2015-08-14"));
  EXPECT_THAT(Run("Bogotá, Marzo 21 de 2024", doc),
              ElementsAre("Marzo 21 de 2024=2024-03-21/2024-03-21"));
  EXPECT_THAT(Run("La comisión sesionó junio 8 y volvió a reunirse septiembre 2.", doc),
              ElementsAre("junio 8=2024-06-08/2024-06-08", "septiembre 2=2024-09-02/2024-09-02"));
  EXPECT_THAT(Run("Desde enero 1º de 2024 rige el reglamento.", doc),
              ElementsAre("enero 1º de 2024=2024-01-01/2024-01-01"));
  EXPECT_THAT(Run("El mayo 1ro. marcharon los sindicatos.", doc),
              ElementsAre("mayo 1ro.=2024-05-01/2024-05-01"));
  // A number after a month that counts what follows is not a day: the counted noun or its
  // adjective is plural, or a numeral follows.
  EXPECT_THAT(Run("En marzo 3 reuniones se suspendieron.", doc),
              ElementsAre("marzo=2024-03/2024-03"));
  EXPECT_THAT(Run("Para octubre 2 mil familias recibirán apoyo.", doc),
              ElementsAre("octubre=2024-10/2024-10"));
  // A verb after the day leaves it a day.
  EXPECT_THAT(Run("Las obras que iniciaron en noviembre 4 terminan el mes próximo.", doc),
              ElementsAre("noviembre 4=2024-11-04/2024-11-04"));
  EXPECT_THAT(Run("El alcalde recordó que el pasado febrero 27 inauguró la biblioteca.", doc),
              ElementsAre("febrero 27=2024-02-27/2024-02-27"));
}

TEST_F(ResolutionTest, DayMonthInDigitsAfterACue) {
  const DocumentContext doc = Period("2024-01", "2024-12");
  EXPECT_THAT(Run("La entrega se hizo el 9-4 en la sede.", doc),
              ElementsAre("9-4=2024-04-09/2024-04-09"));
  EXPECT_THAT(Run("El equipo ganó 3-2 el domingo.", doc), IsEmpty());
  EXPECT_THAT(Run("15-02: cierre de la convocatoria.", doc),
              ElementsAre("15-02=2024-02-15/2024-02-15"));
  EXPECT_THAT(Run("3-2: resultado final del partido.", doc), IsEmpty());
  EXPECT_THAT(Run("Se asignó el lote 01-02 al proveedor.", doc), IsEmpty());
}

TEST_F(ResolutionTest, ALegalActsDayOfTheMonth) {
  EXPECT_THAT(Run("Dado en Cali, a los 12 días del mes de diciembre de 2024."),
              ElementsAre("12 días del mes de diciembre de 2024=2024-12-12/2024-12-12"));
  EXPECT_THAT(Run("a los 3 días de mayo de 2021, reunidos"),
              ElementsAre("3 días de mayo de 2021=2021-05-03/2021-05-03"));
}

TEST_F(ResolutionTest, DeedsWriteTheWholeDateInWords) {
  EXPECT_THAT(Run("Expedida a los treinta y un (31) días del mes de enero del año dos mil "
                  "veintidós (2022)."),
              ElementsAre("treinta y un (31) días del mes de enero del año dos mil veintidós "
                          "(2022)=2022-01-31/2022-01-31"));
  EXPECT_THAT(Run("Firmada el treinta y uno de marzo de mil novecientos noventa y ocho."),
              ElementsAre("treinta y uno de marzo de mil novecientos noventa y ocho="
                          "1998-03-31/1998-03-31"));
  EXPECT_THAT(Run("Comuníquese. Dada en Quito, al primer día del mes de abril de 2019."),
              ElementsAre("primer día del mes de abril de 2019=2019-04-01/2019-04-01"));
  EXPECT_THAT(Run("Se suscribe a un (1) día del mes de septiembre de dos mil veintiuno (2021)."),
              ElementsAre("un (1) día del mes de septiembre de dos mil veintiuno (2021)="
                          "2021-09-01/2021-09-01"));
  // Another year in parentheses is no part of the date; "un marzo" is no day.
  EXPECT_THAT(Run("Vence el 4 de junio de 2021 (2020 en la versión anterior)."),
              ElementsAre("4 de junio de 2021=2021-06-04/2021-06-04"));
  EXPECT_THAT(Run("Un día del mes de marzo de 2019 llegó la carta."),
              ElementsAre("mes de marzo de 2019=2019-03/2019-03"));
  EXPECT_THAT(Run("Fue un marzo de 2019 muy lluvioso."),
              ElementsAre("marzo de 2019=2019-03/2019-03"));
}

TEST_F(ResolutionTest, PasadoAndProximoAfterTheDate) {
  const DocumentContext doc = On("2021-06-15");
  EXPECT_THAT(Run("La obra concluirá el 10 de junio próximo.", doc),
              ElementsAre("10 de junio=2022-06-10/2022-06-10"));
  EXPECT_THAT(Run("Se recibió el 20 de junio pasado.", doc),
              ElementsAre("20 de junio=2020-06-20/2020-06-20"));
  EXPECT_THAT(Run("La solicitud del 20 de junio próximo pasado fue atendida.", doc),
              ElementsAre("20 de junio=2020-06-20/2020-06-20"));
}

TEST_F(ResolutionTest, OrdinalDayMarksAndOldYears) {
  EXPECT_THAT(Run("Rige desde el 1ero. de marzo de 2022."),
              ElementsAre("1ero. de marzo de 2022=2022-03-01/2022-03-01"));
  EXPECT_THAT(Run("La ciudad fue fundada el 25 de julio de 1536."),
              ElementsAre("25 de julio de 1536=1536-07-25/1536-07-25"));
  // Only after "de": a count after a month is no year.
  EXPECT_THAT(Run("En enero 1200 familias se inscribieron.", Period("2022-01", "2022-12")),
              ElementsAre("enero=2022-01/2022-01"));
}

TEST_F(ResolutionTest, APressReleasesDatelineDatesItsText) {
  // No period, no context date: the dateline says when "el pasado octubre 12" is, not a
  // later year the text mentions in passing.
  testing::Passage dateline, body, later;
  dateline.text = "Puebla, Pue., noviembre 7 de 2023.";
  body.text = "La segunda edición del foro será en marzo 5 del 2024.";
  later.text = "El pasado octubre 12 se instaló la mesa y el 4 de diciembre próximo sesiona.";
  auto out = harness_.ExtractSegments({dateline, body, later}, DocumentContext{});
  EXPECT_THAT(Dates(later.text, out[2]), ElementsAre("octubre 12=2023-10-12/2023-10-12",
                                                     "4 de diciembre=2023-12-04/2023-12-04"));
  // A date that does not end its sentence is no dateline.
  testing::Passage opening;
  opening.text = "El 3 de marzo de 2021 se abrió la convocatoria, que cerró en mayo de 2022.";
  auto plain = harness_.ExtractSegments({opening, later}, DocumentContext{});
  EXPECT_THAT(Dates(later.text, plain[1]), ElementsAre("octubre 12=2022-10-12/2022-10-12",
                                                       "4 de diciembre=2022-12-04/2022-12-04"));
}

TEST_F(ResolutionTest, ListsAreNotRanges) {
  EXPECT_THAT(Run("Hubo inundaciones durante octubre de 2019 y abril de 2020."),
              ElementsAre("octubre de 2019=2019-10/2019-10", "abril de 2020=2020-04/2020-04"));
  EXPECT_THAT(Run("entre octubre de 2019 y abril de 2020"),
              ElementsAre("entre octubre de 2019 y abril de 2020=2019-10/2020-04"));
  EXPECT_THAT(Run("El programa corrió de junio de 2023 a junio de 2024."),
              ElementsAre("de junio de 2023 a junio de 2024=2023-06/2024-06"));
  // A date moved to another: the old and the new.
  EXPECT_THAT(Run("Se prorrogó el convenio de junio de 2023 a junio de 2024."),
              ElementsAre("junio de 2023=2023-06/2023-06", "junio de 2024=2024-06/2024-06"));
  EXPECT_THAT(Run("La feria se aplazó del 3 de mayo de 2022 al 10 de junio de 2022."),
              ElementsAre("3 de mayo de 2022=2022-05-03/2022-05-03",
                          "10 de junio de 2022=2022-06-10/2022-06-10"));
}

TEST_F(ResolutionTest, ARangeMayEndInABareYear) {
  // The text gives one end only as a year: the range keeps each end's precision.
  EXPECT_THAT(Run("La red funcionó de 2014 hasta mayo de 2018."),
              ElementsAre("de 2014 hasta mayo de 2018=2014/2018-05"));
  EXPECT_THAT(Run("Vivió allí desde 2015 hasta el 5 de mayo de 2017."),
              ElementsAre("desde 2015 hasta el 5 de mayo de 2017=2015/2017-05-05"));
  EXPECT_THAT(Run("Estuvo cerrado entre 2015 y feb 2018."),
              ElementsAre("entre 2015 y feb 2018=2015/2018-02"));
  EXPECT_THAT(Run("Estuvo cerrado entre mayo de 2015 y 2018, por obras."),
              ElementsAre("entre mayo de 2015 y 2018=2015-05/2018"));
  // The year of a law or an identifier is no end of a range.
  EXPECT_THAT(Run("Prorrogada por la Ley 1450 de 2011 hasta el 31 de diciembre de 2014."),
              ElementsAre("31 de diciembre de 2014=2014-12-31/2014-12-31"));
  EXPECT_THAT(Run("Se firmó en mayo de 2015 y 2018 fue el año de su evaluación."),
              ElementsAre("mayo de 2015=2015-05/2015-05"));
}

TEST_F(ResolutionTest, AMonthEndTakesTheYearOfTheOtherEnd) {
  // Across New Year, the year-less start is the year before.
  EXPECT_THAT(Run("La temporada va de noviembre a 5 de febrero de 2017."),
              ElementsAre("de noviembre a 5 de febrero de 2017=2016-11/2017-02-05"));
  EXPECT_THAT(Run("de 1 de feb a marzo de 2019"),
              ElementsAre("de 1 de feb a marzo de 2019=2019-02-01/2019-03"));
}

TEST_F(ResolutionTest, TheContextDateSetsAsideAPeriodItContradicts) {
  // A press release of June 2024 whose period was taken from a month it mentions in passing.
  DocumentContext doc = Period("2023-10", "2023-10");
  doc.context_date = "2024-06-03";
  EXPECT_THAT(Run("El foro se realizará el 5 de junio.", doc),
              ElementsAre("5 de junio=2024-06-05/2024-06-05"));
  // A yearly report read a month after its period keeps its period.
  DocumentContext report = Period("2022-01", "2022-12");
  report.context_date = "2023-01-20";
  EXPECT_THAT(Run("El foro se realizó el 5 de junio.", report),
              ElementsAre("5 de junio=2022-06-05/2022-06-05"));
}

TEST_F(ResolutionTest, DayMonthDigitsBetweenTwoArticles) {
  const DocumentContext doc = Period("2021-01", "2021-12");
  EXPECT_THAT(Run("Entre el 2/3 y el 5/3 se cerró la inscripción.", doc),
              ElementsAre("Entre el 2/3 y el 5/3=2021-03-02/2021-03-05"));
}

TEST_F(ResolutionTest, AWeekdayBeforeTheDay) {
  const DocumentContext doc = Period("2024-01", "2024-12");
  EXPECT_THAT(Run("Las jornadas son el jueves 4 y el viernes 5 de julio.", doc),
              ElementsAre("4=2024-07-04/2024-07-04", "5 de julio=2024-07-05/2024-07-05"));
  EXPECT_THAT(Run("Entre el lunes 8 y el viernes 12 de julio habrá talleres.", doc),
              ElementsAre("Entre el lunes 8 y el viernes 12 de julio=2024-07-08/2024-07-12"));
  EXPECT_THAT(Run("Del martes, 2 al jueves, 4 de abril de 2024.", doc),
              ElementsAre("Del martes, 2 al jueves, 4 de abril de 2024=2024-04-02/2024-04-04"));
}

TEST_F(ResolutionTest, EnglishDatesInReferences) {
  EXPECT_THAT(Run("Smith, J. (2019, June 3). Cities and networks. Retrieved"),
              ElementsAre("2019, June 3=2019-06-03/2019-06-03"));
  EXPECT_THAT(Run("Consultado en línea, November 12, 2016."),
              ElementsAre("November 12, 2016=2016-11-12/2016-11-12"));
  EXPECT_THAT(Run("UN-Habitat (3 March 2020). Urban outlook."),
              ElementsAre("3 March 2020=2020-03-03/2020-03-03"));
  EXPECT_THAT(Run("We may meet in March."), IsEmpty());
}

TEST_F(ResolutionTest, ADayRangeEndingInDigits) {
  EXPECT_THAT(Run("La feria se realizó del 05 al 07/07/2023 en el parque."),
              ElementsAre("del 05 al 07/07/2023=2023-07-05/2023-07-07"));
  EXPECT_THAT(Run("Vacunación entre el 13 y el 17.03.2023."),
              ElementsAre("entre el 13 y el 17.03.2023=2023-03-13/2023-03-17"));
  // Not a range: the days go backward, or "y" without "entre" lists.
  EXPECT_THAT(Run("del 9 al 03/07/2023"), ElementsAre("03/07/2023=2023-07-03/2023-07-03"));
}

TEST_F(ResolutionTest, AConnectorTheOcrGluedToAYear) {
  EXPECT_THAT(Run("Plazo: marzo de 2022a febrero de 2023."),
              ElementsAre("marzo de 2022a febrero de 2023=2022-03/2023-02"));
  // Glued to a letter it is no connector: "sepa" is a word.
  EXPECT_THAT(Run("Que se sepa junio de 2022 fue seco."),
              ElementsAre("junio de 2022=2022-06/2022-06"));
}

TEST_F(ResolutionTest, YHastaStillClosesARange) {
  EXPECT_THAT(
      Run("Las inscripciones van desde el 4 de abril y hasta el 30 de mayo de 2021."),
      ElementsAre("desde el 4 de abril y hasta el 30 de mayo de 2021=2021-04-04/2021-05-30"));
}

TEST_F(ResolutionTest, NotDates) {
  const DocumentContext doc = Period("2024-01", "2024-12");
  EXPECT_THAT(Run("Véase https://ejemplo.org/2024/03/15/informe y el plan 2019-2024.", doc),
              IsEmpty());
  EXPECT_THAT(Run("La Tercera Sesión Ordinaria aprobó el acta.", doc), IsEmpty());
  EXPECT_THAT(Run("DECRETO No. 7/2 DE 2025", doc), IsEmpty());             // a number, after "No."
  EXPECT_THAT(Run("El 3/4 de los recursos se ejecutó.", doc), IsEmpty());  // a share
  EXPECT_THAT(Run("Visitas. 22/04: llegada de la misión.", doc),
              ElementsAre("22/04=2024-04-22/2024-04-22"));
}

}  // namespace
}  // namespace acervo::es_date
