// Ruled tables whose cells wrap over several lines (tests/loaders/convenios-tabla.md, a
// report written for this test), printed by Chromium through tools/make-fixtures: each cell
// must come out whole, the table continuing on the next page with its repeated header must
// stay one table, and the whole text must read as the source does. Skips when the generator
// cannot run (no Chromium). About 3 s.
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

const char kSource[] = ACERVO_SOURCE_DIR "/tests/loaders/convenios-tabla.md";

class RuledTables : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ =
        new fs::path(fs::temp_directory_path() / ("acervo-tables-" + std::to_string(::getpid())));
    fs::create_directories(*dir_);
    std::string cmd = "FIXTURES_BORN_ONLY=1 " ACERVO_SOURCE_DIR "/tools/make-fixtures " +
                      dir_->string() + " " + kSource + " >/dev/null 2>&1";
    if (std::system(cmd.c_str()) != 0) return;
    Result<Document> pdf = LoadDocument(*dir_ / "convenios-tabla.pdf", LoadOptions());
    Result<Document> text = LoadDocument(kSource, LoadOptions());
    if (!pdf.ok() || !text.ok()) return;
    pdf_ = new Document(std::move(pdf.value()));
    text_ = new Document(std::move(text.value()));
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete pdf_;
    delete text_;
  }
  void SetUp() override {
    if (pdf_ == nullptr) GTEST_SKIP() << "tools/make-fixtures could not run (no Chromium?)";
  }
  static std::string AllText(const Document& doc) {
    std::string all;
    for (const Page& p : doc.pages) all += p.text + "\n";
    return all;
  }
  static fs::path* dir_;
  static Document* pdf_;
  static Document* text_;
};

fs::path* RuledTables::dir_ = nullptr;
Document* RuledTables::pdf_ = nullptr;
Document* RuledTables::text_ = nullptr;

TEST_F(RuledTables, WrappedCellsComeOutWhole) {
  std::string all = AllText(*pdf_);
  EXPECT_NE(all.find("SECRETARÍA DE DESARROLLO ECONÓMICO Y TURISMO\tFUNDACIÓN PARA EL "
                     "DESARROLLO LOCAL\tAcompañamiento técnico a emprendimientos turísticos de "
                     "base comunitaria en zonas rurales\t$ 45.000.000\n"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("Entidad responsable\tOrganización aliada\tObjeto del convenio\t"
                     "Aporte (pesos)\n"),
            std::string::npos)
      << all;
}

TEST_F(RuledTables, ReadsAsTheSource) {
  ASSERT_GE(pdf_->pages.size(), 2u);
  CerResult cer = CharacterErrorRate(AllText(*text_), AllText(*pdf_), {true});
  EXPECT_LT(cer.cer(), 0.01) << AllText(*pdf_);
}

TEST_F(RuledTables, ATableContinuedOverAPageIsOneTable) {
  ASSERT_EQ(pdf_->tables.size(), 2u) << AllText(*pdf_);
  EXPECT_EQ(pdf_->tables[0].caption,
            std::vector<std::string>{"CUADRO 1. Convenios suscritos por entidad responsable"});
  EXPECT_EQ(pdf_->tables[1].header,
            (std::vector<std::string>{"Compromiso", "Responsable", "Estado"}));
}

}  // namespace
}  // namespace acervo
