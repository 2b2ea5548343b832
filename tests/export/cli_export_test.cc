// `acervo export` and `acervo report` as a user runs them: on a store built by the real
// `acervo ingest` of the project's corpora/ samples, and on a large synthetic store to show
// that exporting streams (peak memory does not grow with the number of records).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "records/test_record.h"
#include "schema_validator.h"
#include "store/store.h"
#include "test_util.h"

namespace acervo {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::string Acervo(const std::string& args) { return test::Quote(ACERVO_BINARY) + " " + args; }

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class IngestedCorpora : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    std::string files;
    documents_ = 0;
    for (const auto& e : std::filesystem::directory_iterator(ACERVO_SOURCE_DIR "/corpora")) {
      if (e.is_regular_file() && e.path().extension() == ".md") {
        files += " " + test::Quote(e.path());
        ++documents_;
      }
    }
    ingest_ = new test::RunResult(
        test::RunCommand(Acervo("ingest" + files + " --store " + test::Quote(Store()))));
  }
  static void TearDownTestSuite() {
    delete ingest_;
    delete dir_;
  }
  static std::filesystem::path Store() { return dir_->path() / "corpora.db"; }
  static inline int documents_ = 0;  // the .md samples ingested

  void SetUp() override { ASSERT_EQ(ingest_->exit_code, 0) << ingest_->output; }

  static test::TempDir* dir_;
  static test::RunResult* ingest_;
};
test::TempDir* IngestedCorpora::dir_ = nullptr;
test::RunResult* IngestedCorpora::ingest_ = nullptr;

TEST_F(IngestedCorpora, EveryExportedRecordValidatesAgainstTheSchema) {
  std::ifstream schema_file(ACERVO_SOURCE_DIR "/schemas/record.schema.json");
  json schema = json::parse(schema_file);
  std::filesystem::path out = dir_->path() / "records.json";
  auto r = test::RunCommand(
      Acervo("export --format json --store " + test::Quote(Store()) + " -o " + test::Quote(out)));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  json records = json::parse(ReadFile(out));
  ASSERT_TRUE(records.is_array());
  EXPECT_GT(records.size(), 10u) << "the corpora should give records";
  for (const json& rec : records) {
    EXPECT_THAT(test::Validate(schema, rec), IsEmpty()) << rec.dump();
  }

  auto lines = test::RunCommand(Acervo("export --store " + test::Quote(Store())));
  ASSERT_EQ(lines.exit_code, 0);
  size_t n = 0;
  std::istringstream in(lines.output);
  for (std::string line; std::getline(in, line); ++n) {
    EXPECT_EQ(json::parse(line), records[n]);
  }
  EXPECT_EQ(n, records.size());
}

TEST_F(IngestedCorpora, CsvHasAHeaderAndOneRowPerRecord) {
  auto json_out = test::RunCommand(Acervo("export --format json --store " + test::Quote(Store())));
  auto csv = test::RunCommand(Acervo("export --format csv --store " + test::Quote(Store())));
  ASSERT_EQ(csv.exit_code, 0) << csv.output;
  EXPECT_EQ(csv.output.rfind("id,document_id,source,kind,", 0), 0u);
  // Every row starts with a record id; quoted fields may hold line breaks, rows may not
  // start inside them.
  size_t rows = 0;
  for (size_t at = csv.output.find("\r\nr-"); at != std::string::npos;
       at = csv.output.find("\r\nr-", at + 1)) {
    ++rows;
  }
  EXPECT_EQ(rows, json::parse(json_out.output).size());
}

TEST_F(IngestedCorpora, ReportSummarizesTheStore) {
  auto r = test::RunCommand(Acervo("report --store " + test::Quote(Store())));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("Documents: " + std::to_string(documents_) + " "));
  EXPECT_THAT(r.output, HasSubstr("By goal"));
  auto html = test::RunCommand(Acervo("report --format html --store " + test::Quote(Store())));
  ASSERT_EQ(html.exit_code, 0) << html.output;
  EXPECT_EQ(html.output.rfind("<!DOCTYPE html>", 0), 0u);
}

TEST(ExportCliTest, ABadSinceIsAUsageError) {
  test::TempDir dir;
  auto r = test::RunCommand(
      Acervo("export --since 2024-02-30 --store " + test::Quote(dir.path() / "none.db")));
  EXPECT_EQ(r.exit_code, 2) << r.output;
  auto missing = test::RunCommand(Acervo("export --store " + test::Quote(dir.path() / "none.db")));
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_THAT(missing.output, HasSubstr("no such store"));
}

// A reviewed record that a later extraction no longer finds, as a user meets it: `acervo
// ingest`, corrections with `acervo review set`, `acervo reextract` with a pipeline that
// reads the record's heading as a grouping heading, then export and report.
TEST(ExportCliTest, AReviewedRecordALaterExtractionLosesIsStillExportedAsReviewed) {
  test::TempDir dir;
  std::filesystem::path doc = dir.Write(
      "informe.md",
      "# Informe de actividades 2024\n\n"
      "## Foro regional de movilidad sostenible\n\n"
      "El 14 de marzo de 2024 la Secretaría de Movilidad participó en el foro regional.\n\n"
      "## Reunión de la red de ciudades\n\n"
      "En mayo de 2024 la red de ciudades sesionó en línea.\n");
  const std::string store = " --store " + test::Quote(dir.path() / "s.db");
  ASSERT_EQ(test::RunCommand(Acervo("ingest " + test::Quote(doc) + store)).exit_code, 0);
  auto listed = test::RunCommand("(" + Acervo("review list --status all --format json" + store) +
                                 " 2>/dev/null)");
  std::string id;
  for (const json& r : json::parse(listed.output)) {
    if (r["title"] == "Reunión de la red de ciudades") id = r["id"];
  }
  ASSERT_FALSE(id.empty()) << listed.output;
  for (const char* change :
       {"title 'Reunión anual de la red de ciudades'",
        "amounts/- '{\"amount\": \"5000\", \"currency\": \"MXN\", \"approximate\": false, "
        "\"role\": null}'"}) {
    auto set = test::RunCommand(
        Acervo("review set " + id + " " + std::string(change) + " --reviewer eva" + store));
    ASSERT_EQ(set.exit_code, 0) << set.output;
  }

  // The same pipeline, except that it takes "Reunión de la red" for a heading that only
  // groups others: the record is gone from the new extraction.
  dir.Write("groups.tsv", "reunion de la red\n");
  std::string pipeline = ReadFile(ACERVO_SOURCE_DIR "/pipelines/default.yaml");
  pipeline.replace(pipeline.find("name: informe-actividades"), 25, "name: informe-estricto");
  pipeline.replace(pipeline.find("lexicons/group-headings.es.tsv"), 30,
                   (dir.path() / "groups.tsv").string());
  for (size_t at; (at = pipeline.find(" lexicons/")) != std::string::npos;) {
    pipeline.replace(at + 1, 8, ACERVO_SOURCE_DIR "/pipelines/lexicons");
  }
  std::filesystem::path strict = dir.Write("estricto.yaml", pipeline);
  auto again = test::RunCommand(Acervo("reextract --pipeline " + test::Quote(strict) + store));
  ASSERT_EQ(again.exit_code, 0) << again.output;
  auto shown = test::RunCommand("(" + Acervo("review show " + id + store) + " 2>/dev/null)");
  ASSERT_EQ(json::parse(shown.output).value("orphaned", false), true) << shown.output;

  std::filesystem::path out = dir.path() / "records.json";
  auto exported = test::RunCommand(Acervo("export --format json -o " + test::Quote(out) + store));
  ASSERT_EQ(exported.exit_code, 0) << exported.output;
  json found;
  for (const json& r : json::parse(ReadFile(out))) {
    if (r["id"] == id) found = r;
  }
  ASSERT_TRUE(found.is_object()) << ReadFile(out);
  EXPECT_EQ(found["orphaned"], true);
  EXPECT_EQ(found["status"], "reviewed");
  EXPECT_EQ(found["reviewed_by"], "eva");
  EXPECT_EQ(found["title"], "Reunión anual de la red de ciudades");
  EXPECT_EQ(found["amounts"].back()["amount"], "5000");
  std::ifstream schema_file(ACERVO_SOURCE_DIR "/schemas/record.schema.json");
  EXPECT_THAT(test::Validate(json::parse(schema_file), found), IsEmpty());

  auto csv = test::RunCommand("(" + Acervo("export --format csv" + store) + " 2>/dev/null)");
  size_t row = csv.output.find("\r\n" + id + ",");
  ASSERT_NE(row, std::string::npos) << csv.output;
  std::string line = csv.output.substr(row + 2, csv.output.find("\r\n", row + 2) - row - 2);
  EXPECT_THAT(line, HasSubstr(",Reunión anual de la red de ciudades,"));
  EXPECT_EQ(line.substr(line.size() - 5), ",true");

  auto report = test::RunCommand(Acervo("report" + store));
  EXPECT_THAT(report.output, HasSubstr("no longer found by the latest extraction (kept as "
                                       "reviewed, \"orphaned\" in exports): 1"));
  EXPECT_THAT(report.output, HasSubstr("MXN: 5,000"));
}

// A store with `documents` x 1000 records (each ~1 KB of JSON).
void FillStore(const std::filesystem::path& file, int documents) {
  auto store = Store::Open(file);
  ASSERT_TRUE(store.ok());
  for (int d = 0; d < documents; ++d) {
    Extraction x;
    x.pipeline = "test@1";
    char hex[65];
    std::snprintf(hex, sizeof hex, "%064x", d);
    x.document.info.id = std::string("sha256:") + hex;
    x.document.info.source = "doc-" + std::to_string(d) + ".txt";
    x.document.pages.push_back(Page{});
    for (int i = 0; i < 1000; ++i) {
      x.records.push_back(test::RecordOf(
          {{"id", "r-" + std::to_string(d) + "-" + std::to_string(i)},
           {"kind", "financiamiento"},
           {"title", std::string(400, 't')},
           {"anchor", "a"},
           {"text", std::string(400, 'x')},
           {"page_start", 1},
           {"page_end", 1},
           {"dates", json::array()},
           {"amounts",
            {{{"amount", "12.5"}, {"currency", "MXN"}, {"approximate", false}, {"role", nullptr}}}},
           {"institutions", json::array()},
           {"ods", json::array()},
           {"confidence", 0.9},
           {"status", "auto"}}));
    }
    ASSERT_TRUE((*store)->PutExtraction(x).ok());
  }
}

// Runs `command` through the shell (which execs it) and returns its peak RSS in KB, or -1.
long PeakKb(const std::string& command) {
  pid_t pid = fork();
  if (pid == 0) {
    execl("/bin/sh", "sh", "-c", ("exec " + command).c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  rusage u{};
  if (pid < 0 || wait4(pid, &status, 0, &u) != pid) return -1;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return -1;
  return u.ru_maxrss;
}

TEST(ExportCliTest, ExportStreamsWithFlatMemory) {
  test::TempDir dir;
  FillStore(dir.path() / "small.db", 1);
  FillStore(dir.path() / "large.db", 40);
  long small = PeakKb(Acervo("export --format json --store " +
                             test::Quote(dir.path() / "small.db") + " >/dev/null"));
  long large = PeakKb(Acervo("export --format json --store " +
                             test::Quote(dir.path() / "large.db") + " >/dev/null"));
  ASSERT_GT(small, 0);
  ASSERT_GT(large, 0);
  std::cout << "peak RSS: " << small << " KB (1,000 records), " << large
            << " KB (40,000 records)\n";
  // 40,000 records of ~1 KB: holding them would add 40+ MB (far more as JSON trees).
  EXPECT_LT(large - small, 8 * 1024);
  auto report = test::RunCommand(Acervo("report --store " + test::Quote(dir.path() / "large.db")));
  EXPECT_THAT(report.output, HasSubstr("MXN: 500,000"));
}

}  // namespace
}  // namespace acervo
