#include "load/furniture.h"

#include <gtest/gtest.h>

namespace acervo {
namespace {

LaidLine At(double y, const std::string& text) {
  LaidLine line;
  line.text = text;
  line.box = Box{72, y, 300, y + 10};
  return line;
}

PageLines Page(int n, const std::string& body) {
  return PageLines{{At(30, "Informe de gestión · Página " + std::to_string(n) + " de 3"),
                    At(100, body), At(200, "Nota: cifras preliminares."),
                    At(760, std::to_string(n))},
                   792};
}

TEST(Furniture, RepeatedMarginLinesAndPageNumbersAreFurniture) {
  std::vector<PageLines> pages = {Page(1, "Uno."), Page(2, "Dos."), Page(3, "Tres.")};
  std::vector<std::vector<bool>> f = FindFurniture(pages);
  for (const auto& page : f) {
    EXPECT_EQ(page, (std::vector<bool>{true, false, false, true}));
  }
}

TEST(Furniture, BodyTextIsNeverFurnitureEvenWhenRepeated) {
  // The repeated note sits mid-page: it is text, not a running header.
  std::vector<PageLines> pages = {Page(1, "A."), Page(2, "B.")};
  EXPECT_FALSE(FindFurniture(pages)[1][2]);
}

TEST(Furniture, AOnePageDocumentKeepsItsMarginText) {
  std::vector<PageLines> pages = {
      PageLines{{At(30, "Gobierno Municipal"), At(100, "Texto."), At(760, "1")}, 792}};
  EXPECT_EQ(FindFurniture(pages)[0], (std::vector<bool>{false, false, true}));
}

}  // namespace
}  // namespace acervo
