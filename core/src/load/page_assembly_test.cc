#include "load/page_assembly.h"

#include <gtest/gtest.h>

namespace acervo {
namespace {

Word At(std::string text, double x0, double x1, double y0, bool space_after = true) {
  Word w;
  w.text = std::move(text);
  w.box = Box{x0, y0, x1, y0 + 9};
  w.space_after = space_after;
  return w;
}

// Tesseract cut a paragraph into two blocks at x = 200, inside "Municipalidad", and read the
// left block before the right one: the lines come out whole, the word in one piece.
TEST(PageAssembly, OcrLinesCutIntoTwoBlocksAreJoinedBack) {
  OcrReading reading;
  reading.words = {At("El", 72, 84, 100),
                   At("12", 87, 99, 100),
                   At("la", 102, 110, 100),
                   At("Municipalid", 113, 200, 100, false),
                   At("Inversiones", 72, 130, 112),
                   At("un", 133, 145, 112),
                   At("convenio", 148, 198, 112, false),
                   At("ad", 200, 212, 100),
                   At("de", 215, 227, 100),
                   At("Rafaela", 230, 270, 100, false),
                   At("técnica", 202, 240, 112),
                   At("para", 243, 265, 112, false)};
  std::vector<LaidLine> lines = LayOutOcrPage(reading);
  ASSERT_EQ(lines.size(), 1u) << lines[0].text;
  EXPECT_EQ(lines[0].text,
            "El 12 la Municipalidad de Rafaela Inversiones un convenio técnica para");
}

// Cells of a table stand apart by more than a word space: they stay cells.
TEST(PageAssembly, TableCellsOnOneBaselineStayApart) {
  OcrReading reading;
  reading.words = {At("Secretaría", 72, 130, 100, false), At("1.000", 200, 230, 100, false),
                   At("Fundación", 72, 130, 112, false), At("2.000", 200, 230, 112, false)};
  std::vector<LaidLine> lines = LayOutOcrPage(reading);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "Secretaría\t1.000");
}

}  // namespace
}  // namespace acervo
