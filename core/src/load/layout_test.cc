#include "load/layout.h"

#include <gtest/gtest.h>

#include <sstream>

namespace acervo {
namespace {

// Words of one engine line starting at (x, y), 10 pt, about 5 pt per character.
void AddLine(std::vector<Word>* words, double x, double y, const std::string& line,
             bool bold = false, double confidence = 1) {
  std::istringstream in(line);
  std::string w;
  while (in >> w) {
    double width = 5.0 * static_cast<double>(w.size());
    words->push_back(Word{w, Box{x, y, x + width, y + 10}, 10, bold, true, confidence});
    x += width + 2.5;
  }
  words->back().space_after = false;
}

std::vector<std::string> Texts(const std::vector<LaidLine>& lines) {
  std::vector<std::string> out;
  for (const LaidLine& l : lines) out.push_back(l.text);
  return out;
}

TEST(Layout, JoinsTheLinesOfAParagraphAndRejoinsHyphenatedWords) {
  std::vector<Word> words;
  AddLine(&words, 72, 100, "La dirección realizó talleres de coope-");
  AddLine(&words, 72, 112, "ración con las alcaldías durante el año.");
  AddLine(&words, 72, 140, "Otro párrafo.");
  EXPECT_EQ(Texts(LayOutPage(words)),
            (std::vector<std::string>{
                "La dirección realizó talleres de cooperación con las alcaldías durante el año.",
                "Otro párrafo."}));
}

TEST(Layout, AJustifiedLineCutIntoOneWordLinesStaysOneLine) {
  // A word processor stretched the spaces; the engine made each word a line of its own.
  std::vector<Word> words;
  AddLine(&words, 72, 100, "Las obligaciones de carácter fiscal se rigen por esta norma y");
  double x = 72;
  for (const char* w : {"las", "denominaciones", "de", "Tributos,", "Impuestos,"}) {
    AddLine(&words, x, 112, w);
    x = words.back().box.x1 + 22;
  }
  AddLine(&words, 72, 124, "comprenden todas las obligaciones.");
  EXPECT_EQ(Texts(LayOutPage(words)),
            (std::vector<std::string>{
                "Las obligaciones de carácter fiscal se rigen por esta norma y las "
                "denominaciones de Tributos, Impuestos, comprenden todas las obligaciones."}));
  // Cells of a table row, their gaps uneven, stay cells.
  std::vector<Word> row;
  AddLine(&row, 72, 100, "Nombre");
  AddLine(&row, 150, 100, "de");
  AddLine(&row, 200, 100, "pila");
  AddLine(&row, 330, 100, "total");
  EXPECT_EQ(Texts(LayOutPage(row)), (std::vector<std::string>{"Nombre\tde\tpila\ttotal"}));
}

TEST(Layout, AHangingIndentListItemIsOneLineNotARow) {
  std::vector<Word> words;
  AddLine(&words, 72, 100, "a)");
  AddLine(&words, 108, 100, "Los padres, tutores y curadores de los incapaces.");
  AddLine(&words, 72, 112, "b)");
  AddLine(&words, 108, 112, "Los síndicos de los concursos.");
  EXPECT_EQ(Texts(LayOutPage(words)),
            (std::vector<std::string>{"a) Los padres, tutores y curadores de los incapaces.",
                                      "b) Los síndicos de los concursos."}));
}

TEST(Layout, AShortLineEndsItsParagraph) {
  std::vector<Word> words;
  AddLine(&words, 72, 100, "Objetivos del programa de apoyo a la lectura infantil");
  AddLine(&words, 72, 112, "Corto.");
  AddLine(&words, 72, 124, "Siguiente.");
  EXPECT_EQ(Texts(LayOutPage(words)).size(), 2u);
}

TEST(Layout, EmphasisWrappingOverALineKeepsTheParagraph) {
  std::vector<Word> words;
  AddLine(&words, 72, 100, "El Director participó en la Mesa de Trabajo “Acción");
  AddLine(&words, 72, 112, "Regional por las personas defensoras ambientales”", true);
  AddLine(&words, 72, 124, "organizada por la SRE.");
  EXPECT_EQ(Texts(LayOutPage(words)).size(), 1u);
}

TEST(Layout, EmphasisWrappingIsToldByLowerCaseEvenWithUnevenSpacing) {
  std::vector<Word> words;  // OCR boxes: the gaps vary with the ink
  AddLine(&words, 72, 100, "El Director participó en la Mesa de Trabajo “Acción");
  AddLine(&words, 72, 115, "regional por las personas defensoras ambientales”", true);
  AddLine(&words, 72, 129, "organizada por la SRE.");
  EXPECT_EQ(Texts(LayOutPage(words)).size(), 1u);
}

TEST(Layout, AFullBoldHeadingSetApartEndsBeforeItsBody) {
  std::vector<Word> words;
  AddLine(&words, 72, 100, "Tercera Cumbre de Urban 20 en Riad, Arabia Saudita, 30 de septiembre",
          true);
  AddLine(&words, 72, 114, "La Coordinación General participó en las sesiones virtuales del foro");
  AddLine(&words, 72, 126, "de ciudades.");
  EXPECT_EQ(Texts(LayOutPage(words)).size(), 2u);
}

TEST(Layout, BulletsAndNumbersStartNewLines) {
  std::vector<Word> words;
  AddLine(&words, 72, 100, "a) Casos incorporados al programa durante el periodo");
  AddLine(&words, 72, 112, "b) Seguimiento de casos de años anteriores del programa");
  EXPECT_EQ(Texts(LayOutPage(words)).size(), 2u);
}

TEST(Layout, CellsSideBySideMakeOneTabSeparatedRow) {
  std::vector<Word> words;
  AddLine(&words, 72, 100, "Primera");
  AddLine(&words, 150, 100, "08 de");
  AddLine(&words, 150, 112, "febrero");
  AddLine(&words, 250, 100, "Presentación del informe");
  AddLine(&words, 250, 112, "anual de la Junta.");
  std::vector<LaidLine> lines = LayOutPage(words);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_TRUE(lines[0].table_row);
  EXPECT_EQ(lines[0].text, "Primera\t08 de febrero\tPresentación del informe anual de la Junta.");
}

// Tesseract reads a table line by line across its cells; stacking by position still puts
// each cell's lines together, and the wider gap between rows keeps the rows apart.
TEST(Layout, GeometricStacksRebuildCellsReadLineByLine) {
  std::vector<Word> words;
  AddLine(&words, 72, 100, "Informe de");
  AddLine(&words, 200, 100, "01 de");
  AddLine(&words, 72, 111, "gastos");
  AddLine(&words, 200, 111, "enero");
  AddLine(&words, 72, 130, "Padrón");
  AddLine(&words, 200, 130, "31 de");
  AddLine(&words, 200, 141, "marzo");
  LayoutOptions options;
  options.geometric_stacks = true;
  EXPECT_EQ(Texts(LayOutPage(words, options)),
            (std::vector<std::string>{"Informe de gastos\t01 de enero", "Padrón\t31 de marzo"}));
}

TEST(Layout, WordsKeepTheirSpansAndConfidence) {
  std::vector<Word> words;
  AddLine(&words, 72, 100, "Monto total", false, 0.5);
  std::vector<LaidLine> lines = LayOutPage(words);
  ASSERT_EQ(lines.size(), 1u);
  ASSERT_EQ(lines[0].words.size(), 2u);
  EXPECT_EQ(lines[0].text.substr(lines[0].words[1].begin,
                                 lines[0].words[1].end - lines[0].words[1].begin),
            "total");
  EXPECT_DOUBLE_EQ(lines[0].words[1].confidence, 0.5);
}

TEST(Layout, BoldLinesAreMarked) {
  std::vector<Word> words;
  AddLine(&words, 72, 100, "Resultados", true);
  AddLine(&words, 72, 130, "Texto normal del informe.");
  std::vector<LaidLine> lines = LayOutPage(words);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(lines[0].bold);
  EXPECT_FALSE(lines[1].bold);
}

// A word processor's justified line with one stretched space, which the engine cut in two:
// prose, not a row of two cells; a two-column table of figures stays a table.
TEST(Layout, AJustifiedLineCutAtItsWidestSpaceIsProse) {
  std::vector<Word> words;
  AddLine(&words, 72, 100, "A presentar declaraciones juradas sobre");
  AddLine(&words, 290, 100, "las");
  AddLine(&words, 72, 112, "Tasas y Derechos cuando se establezca");
  AddLine(&words, 72, 124, "Más de 30 días de mora");
  AddLine(&words, 290, 124, "5%");
  std::vector<std::string> texts = Texts(LayOutPage(words));
  ASSERT_GE(texts.size(), 2u);
  EXPECT_EQ(texts[0], "A presentar declaraciones juradas sobre las");
  EXPECT_EQ(texts.back(), "Más de 30 días de mora\t5%");
}

// An article's label set apart from its title by a tab is one line with it.
TEST(Layout, ASectionLabelAndItsTitleAreOneLine) {
  std::vector<Word> words;
  AddLine(&words, 72, 100, "ARTÍCULO 63º:");
  AddLine(&words, 200, 100, "Suspensión por recurso de repetición.");
  EXPECT_EQ(Texts(LayOutPage(words)),
            (std::vector<std::string>{"ARTÍCULO 63º: Suspensión por recurso de repetición."}));
}

// A summary whose header row has no first cell: each line is a row.
TEST(Layout, RowsOfShortCellsPartWhereHalfTheColumnsStartALine) {
  std::vector<Word> words;
  for (auto [x, cells] :
       std::vector<std::pair<double, std::vector<std::string>>>{{72, {"", "Presentes", "Ausentes"}},
                                                                {150, {"Identificados", "217", ""}},
                                                                {250, {"Total", "217", "40"}}}) {
    for (size_t r = 0; r < cells.size(); ++r) {
      if (!cells[r].empty()) AddLine(&words, x, 100 + 12 * r, cells[r]);
    }
  }
  EXPECT_EQ(Texts(LayOutPage(words)),
            (std::vector<std::string>{"\tIdentificados\tTotal", "Presentes\t217\t217",
                                      "Ausentes\t\t40"}));
}

// A period wrapped after its hyphen in a cell keeps the hyphen: "febrero-diciembre".
TEST(Layout, AHyphenAfterAMonthIsKept) {
  std::vector<Word> words;
  AddLine(&words, 72, 100, "Acueductos");
  AddLine(&words, 150, 100, "febrero-");
  AddLine(&words, 150, 112, "diciembre 2022");
  AddLine(&words, 250, 100, "640.000");
  EXPECT_EQ(Texts(LayOutPage(words)),
            (std::vector<std::string>{"Acueductos\tfebrero-diciembre 2022\t640.000"}));
}

}  // namespace
}  // namespace acervo
