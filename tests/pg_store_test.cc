// What only the PostgreSQL store does: locations that are URIs (passwords never shown), clear
// errors for a server it cannot reach, and reconnecting after the server restarts.
#include "store/pg_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "store/pg_connection.h"
#include "store/store.h"
#include "support/pg_test_server.h"
#include "support/store_engines.h"

namespace acervo {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(PgLocationTest, PasswordsAreHiddenInEveryForm) {
  using store::RedactPostgresUri;
  EXPECT_EQ(RedactPostgresUri("postgresql://ana:s3cret@db.example.org:5432/acervo"),
            "postgresql://ana:***@db.example.org:5432/acervo");
  EXPECT_EQ(RedactPostgresUri("postgres://ana@db/acervo"), "postgres://ana@db/acervo");
  EXPECT_EQ(RedactPostgresUri("postgresql://db/acervo?user=ana&password=s3cret&sslmode=require"),
            "postgresql://db/acervo?user=ana&password=***&sslmode=require");
  EXPECT_EQ(RedactPostgresUri("postgresql://ana:p%40ss@db/acervo"),
            "postgresql://ana:***@db/acervo");
  EXPECT_EQ(StoreDisplayName("/tmp/acervo.db"), "/tmp/acervo.db");
  EXPECT_TRUE(IsPostgresLocation("postgres://db/x"));
  EXPECT_FALSE(IsPostgresLocation("postgresql.db"));
}

TEST(PgLocationTest, AServerThatCannotBeReachedIsAClearErrorWithoutThePassword) {
  // Port 1 on localhost: nothing listens there.
  auto store = Store::Open("postgresql://ana:s3cret@127.0.0.1:1/acervo?connect_timeout=2");
  ASSERT_FALSE(store.ok());
  EXPECT_THAT(store.status().message(),
              HasSubstr("postgresql://ana:***@127.0.0.1:1/acervo?connect_timeout=2"));
  EXPECT_THAT(store.status().message(), HasSubstr("cannot connect"));
  EXPECT_THAT(store.status().message(), Not(HasSubstr("s3cret")));
  auto existing = Store::OpenExisting("postgres://127.0.0.1:1/acervo?connect_timeout=2");
  EXPECT_FALSE(existing.ok());
}

TEST(PgLocationTest, AMalformedUriIsAClearError) {
  auto store = Store::Open("postgresql://ana:s3cret@host:notaport/acervo");
  ASSERT_FALSE(store.ok());
  EXPECT_THAT(store.status().message(), HasSubstr("postgresql://ana:***@host:notaport/acervo"));
  EXPECT_THAT(store.status().message(), Not(HasSubstr("s3cret")));
  auto odd = Store::Open("postgresql://host/db?nosuchoption=1");
  ASSERT_FALSE(odd.ok());
  EXPECT_THAT(odd.status().message(), HasSubstr("not a valid PostgreSQL URI"));
}

class PgServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string why;
    server_ = test::PgTestServer::Get(&why);
    if (!server_) GTEST_SKIP() << why;
    uri_ = server_->NewDatabase();
    ASSERT_FALSE(uri_.empty());
  }
  test::PgTestServer* server_ = nullptr;
  std::string uri_;
};

TEST_F(PgServerTest, AnUnknownDatabaseIsAClearError) {
  std::string missing = uri_.substr(0, uri_.rfind('/') + 1) + "no_such_database";
  auto store = Store::Open(missing);
  ASSERT_FALSE(store.ok());
  EXPECT_THAT(store.status().message(), HasSubstr(missing));
  EXPECT_THAT(store.status().message(), HasSubstr("no_such_database"));
}

TEST_F(PgServerTest, ManyProcessesOpeningAFreshDatabaseMigrateItOnce) {
  std::vector<std::thread> openers;
  std::atomic<int> opened{0};
  for (int i = 0; i < 4; ++i) {
    openers.emplace_back([&] {
      if (Store::Open(uri_).ok()) ++opened;
    });
  }
  for (auto& t : openers) t.join();
  EXPECT_EQ(opened, 4);
  auto db = store::PgConnection::Connect(uri_);
  ASSERT_TRUE(db.ok());
  auto versions = (*db)->Query("SELECT COUNT(*), MAX(version) FROM acervo_schema");
  ASSERT_TRUE(versions.ok());
  EXPECT_EQ(versions->Int(0, 0), kStoreSchemaVersion);
  EXPECT_EQ(versions->Int(0, 1), kStoreSchemaVersion);
}

// The server restarts: the next operation reconnects; a transaction the restart cut returns
// an error and stores nothing; the caller's retry stores the document.
TEST(PgRestartTest, ReconnectsAfterTheServerRestarts) {
  std::string why;
  std::unique_ptr<test::PgTestServer> own = test::PgTestServer::Own(&why);  // not shared
  if (!own) GTEST_SKIP() << why;
  test::PgTestServer* server_ = own.get();
  auto store = Store::Open(server_->NewDatabase());
  ASSERT_TRUE(store.ok()) << store.status().message();
  ASSERT_TRUE((*store)->PutExtraction(test::SampleExtraction("aaa", 2)).ok());

  ASSERT_TRUE(server_->Stop());
  ASSERT_TRUE(server_->StartAgain());
  auto has = (*store)->HasDocument("sha256:aaa");
  ASSERT_TRUE(has.ok()) << has.status().message();
  EXPECT_TRUE(*has);

  Status cut = (*store)->Transact([&]() -> Status {
    Status put = (*store)->PutExtraction(test::SampleExtraction("bbb", 1));
    if (!put.ok()) return put;
    server_->Stop();
    server_->StartAgain();
    return (*store)->PutExtraction(test::SampleExtraction("ccc", 1));
  });
  EXPECT_FALSE(cut.ok());
  EXPECT_THAT(cut.message(), HasSubstr("lost"));
  EXPECT_FALSE(*(*store)->HasDocument("sha256:bbb"));  // nothing half-stored
  ASSERT_TRUE((*store)->PutExtraction(test::SampleExtraction("bbb", 1)).ok());
  EXPECT_EQ(*(*store)->Count("documents"), 2);

  // A write first after a restart: its transaction starts on a fresh connection.
  ASSERT_TRUE(server_->Stop());
  ASSERT_TRUE(server_->StartAgain());
  Status put = (*store)->PutExtraction(test::SampleExtraction("ddd", 1));
  EXPECT_TRUE(put.ok()) << put.message();
  EXPECT_EQ(*(*store)->Count("documents"), 3);
}

}  // namespace
}  // namespace acervo
