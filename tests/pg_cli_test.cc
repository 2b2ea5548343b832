// `acervo … --store postgresql://…` as users run it: the bundled samples ingested into a
// PostgreSQL database read back (records, export, report, failures, review) exactly as from
// a SQLite file; a server that cannot be reached is one clear line without the password;
// without the PostgreSQL module (store/pg_module.h) a postgres:// store is one clear line
// naming the module, and a SQLite store does not need it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>

#include "support/pg_test_server.h"
#include "test_util.h"

namespace acervo {
namespace {

using test::Quote;
using test::RunCommand;
using ::testing::HasSubstr;
using ::testing::Not;

// Runs `acervo ARGS` in the source folder on `store`: given as --store, or in place of
// "STORE" in ARGS.
test::RunResult Acervo(const std::string& store, const std::string& args) {
  std::string line = args;
  if (size_t at = line.find("STORE"); at != std::string::npos) {
    line.replace(at, 5, Quote(store));
  } else {
    line += " --store " + Quote(store);
  }
  return RunCommand("cd " + Quote(ACERVO_SOURCE_DIR) + " && " + Quote(ACERVO_BINARY) + " " + line +
                    " 2>&1");
}

TEST(PgCliTest, TheSamplesReadBackFromPostgresAsFromSqlite) {
  std::string why;
  test::PgTestServer* server = test::PgTestServer::Get(&why);
  if (!server) GTEST_SKIP() << why;
  const std::string pg = server->NewDatabase();
  test::TempDir dir;
  const std::string lite = (dir.path() / "samples.db").string();

  // A postgresql:// ingest always goes through the queue (absolute paths as sources): the
  // SQLite side does the same, so that both stores hold the same sources.
  for (const std::string& store : {lite, pg}) {
    auto ingest = Acervo(store, "ingest corpora/ --jobs 1 --queue");
    ASSERT_EQ(ingest.exit_code, 0) << store << "\n" << ingest.output;
  }
  // The second time nothing is extracted again.
  auto again = Acervo(pg, "ingest corpora/ --jobs 1");
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_THAT(again.output, HasSubstr("already stored"));

  for (const char* command : {"records", "records --format csv", "records --needs-review", "export",
                              "export --format csv", "failures", "review list", "report",
                              "eval --gold corpora/gold --pred STORE"}) {
    auto from_sqlite = Acervo(lite, command);
    auto from_pg = Acervo(pg, command);
    EXPECT_EQ(from_pg.exit_code, from_sqlite.exit_code) << command << "\n" << from_pg.output;
    // The report names its store; everything else is the same byte for byte.
    std::string expected =
        std::regex_replace(from_sqlite.output, std::regex("samples\\.db"), "STORE");
    std::string got = from_pg.output;
    for (size_t at; (at = got.find(pg)) != std::string::npos;) got.replace(at, pg.size(), "STORE");
    EXPECT_EQ(got, expected) << command;
    if (std::string(command) != "failures") {  // the samples have no failures
      EXPECT_FALSE(got.empty()) << command;
    }
  }
}

TEST(PgCliTest, AServerThatCannotBeReachedIsOneLineWithoutThePassword) {
  const std::string uri = "postgresql://ana:s3cret@127.0.0.1:1/acervo?connect_timeout=2";
  for (const char* command :
       {"records", "export", "report", "failures", "review list", "reextract"}) {
    auto r = Acervo(uri, command);
    EXPECT_EQ(r.exit_code, 1) << command << "\n" << r.output;
    EXPECT_THAT(r.output, HasSubstr("postgresql://ana:***@127.0.0.1:1/acervo")) << command;
    EXPECT_THAT(r.output, Not(HasSubstr("s3cret"))) << command;
  }
  test::TempDir dir;
  dir.Write("a.md", "# Informe\n\nEl 3 de marzo de 2024 se firmó un convenio.\n");
  auto ingest = RunCommand("ACERVO_STORE=" + Quote(uri) + " " + Quote(ACERVO_BINARY) + " ingest " +
                           Quote(dir.path()) + " 2>&1");
  EXPECT_NE(ingest.exit_code, 0);
  EXPECT_THAT(ingest.output, HasSubstr("cannot connect to the PostgreSQL store"));
  EXPECT_THAT(ingest.output, Not(HasSubstr("s3cret")));
}

TEST(PgCliTest, WithoutTheModuleAPostgresStoreSaysWhatToInstall) {
  test::TempDir dir;  // an empty modules folder: as if the module were not installed
  const std::string uri = "postgresql://ana:s3cret@127.0.0.1:1/acervo";
  auto r = RunCommand("ACERVO_MODULE_DIR=" + Quote(dir.path()) + " " + Quote(ACERVO_BINARY) +
                      " records --store " + Quote(uri) + " 2>&1");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_THAT(r.output, HasSubstr("the PostgreSQL store needs the module store-postgres.so"));
  EXPECT_THAT(r.output, HasSubstr("install the acervo package"));
  EXPECT_THAT(r.output, HasSubstr(dir.path().string()));  // where it looked
  EXPECT_THAT(r.output, Not(HasSubstr("s3cret")));

  // The review server is a module too; a SQLite store needs neither.
  dir.Write("a.md", "# Informe\n\nEl 3 de marzo de 2024 se firmó un convenio.\n");
  const std::string db = Quote(dir.path() / "a.db");
  const std::string env = "ACERVO_MODULE_DIR=" + Quote(dir.path()) + " ";
  auto ingest = RunCommand(env + Quote(ACERVO_BINARY) + " ingest " + Quote(dir.path() / "a.md") +
                           " --store " + db + " 2>&1");
  EXPECT_EQ(ingest.exit_code, 0) << ingest.output;
  auto serve =
      RunCommand(env + Quote(ACERVO_BINARY) + " review serve --port 0 --store " + db + " 2>&1");
  EXPECT_EQ(serve.exit_code, 1) << serve.output;
  EXPECT_THAT(serve.output, HasSubstr("the review server needs the module review-server.so"));
}

}  // namespace
}  // namespace acervo
