// Tables whose cells wrap over several lines, printed by Chromium through tools/make-fixtures
// three ways: ruled (lattice), without lines (stream), and ruled then scanned (rendered at
// 200 dpi, tilted, noised; its grid is found on the page image). The sources are reports
// written for these tests: tests/loaders/convenios-tabla.md (two tables, one continued over
// a page break with its repeated header), corpora/rafaela-ejecucion-presupuestaria-2023-1.md
// (a budget table with a two-row header of spanned cells and row labels spanning several
// rows, continued over a page break that cuts a row) and
// corpora/armenia-convenios-cooperacion-2022.md (an agreements table with wrapped cells,
// "febrero-" / "diciembre 2022" periods and a total row with empty cells) and
// corpora/neiva-convenios-aliados-2023.md (a department's long name beside an ally's long
// name beside the agreement's object and two amounts, each cell wrapped onto three to six
// lines, over a page break). Each row must come
// out whole, cells in order, a table continued on the next page must stay one table, its
// header repeated there dropped, and the whole text must read as the source does. Skips when
// the generator cannot run (no Chromium). The prints are kept in the build tree (PrintFile);
// reading a scan takes about 6 s a page.
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

enum class Print { kRuled, kStream, kScanned };

const char* const kPrintNames[] = {"ruled", "stream", "scanned"};

struct Sample {
  const char* name;    // the source's file name without its extension
  const char* source;  // its path
  int rows;            // how many table rows (tab lines) the source has
  size_t tables;       // how many tables the loader must find in it
};

const Sample kConvenios = {"convenios-tabla", ACERVO_SOURCE_DIR "/tests/loaders/convenios-tabla.md",
                           21, 2};
const Sample kBudget = {"rafaela-ejecucion-presupuestaria-2023-1",
                        ACERVO_SOURCE_DIR "/corpora/rafaela-ejecucion-presupuestaria-2023-1.md", 18,
                        1};
const Sample kAgreements = {"armenia-convenios-cooperacion-2022",
                            ACERVO_SOURCE_DIR "/corpora/armenia-convenios-cooperacion-2022.md", 8,
                            1};
const Sample kAllies = {"neiva-convenios-aliados-2023",
                        ACERVO_SOURCE_DIR "/corpora/neiva-convenios-aliados-2023.md", 12, 1};

struct Case {
  const Sample* sample;
  Print print;
};

// How GoogleTest (and so CTest's test list) names a case: the sample and its print, not the
// bytes of the struct, whose pointer changes from build to build.
void PrintTo(const Case& c, std::ostream* os) {
  *os << c.sample->name << " " << kPrintNames[static_cast<int>(c.print)];
}

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

// The print of the source, made by tools/make-fixtures into the build tree once and kept
// there while it is newer than the source and the generator (each test runs in a process
// of its own: the scan takes 15 s to make). Empty when the generator cannot run.
fs::path PrintFile(const Sample& sample, Print kind) {
  const fs::path dir = fs::path(ACERVO_BINARY_DIR) / "tests/loaders/table-prints" / sample.name /
                       kPrintNames[int(kind)];
  const fs::path file =
      dir / (std::string(sample.name) + (kind == Print::kScanned ? ".scan.pdf" : ".pdf"));
  const fs::path kSource = sample.source;
  const fs::path generator = ACERVO_SOURCE_DIR "/tools/make-fixtures";
  std::error_code ec;
  if (fs::exists(file, ec) && fs::last_write_time(file) > fs::last_write_time(kSource) &&
      fs::last_write_time(file) > fs::last_write_time(generator)) {
    return file;
  }
  fs::create_directories(dir.parent_path(), ec);
  fs::path work = dir.string() + ".tmp-" + std::to_string(::getpid());
  std::string env = kind == Print::kScanned  ? ""
                    : kind == Print::kStream ? "FIXTURES_BORN_ONLY=1 FIXTURES_BORDERLESS=1 "
                                             : "FIXTURES_BORN_ONLY=1 ";
  std::string cmd =
      env + generator.string() + " " + work.string() + " " + kSource.string() + " >/dev/null 2>&1";
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
const Document* Printed(const Sample& sample, Print kind) {
  static std::map<std::pair<const Sample*, Print>, std::unique_ptr<Document>> docs;
  auto done = docs.find({&sample, kind});
  if (done != docs.end()) return done->second.get();
  std::unique_ptr<Document>& doc = docs[{&sample, kind}];
  if (fs::path file = PrintFile(sample, kind); !file.empty()) {
    Result<Document> pdf = LoadDocument(file, LoadOptions());
    if (pdf.ok()) doc = std::make_unique<Document>(std::move(pdf.value()));
  }
  return doc.get();
}

// The source as the text loader reads it.
const Document& Source(const Sample& sample) {
  static std::map<const Sample*, Document> sources;
  auto done = sources.find(&sample);
  if (done != sources.end()) return done->second;
  Result<Document> text = LoadDocument(sample.source, LoadOptions());
  EXPECT_TRUE(text.ok()) << text.status().message();
  return sources[&sample] = text.ok() ? std::move(text.value()) : Document();
}

class Tables : public ::testing::TestWithParam<Case> {
 protected:
  void SetUp() override {
    pdf_ = Printed(*GetParam().sample, GetParam().print);
    if (pdf_ == nullptr) GTEST_SKIP() << "tools/make-fixtures could not run (no Chromium?)";
    if (GetParam().print == Print::kScanned && (pdf_->pages.empty() || !pdf_->pages[0].ocr)) {
      GTEST_SKIP() << "no OCR here";
    }
  }
  // OCR misreads a letter here and there; a text layer reads exactly.
  double Slack() const { return GetParam().print == Print::kScanned ? 0.05 : 0.01; }
  const Document& source() const { return Source(*GetParam().sample); }
  const Document* pdf_ = nullptr;
};

// Every row of the source's tables comes out as one line, its cells in order: the closest
// line of the print is within a few OCR slips of it (interleaved cells would be far off).
TEST_P(Tables, EveryRowComesOutWhole) {
  std::vector<std::string> printed = Lines(*pdf_);
  int rows = 0;
  for (const std::string& row : Lines(source())) {
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
  EXPECT_EQ(rows, GetParam().sample->rows);
}

// convenios-tabla.md's text-layer prints read exactly (the scan's OCR slips:
// EveryRowComesOutWhole).
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
  CerResult cer = CharacterErrorRate(AllText(source()), AllText(*pdf_), {true});
  double bound = GetParam().print == Print::kScanned ? 0.03 : 0.01;
  EXPECT_LT(cer.cer(), bound) << AllText(*pdf_);
}

TEST_P(Tables, ATableContinuedOverAPageIsOneTable) {
  ASSERT_EQ(pdf_->tables.size(), GetParam().sample->tables) << AllText(*pdf_);
  if (GetParam().sample == &kConvenios) {
    EXPECT_EQ(pdf_->tables[0].caption,
              std::vector<std::string>{"CUADRO 1. Convenios suscritos por entidad responsable"});
    EXPECT_EQ(pdf_->tables[1].header,
              (std::vector<std::string>{"Compromiso", "Responsable", "Estado"}));
  }
}

// The header a printer repeats at the top of each page is in the text once, as in the source
// (the copies are page furniture).
TEST_P(Tables, TheRepeatedHeaderIsInTheTextOnce) {
  const Table& table = pdf_->tables.back();
  ASSERT_FALSE(table.header.empty());
  std::string header;
  for (const std::string& cell : table.header) header += (header.empty() ? "" : "\t") + cell;
  std::string all = AllText(*pdf_);
  size_t first = all.find(header);
  ASSERT_NE(first, std::string::npos) << all;
  EXPECT_EQ(all.find(header, first + 1), std::string::npos) << all;
}

// The budget table: its two-row header of spanned cells, a row label spanning several rows
// (its other rows start with an empty field), the row that the page break cuts made whole.
TEST(Prints, SpannedCellsAndARowCutByThePageBreak) {
  const Document* pdf = Printed(kBudget, Print::kRuled);
  if (pdf == nullptr) GTEST_SKIP() << "tools/make-fixtures could not run (no Chromium?)";
  std::string all = AllText(*pdf);
  for (const char* row :
       {"Jurisdicción\tPrograma\tCrédito\t\tDevengado\tEjecución (%)\n",
        "\t\tOriginal\tVigente\t\t\n",
        "\tAsistencia alimentaria a familias en situación de vulnerabilidad\t175.000.000,00\t"
        "214.500.000,00\t139.211.402,08\t64,9\n",
        "Total\t\t2.451.500.000,00\t2.686.145.650,00\t1.414.904.277,86\t52,7\n"}) {
    EXPECT_NE(all.find(row), std::string::npos) << row << "\nin:\n" << all;
  }
}

// The agreements table: a period wrapped after its hyphen keeps it, and the total row's
// empty cells keep its figures under their headers.
TEST(Prints, HyphenatedRangesAndEmptyCellsKeepTheirPlace) {
  const Document* pdf = Printed(kAgreements, Print::kStream);
  if (pdf == nullptr) GTEST_SKIP() << "tools/make-fixtures could not run (no Chromium?)";
  std::string all = AllText(*pdf);
  EXPECT_NE(all.find("\tfebrero-diciembre 2022\t640.000.000\t128.000.000\n"), std::string::npos)
      << all;
  EXPECT_NE(all.find("\tTotal\t\t\t3.079.950.000\t727.990.000"), std::string::npos) << all;
}

// The allies table: a row whose three wrapped cells stand side by side comes out whole, in
// the text layer and in the scan, and the total row keeps its figures under their headers.
TEST(Prints, LongNamesWrappedSideBySideStayInTheirCells) {
  for (Print kind : {Print::kRuled, Print::kScanned}) {
    const Document* pdf = Printed(kAllies, kind);
    if (pdf == nullptr) GTEST_SKIP() << "tools/make-fixtures could not run (no Chromium?)";
    if (kind == Print::kScanned && (pdf->pages.empty() || !pdf->pages[0].ocr)) continue;
    std::string all = AllText(*pdf);
    for (const char* row :
         {"4\tSecretaría de Medio Ambiente y Gestión del Riesgo de Desastres\tCorporación "
          "Autónoma Regional del Alto Magdalena (CAM)\tRestauración de la ronda hídrica del río "
          "Las Ceibas y de sus quebradas afluentes\t412.000.000\t103.000.000\n",
          "\tTotal\t\t\t2.287.650.000\t705.200.000\n"}) {
      EXPECT_NE(all.find(row), std::string::npos)
          << kPrintNames[int(kind)] << ": " << row << "\nin:\n"
          << all;
    }
  }
}

std::string PrintName(const ::testing::TestParamInfo<Case>& info) {
  const char* sample = info.param.sample == &kConvenios ? ""
                       : info.param.sample == &kBudget  ? "Budget"
                       : info.param.sample == &kAllies  ? "Allies"
                                                        : "Agreements";
  switch (info.param.print) {
    case Print::kRuled:
      return sample + std::string("Ruled");
    case Print::kStream:
      return sample + std::string("Stream");
    case Print::kScanned:
      return sample + std::string("Scanned");
  }
  return "";
}

const Case kAll[] = {{&kConvenios, Print::kRuled},   {&kConvenios, Print::kStream},
                     {&kConvenios, Print::kScanned}, {&kBudget, Print::kRuled},
                     {&kBudget, Print::kScanned},    {&kAgreements, Print::kStream},
                     {&kAllies, Print::kRuled},      {&kAllies, Print::kScanned}};

INSTANTIATE_TEST_SUITE_P(Prints, Tables, ::testing::ValuesIn(kAll), PrintName);
INSTANTIATE_TEST_SUITE_P(Prints, BornDigitalTables,
                         ::testing::Values(Case{&kConvenios, Print::kRuled},
                                           Case{&kConvenios, Print::kStream}),
                         PrintName);

}  // namespace
}  // namespace acervo
