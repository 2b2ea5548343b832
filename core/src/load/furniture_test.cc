#include "load/furniture.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace acervo {
namespace {

const FurnitureForms* Forms() {
  static std::shared_ptr<const FurnitureForms> forms = [] {
    Result<std::shared_ptr<const FurnitureForms>> loaded =
        FurnitureForms::Load(ACERVO_SOURCE_DIR "/core/data/loader/furniture.tsv");
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return loaded.ok() ? loaded.value() : nullptr;
  }();
  return forms.get();
}

LaidLine At(double y, const std::string& text) {
  LaidLine line;
  line.text = text;
  line.box = Box{72, y, 300, y + 10};
  return line;
}

PageLines Page(int n, const std::string& body) {
  return PageLines{
      {At(30, "Informe de gestión · Página " + std::to_string(n) + " de 3"), At(100, body),
       At(200, "Nota: cifras preliminares."), At(760, std::to_string(n))},
      792};
}

TEST(Furniture, RepeatedMarginLinesAndPageNumbersAreFurniture) {
  std::vector<PageLines> pages = {Page(1, "Uno."), Page(2, "Dos."), Page(3, "Tres.")};
  std::vector<std::vector<bool>> f = FindFurniture(pages, Forms());
  for (const auto& page : f) {
    EXPECT_EQ(page, (std::vector<bool>{true, false, false, true}));
  }
}

TEST(Furniture, BodyTextIsNeverFurnitureEvenWhenRepeated) {
  // The repeated note sits mid-page: it is text, not a running header.
  std::vector<PageLines> pages = {Page(1, "A."), Page(2, "B.")};
  EXPECT_FALSE(FindFurniture(pages, Forms())[1][2]);
}

TEST(Furniture, AOnePageDocumentKeepsItsMarginText) {
  std::vector<PageLines> pages = {
      PageLines{{At(30, "Gobierno Municipal"), At(100, "Texto."), At(760, "1")}, 792}};
  EXPECT_EQ(FindFurniture(pages, Forms())[0], (std::vector<bool>{false, false, true}));
}

TEST(Furniture, SheetCountersAndPrintStampsAreFurnitureByTheirForm) {
  for (const char* line :
       {"Hoja: 2 de 3", "Pág. 4/10", "- 7 -", "Folio N° 12", "Impreso el 12/03/2024 10:32",
        "12/03/2024 10:32:05 hs.", "Fecha de impresión: 05-11-2023", "Escaneado con CamScanner"}) {
    EXPECT_TRUE(Forms()->Matches(line)) << line;
  }
  for (const char* line : {"Hoja de ruta 2024", "Se imprimieron 300 ejemplares.",
                           "El 12/03/2024 se firmó el convenio.", "Total 2023"}) {
    EXPECT_FALSE(Forms()->Matches(line)) << line;
  }
  std::vector<PageLines> pages = {PageLines{
      {At(30, "Municipalidad de Ejemplo"), At(100, "Texto."), At(770, "Hoja: 1 de 1")}, 792}};
  EXPECT_EQ(FindFurniture(pages, Forms())[0], (std::vector<bool>{false, false, true}));
}

LaidLine Row(double y, const std::string& text) {
  LaidLine line = At(y, text);
  line.table_row = true;
  return line;
}

// A scanned act: a letterhead read as a row of cells, the act's number under it, an address
// footer of two lines, each read a little differently by OCR on each page.
PageLines Sheet(int n, const std::string& head, const std::string& foot) {
  const char* body[] = {"", "Considerando primero.", "Artículo segundo.", "Parágrafo tercero."};
  return PageLines{{Row(20, head + "\tCONCEJO DISTRITAL DE SANTIAGO DE CALI\t" + std::to_string(n)),
                    At(45, "ACUERDO N° 0592 DE 2024"), At(150, body[n]), At(300, "Más texto."),
                    At(725, foot), At(740, "www.concejodecali.gov.co")},
                   792};
}

TEST(Furniture, ALetterheadAndAFooterOfSeveralLinesAreFurnitureWhateverTheirLayout) {
  std::vector<PageLines> pages = {
      Sheet(1, "CONCEJO", "Concejo Municipal - Santiago de Cali - Colombia Av. 2 Norte N° 10 - 65"),
      Sheet(2, "á — CONCEJO", "Concejo Municipal - Santiago de Cali - Colombia Ay. 2 Norte N* 10"),
      Sheet(3, "Ae CONCEJO", "Concejo Municipal - Santiago de Cali — Colombia Av. 2 Norte N* 10")};
  for (const auto& marks : FindFurniture(pages, Forms())) {
    EXPECT_EQ(marks, (std::vector<bool>{true, true, false, false, true, true}));
  }
}

TEST(Furniture, ATableHeaderRepeatedOnEachPageAndRowsOfFiguresStay) {
  auto page = [](const std::string& figures) {
    return PageLines{{Row(20, "Código\tPrograma\tPagado"), Row(35, "11.01.00\tAdministración\t1,0"),
                      Row(50, figures)},
                     792};
  };
  std::vector<PageLines> pages = {page("1\t2\t3"), page("4\t5\t6"), page("7\t8\t9")};
  for (const auto& marks : FindFurniture(pages, Forms())) {
    EXPECT_EQ(marks, (std::vector<bool>{false, false, false}));
  }
}

TEST(Furniture, ABadPatternIsAnErrorNamingTheLine) {
  std::filesystem::path file = std::filesystem::temp_directory_path() / "acervo-furniture.tsv";
  {
    std::ofstream out(file);
    out << "# comment\n\\d+\n(unclosed\n";
  }
  Result<std::shared_ptr<const FurnitureForms>> loaded = FurnitureForms::Load(file);
  std::filesystem::remove(file);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("furniture.tsv:3"), std::string::npos)
      << loaded.status().message();
}

}  // namespace
}  // namespace acervo
