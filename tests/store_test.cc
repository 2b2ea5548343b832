#include "store/store.h"

#include <sqlite3.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "io/fault_injection_env.h"
#include "test_util.h"

namespace acervo {
namespace {

using ::testing::HasSubstr;

Extraction MakeExtraction(const std::string& id, int records) {
  Extraction x;
  x.pipeline = "test@1";
  x.document.info.id = "sha256:" + id;
  x.document.info.source = id + ".txt";
  Page page;
  page.text = "Texto de la página.";
  x.document.pages.push_back(page);
  for (int i = 0; i < records; ++i) {
    x.records.push_back({{"id", "r-" + id + "-" + std::to_string(i)},
                         {"kind", "evento"},
                         {"confidence", 0.5},
                         {"status", "needs_review"}});
  }
  return x;
}

int64_t Count(Store& s, const char* table) { return *s.Count(table); }

// Runs SQL on the store file directly, as another program would; returns SQLite's error.
std::string RawExec(const std::filesystem::path& file, const std::string& sql) {
  sqlite3* db;
  sqlite3_open(file.c_str(), &db);
  char* err = nullptr;
  sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
  std::string msg = err ? err : "";
  sqlite3_free(err);
  sqlite3_close(db);
  return msg;
}

TEST(StoreTest, StoringTheSameDocumentTwiceKeepsOneCopy) {
  test::TempDir dir;
  auto store = Store::Open(dir.path() / "s.db");
  ASSERT_TRUE(store.ok()) << store.status().message();
  EXPECT_EQ((*store)->schema_version(), kStoreSchemaVersion);
  ASSERT_TRUE((*store)->PutExtraction(MakeExtraction("aaa", 2)).ok());
  ASSERT_TRUE((*store)->PutExtraction(MakeExtraction("aaa", 3)).ok());
  EXPECT_EQ(Count(**store, "documents"), 1);
  EXPECT_EQ(Count(**store, "records"), 3);
  EXPECT_TRUE(*(*store)->HasDocument("sha256:aaa", "test@1"));
  EXPECT_FALSE(*(*store)->HasDocument("sha256:aaa", "test@2"));
  EXPECT_FALSE(*(*store)->HasDocument("sha256:bbb"));
}

// A write the disk refuses halfway through storing a document: the store keeps what it had,
// the error names the file that failed, and the next write works.
TEST(StoreTest, AWriteThatFailsMidDocumentLosesNothingAndNamesTheFile) {
  test::TempDir dir;
  const auto file = dir.path() / "s.db";
  FaultInjectionEnv env;
  {
    auto store = Store::Open(file, env);
    ASSERT_TRUE(store.ok()) << store.status().message();
    ASSERT_TRUE((*store)->PutExtraction(MakeExtraction("aaa", 2)).ok());
    const int64_t writes_before = env.database_writes();
    ASSERT_TRUE((*store)->PutExtraction(MakeExtraction("ccc", 300)).ok());
    const int64_t writes_per_big_put = env.database_writes() - writes_before;
    ASSERT_GT(writes_per_big_put, 2);  // so failing after the first write fails midway

    env.FailDatabaseWritesAfter(1);
    Status s = (*store)->PutExtraction(MakeExtraction("aaa", 300));  // a re-extraction that dies
    EXPECT_FALSE(s.ok());
    EXPECT_THAT(s.message(), HasSubstr(file.string()));
    EXPECT_THAT(s.message(), HasSubstr("injected"));
    env.FailDatabaseWritesAfter(1);
    EXPECT_FALSE((*store)->PutExtraction(MakeExtraction("bbb", 300)).ok());
    env.Heal();
    EXPECT_EQ(Count(**store, "documents"), 2);
    EXPECT_EQ(Count(**store, "records"), 302);  // the earlier extractions, intact
    EXPECT_FALSE(*(*store)->HasDocument("sha256:bbb"));
    ASSERT_TRUE((*store)->PutExtraction(MakeExtraction("bbb", 1)).ok());
  }
  // What a fresh process finds on disk.
  auto reopened = Store::OpenExisting(file);
  ASSERT_TRUE(reopened.ok()) << reopened.status().message();
  EXPECT_EQ(Count(**reopened, "documents"), 3);
  EXPECT_EQ(Count(**reopened, "records"), 303);
}

// A store that cannot even be created says which file.
TEST(StoreTest, AStoreThatCannotBeWrittenNamesItsFile) {
  test::TempDir dir;
  FaultInjectionEnv env;
  env.FailDatabaseWritesAfter(0);
  auto store = Store::Open(dir.path() / "new.db", env);
  ASSERT_FALSE(store.ok());
  EXPECT_THAT(store.status().message(), HasSubstr("new.db"));
}

TEST(StoreTest, CorrectionsAreAppendOnlyAndSurviveReextraction) {
  test::TempDir dir;
  auto file = dir.path() / "s.db";
  auto store = Store::Open(file);
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->PutExtraction(MakeExtraction("aaa", 1)).ok());
  EXPECT_EQ(RawExec(file, "INSERT INTO corrections(record_id, field, before, after, reviewer, "
                          "at) VALUES('r-aaa-0', 'kind', 'evento', 'reunion', 'ana', 'now')"),
            "");
  EXPECT_THAT(RawExec(file, "UPDATE corrections SET after = 'otro'"), HasSubstr("append-only"));
  EXPECT_THAT(RawExec(file, "DELETE FROM corrections"), HasSubstr("append-only"));
  ASSERT_TRUE((*store)->PutExtraction(MakeExtraction("aaa", 1)).ok());
  EXPECT_EQ(Count(**store, "corrections"), 1);
}

TEST(StoreTest, RefusesFilesThatAreNotStoresAndNewerSchemas) {
  test::TempDir dir;
  auto text = dir.Write("notes.db", "this is not a database, just some text that is long enough");
  auto bad = Store::Open(text);
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("notes.db: not an acervo store"));

  auto file = dir.path() / "future.db";
  ASSERT_TRUE(Store::Open(file).ok());
  RawExec(file, "PRAGMA user_version = 99");
  auto future = Store::Open(file);
  ASSERT_FALSE(future.ok());
  EXPECT_EQ(future.status().code(), Code::kVersionMismatch);
  EXPECT_THAT(future.status().message(), HasSubstr("schema version 99"));

  auto folder = Store::Open(dir.path());
  EXPECT_THAT(folder.status().message(), HasSubstr("is a directory"));
}

TEST(StoreTest, ListsRecordsAndFailures) {
  test::TempDir dir;
  auto store = Store::Open(dir.path() / "s.db");
  ASSERT_TRUE(store.ok());
  Extraction x = MakeExtraction("aaa", 2);
  x.records[1]["status"] = "auto";
  ASSERT_TRUE((*store)->PutExtraction(x).ok());
  std::vector<std::string> ids;
  ASSERT_TRUE((*store)->ForEachRecord({true, ""}, [&](const nlohmann::json& r) {
    ids.push_back(r["id"]);
    EXPECT_EQ(r["source"], "aaa.txt");
  }).ok());
  EXPECT_THAT(ids, ::testing::ElementsAre("r-aaa-0"));

  ASSERT_TRUE((*store)->PutFailure({"bad.pdf", "", "corrupt", "bad.pdf: truncated", ""}).ok());
  std::vector<std::string> failed;
  ASSERT_TRUE((*store)->ForEachFailure([&](const Failure& f) { failed.push_back(f.message); }).ok());
  EXPECT_THAT(failed, ::testing::ElementsAre("bad.pdf: truncated"));
}

}  // namespace
}  // namespace acervo
