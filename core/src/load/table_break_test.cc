#include "load/table_break.h"

#include <gtest/gtest.h>

namespace acervo {
namespace {

LaidLine Row(std::string text, bool table_row = true) {
  LaidLine l;
  l.text = std::move(text);
  l.box = Box{72, 100, 520, 120};
  l.table_row = table_row;
  return l;
}

// A budget table with a header of two rows (a spanned "Crédito" over two columns) runs over
// a page break that cuts a row's wrapped cell; the printer repeats the header on page 2.
TEST(TableBreak, TheRepeatedHeaderGoesAndACutRowIsMadeWhole) {
  std::vector<PageLines> pages(2);
  pages[0].lines = {Row("CUADRO 1. Ejecución por programa", false),
                    Row("Programa\tCrédito\t\tDevengado"),
                    Row("\tOriginal\tVigente\t"),
                    Row("Alumbrado público\t158.000.000,00\t171.250.000,00\t96.402.771,90"),
                    Row("Asistencia alimentaria a familias en\t175.000.000,00\t214.500.000,00\t"
                        "139.211.402,08"),
                    Row("1", false)};
  pages[0].lines[4].words = {PlacedWord{0, 10, 1}, PlacedWord{37, 51, 0.5}};
  pages[1].lines = {Row("Informe semestral", false), Row("Programa\tCrédito\t\tDevengado"),
                    Row("\tOriginal\tVigente\t"), Row("situación de vulnerabilidad\t\t\t"),
                    Row("Políticas de género\t42.750.000,00\t45.100.000,00\t17.984.310,00")};
  pages[1].lines[3].words = {PlacedWord{0, 10, 0.8}};
  std::vector<std::vector<bool>> furniture = {{false, false, false, false, false, true},
                                              {true, false, false, false, false}};
  JoinTablesOverPageBreaks(&pages, &furniture);
  const LaidLine& cut = pages[0].lines[4];
  EXPECT_EQ(cut.text,
            "Asistencia alimentaria a familias en situación de vulnerabilidad\t175.000.000,00\t"
            "214.500.000,00\t139.211.402,08");
  ASSERT_EQ(cut.words.size(), 3u);
  EXPECT_EQ(cut.text.substr(cut.words[1].begin, cut.words[1].end - cut.words[1].begin),
            "situación");  // the moved word's span
  EXPECT_EQ(cut.text.substr(cut.words[2].begin, cut.words[2].end - cut.words[2].begin),
            "175.000.000,00");
  ASSERT_EQ(pages[1].lines.size(), 4u);
  EXPECT_EQ(furniture[1], (std::vector<bool>{true, true, true, false}));
}

// A table that starts a page is no continuation of the previous page's prose, and a row in
// upper case after the repeated header is a row of its own.
TEST(TableBreak, OnlyATableGoesOnAndOnlyLowerCaseCellsJoin) {
  std::vector<PageLines> pages(2);
  pages[0].lines = {Row("Entidad\tMonto"), Row("Secretaría de Salud\t1.000"),
                    Row("Un párrafo.", false)};
  pages[1].lines = {Row("Entidad\tMonto"), Row("Secretaría de Obras\t2.000")};
  std::vector<std::vector<bool>> furniture = {{false, false, false}, {false, false}};
  JoinTablesOverPageBreaks(&pages, &furniture);
  EXPECT_EQ(furniture[1], (std::vector<bool>{false, false}));

  pages[0].lines.pop_back();
  furniture[0].pop_back();
  JoinTablesOverPageBreaks(&pages, &furniture);
  EXPECT_EQ(furniture[1], (std::vector<bool>{true, false}));
  EXPECT_EQ(pages[0].lines[1].text, "Secretaría de Salud\t1.000");
}

}  // namespace
}  // namespace acervo
