// Runs tools/make-fixtures on a short sample text written here and loads what it makes: the
// born-digital, scanned and mixed PDFs, and the bad inputs. Skips when the Debian tools the
// generator needs (chromium, imagemagick, img2pdf, qpdf) are missing. About 15 s: Chromium
// prints two pages and Tesseract reads three.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "cer.h"
#include "load/loader.h"

namespace acervo {
namespace {

namespace fs = std::filesystem;

const char kSample[] =
    "# Informe trimestral de la Dirección de Bibliotecas\n"
    "\n"
    "Durante el trimestre la Dirección de Bibliotecas amplió el horario de las salas de "
    "lectura de cuatro barrios y recibió donaciones de libros de tres editoriales locales.\n"
    "\n"
    "## Programas de lectura\n"
    "\n"
    "El programa de clubes de lectura sumó 18 grupos nuevos en escuelas públicas, con la "
    "participación de docentes y familias, y organizó dos encuentros de escritores jóvenes "
    "en la biblioteca central.\n"
    "\n"
    "CUADRO 1. Préstamos por sala\n"
    "Sala\tPréstamos\tUsuarios nuevos\n"
    "Biblioteca central\t4520\t310\n"
    "Sala del mercado\t1280\t95\n"
    "\f"
    "## Infraestructura\n"
    "\n"
    "Se renovó la iluminación de la sala infantil y se instalaron veinte equipos de cómputo "
    "para consulta del catálogo, con recursos del presupuesto municipal.\n"
    "\n"
    "- El 12 de marzo se firmó un convenio con la Universidad Nacional.\n"
    "- El 20 de marzo se inauguró la sala de lectura del mercado.\n"
    "\n"
    "La biblioteca del puerto permaneció cerrada dos semanas por obras en la cubierta y "
    "reabrió con un espacio nuevo para talleres de escritura.\n";

class Fixtures : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ =
        new fs::path(fs::temp_directory_path() / ("acervo-fixtures-" + std::to_string(::getpid())));
    fs::create_directories(*dir_);
    std::ofstream(*dir_ / "muestra.md") << kSample;
    std::string cmd = std::string(ACERVO_SOURCE_DIR "/tools/make-fixtures ") + dir_->string() +
                      " " + (*dir_ / "muestra.md").string() + " >/dev/null 2>&1";
    made_ = std::system(cmd.c_str()) == 0;
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }
  void SetUp() override {
    if (!made_) GTEST_SKIP() << "tools/make-fixtures could not run (missing Debian tools?)";
  }
  static Document Load(const std::string& name, OcrMode mode = OcrMode::kAuto) {
    LoadOptions options;
    options.ocr = mode;
    Result<Document> doc = LoadDocument(*dir_ / name, options);
    EXPECT_TRUE(doc.ok()) << doc.status().message();
    return doc.ok() ? std::move(doc.value()) : Document();
  }
  static std::string AllText(const Document& doc) {
    std::string all;
    for (const Page& p : doc.pages) all += p.text + "\n";
    return all;
  }
  static fs::path* dir_;
  static bool made_;
};

fs::path* Fixtures::dir_ = nullptr;
bool Fixtures::made_ = false;

TEST_F(Fixtures, BornDigitalMatchesTheSourceText) {
  Document pdf = Load("muestra.pdf");
  Document text = Load("muestra.md");
  ASSERT_EQ(pdf.pages.size(), 2u);
  CerResult cer = CharacterErrorRate(AllText(text), AllText(pdf), {true});
  EXPECT_LT(cer.cer(), 0.01) << AllText(pdf);
  // The running header and the page numbers are furniture, not text.
  for (const Page& page : pdf.pages) {
    EXPECT_EQ(page.text.find("muestra de acervo"), std::string::npos) << page.text;
    EXPECT_EQ(page.furniture.size(), 2u);
  }
}

TEST_F(Fixtures, DrawnListBulletsAreListItems) {
  // Chromium draws a list's discs as graphics: the text layer has no marker.
  Document pdf = Load("muestra.pdf");
  ASSERT_EQ(pdf.pages.size(), 2u);
  std::vector<std::string> items;
  for (const Block& b : pdf.pages[1].blocks) {
    if (b.kind == SegmentKind::kBullet) {
      items.push_back(pdf.pages[1].text.substr(b.begin, b.end - b.begin));
    }
  }
  EXPECT_EQ(items, (std::vector<std::string>{
                       "El 12 de marzo se firmó un convenio con la Universidad Nacional.",
                       "El 20 de marzo se inauguró la sala de lectura del mercado."}))
      << pdf.pages[1].text;
}

TEST_F(Fixtures, TableRowsAreTabSeparatedWithTheirCaption) {
  Document pdf = Load("muestra.pdf");
  EXPECT_NE(pdf.pages[0].text.find("Biblioteca central\t4520\t310\n"), std::string::npos)
      << pdf.pages[0].text;
  ASSERT_EQ(pdf.tables.size(), 1u);
  ASSERT_EQ(pdf.tables[0].caption.size(), 1u);
  EXPECT_EQ(pdf.tables[0].caption[0], "CUADRO 1. Préstamos por sala");
}

TEST_F(Fixtures, MixedPdfReadsTextPagesLikeTheBornDigitalOneAndOcrsTheRest) {
  Document pdf = Load("muestra.pdf", OcrMode::kNever);
  Document mixed = Load("muestra.mixed.pdf");
  ASSERT_EQ(mixed.pages.size(), 2u);
  EXPECT_FALSE(mixed.pages[0].ocr);
  EXPECT_EQ(mixed.pages[0].text, pdf.pages[0].text);
  EXPECT_TRUE(mixed.pages[1].ocr);
  EXPECT_FALSE(mixed.pages[1].ocr_confidence.empty());
  EXPECT_LT(CharacterErrorRate(pdf.pages[1].text, mixed.pages[1].text).cer(), 0.05)
      << mixed.pages[1].text;
}

TEST_F(Fixtures, ScannedPdfIsReadByOcr) {
  Document pdf = Load("muestra.pdf");
  Document scan = Load("muestra.scan.pdf");
  ASSERT_EQ(scan.pages.size(), 2u);
  EXPECT_TRUE(scan.pages[0].ocr);
  EXPECT_LT(CharacterErrorRate(AllText(pdf), AllText(scan)).cer(), 0.05) << AllText(scan);
  // With OCR off there is nothing to read: an error, not an empty success.
  LoadOptions never;
  never.ocr = OcrMode::kNever;
  Result<Document> none = LoadDocument(*dir_ / "muestra.scan.pdf", never);
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.status().message().find("OCR disabled"), std::string::npos);
}

// The bytes decide (load/detect.h): text under a .pdf name is read as text, with a warning.
TEST_F(Fixtures, TextNamedPdfIsReadAsText) {
  Result<Document> doc = LoadDocument(*dir_ / "muestra.notpdf.pdf", LoadOptions());
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->info.media_type, "text/plain");
  ASSERT_FALSE(doc->warnings.empty());
  EXPECT_NE(doc->warnings[0].find("named as a PDF but is text/plain"), std::string::npos)
      << doc->warnings[0];
}

TEST_F(Fixtures, BadFilesGiveClearErrors) {
  struct Case {
    const char* file;
    const char* message;
  } cases[] = {{"muestra.encrypted.pdf", "encrypted: needs a password"},
               {"muestra.truncated.pdf", "corrupt or truncated PDF"},
               {"empty.pdf", "empty file"}};
  for (const Case& c : cases) {
    Result<Document> doc = LoadDocument(*dir_ / c.file, LoadOptions());
    ASSERT_FALSE(doc.ok()) << c.file;
    EXPECT_NE(doc.status().message().find(c.message), std::string::npos) << doc.status().message();
  }
}

}  // namespace
}  // namespace acervo
