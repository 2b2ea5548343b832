#include "io/env.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "io/fault_injection_env.h"

namespace acervo {
namespace {

using ::testing::HasSubstr;

class EnvTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        std::filesystem::temp_directory_path() / ("acervo-env-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Read(const std::filesystem::path& p) { return *Env::Default().ReadFile(p); }
  size_t Entries() { return Env::Default().ListDirectory(dir_)->size(); }

  std::filesystem::path dir_;
};

TEST_F(EnvTest, WritesAtomicallyReadsListsAndTellsFilesFromFolders) {
  const Env& env = Env::Default();
  const auto file = dir_ / "a.txt";
  ASSERT_TRUE(WriteFileAtomically(env, file, "uno").ok());
  ASSERT_TRUE(WriteFileAtomically(env, file, "dos").ok());
  EXPECT_EQ(Read(file), "dos");
  EXPECT_TRUE(env.FileExists(file));
  EXPECT_FALSE(env.IsDirectory(file));
  EXPECT_TRUE(env.IsDirectory(dir_));
  EXPECT_EQ(Entries(), 1u);  // no temporary left behind
  EXPECT_EQ(env.ReadFile(dir_ / "none.txt").status().code(), Code::kNotFound);
  EXPECT_THAT(env.ReadFile(dir_).status().message(), HasSubstr("is a directory"));
  EXPECT_EQ(env.ListDirectory(dir_ / "none").status().code(), Code::kNotFound);
  EXPECT_EQ(FormatUtc(std::chrono::system_clock::from_time_t(0)), "1970-01-01T00:00:00Z");
}

TEST_F(EnvTest, AWriteThatStopsMidwayLeavesTheOldFileAndNamesTheFile) {
  const auto file = dir_ / "informe.json";
  ASSERT_TRUE(WriteFileAtomically(Env::Default(), file, "antes").ok());
  FaultInjectionEnv env;
  env.FailWritesAfterBytes(3);
  Status s = WriteFileAtomically(env, file, "después, más largo");
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr(file.string()));
  EXPECT_EQ(Read(file), "antes");
  EXPECT_EQ(Entries(), 1u);
}

TEST_F(EnvTest, ARenameThatFailsLeavesTheOldFileAndNamesTheFile) {
  const auto file = dir_ / "informe.json";
  ASSERT_TRUE(WriteFileAtomically(Env::Default(), file, "antes").ok());
  FaultInjectionEnv env;
  env.FailRenames(true);
  Status s = WriteFileAtomically(env, file, "después");
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr(file.string()));
  EXPECT_EQ(Read(file), "antes");
  EXPECT_EQ(Entries(), 1u);
  env.Heal();
  ASSERT_TRUE(WriteFileAtomically(env, file, "después").ok());
  EXPECT_EQ(Read(file), "después");
}

}  // namespace
}  // namespace acervo
