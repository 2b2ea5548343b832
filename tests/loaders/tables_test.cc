// Tables whose cells wrap over several lines (tests/loaders/convenios-tabla.md, a report
// written for this test), printed by Chromium through tools/make-fixtures three ways: ruled
// (lattice), without lines (stream), and ruled then scanned (rendered at 200 dpi, tilted,
// noised; its grid is found on the page image). Each row must come out whole, cells in
// order, the table continuing on the next page with its repeated header must stay one
// table, and the whole text must read as the source does. Skips when the generator cannot
// run (no Chromium). The prints are kept in the build tree (PrintFile); reading the scan
// takes about 6 s.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>

#include "cer.h"
#include "load/loader.h"

namespace acervo {
namespace {

namespace fs = std::filesystem;

const char kSource[] = ACERVO_SOURCE_DIR "/tests/loaders/convenios-tabla.md";

std::string AllText(const Document& doc) {
  std::string all;
  for (const Page& p : doc.pages) all += p.text + "\n";
  return all;
}

std::vector<std::string> Lines(const Document& doc) {
  std::vector<std::string> lines;
  std::istringstream in(AllText(doc));
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

enum class Print { kRuled, kStream, kScanned };

const char* const kPrintNames[] = {"ruled", "stream", "scanned"};

// The print of the source, made by tools/make-fixtures into the build tree once and kept
// there while it is newer than the source and the generator (each test runs in a process
// of its own: the scan takes 15 s to make). Empty when the generator cannot run.
fs::path PrintFile(Print kind) {
  const fs::path dir =
      fs::path(ACERVO_BINARY_DIR) / "tests/loaders/table-prints" / kPrintNames[int(kind)];
  const fs::path file =
      dir / (kind == Print::kScanned ? "convenios-tabla.scan.pdf" : "convenios-tabla.pdf");
  const fs::path generator = ACERVO_SOURCE_DIR "/tools/make-fixtures";
  std::error_code ec;
  if (fs::exists(file, ec) && fs::last_write_time(file) > fs::last_write_time(kSource) &&
      fs::last_write_time(file) > fs::last_write_time(generator)) {
    return file;
  }
  fs::path work = dir.string() + ".tmp-" + std::to_string(::getpid());
  std::string env = kind == Print::kScanned  ? ""
                    : kind == Print::kStream ? "FIXTURES_BORN_ONLY=1 FIXTURES_BORDERLESS=1 "
                                             : "FIXTURES_BORN_ONLY=1 ";
  std::string cmd =
      env + generator.string() + " " + work.string() + " " + kSource + " >/dev/null 2>&1";
  if (std::system(cmd.c_str()) != 0) {
    fs::remove_all(work, ec);
    return {};
  }
  fs::remove_all(dir, ec);
  fs::rename(work, dir, ec);  // another test process may have won the race: either will do
  fs::remove_all(work, ec);
  return fs::exists(file, ec) ? file : fs::path();
}

// The print read by the loader, once per process (nullptr when it cannot be made).
const Document* Printed(Print kind) {
  static std::map<Print, std::unique_ptr<Document>> docs;
  auto done = docs.find(kind);
  if (done != docs.end()) return done->second.get();
  std::unique_ptr<Document>& doc = docs[kind];
  if (fs::path file = PrintFile(kind); !file.empty()) {
    Result<Document> pdf = LoadDocument(file, LoadOptions());
    if (pdf.ok()) doc = std::make_unique<Document>(std::move(pdf.value()));
  }
  return doc.get();
}

const Document& Source() {
  static Document source = [] {
    Result<Document> text = LoadDocument(kSource, LoadOptions());
    EXPECT_TRUE(text.ok()) << text.status().message();
    return text.ok() ? std::move(text.value()) : Document();
  }();
  return source;
}

class Tables : public ::testing::TestWithParam<Print> {
 protected:
  void SetUp() override {
    pdf_ = Printed(GetParam());
    if (pdf_ == nullptr) GTEST_SKIP() << "tools/make-fixtures could not run (no Chromium?)";
    if (GetParam() == Print::kScanned && (pdf_->pages.empty() || !pdf_->pages[0].ocr)) {
      GTEST_SKIP() << "no OCR here";
    }
  }
  // OCR misreads a letter here and there; a text layer reads exactly.
  double Slack() const { return GetParam() == Print::kScanned ? 0.05 : 0.01; }
  const Document* pdf_ = nullptr;
};

// Every row of the source's tables comes out as one line, its cells in order: the closest
// line of the print is within a few OCR slips of it (interleaved cells would be far off).
TEST_P(Tables, EveryRowComesOutWhole) {
  std::vector<std::string> printed = Lines(*pdf_);
  int rows = 0;
  for (const std::string& row : Lines(Source())) {
    if (row.find('\t') == std::string::npos) continue;
    ++rows;
    double best = 1;
    std::string closest;
    for (const std::string& line : printed) {
      double cer = CharacterErrorRate(row, line, {true}).cer();
      if (cer < best) best = cer, closest = line;
    }
    EXPECT_LT(best, Slack()) << "row:     " << row << "\nclosest: " << closest;
  }
  EXPECT_EQ(rows, 21);
}

// The text layer's prints read exactly (the scan's OCR slips: EveryRowComesOutWhole).
class BornDigitalTables : public Tables {};

TEST_P(BornDigitalTables, WrappedCellsComeOutWhole) {
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

TEST_P(Tables, ReadsAsTheSource) {
  ASSERT_GE(pdf_->pages.size(), 2u);
  CerResult cer = CharacterErrorRate(AllText(Source()), AllText(*pdf_), {true});
  EXPECT_LT(cer.cer(), GetParam() == Print::kScanned ? 0.03 : 0.01) << AllText(*pdf_);
}

TEST_P(Tables, ATableContinuedOverAPageIsOneTable) {
  ASSERT_EQ(pdf_->tables.size(), 2u) << AllText(*pdf_);
  EXPECT_EQ(pdf_->tables[0].caption,
            std::vector<std::string>{"CUADRO 1. Convenios suscritos por entidad responsable"});
  EXPECT_EQ(pdf_->tables[1].header,
            (std::vector<std::string>{"Compromiso", "Responsable", "Estado"}));
}

std::string PrintName(const ::testing::TestParamInfo<Print>& info) {
  switch (info.param) {
    case Print::kRuled:
      return "Ruled";
    case Print::kStream:
      return "Stream";
    case Print::kScanned:
      return "Scanned";
  }
  return "";
}

INSTANTIATE_TEST_SUITE_P(Prints, Tables,
                         ::testing::Values(Print::kRuled, Print::kStream, Print::kScanned),
                         PrintName);
INSTANTIATE_TEST_SUITE_P(Prints, BornDigitalTables,
                         ::testing::Values(Print::kRuled, Print::kStream), PrintName);

}  // namespace
}  // namespace acervo
