// Each segmentation form, on small documents written for the test.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "records/test_document.h"

namespace acervo {
namespace {

using ::testing::ElementsAre;
using testing_records::Anchors;
using testing_records::TestDocument;

TEST(SegmenterTest, DatedHeadingWithItsBodyIsOneRecord) {
  TestDocument t(
      "# EJE 2. CIUDAD SOSTENIBLE\n\n"
      "## Foro de Movilidad Urbana, 14 de marzo\n\n"
      "La Secretaría de Movilidad presentó su plan de ciclovías.\n\n"
      "El plan retoma la Ley de Movilidad de 2014.\n");
  t.Date("14 de marzo", "2023-03-14");
  nlohmann::json r = t.Assemble();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0]["anchor"], "Foro de Movilidad Urbana, 14 de marzo");
  EXPECT_EQ(r[0]["title"], "Foro de Movilidad Urbana");
  EXPECT_EQ(r[0]["kind"], "evento");
  EXPECT_NE(r[0]["text"].get<std::string>().find("Ley de Movilidad"), std::string::npos);
}

TEST(SegmenterTest, GroupingHeadingsAreContextNotRecords) {
  TestDocument t(
      "## REUNIONES BILATERALES\n\n"
      "### ACCIONES GENERALES\n\n"
      "#### Eventos internacionales\n\n"
      "##### Reunión con la Alcaldía de Lima, 3 de mayo\n\n"
      "Se acordó un programa de intercambio técnico.\n");
  t.Date("3 de mayo", "2023-05-03");
  EXPECT_THAT(Anchors(t.Assemble()), ElementsAre("Reunión con la Alcaldía de Lima, 3 de mayo"));
}

TEST(SegmenterTest, UndatedHeadingNamingAnActivityIsAWeakerRecord) {
  TestDocument t(
      "## Donación de la Fundación Aurora\n\n"
      "La fundación entregó equipo de cómputo a escuelas de la ciudad.\n\n"
      "## Contexto general\n\n"
      "La ciudad tiene nueve millones de habitantes.\n");
  nlohmann::json r = t.Assemble();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0]["anchor"], "Donación de la Fundación Aurora");
  EXPECT_EQ(r[0]["kind"], "financiamiento");
  EXPECT_LT(r[0]["confidence"].get<double>(), 0.8);
}

TEST(SegmenterTest, DatedBulletsAreOneRecordEach) {
  TestDocument t(
      "### Eventos\n\n"
      "Secretaría de Cultura.\n\n"
      "- El 04 de abril, la Directora asistió a la inauguración del Festival de Poesía.\n"
      "- El 12 de abril, el equipo participó en el Conversatorio sobre archivos.\n"
      "- Se actualizó el directorio interno.\n");
  t.Date("04 de abril", "2024-04-04");
  t.Date("12 de abril", "2024-04-12");
  nlohmann::json r = t.Assemble();
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0]["form"], "bullet");
  EXPECT_EQ(r[0]["dates"], nlohmann::json::parse(R"([{"start":"2024-04-04","end":"2024-04-04"}])"));
  EXPECT_EQ(r[1]["kind"], "evento");
}

TEST(SegmenterTest, ABulletThatIsOnlyADateIsNotAnActivity) {
  TestDocument t(
      "## Fecha y hora\n\n"
      "- 11 de junio de 2021\n"
      "- 13 hs. de Montevideo\n");
  t.Date("11 de junio de 2021", "2021-06-11");
  EXPECT_TRUE(t.Assemble().empty());
}

TEST(SegmenterTest, DatedHeadingKeepsItsBullets) {
  TestDocument t(
      "### Reunión con el Embajador de Chile, 9 de junio\n\n"
      "Se abordaron los temas siguientes:\n\n"
      "- El festival del 20 de junio en la Alameda.\n"
      "- La agenda ambiental.\n");
  t.Date("9 de junio", "2022-06-09");
  t.Date("20 de junio", "2022-06-20");
  nlohmann::json r = t.Assemble();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0]["kind"], "reunion");
  // The body's date is of something else: the record keeps the heading's.
  EXPECT_EQ(r[0]["dates"].size(), 1u);
  EXPECT_EQ(r[0]["dates"][0]["start"], "2022-06-09");
}

TEST(SegmenterTest, RowsOfAnActivityTableAreRecordsAndTotalsAreNot) {
  TestDocument t(
      "### 3.2 Acciones de capacitación\n\n"
      "CUADRO 4. TALLERES IMPARTIDOS\n"
      "Acción\tFecha\tParticipantes\n"
      "Taller de primeros auxilios\t05 de marzo de 2024\t31\n"
      "Curso de seguridad digital\t19 de marzo de 2024\t24\n"
      "Totales\t\t55\n");
  t.Date("05 de marzo de 2024", "2024-03-05");
  t.Date("19 de marzo de 2024", "2024-03-19");
  nlohmann::json r = t.Assemble();
  EXPECT_THAT(Anchors(r), ElementsAre("Taller de primeros auxilios", "Curso de seguridad digital"));
  EXPECT_EQ(r[0]["form"], "table_row");
  EXPECT_EQ(r[0]["kind"], "capacitacion");
}

TEST(SegmenterTest, ASingleDatedRowStaysInsideItsSection) {
  TestDocument t(
      "### 1.1 Comité Técnico\n\n"
      "En el bimestre se celebró la Segunda Sesión Ordinaria del Comité Técnico.\n\n"
      "CUADRO 1. SESIONES\n"
      "Sesión\tFecha\n"
      "Segunda\t14 de febrero de 2024\n");
  t.Date("14 de febrero de 2024", "2024-02-14");
  nlohmann::json r = t.Assemble();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0]["form"], "section");
  EXPECT_NE(r[0]["text"].get<std::string>().find("Segunda Sesión Ordinaria"), std::string::npos);
}

TEST(SegmenterTest, ParagraphOpeningWithADateUnderAGroupingHeading) {
  TestDocument t(
      "## ACUERDOS\n\n"
      "El 2 de agosto la ciudad firmó un memorando con la Red de Ciudades del Sur.\n\n"
      "La ciudad mantiene relaciones con muchas redes.\n");
  t.Date("2 de agosto", "2022-08-02");
  nlohmann::json r = t.Assemble();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0]["form"], "paragraph");
  EXPECT_EQ(r[0]["kind"], "acuerdo");
  EXPECT_EQ(r[0]["status"], "needs_review");
}

TEST(SegmenterTest, DateLedLinesOfOneParagraphAreBulletsWithoutMarkers) {
  // What a PDF's text layer gives for a bulleted list: plain lines, one per item.
  TestDocument t(
      "### Eventos\n\n"
      "Durante el bimestre se asistió a los eventos siguientes.\n"
      "El 04 de abril, la Directora asistió a la inauguración del Festival de Poesía.\n"
      "Secretaría de Cultura.\n"
      "El 12 de abril, el equipo participó en el Conversatorio sobre archivos.\n");
  t.Date("04 de abril", "2024-04-04");
  t.Date("12 de abril", "2024-04-12");
  nlohmann::json r = t.Assemble();
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0]["anchor"],
            "El 04 de abril, la Directora asistió a la inauguración del Festival de");
  EXPECT_EQ(r[0]["dates"].size(), 1u);
  EXPECT_NE(r[0]["text"].get<std::string>().find("Secretaría de Cultura."), std::string::npos);
  EXPECT_EQ(r[1]["dates"][0]["start"], "2024-04-12");
  EXPECT_NE(r[0]["id"], r[1]["id"]);
}

}  // namespace
}  // namespace acervo
