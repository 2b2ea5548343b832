// `acervo ingest` of an archive folder that mixes formats, with wrong and missing
// extensions: every file acervo can read is stored, read by what its bytes are; every other
// document is listed among the failures with its reason; what is not a document (hidden
// files, office lock files, a CSV) is left alone (load/loader.h, PickWhenWalking).
//
// DOCX, ODT and HTML are stored when a loader plugin reads them and otherwise must fail with
// "no loader reads ..." (the test asks the loader registry which holds). Fixtures are made
// with pandoc and ImageMagick; the files whose tool is missing are left out.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>

#include "load/detect.h"
#include "load/loader.h"
#include "load/loader_registry.h"
#include "load/test_pdf.h"
#include "test_util.h"

namespace acervo {
namespace {

using test::QueryInt;
using test::Quote;
using ::testing::HasSubstr;

const char kMarkdown[] =
    "# Informe de gestión 2023\n\n"
    "La Dirección de Archivos digitalizó 1200 expedientes durante el año.\n\n"
    "- Se capacitó a 40 funcionarios en gestión documental.\n";
const char kHtml[] =
    "<!DOCTYPE html>\n<html><head><title>Boletín</title></head><body>\n"
    "<h1>Boletín de prensa</h1><p>La Secretaría de Cultura abrió dos bibliotecas.</p>\n"
    "</body></html>\n";

bool Tool(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

class IngestFormats : public ::testing::Test {
 protected:
  IngestFormats() { dir_.Write("good.yaml", "name: good\nextractors:\n  - plugin: test-good\n"); }
  // Runs `cmd` in the archive folder; false when it fails.
  bool Make(const std::string& cmd) {
    return std::system(("cd " + Quote(dir_.path() / "archivo") + " && " + cmd + " >/dev/null 2>&1")
                           .c_str()) == 0;
  }
  int64_t Stored(const std::string& name, const std::string& media_type) {
    return QueryInt(dir_.path() / "s.db", "SELECT COUNT(*) FROM documents WHERE source LIKE '%/" +
                                              name + "' AND media_type = '" + media_type + "'");
  }
  int64_t Failed(const std::string& name, const std::string& reason) {
    return QueryInt(dir_.path() / "s.db", "SELECT COUNT(*) FROM failures WHERE source LIKE '%/" +
                                              name + "' AND message LIKE '%" + reason + "%'");
  }
  int64_t Seen(const std::string& name) {
    std::string where = " WHERE source LIKE '%/" + name + "'";
    return QueryInt(dir_.path() / "s.db", "SELECT COUNT(*) FROM documents" + where) +
           QueryInt(dir_.path() / "s.db", "SELECT COUNT(*) FROM failures" + where);
  }
  // Stored as `type` when a loader reads it, else failed with "no loader reads `type`".
  void ExpectStoredOrNoLoader(const std::string& name, const std::string& type) {
    if (LoaderRegistry::Default().For(type) != nullptr) {
      EXPECT_EQ(Stored(name, type), 1) << name;
    } else {
      EXPECT_EQ(Failed(name, "no loader reads " + type), 1) << name;
    }
  }
  test::TempDir dir_;
};

TEST_F(IngestFormats, EveryReadableFileIsStoredAndEveryOtherListed) {
  dir_.Write("archivo/informe.md", kMarkdown);
  dir_.Write("archivo/notas", kMarkdown + std::string("Sin extensión.\n"));
  testing_pdf::Run run;
  run.text = "Informe anual de la Biblioteca Nacional";
  dir_.Write("archivo/informe-2023.dat", testing_pdf::MakePdf({{run}}));
  dir_.Write("archivo/logo.gif", "GIF89a\x01\x00\x01\x00\x80\x00\x00 an image");
  dir_.Write("archivo/boletin.pdf", kHtml);
  dir_.Write("archivo/viejo.doc",
             std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(4096, '\0'));
  // Not documents: left alone, not listed.
  dir_.Write("archivo/datos.csv", "año,monto\n2023,100\n");
  dir_.Write("archivo/.oculto.md", kMarkdown);
  dir_.Write("archivo/~$informe.docx", "lock");
  const bool images =
      Tool("convert") && Make(
                             "convert -size 900x160 xc:white -font DejaVu-Sans -pointsize 40 "
                             "-annotate +30+100 'Informe de actividades 2023' png:escaneo.jpg");
  const bool office = Tool("pandoc") && Make("pandoc informe.md -o informe.docx") &&
                      Make("pandoc informe.md -o acta.odt") &&
                      // Other bytes than informe.docx (one document per SHA-256).
                      Make(
                          "sed 's/2023/2024/g' informe.md | pandoc -f markdown -o "
                          "informe-sin-extension.docx && mv informe-sin-extension.docx "
                          "informe-sin-extension");

  auto r = test::RunCommand(
      "cd " + Quote(dir_.path()) + " && ACERVO_PLUGIN_PATH=" + Quote(ACERVO_TEST_PLUGIN_DIR) + " " +
      Quote(ACERVO_BINARY) + " ingest archivo --pipeline good.yaml --store s.db --jobs 2");
  EXPECT_EQ(r.exit_code, 3) << r.output;  // some documents failed

  EXPECT_EQ(Stored("informe.md", "text/markdown"), 1) << r.output;
  EXPECT_EQ(Stored("notas", "text/plain"), 1) << r.output;
  EXPECT_EQ(Stored("informe-2023.dat", "application/pdf"), 1) << r.output;
  EXPECT_EQ(Failed("logo.gif", "no loader reads image/gif"), 1) << r.output;
  if (LoaderRegistry::Default().For("text/html") != nullptr) {
    EXPECT_EQ(Stored("boletin.pdf", "text/html"), 1) << r.output;
  } else {
    EXPECT_EQ(Failed("boletin.pdf", "is text/html, not a PDF; no loader reads text/html"), 1)
        << r.output;
  }
  if (!Tool("soffice")) {
    EXPECT_EQ(Failed("viejo.doc", "install the Debian package libreoffice-writer"), 1) << r.output;
  }
  EXPECT_EQ(Seen("datos.csv") + Seen(".oculto.md") + Seen("~$informe.docx"), 0) << r.output;
  if (images) {
    EXPECT_EQ(Stored("escaneo.jpg", "image/png"), 1) << r.output;
  }
  if (office) {
    const std::string docx = MediaTypeOfExtension(".docx");
    ExpectStoredOrNoLoader("informe.docx", docx);
    ExpectStoredOrNoLoader("acta.odt", MediaTypeOfExtension(".odt"));
    // With no name, only the bytes tell: picked up when a loader reads what they are.
    if (LoaderRegistry::Default().For(docx) != nullptr) {
      EXPECT_EQ(Stored("informe-sin-extension", docx), 1) << r.output;
    }
  }
  // `acervo failures` lists each with its reason.
  auto failures = test::RunCommand("cd " + Quote(dir_.path()) + " && " + Quote(ACERVO_BINARY) +
                                   " failures --store s.db");
  EXPECT_THAT(failures.output, HasSubstr("logo.gif"));
  EXPECT_THAT(failures.output, HasSubstr("no loader reads image/gif"));
}

// Word 97-2003 and RTF go through LibreOffice (plugins/load-legacy). Without it: a clear
// failure naming the package; with it: the text of the document.
TEST(LegacyFormats, WithoutLibreOfficeTheFailureNamesThePackage) {
  const char* path = std::getenv("PATH");
  std::string saved = path ? path : "";
  setenv("PATH", "/nonexistent", 1);
  Result<Document> doc =
      LoadBytes("{\\rtf1\\ansi Informe de gestión}", "informe.rtf", LoadOptions());
  setenv("PATH", saved.c_str(), 1);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().message(),
            "informe.rtf: reading this format needs LibreOffice, and soffice is not on PATH: "
            "install the Debian package libreoffice-writer");
}

TEST(LegacyFormats, DocAndRtfAreReadThroughLibreOfficeWhenInstalled) {
  if (!Tool("soffice")) {
    GTEST_SKIP() << "LibreOffice is not installed (apt install libreoffice-writer)";
  }
  if (!Tool("pandoc")) GTEST_SKIP() << "pandoc is not installed (tools/setup)";
  test::TempDir dir;
  dir.Write("informe.md", kMarkdown);
  std::string cd = "cd " + Quote(dir.path()) + " && ";
  ASSERT_EQ(std::system((cd + "pandoc informe.md -s -t rtf -o informe.rtf && "
                              "pandoc informe.md -o informe.docx && soffice --headless "
                              "--convert-to doc informe.docx >/dev/null 2>&1")
                            .c_str()),
            0);
  for (const char* name : {"informe.rtf", "informe.doc"}) {
    Result<Document> doc = LoadDocument(dir.path() / name, LoadOptions());
    ASSERT_TRUE(doc.ok()) << doc.status().message();
    EXPECT_THAT(doc->pages[0].text, HasSubstr("Informe de gestión 2023")) << name;
  }
}

}  // namespace
}  // namespace acervo
