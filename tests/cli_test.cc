// The `acervo` binary as users run it: exit codes, error lines naming the thing, and
// idempotent ingest.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace acervo {
namespace {

using test::Quote;
using test::RunCommand;
using ::testing::HasSubstr;

class CliTest : public ::testing::Test {
 protected:
  CliTest() {
    pipeline_ = dir_.Write("probe.yaml", "name: probe\nextractors:\n  - plugin: test-good\n");
  }
  // Runs acervo with the test plugins on the plugin path and a store in the temp folder.
  test::RunResult Acervo(const std::string& args) {
    return RunCommand("cd " + Quote(dir_.path()) +
                      " && ACERVO_PLUGIN_PATH=" + Quote(ACERVO_TEST_PLUGIN_DIR) +
                      " ACERVO_STORE=store.db " + Quote(ACERVO_BINARY) + " " + args);
  }
  test::TempDir dir_;
  std::filesystem::path pipeline_;
};

TEST_F(CliTest, ExtractPrintsContractJson) {
  dir_.Write("doc.md", "# Informe del acervo\n\nEl acervo creció.\n");
  auto r = Acervo("extract doc.md --pipeline probe.yaml 2>/dev/null");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  auto j = nlohmann::json::parse(r.output);
  EXPECT_EQ(j["document"]["pipeline"], "probe@1");
  EXPECT_EQ(j["document"]["pages"], 1);
  EXPECT_EQ(j["mentions"].size(), 2u);
  EXPECT_TRUE(j["records"].is_array());
}

TEST_F(CliTest, ExtractReadsStdin) {
  auto r = Acervo("extract - --pipeline probe.yaml --compact < /dev/null");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.output, HasSubstr("-: empty file"));
  r = Acervo("extract - --pipeline probe.yaml --compact 2>/dev/null < " +
             Quote(dir_.Write("in.txt", "Un acervo en la entrada.\n")));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(nlohmann::json::parse(r.output)["mentions"].size(), 1u);
}

TEST_F(CliTest, BadInputGetsOneClearErrorAndExitOne) {
  dir_.Write("latin1.txt", "a\xF1o");
  struct Case {
    std::string args, message;
  } cases[] = {
      {"extract missing.txt --pipeline probe.yaml", "missing.txt: no such file"},
      {"extract latin1.txt --pipeline probe.yaml", "latin1.txt: not UTF-8 text"},
      {"extract latin1.txt --pipeline nope", "unknown pipeline 'nope'"},
      {"extract latin1.txt --pipeline probe.yaml --only nope", "unknown plugin 'nope'"},
      {"ingest missing-folder", "missing-folder: no such file or folder"},
  };
  for (const Case& c : cases) {
    auto r = Acervo(c.args);
    EXPECT_EQ(r.exit_code, 1) << c.args << "\n" << r.output;
    EXPECT_THAT(r.output, ::testing::StartsWith("acervo: ")) << c.args;
    EXPECT_THAT(r.output, HasSubstr(c.message)) << c.args;
    EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << r.output;
  }
  auto usage = Acervo("extract");
  EXPECT_EQ(usage.exit_code, 2);
  EXPECT_THAT(usage.output, HasSubstr("FILE is required"));
}

TEST_F(CliTest, IngestStoresEachDocumentOnceAndExplainsFailures) {
  dir_.Write("docs/a.md", "# Uno\n\nEl acervo.\n");
  dir_.Write("docs/sub/b.txt", "Otro acervo.\n");
  dir_.Write("docs/sub/copy-of-a.md", "# Uno\n\nEl acervo.\n");  // same bytes as a.md
  dir_.Write("docs/data.csv", "año,monto\n2023,100\n");          // not a report: not picked up
  dir_.Write("docs/bad.txt", "a\xF1o");
  auto first = Acervo("ingest docs --pipeline probe.yaml");
  EXPECT_EQ(first.exit_code, 3) << first.output;  // some documents failed
  EXPECT_THAT(first.output, HasSubstr("docs/bad.txt: not UTF-8"));
  EXPECT_THAT(first.output,
              HasSubstr("2 stored, 1 already stored, 1 failed (1 error), 1 other files"));

  auto again = Acervo("ingest docs --pipeline probe.yaml");
  EXPECT_THAT(again.output, HasSubstr("0 stored, 3 already stored, 0 failed, 1 failed before"));

  auto failures = Acervo("failures");
  EXPECT_EQ(failures.exit_code, 0);
  EXPECT_THAT(failures.output, HasSubstr("docs/bad.txt\tcorrupt\t"));

  auto records = Acervo("records --format json");
  ASSERT_EQ(records.exit_code, 0) << records.output;
  EXPECT_TRUE(nlohmann::json::parse(records.output).is_array());
}

TEST_F(CliTest, UnreadableStoreIsAnErrorAndNothingIsLost) {
  dir_.Write("broken.db", "plain text where a store should be, long enough to be a header");
  auto r = Acervo("records --store broken.db");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.output, HasSubstr("broken.db: not an acervo store"));
  std::ifstream in(dir_.path() / "broken.db");
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_THAT(content, HasSubstr("plain text where a store should be"));

  auto none = Acervo("records --store nothing-here.db");
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_THAT(none.output, HasSubstr("nothing-here.db: no such store"));
}

TEST_F(CliTest, IngestOfAFolderWithoutDocumentsFails) {
  dir_.Write("empty/data.json", "{\"a\": 1}\n");
  auto r = Acervo("ingest empty --pipeline probe.yaml");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.output, HasSubstr("no documents found"));
}

}  // namespace
}  // namespace acervo
