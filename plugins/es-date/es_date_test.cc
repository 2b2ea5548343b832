#include "es_date.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.h"

namespace acervo::es_date {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

using EsDateTest = EsDateFixture;

TEST_F(EsDateTest, FullDates) {
  EXPECT_THAT(Run("La sesión se celebró el 08 de febrero de 2024 en la sede."),
              ElementsAre("08 de febrero de 2024=2024-02-08/2024-02-08"));
  EXPECT_THAT(Run("Firmado el 19 de septiembre del 2017."),
              ElementsAre("19 de septiembre del 2017=2017-09-19/2017-09-19"));
  EXPECT_THAT(Run("Publicado el 25 de noviembre 2020 en la gaceta."),
              ElementsAre("25 de noviembre 2020=2020-11-25/2020-11-25"));
}

TEST_F(EsDateTest, PartialDatesTakeTheYearOfThePeriod) {
  DocumentContext doc = Period("2020-07", "2020-12");
  EXPECT_THAT(Run("El 22 de septiembre se realizó el foro.", doc),
              ElementsAre("22 de septiembre=2020-09-22/2020-09-22"));
  EXPECT_THAT(Run("La ceremonia fue el 1º de julio.", doc),
              ElementsAre("1º de julio=2020-07-01/2020-07-01"));
  EXPECT_THAT(Run("El 09 de enero inició el programa.", Period("2024-01", "2024-02")),
              ElementsAre("09 de enero=2024-01-09/2024-01-09"));
}

TEST_F(EsDateTest, PasadoLooksBeforeTheDocumentsTime) {
  EXPECT_THAT(Run("El pasado 11 de noviembre se firmó el convenio.", Period("2021-06", "2021-06")),
              ElementsAre("11 de noviembre=2020-11-11/2020-11-11"));
  EXPECT_THAT(Run("Inscripciones antes del próximo 9 de junio.", Period("2021-06", "2021-06")),
              ElementsAre("9 de junio=2021-06-09/2021-06-09"));
}

TEST_F(EsDateTest, NumericDates) {
  EXPECT_THAT(Run("Fecha de corte: 29/02/2024."), ElementsAre("29/02/2024=2024-02-29/2024-02-29"));
  EXPECT_THAT(Run("Fecha de corte: 29-02-2024."), ElementsAre("29-02-2024=2024-02-29/2024-02-29"));
  EXPECT_THAT(Run("Fecha de corte: 2024-02-29."), ElementsAre("2024-02-29=2024-02-29/2024-02-29"));
  EXPECT_THAT(Run("No existe el 29/02/2023."), IsEmpty());
}

TEST_F(EsDateTest, AmbiguousNumericOrderIsTrustedLess) {
  auto clear = Mentions("Recibido el 25/03/2024.");
  auto ambiguous = Mentions("Recibido el 03/04/2024.");
  ASSERT_EQ(clear.size(), 1u);
  ASSERT_EQ(ambiguous.size(), 1u);
  EXPECT_EQ(ambiguous[0].value["start"], "2024-04-03");
  EXPECT_LT(ambiguous[0].confidence, clear[0].confidence);
}

TEST_F(EsDateTest, MonthPrecision) {
  EXPECT_THAT(Run("El informe cubre febrero de 2024."),
              ElementsAre("febrero de 2024=2024-02/2024-02"));
  EXPECT_THAT(Run("Cifras de febrero 2024."), ElementsAre("febrero 2024=2024-02/2024-02"));
  EXPECT_THAT(Run("Se lanzó en el mes de septiembre.", Period("2020-07", "2020-12")),
              ElementsAre("mes de septiembre=2020-09/2020-09"));
  EXPECT_THAT(Run("Iniciativa concluida en octubre", Period("2020-07", "2020-12")),
              ElementsAre("octubre=2020-10/2020-10"));
}

TEST_F(EsDateTest, BibliographicYearMonthDay) {
  EXPECT_THAT(Run("Pérez, J. (2018, mayo 24). Ciudades resilientes."),
              ElementsAre("2018, mayo 24=2018-05-24/2018-05-24"));
}

TEST_F(EsDateTest, AbbreviatedCapitalisedAndUnaccentedMonths) {
  EXPECT_THAT(Run("Entrega: 15 sept. 2023"), ElementsAre("15 sept. 2023=2023-09-15/2023-09-15"));
  EXPECT_THAT(Run("Entrega: 3 ene 2024"), ElementsAre("3 ene 2024=2024-01-03/2024-01-03"));
  EXPECT_THAT(Run("INFORME BIMESTRAL ENERO 2024"), ElementsAre("ENERO 2024=2024-01/2024-01"));
  EXPECT_THAT(Run("Reunión del 5 de Setiembre de 2022"),
              ElementsAre("5 de Setiembre de 2022=2022-09-05/2022-09-05"));
  // An abbreviation alone is not a month ("mar" is the sea).
  EXPECT_THAT(Run("Una jornada frente al mar", Period("2020-07", "2020-12")), IsEmpty());
}

TEST_F(EsDateTest, AcrossALineBreak) {
  EXPECT_THAT(Run("se llevó a cabo el 14 de\nfebrero de 2024 en la sala"),
              ElementsAre("14 de\nfebrero de 2024=2024-02-14/2024-02-14"));
}

TEST_F(EsDateTest, DayRanges) {
  EXPECT_THAT(Run("Se realizó del 18 al 21 de junio de 2024."),
              ElementsAre("del 18 al 21 de junio de 2024=2024-06-18/2024-06-21"));
  EXPECT_THAT(Run("Se realizó 3 al 5 de julio de 2024."),
              ElementsAre("3 al 5 de julio de 2024=2024-07-03/2024-07-05"));
  EXPECT_THAT(Run("Jornadas 9 a 13 de noviembre", Period("2020-07", "2020-12")),
              ElementsAre("9 a 13 de noviembre=2020-11-09/2020-11-13"));
  EXPECT_THAT(Run("Estaré fuera entre el 4 y el 22 de marzo de 2025."),
              ElementsAre("entre el 4 y el 22 de marzo de 2025=2025-03-04/2025-03-22"));
}

TEST_F(EsDateTest, CrossMonthRanges) {
  DocumentContext doc = Period("2020-07", "2020-12");
  EXPECT_THAT(Run("Foro, 30 de septiembre al 2 de octubre", doc),
              ElementsAre("30 de septiembre al 2 de octubre=2020-09-30/2020-10-02"));
  EXPECT_THAT(Run("Vigencia: 01 de enero al 30 de septiembre 2024"),
              ElementsAre("01 de enero al 30 de septiembre 2024=2024-01-01/2024-09-30"));
  EXPECT_THAT(
      Run("El acuerdo rige del 17 de agosto de 2020 al 17 de agosto de 2021."),
      ElementsAre("del 17 de agosto de 2020 al 17 de agosto de 2021=2020-08-17/2021-08-17"));
}

TEST_F(EsDateTest, MonthRanges) {
  DocumentContext doc = Period("2020-07", "2020-12");
  EXPECT_THAT(Run("La campaña corrió de septiembre a noviembre.", doc),
              ElementsAre("de septiembre a noviembre=2020-09/2020-11"));
  EXPECT_THAT(Run("Acciones realizadas entre julio y diciembre 2020"),
              ElementsAre("entre julio y diciembre 2020=2020-07/2020-12"));
  EXPECT_THAT(Run("INFORME ENERO-FEBRERO 2024"), ElementsAre("ENERO-FEBRERO 2024=2024-01/2024-02"));
  EXPECT_THAT(Run("Exposición de diciembre de 2020 a mayo de 2021."),
              ElementsAre("de diciembre de 2020 a mayo de 2021=2020-12/2021-05"));
  EXPECT_THAT(Run("Muestra de noviembre a febrero de 2021."),
              ElementsAre("de noviembre a febrero de 2021=2020-11/2021-02"));
}

TEST_F(EsDateTest, PartsOfAYear) {
  EXPECT_THAT(Run("Durante el primer semestre de 2020 se firmaron convenios."),
              ElementsAre("primer semestre de 2020=2020-01/2020-06"));
  EXPECT_THAT(Run("Reporte del segundo trimestre de 2021."),
              ElementsAre("segundo trimestre de 2021=2021-04/2021-06"));
  EXPECT_THAT(Run("En el segundo semestre del año", Period("2020-07", "2020-12")),
              ElementsAre("segundo semestre=2020-07/2020-12"));
}

TEST_F(EsDateTest, ListsGiveOneMentionPerDate) {
  EXPECT_THAT(Run("Sesiones: 13, 20 y 27 de febrero de 2024."),
              ElementsAre("13=2024-02-13/2024-02-13", "20=2024-02-20/2024-02-20",
                          "27 de febrero de 2024=2024-02-27/2024-02-27"));
  EXPECT_THAT(Run("Taller\t13, 20 y 27 de febrero de 2024\tEn línea"),
              ElementsAre("13=2024-02-13/2024-02-13", "20=2024-02-20/2024-02-20",
                          "27 de febrero de 2024=2024-02-27/2024-02-27"));
  EXPECT_THAT(
      Run("Taller virtual los días 08 y 15 de febrero de 2024."),
      ElementsAre("08=2024-02-08/2024-02-08", "15 de febrero de 2024=2024-02-15/2024-02-15"));
  EXPECT_THAT(
      Run("Reuniones del 30 de noviembre y 1 de diciembre", Period("2020-07", "2020-12")),
      ElementsAre("30 de noviembre=2020-11-30/2020-11-30", "1 de diciembre=2020-12-01/2020-12-01"));
  EXPECT_THAT(
      Run("Se reunieron el 20 de julio, 14 de septiembre y 1 de octubre de 2020."),
      ElementsAre("20 de julio=2020-07-20/2020-07-20", "14 de septiembre=2020-09-14/2020-09-14",
                  "1 de octubre de 2020=2020-10-01/2020-10-01"));
  EXPECT_THAT(Run("Respecto a los meses de noviembre y diciembre, del ejercicio 2023."),
              ElementsAre("noviembre=2023-11/2023-11", "diciembre=2023-12/2023-12"));
}

TEST_F(EsDateTest, YearFromTheSameSentenceComesFirst) {
  EXPECT_THAT(
      Run("Los meses de noviembre y diciembre, del ejercicio 2023.", Period("2024-01", "2024-02")),
      ElementsAre("noviembre=2023-11/2023-11", "diciembre=2023-12/2023-12"));
}

TEST_F(EsDateTest, YearFromTheSectionHeading) {
  testing::Passage p{"El 3 de marzo se instaló la mesa."};
  p.headings = {"Informe anual", "Actividades 2019"};
  auto out = harness_.ExtractSegments({p});
  EXPECT_THAT(Dates(p.text, out[0]), ElementsAre("3 de marzo=2019-03-03/2019-03-03"));
}

TEST_F(EsDateTest, YearFromEarlierInTheDocument) {
  testing::Passage first{"Informe de actividades, marzo de 2019."};
  testing::Passage second{"El 12 de abril se presentó el plan."};
  auto out = harness_.ExtractSegments({first, second});
  EXPECT_THAT(Dates(second.text, out[1]), ElementsAre("12 de abril=2019-04-12/2019-04-12"));
}

TEST_F(EsDateTest, YearFromTheContextDate) {
  DocumentContext doc;
  doc.context_date = "2024-02-01";
  EXPECT_THAT(Run("El 15 de enero se publicó.", doc),
              ElementsAre("15 de enero=2024-01-15/2024-01-15"));
}

TEST_F(EsDateTest, NoYearAnywhereGivesNoMention) {
  EXPECT_THAT(Run("El 15 de enero se publicó."), IsEmpty());
}

TEST_F(EsDateTest, ConfidenceFollowsHowTheYearWasFound) {
  DocumentContext doc = Period("2020-07", "2020-12");
  auto stated = Mentions("El 22 de septiembre de 2020 se realizó.", doc);
  auto resolved = Mentions("El 22 de septiembre se realizó.", doc);
  auto outside = Mentions("El 22 de marzo se realizó.", doc);
  ASSERT_EQ(stated.size(), 1u);
  ASSERT_EQ(resolved.size(), 1u);
  ASSERT_EQ(outside.size(), 1u);
  EXPECT_EQ(outside[0].value["start"], "2020-03-22");
  EXPECT_GT(stated[0].confidence, resolved[0].confidence);
  EXPECT_GT(resolved[0].confidence, outside[0].confidence);
}

TEST_F(EsDateTest, TableHeaderOfMonthsStaysInTheReportsYear) {
  EXPECT_THAT(Run("Tipo\tEnero\tFebrero\tAgosto\tDiciembre", Period("2024-01", "2024-02")),
              ElementsAre("Enero=2024-01/2024-01", "Febrero=2024-02/2024-02",
                          "Agosto=2024-08/2024-08", "Diciembre=2024-12/2024-12"));
}

TEST_F(EsDateTest, NotDates) {
  DocumentContext doc = Period("2020-07", "2020-12");
  EXPECT_THAT(Run("En 2017 se aprobó el Acuerdo 147 de 2005 para 2019-2024.", doc), IsEmpty());
  EXPECT_THAT(Run("Horario: 13 hs. y de 8:00 a.m. a 1:30 hs.", doc), IsEmpty());
  EXPECT_THAT(Run("El curso dura 6 semanas en la Tercera Sesión.", doc), IsEmpty());
  EXPECT_THAT(Run("Expediente MPICDMX/CAF/CT/01/2024 y CDMX-MPI-001-2024", doc), IsEmpty());
  EXPECT_THAT(Run("Ver https://example.org/2020/10/05/informe-5-de-octubre", doc), IsEmpty());
  EXPECT_THAT(Run("Índice 9.1 enero 27", doc), ElementsAre("enero=2020-01/2020-01"));
  EXPECT_THAT(Run("Lo dijo Julio César Pérez.", doc), IsEmpty());
}

TEST_F(EsDateTest, DigitsWithoutAYearNeedACue) {
  DocumentContext doc;
  doc.context_date = "2019-05-20";
  EXPECT_THAT(Run("La entrega es el 22/04 en la oficina.", doc),
              ElementsAre("22/04=2019-04-22/2019-04-22"));
  EXPECT_THAT(Run("Vacaciones desde 1/10 hasta 11/7", doc),
              ElementsAre("desde 1/10 hasta 11/7=2019-10-01/2020-07-11"));
  EXPECT_THAT(Run("Vacaciones de 1/10 a 11/7", doc),
              ElementsAre("de 1/10 a 11/7=2019-10-01/2020-07-11"));
  EXPECT_THAT(Run("Se cubrió 1/2 de la meta y 3/4 del presupuesto.", doc), IsEmpty());
  EXPECT_THAT(Run("Atención 24/7 en la línea.", doc), IsEmpty());
}

TEST_F(EsDateTest, WordsDashesAndMonthYearDigits) {
  DocumentContext doc;
  doc.context_date = "2016-11-07";
  EXPECT_THAT(Run("Volvió el diez de octubre de dos mil dieciocho.", doc),
              ElementsAre("diez de octubre de dos mil dieciocho=2018-10-10/2018-10-10"));
  EXPECT_THAT(Run("Nació el veintiocho de marzo de mil novecientos noventa y dos", doc),
              ElementsAre("veintiocho de marzo de mil novecientos noventa y dos=1992-03-28/"
                          "1992-03-28"));
  EXPECT_THAT(Run("Vendido el 31-dic-1994.", doc),
              ElementsAre("31-dic-1994=1994-12-31/1994-12-31"));
  EXPECT_THAT(Run("Periodo 3/2015 y 11-2016", doc),
              ElementsAre("3/2015=2015-03/2015-03", "11-2016=2016-11/2016-11"));
  EXPECT_THAT(Run("Saldré desde 1 de ene hasta miércoles 22 de ene", doc),
              ElementsAre("desde 1 de ene hasta miércoles 22 de ene=2016-01-01/2016-01-22"));
  EXPECT_THAT(Run("Estaré fuera noviembre 19-20", doc),
              ElementsAre("noviembre 19-20=2016-11-19/2016-11-20"));
}

TEST_F(EsDateTest, DeedsRepeatTheDayInDigitsAndMonthFirstTakesASlashYear) {
  EXPECT_THAT(Run("Dado a los veinte (20) días del mes de mayo de 2023."),
              ElementsAre("veinte (20) días del mes de mayo de 2023=2023-05-20/2023-05-20"));
  EXPECT_THAT(Run("Publicado: Julio 15/2025."), ElementsAre("Julio 15/2025=2025-07-15/2025-07-15"));
}

TEST_F(EsDateTest, RangeEndsKeepTheirOwnPrecision) {
  EXPECT_THAT(Run("Vigente del 15 de marzo a diciembre de 2020."),
              ElementsAre("del 15 de marzo a diciembre de 2020=2020-03-15/2020-12"));
  EXPECT_THAT(Run("Obras entre octubre de 2019 y el 5 de febrero de 2020."),
              ElementsAre("entre octubre de 2019 y el 5 de febrero de 2020=2019-10/2020-02-05"));
}

TEST(EsDateTables, DayAndMonthDigitsInADateColumnAreDates) {
  testing::Harness h(std::make_unique<EsDateExtractor>(), ACERVO_PLUGIN_SOURCE_DATA_DIR);
  DocumentContext doc;
  doc.period_start = "2023-01";
  doc.period_end = "2023-12";
  testing::Passage row;
  row.kind = SegmentKind::kTableRow;
  row.table_header = {"Actividad", "Fecha de firma", "Participantes"};
  row.text = "Convenio marco\t23/11\t3/4";
  auto got = h.ExtractSegments({row}, doc).front();
  ASSERT_EQ(got.size(), 1u);  // "3/4" heads no date column: a count or a fraction
  EXPECT_EQ(row.text.substr(got[0].begin, got[0].end - got[0].begin), "23/11");
  EXPECT_EQ(got[0].value["start"], "2023-11-23");
  row.table_header = {"Actividad", "Inicio", "Fin"};
  row.text = "Taller\t9-4\t 12/4 ";
  got = h.ExtractSegments({row}, doc).front();
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].value["start"], "2023-04-09");
  EXPECT_EQ(got[1].value["end"], "2023-04-12");
  row.table_header = {"Actividad", "Resultado"};
  row.text = "Partido\t3-2";
  EXPECT_TRUE(h.ExtractSegments({row}, doc).front().empty());
}

TEST_F(EsDateTest, TwoFullDatesJoinedByADashAreARange) {
  EXPECT_THAT(Run("Vacaciones: 1-10-2018-7-10-2018."),
              ElementsAre("1-10-2018-7-10-2018=2018-10-01/2018-10-07"));
  EXPECT_THAT(Run("Fue muy serio el 02-feb-2020-03-mar-2020"),
              ElementsAre("02-feb-2020-03-mar-2020=2020-02-02/2020-03-03"));
  EXPECT_THAT(Run("Estaré afuera 12 de enero de 2016-22/1/2016"),
              ElementsAre("12 de enero de 2016-22/1/2016=2016-01-12/2016-01-22"));
  EXPECT_THAT(Run("Periodo 02-feb-2020 - 03-mar-2020 de evaluación."),
              ElementsAre("02-feb-2020 - 03-mar-2020=2020-02-02/2020-03-03"));
  EXPECT_THAT(Run("Vigencia: 15 de marzo de 2021–14/03/2022."),
              ElementsAre("15 de marzo de 2021–14/03/2022=2021-03-15/2022-03-14"));
  // Separators must agree within an end, and the range must go forward.
  EXPECT_THAT(Run("Código 1-10/2018-7-10-2018."), IsEmpty());
  EXPECT_THAT(Run("Del 7-10-2018-1-10-2018 no hay registro."), IsEmpty());
}

TEST_F(EsDateTest, DuranteMakesARangeOfNextMonthsElseAList) {
  EXPECT_THAT(
      Run("Durante julio y agosto el espacio se dedicó a Qatar.", Period("2020-07", "2020-12")),
      ElementsAre("Durante julio y agosto=2020-07/2020-08"));
  EXPECT_THAT(Run("Durante julio y octubre hubo ferias.", Period("2020-07", "2020-12")),
              ElementsAre("julio=2020-07/2020-07", "octubre=2020-10/2020-10"));
  EXPECT_THAT(Run("Durante mayo y junio de 2022 hubo ferias."),
              ElementsAre("mayo=2022-05/2022-05", "junio de 2022=2022-06/2022-06"));
  EXPECT_THAT(Run("Durante octubre de 2019 y abril de 2020 hubo ferias."),
              ElementsAre("octubre de 2019=2019-10/2019-10", "abril de 2020=2020-04/2020-04"));
}

TEST_F(EsDateTest, ReportNumbersAreNotMonths) {
  EXPECT_THAT(Run("Informe semestral 2020-2 y anexo 2020-1", Period("2020-07", "2020-12")),
              IsEmpty());
}

TEST_F(EsDateTest, LeapDayWithoutAYearGoesToALeapYear) {
  DocumentContext doc;
  doc.context_date = "2019-03-22";
  EXPECT_THAT(Run("29/2", doc), ElementsAre("29/2=2016-02-29/2016-02-29"));
}

TEST_F(EsDateTest, SpansMapBackThroughAccents) {
  std::string text = "Sesión en CAMPAÑA: 5 de DICIEMBRE de 2020.";
  EXPECT_THAT(Run(text), ElementsAre("5 de DICIEMBRE de 2020=2020-12-05/2020-12-05"));
}

TEST_F(EsDateTest, AYearTheOcrBrokeAfterAMonthIsTheDatesYear) {
  const DocumentContext doc = Period("2023-03", "2023-03");
  EXPECT_THAT(Run("el convenio firmado el 8 de noviembre de 2 021 vence pronto", doc),
              ElementsAre("8 de noviembre de 2 021=2021-11-08/2021-11-08"));
  EXPECT_THAT(Run("la sesión del 15 de marzo de 2O23", doc),
              ElementsAre("15 de marzo de 2O23=2023-03-15/2023-03-15"));
  EXPECT_THAT(Run("de noviembre a febrero de 20 21", doc),
              ElementsAre("de noviembre a febrero de 20 21=2020-11/2021-02"));
  // Not after a month's "de": two numbers.
  EXPECT_THAT(Run("el 8 de noviembre se inscribieron 20 21 equipos", doc),
              ElementsAre("8 de noviembre=2023-11-08/2023-11-08"));
}

TEST_F(EsDateTest, AnEnglishDayMayCarryItsOrdinalSuffix) {
  EXPECT_THAT(Run("Retrieved June 3rd, 2019, from the city's site."),
              ElementsAre("June 3rd, 2019=2019-06-03/2019-06-03"));
}

TEST(EsDateConfigure, MissingDataIsAnError) {
  EsDateExtractor e;
  Status s = e.Configure({"/nonexistent/es-date", nullptr});
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(s.message(), ::testing::HasSubstr("months.tsv"));
}

}  // namespace
}  // namespace acervo::es_date
