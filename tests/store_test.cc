#include "store/store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "io/fault_injection_env.h"
#include "support/store_engines.h"  // SampleExtraction
#include "test_util.h"

namespace acervo {
namespace {

using ::testing::HasSubstr;

int64_t Count(Store& s, const char* table) { return *s.Count(table); }

// A write the disk refuses halfway through storing a document: the store keeps what it had,
// the error names the file that failed, and the next write works.
TEST(StoreTest, AWriteThatFailsMidDocumentLosesNothingAndNamesTheFile) {
  test::TempDir dir;
  const auto file = dir.path() / "s.db";
  FaultInjectionEnv env;
  {
    auto store = Store::Open(file, env);
    ASSERT_TRUE(store.ok()) << store.status().message();
    ASSERT_TRUE((*store)->PutExtraction(test::SampleExtraction("aaa", 2)).ok());
    const int64_t writes_before = env.database_writes();
    ASSERT_TRUE((*store)->PutExtraction(test::SampleExtraction("ccc", 300)).ok());
    const int64_t writes_per_big_put = env.database_writes() - writes_before;
    ASSERT_GT(writes_per_big_put, 2);  // so failing after the first write fails midway

    env.FailDatabaseWritesAfter(1);
    // A re-extraction that dies.
    Status s = (*store)->PutExtraction(test::SampleExtraction("aaa", 300));
    EXPECT_FALSE(s.ok());
    EXPECT_THAT(s.message(), HasSubstr(file.string()));
    EXPECT_THAT(s.message(), HasSubstr("injected"));
    env.FailDatabaseWritesAfter(1);
    EXPECT_FALSE((*store)->PutExtraction(test::SampleExtraction("bbb", 300)).ok());
    env.Heal();
    EXPECT_EQ(Count(**store, "documents"), 2);
    EXPECT_EQ(Count(**store, "records"), 302);  // the earlier extractions, intact
    EXPECT_FALSE(*(*store)->HasDocument("sha256:bbb"));
    ASSERT_TRUE((*store)->PutExtraction(test::SampleExtraction("bbb", 1)).ok());
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

TEST(StoreTest, RefusesFilesThatAreNotStores) {
  test::TempDir dir;
  auto text = dir.Write("notes.db", "this is not a database, just some text that is long enough");
  auto bad = Store::Open(text);
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("notes.db: not an acervo store"));

  auto folder = Store::Open(dir.path());
  EXPECT_THAT(folder.status().message(), HasSubstr("is a directory"));
}

}  // namespace
}  // namespace acervo
