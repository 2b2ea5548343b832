#include "io/atomic_output.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include "io/fault_injection_env.h"

namespace acervo {
namespace {

class AtomicOutputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("acervo-atomic-output-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    ASSERT_TRUE(WriteFileAtomically(Env::Default(), file(), "old").ok());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path file() const { return dir_ / "out.csv"; }
  std::string Read() { return *Env::Default().ReadFile(file()); }
  size_t Entries() { return Env::Default().ListDirectory(dir_)->size(); }

  std::filesystem::path dir_;
};

TEST_F(AtomicOutputTest, CommitReplacesTheFileWhole) {
  auto out = AtomicOutput::Open(Env::Default(), file());
  ASSERT_TRUE(out.ok()) << out.status().message();
  std::string big(200'000, 'x');  // more than the stream's buffer
  (*out)->stream() << "new " << big;
  EXPECT_EQ(Read(), "old");  // nothing shows before the commit
  ASSERT_TRUE((*out)->Commit().ok());
  EXPECT_EQ(Read(), "new " + big);
  EXPECT_EQ(Entries(), 1u);  // no temporary left behind
}

TEST_F(AtomicOutputTest, DroppedOrFailedOutputLeavesTheOldFile) {
  {
    auto out = AtomicOutput::Open(Env::Default(), file());
    ASSERT_TRUE(out.ok());
    (*out)->stream() << "half of it";
  }
  EXPECT_EQ(Read(), "old");
  EXPECT_EQ(Entries(), 1u);

  FaultInjectionEnv env;
  env.FailWritesAfterBytes(10);
  auto out = AtomicOutput::Open(env, file());
  ASSERT_TRUE(out.ok());
  (*out)->stream() << std::string(100'000, 'y');
  Status s = (*out)->Commit();
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(Read(), "old");
  EXPECT_EQ(Entries(), 1u);
}

// A killed export leaves "<file>.tmp-<host>-<pid>"; the next output to the same file removes
// those of processes gone from this host, and no others.
TEST_F(AtomicOutputTest, TheNextOutputRemovesTemporariesOfProcessesThatAreGone) {
  char host[256] = "";
  gethostname(host, sizeof host - 1);
  pid_t gone = fork();  // a process that has exited and been reaped: its pid is free
  if (gone == 0) _exit(0);
  ASSERT_GT(gone, 0);
  waitpid(gone, nullptr, 0);
  const std::string base = file().string() + ".tmp-";
  const std::string stale = base + host + "-" + std::to_string(gone);
  const std::string legacy = base + std::to_string(gone);  // before the host was in the name
  const std::string alive = base + host + "-" + std::to_string(::getppid());
  const std::string elsewhere = base + "another-host-" + std::to_string(gone);
  const std::string other_file = (dir_ / "other.csv.tmp-1").string();
  for (const std::string& f : {stale, legacy, alive, elsewhere, other_file}) {
    ASSERT_TRUE(WriteFileAtomically(Env::Default(), f, "partial").ok()) << f;
  }
  auto out = AtomicOutput::Open(Env::Default(), file());
  ASSERT_TRUE(out.ok()) << out.status().message();
  (*out)->stream() << "new";
  ASSERT_TRUE((*out)->Commit().ok());
  EXPECT_EQ(Read(), "new");
  EXPECT_FALSE(std::filesystem::exists(stale));
  EXPECT_FALSE(std::filesystem::exists(legacy));
  EXPECT_TRUE(std::filesystem::exists(alive));
  EXPECT_TRUE(std::filesystem::exists(elsewhere));
  EXPECT_TRUE(std::filesystem::exists(other_file));
}

}  // namespace
}  // namespace acervo
