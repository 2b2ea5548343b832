// Bulk ingest through worker processes: a batch with a crashing, a hanging and a memory-
// eating document, broken PDFs and an empty file stores the rest and names each failure;
// an ingest killed mid-run and run again finishes with no duplicates and no loss.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "load/test_pdf.h"
#include "test_util.h"

namespace acervo {
namespace {

using test::QueryInt;
using test::Quote;
using ::testing::HasSubstr;

class IngestTest : public ::testing::Test {
 protected:
  IngestTest() {
    dir_.Write("faults.yaml",
               "name: faults\nextractors:\n  - plugin: test-faults\n  - plugin: test-good\n");
  }
  std::string Acervo(const std::string& args) {
    return "cd " + Quote(dir_.path()) + " && ACERVO_PLUGIN_PATH=" + Quote(ACERVO_TEST_PLUGIN_DIR) +
           " " + Quote(ACERVO_BINARY) + " " + args;
  }
  test::TempDir dir_;
};

TEST_F(IngestTest, FaultyDocumentsFailWithTheirReasonAndTheRestIsStored) {
  for (int i = 0; i < 4; ++i) {
    dir_.Write(
        "batch/good-" + std::to_string(i) + ".md",
        "# Informe " + std::to_string(i) + "\n\nEl acervo número " + std::to_string(i) + ".\n");
  }
  dir_.Write("batch/crash.txt", "Este documento dice ACERVO-TEST-CRASH.\n");
  dir_.Write("batch/hang.txt", "Este documento dice ACERVO-TEST-HANG.\n");
  dir_.Write("batch/memory.txt", "Este documento dice ACERVO-TEST-MEMORY.\n");
  dir_.Write("batch/empty.pdf", "");
  testing_pdf::Run run;
  run.text = "Hola acervo";
  std::string pdf = testing_pdf::MakePdf({{run}});
  dir_.Write("batch/truncated.pdf", pdf.substr(0, pdf.size() / 2));
  dir_.Write("batch/not-really.pdf", "GIF89a this is an image");

  // The timeout leaves the memory hog time to reach its limit on a loaded machine (filling
  // 1 GiB took over 3 s under a parallel build).
  auto r = test::RunCommand(
      Acervo("ingest batch --pipeline faults.yaml --store s.db --jobs 2 --timeout 6 "
             "--max-memory 1024 --json-progress"));
  EXPECT_EQ(r.exit_code, 3) << r.output;
  EXPECT_THAT(r.output, HasSubstr("crash.txt: worker crashed (signal 11, SIGSEGV)"));
  EXPECT_THAT(r.output, HasSubstr("hang.txt: no progress for 6 s: worker killed"));
  EXPECT_THAT(r.output, HasSubstr("memory.txt: ran out of memory"));
  EXPECT_THAT(r.output, HasSubstr("empty.pdf: empty file"));
  EXPECT_THAT(r.output, HasSubstr("truncated.pdf:"));
  EXPECT_THAT(r.output, HasSubstr("not-really.pdf: is image/gif, not a PDF"));
  EXPECT_EQ(QueryInt(dir_.path() / "s.db", "SELECT COUNT(*) FROM documents"), 4);
  EXPECT_EQ(QueryInt(dir_.path() / "s.db", "SELECT COUNT(*) FROM failures"), 6);
  EXPECT_EQ(QueryInt(dir_.path() / "s.db",
                     "SELECT COUNT(*) FROM failures WHERE code IN ('crash','timeout','memory')"),
            3);
  // Each failure keeps its own code: what no loader reads is unsupported, not corrupt.
  EXPECT_EQ(QueryInt(dir_.path() / "s.db",
                     "SELECT COUNT(*) FROM failures WHERE source LIKE '%not-really.pdf' AND "
                     "code = 'unsupported'"),
            1);
  EXPECT_EQ(QueryInt(dir_.path() / "s.db",
                     "SELECT COUNT(*) FROM failures WHERE source LIKE '%truncated.pdf' AND "
                     "code = 'corrupt'"),
            1);

  // Failed documents are not retried by default, and are with --retry-failed.
  auto again = test::RunCommand(Acervo("ingest batch --pipeline faults.yaml --store s.db"));
  EXPECT_THAT(again.output, HasSubstr("4 already stored, 0 failed"));
  EXPECT_THAT(again.output, HasSubstr("6 failed before (not retried"));
  EXPECT_EQ(again.exit_code, 3);
  dir_.Write("batch/crash.txt", "Ahora el acervo está bien.\n");  // fixed file, new bytes
  auto fixed = test::RunCommand(Acervo("ingest batch --pipeline faults.yaml --store s.db"));
  EXPECT_THAT(fixed.output, HasSubstr("1 stored"));
  EXPECT_EQ(QueryInt(dir_.path() / "s.db", "SELECT COUNT(*) FROM failures"), 5);
}

TEST_F(IngestTest, KilledIngestResumesWithoutDuplicatesOrLoss) {
  constexpr int kDocs = 12;
  for (int i = 0; i < kDocs; ++i) {
    dir_.Write("slow/doc-" + std::to_string(i) + ".txt",
               "ACERVO-TEST-SLOW acervo " + std::to_string(i) + "\n");
  }
  // Start, let a few documents through, then kill the coordinator outright.
  pid_t pid = fork();
  if (pid == 0) {
    setpgid(0, 0);  // its own process group, so one kill reaches the shell, acervo, workers
    execl(
        "/bin/sh", "sh", "-c",
        Acervo("ingest slow --pipeline faults.yaml --store s.db --jobs 1 >/dev/null 2>&1").c_str(),
        nullptr);
    _exit(127);
  }
  std::filesystem::path db = dir_.path() / "s.db";
  for (int i = 0; i < 100 && QueryInt(db, "SELECT COUNT(*) FROM documents") < 3; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  kill(-pid, SIGKILL);  // as a power cut would: no chance to clean up
  int status;
  waitpid(pid, &status, 0);
  int64_t before = QueryInt(db, "SELECT COUNT(*) FROM documents");
  EXPECT_GE(before, 3);
  EXPECT_LT(before, kDocs) << "the ingest finished before it could be killed";

  auto r = test::RunCommand(Acervo("ingest slow --pipeline faults.yaml --store s.db --jobs 2"));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr(std::to_string(kDocs - before) + " stored, " +
                                  std::to_string(before) + " already stored, 0 failed"));
  EXPECT_EQ(QueryInt(db, "SELECT COUNT(*) FROM documents"), kDocs);
  EXPECT_EQ(QueryInt(db, "SELECT COUNT(*) FROM pages"), kDocs);
  EXPECT_EQ(QueryInt(db, "SELECT COUNT(DISTINCT document_id) FROM mentions"), kDocs);
}

}  // namespace
}  // namespace acervo
