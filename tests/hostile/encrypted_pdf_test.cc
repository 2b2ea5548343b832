// Encrypted PDFs: opened with the right password from --password / --password-file (also
// through ingest's worker processes, which get passwords in their request, never on their
// command line), refused with "encrypted: needs a password" or "encrypted: wrong password".
// One PDF is encrypted here with `qpdf --encrypt` (always runs); the password-protected
// files of ../shared/malformed-pdfs are read when that folder exists.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "load/loader.h"
#include "load/test_pdf.h"
#include "test_util.h"

namespace acervo {
namespace {

using test::Quote;
using ::testing::HasSubstr;

class EncryptedPdf : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::path plain = dir_.Write(
        "plano.pdf",
        testing_pdf::MakePdf({{{72, 100, "Se entregaron 120 becas durante el año 2023."}}}));
    encrypted_ = dir_.path() / "cifrado.pdf";
    test::RunResult r = test::RunCommand("qpdf --encrypt 'clave usuario' 'clave dueño' 256 -- " +
                                         Quote(plain) + " " + Quote(encrypted_));
    ASSERT_EQ(r.exit_code, 0) << "qpdf --encrypt failed (tools/setup installs qpdf): " << r.output;
    std::filesystem::remove(plain);
  }
  Result<Document> Load(const std::vector<std::string>& passwords) {
    LoadOptions options;
    options.ocr = OcrMode::kNever;
    options.passwords = passwords;
    return LoadDocument(encrypted_, options);
  }
  test::TempDir dir_;
  std::filesystem::path encrypted_;
};

TEST_F(EncryptedPdf, NoPasswordSaysItNeedsOne) {
  Result<Document> doc = Load({});
  ASSERT_FALSE(doc.ok());
  EXPECT_THAT(doc.status().message(), HasSubstr("cifrado.pdf: encrypted: needs a password"));
}

TEST_F(EncryptedPdf, WrongPasswordsSayTheyAreWrong) {
  Result<Document> doc = Load({"otra", "tampoco"});
  ASSERT_FALSE(doc.ok());
  EXPECT_THAT(doc.status().message(), HasSubstr("cifrado.pdf: encrypted: wrong password"));
}

TEST_F(EncryptedPdf, TheFirstPasswordThatFitsOpensIt) {
  for (const char* good : {"clave usuario", "clave dueño"}) {
    Result<Document> doc = Load({"otra", good});
    ASSERT_TRUE(doc.ok()) << good << ": " << doc.status().message();
    EXPECT_THAT(doc->pages[0].text, HasSubstr("120 becas"));
  }
}

// The password file reaches the worker processes; `ps` never shows it on a command line.
TEST_F(EncryptedPdf, IngestAndExtractTakeAPasswordFile) {
  std::filesystem::path list = dir_.Write("claves.txt", "otra\r\n\nclave usuario\n");
  std::string acervo = "cd " + Quote(dir_.path()) + " && " + Quote(ACERVO_BINARY);
  test::RunResult refused = test::RunCommand(acervo + " extract " + Quote(encrypted_));
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_THAT(refused.output, HasSubstr("encrypted: needs a password"));
  test::RunResult extracted = test::RunCommand(acervo + " extract --password-file " + Quote(list) +
                                               " " + Quote(encrypted_));
  EXPECT_EQ(extracted.exit_code, 0) << extracted.output;
  EXPECT_THAT(extracted.output, HasSubstr("120 becas"));
  test::RunResult text =
      test::RunCommand(acervo + " text --password 'clave dueño' " + Quote(encrypted_));
  EXPECT_EQ(text.exit_code, 0) << text.output;
  EXPECT_THAT(text.output, HasSubstr("120 becas"));
  test::RunResult ingested = test::RunCommand(acervo + " ingest --store s.db -j1 --password-file " +
                                              Quote(list) + " " + Quote(encrypted_));
  EXPECT_EQ(ingested.exit_code, 0) << ingested.output;
  test::RunResult missing = test::RunCommand(acervo + " text --password-file nada.txt x.pdf");
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_THAT(missing.output, HasSubstr("nada.txt: cannot read the file"));
}

// The shared malformed PDFs whose MANIFEST.tsv gives a user password ("user=..." column).
TEST(SharedEncryptedPdfs, OpenWithTheirManifestPasswords) {
  std::filesystem::path dir = std::filesystem::path(ACERVO_SOURCE_DIR) / "../shared/malformed-pdfs";
  std::ifstream manifest(dir / "MANIFEST.tsv");
  if (!manifest) GTEST_SKIP() << "no " << dir << "/MANIFEST.tsv";
  int opened = 0;
  for (std::string line; std::getline(manifest, line);) {
    std::vector<std::string> cols;
    std::stringstream row(line);
    for (std::string c; std::getline(row, c, '\t');) cols.push_back(c);
    if (cols.size() < 7 || cols[5] != "encrypted-user-pw") continue;
    std::string pw = cols[6].substr(cols[6].find('=') + 1);
    pw = pw.substr(0, pw.find_first_of(" \t("));
    LoadOptions options;
    options.ocr = OcrMode::kNever;
    Result<Document> locked = LoadDocument(dir / cols[0], options);
    ASSERT_FALSE(locked.ok()) << cols[0];
    EXPECT_THAT(locked.status().message(), HasSubstr("encrypted: needs a password"));
    options.passwords = {"no-es-esta", pw};
    Result<Document> doc = LoadDocument(dir / cols[0], options);
    // An opened document may still have no text layer (then "no text"), never "encrypted".
    if (!doc.ok()) {
      EXPECT_THAT(doc.status().message(), ::testing::Not(HasSubstr("encrypted"))) << cols[0];
    }
    ++opened;
  }
  EXPECT_GE(opened, 4);
}

}  // namespace
}  // namespace acervo
