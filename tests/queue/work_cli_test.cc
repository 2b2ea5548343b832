// acervo enqueue, work and status end to end on a SQLite store: a file that changed after it
// was queued is refused, SIGTERM gives the documents in progress back to the queue, failures
// are queued again on request, and status reports what an operator needs.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "test_util.h"

namespace acervo {
namespace {

using test::Quote;
using ::testing::HasSubstr;

class WorkCliTest : public ::testing::Test {
 protected:
  WorkCliTest() {
    dir_.Write("faults.yaml",
               "name: faults\nextractors:\n  - plugin: test-faults\n  - plugin: test-good\n");
  }
  std::string Acervo(const std::string& args) {
    return "cd " + Quote(dir_.path()) + " && ACERVO_PLUGIN_PATH=" + Quote(ACERVO_TEST_PLUGIN_DIR) +
           " " + Quote(ACERVO_BINARY) + " " + args;
  }
  nlohmann::json Status() {
    auto r = test::RunCommand(Acervo("status --store q.db --json"));
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return nlohmann::json::parse(r.output, nullptr, false);
  }
  test::TempDir dir_;
};

TEST_F(WorkCliTest, AChangedFileIsRefusedAndFailuresCanBeRetried) {
  dir_.Write("docs/a.txt", "El acervo uno.\n");
  dir_.Write("docs/b.txt", "El acervo dos.\n");
  auto q = test::RunCommand(Acervo("enqueue docs --store q.db --pipeline faults.yaml"));
  ASSERT_EQ(q.exit_code, 0) << q.output;
  EXPECT_THAT(q.output, HasSubstr("2 queued, 0 already queued"));
  dir_.Write("docs/b.txt", "Otro texto, otros bytes.\n");
  auto w =
      test::RunCommand(Acervo("work --store q.db --pipeline faults.yaml --until-empty --jobs 1"));
  EXPECT_EQ(w.exit_code, 0) << w.output;
  EXPECT_THAT(w.output, HasSubstr("b.txt: changed since it was enqueued"));
  nlohmann::json s = Status();
  EXPECT_EQ(s["documents"], 1);
  EXPECT_EQ(s["failures"], 1);
  EXPECT_EQ(s["queued"], 0);
  EXPECT_EQ(s["leased"], 0);

  // b.txt's new bytes are a new document; a.txt's are stored.
  auto again = test::RunCommand(Acervo("enqueue docs --store q.db --pipeline faults.yaml"));
  EXPECT_THAT(again.output, HasSubstr("1 queued, 0 already queued, 1 already stored, 0 failed"));
  auto retry =
      test::RunCommand(Acervo("enqueue --retry-failed --store q.db --pipeline faults.yaml"));
  EXPECT_THAT(retry.output, HasSubstr("1 failures queued again"));
  s = Status();
  EXPECT_EQ(s["queued"], 2);
  EXPECT_EQ(s["failures"], 0);
}

TEST_F(WorkCliTest, SigtermGivesTheDocumentsInProgressBack) {
  dir_.Write("docs/hang.txt", "Este documento dice ACERVO-TEST-HANG.\n");
  ASSERT_EQ(test::RunCommand(Acervo("enqueue docs --store q.db --pipeline faults.yaml")).exit_code,
            0);
  pid_t pid = fork();
  if (pid == 0) {
    std::string work = "cd " + Quote(dir_.path()) +
                       " && exec env ACERVO_PLUGIN_PATH=" + Quote(ACERVO_TEST_PLUGIN_DIR) + " " +
                       Quote(ACERVO_BINARY) +
                       " work --store q.db --pipeline faults.yaml --jobs 1 >/dev/null 2>&1";
    execl("/bin/sh", "sh", "-c", work.c_str(), nullptr);
    _exit(127);
  }
  for (int i = 0; i < 100 && Status()["leased"] != 1; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_EQ(Status()["leased"], 1);
  EXPECT_THAT(Status()["leases"][0]["path"].get<std::string>(), HasSubstr("hang.txt"));
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 130) << status;
  nlohmann::json s = Status();
  EXPECT_EQ(s["leased"], 0);
  EXPECT_EQ(s["queued"], 1);
  EXPECT_EQ(s["failures"], 0);
}

TEST_F(WorkCliTest, IngestThroughTheQueueStoresLikeIngest) {
  dir_.Write("docs/a.txt", "El acervo uno.\n");
  dir_.Write("docs/b.md", "# B\n\nEl acervo dos.\n");
  auto r = test::RunCommand(Acervo("ingest docs --queue --store q.db --pipeline faults.yaml"));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("2 queued"));
  EXPECT_THAT(r.output, HasSubstr("2 stored"));
  nlohmann::json s = Status();
  EXPECT_EQ(s["documents"], 2);
  EXPECT_EQ(s["queued"], 0);
}

TEST_F(WorkCliTest, ErrorsNameTheStore) {
  auto r = test::RunCommand(Acervo("status --store missing.db"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.output, HasSubstr("missing.db: no such store"));
  auto help = test::RunCommand(Acervo("work --help"));
  EXPECT_THAT(help.output, HasSubstr("--until-empty"));
  EXPECT_THAT(help.output, HasSubstr("changed since it was enqueued"));
}

}  // namespace
}  // namespace acervo
