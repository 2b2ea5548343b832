// The work queue's contract (store/work_queue.h), typed over a store factory so that every
// Store engine runs the same tests: add a factory to StoreFactories to cover another one.
#include "store/work_queue.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <thread>
#include <type_traits>

#include "records/test_record.h"
#include "store/store.h"
#include "support/pg_test_server.h"
#include "test_util.h"

namespace acervo {
namespace {

using std::chrono::seconds;
using ::testing::HasSubstr;

// A fresh SQLite store file per test; Open may be called again for a second connection.
class SqliteFactory {
 public:
  Result<std::unique_ptr<Store>> Open() { return Store::Open(dir_.path() / "queue.db"); }

 private:
  test::TempDir dir_;
};

// A fresh database on the test PostgreSQL server (tests/support/pg_test_server.h); `skip`
// says why when PostgreSQL is not installed here.
class PgFactory {
 public:
  Result<std::unique_ptr<Store>> Open() {
    if (uri_.empty()) {
      test::PgTestServer* pg = test::PgTestServer::Get(&skip);
      if (!pg) return NotFound("no PostgreSQL server");
      uri_ = pg->NewDatabase();
    }
    return Store::Open(uri_);
  }
  std::string skip;

 private:
  std::string uri_;
};

using StoreFactories = ::testing::Types<SqliteFactory, PgFactory>;

template <typename Factory>
class WorkQueueContract : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = factory_.Open();
    if constexpr (std::is_same_v<Factory, PgFactory>) {
      if (!factory_.skip.empty()) GTEST_SKIP() << factory_.skip;
    }
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    store_ = std::move(*opened);
  }

  static QueuedFile File(const std::string& name) {
    return {"/archive/" + name, 100, "sha256:" + name, ""};
  }
  Lease MustTake(const std::string& worker = "host:1", seconds lease = seconds(60),
                 int max_attempts = 3) {
    auto taken = store_->Take(worker, lease, max_attempts);
    EXPECT_TRUE(taken.ok()) << taken.status().message();
    EXPECT_TRUE(taken.ok() && taken->has_value()) << "nothing to take";
    return taken.ok() && taken->has_value() ? **taken : Lease{};
  }
  bool QueueEmpty() {
    auto taken = store_->Take("host:probe", seconds(60), 3);
    return taken.ok() && !taken->has_value();
  }
  QueueStatus Overview() {
    auto o = store_->Overview(seconds(300));
    EXPECT_TRUE(o.ok()) << o.status().message();
    return o.ok() ? *o : QueueStatus{};
  }
  static Extraction ExtractionOf(const QueuedFile& f, int pages) {
    Extraction x;
    x.pipeline = "test@1";
    x.document.info.id = f.sha256;
    x.document.info.source = f.path;
    for (int i = 0; i < pages; ++i) {
      x.document.pages.push_back(Page{});
      x.document.pages.back().number = i + 1;
    }
    x.records.push_back(
        test::RecordOf({{"id", "r-" + f.sha256}, {"kind", "evento"}, {"status", "auto"}}));
    return x;
  }
  std::vector<Failure> Failures() {
    std::vector<Failure> out;
    EXPECT_TRUE(store_->ForEachFailure([&](const Failure& f) { out.push_back(f); }).ok());
    return out;
  }

  Factory factory_;
  std::unique_ptr<Store> store_;
};

TYPED_TEST_SUITE(WorkQueueContract, StoreFactories);

TYPED_TEST(WorkQueueContract, AFileIsQueuedOnce) {
  EXPECT_EQ(*this->store_->Enqueue(this->File("a")), EnqueueOutcome::kQueued);
  EXPECT_EQ(*this->store_->Enqueue(this->File("a")), EnqueueOutcome::kAlreadyQueued);
  QueuedFile moved = this->File("a");
  moved.path = "/elsewhere/copy-of-a";  // the same bytes under another name
  EXPECT_EQ(*this->store_->Enqueue(moved), EnqueueOutcome::kAlreadyQueued);
  this->MustTake();
  EXPECT_EQ(*this->store_->Enqueue(this->File("a")), EnqueueOutcome::kAlreadyQueued);
  EXPECT_EQ(this->Overview().leased, 1);
}

TYPED_TEST(WorkQueueContract, StoredAndFailedBytesAreNotQueued) {
  ASSERT_TRUE(this->store_->PutExtraction(this->ExtractionOf(this->File("s"), 1)).ok());
  EXPECT_EQ(*this->store_->Enqueue(this->File("s")), EnqueueOutcome::kAlreadyStored);
  QueuedFile other_pipeline = this->File("s");
  other_pipeline.pipeline = "test@2";
  EXPECT_EQ(*this->store_->Enqueue(other_pipeline), EnqueueOutcome::kQueued);
  ASSERT_TRUE(this->store_->PutFailure({"/archive/f", "f", "error", "broken", ""}).ok());
  EXPECT_EQ(*this->store_->Enqueue(this->File("f")), EnqueueOutcome::kAlreadyFailed);
}

TYPED_TEST(WorkQueueContract, TakeHandsOutTheOldestFileToOneWorkerAtATime) {
  for (const char* name : {"a", "b"}) ASSERT_TRUE(this->store_->Enqueue(this->File(name)).ok());
  Lease first = this->MustTake("host:1");
  Lease second = this->MustTake("host:2");
  EXPECT_EQ(first.file.path, "/archive/a");
  EXPECT_EQ(first.file.sha256, "sha256:a");
  EXPECT_EQ(first.file.size, 100);
  EXPECT_EQ(first.attempt, 1);
  EXPECT_EQ(second.file.path, "/archive/b");
  EXPECT_NE(first.token, second.token);
  EXPECT_TRUE(this->QueueEmpty());
  QueueStatus o = this->Overview();
  EXPECT_EQ(o.queued, 0);
  EXPECT_EQ(o.leased, 2);
  ASSERT_EQ(o.leases.size(), 2u);
  EXPECT_EQ(o.leases[0].worker, "host:1");
  EXPECT_GE(o.leases[0].age_seconds, 0);
}

// Workers that take the long documents first end together (work_queue.h).
TYPED_TEST(WorkQueueContract, TakeHandsOutTheLargestFileFirst) {
  const std::pair<const char*, int64_t> files[] = {
      {"small", 10}, {"unknown", -1}, {"large", 5000}, {"medium", 700}, {"medium-later", 700}};
  for (const auto& [name, size] : files) {
    QueuedFile f = this->File(name);
    f.size = size;
    ASSERT_TRUE(this->store_->Enqueue(f).ok());
  }
  std::vector<std::string> order;
  for (int i = 0; i < 5; ++i) order.push_back(this->MustTake().file.path);
  EXPECT_THAT(order,
              ::testing::ElementsAre("/archive/large", "/archive/medium", "/archive/medium-later",
                                     "/archive/small", "/archive/unknown"));
}

TYPED_TEST(WorkQueueContract, DrainedOnceNothingIsQueuedOrLeased) {
  EXPECT_TRUE(*this->store_->Drained());
  ASSERT_TRUE(this->store_->Enqueue(this->File("a")).ok());
  EXPECT_FALSE(*this->store_->Drained());
  Lease lease = this->MustTake();
  EXPECT_FALSE(*this->store_->Drained());  // another worker may still hand it back
  ASSERT_TRUE(this->store_->Fail(lease, "corrupt", "broken", true, 3).ok());
  EXPECT_TRUE(*this->store_->Drained());
}

TYPED_TEST(WorkQueueContract, FinishInOneTransactionWithTheExtraction) {
  QueuedFile f = this->File("a");
  ASSERT_TRUE(this->store_->Enqueue(f).ok());
  Lease lease = this->MustTake();
  ASSERT_TRUE(this->store_->Renew(lease, seconds(60)).ok());
  Status s = this->store_->Transact([&] {
    ACERVO_RETURN_IF_ERROR(this->store_->PutExtraction(this->ExtractionOf(f, 4)));
    return this->store_->Finish(lease, 4);
  });
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_TRUE(*this->store_->HasDocument("sha256:a"));
  QueueStatus o = this->Overview();
  EXPECT_EQ(o.done, 1);
  EXPECT_EQ(o.leased, 0);
  EXPECT_EQ(o.pages_last_minutes, 4);
  EXPECT_EQ(this->store_->Finish(lease, 4).code(), Code::kAborted) << "finished twice";
  EXPECT_EQ(*this->store_->Enqueue(f), EnqueueOutcome::kAlreadyStored);
}

TYPED_TEST(WorkQueueContract, AFailedAttemptGoesBackUntilTheLastOne) {
  ASSERT_TRUE(this->store_->Enqueue(this->File("a")).ok());
  Lease lease = this->MustTake("host:1", seconds(60), 2);
  ASSERT_TRUE(this->store_->Fail(lease, "crash", "/archive/a: worker crashed", false, 2).ok());
  EXPECT_EQ(this->Overview().queued, 1);
  Lease again = this->MustTake("host:1", seconds(60), 2);
  EXPECT_EQ(again.attempt, 2);
  ASSERT_TRUE(this->store_->Fail(again, "crash", "/archive/a: worker crashed", false, 2).ok());
  EXPECT_TRUE(this->QueueEmpty());
  EXPECT_EQ(this->Overview().failed, 1);
  std::vector<Failure> failures = this->Failures();
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].source, "/archive/a");
  EXPECT_EQ(failures[0].code, "crash");
  EXPECT_EQ(failures[0].message, "/archive/a: worker crashed");
  EXPECT_TRUE(*this->store_->HasFailure("a"));
  EXPECT_EQ(*this->store_->Enqueue(this->File("a")), EnqueueOutcome::kAlreadyFailed);
}

TYPED_TEST(WorkQueueContract, APermanentFailureFailsAtOnceAndRetryQueuesItAgain) {
  ASSERT_TRUE(this->store_->Enqueue(this->File("a")).ok());
  Lease lease = this->MustTake();
  ASSERT_TRUE(this->store_->Fail(lease, "changed", "/archive/a: changed", true, 3).ok());
  EXPECT_TRUE(this->QueueEmpty());
  EXPECT_EQ(this->Failures().size(), 1u);
  EXPECT_EQ(*this->store_->RequeueFailed(), 1);
  EXPECT_EQ(this->Failures().size(), 0u);
  Lease retried = this->MustTake();
  EXPECT_EQ(retried.file.path, "/archive/a");
  EXPECT_EQ(retried.attempt, 1);
}

TYPED_TEST(WorkQueueContract, AnExpiredLeaseGoesBackAndItsHolderCanNoLongerStore) {
  QueuedFile f = this->File("a");
  ASSERT_TRUE(this->store_->Enqueue(f).ok());
  Lease lost = this->MustTake("host:1", seconds(1));
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  Lease taken_over = this->MustTake("host:2", seconds(60));
  EXPECT_EQ(taken_over.item, lost.item);
  EXPECT_EQ(taken_over.attempt, 2);
  EXPECT_EQ(this->store_->Renew(lost, seconds(60)).code(), Code::kAborted);
  EXPECT_EQ(this->store_->Fail(lost, "error", "x", false, 3).code(), Code::kAborted);
  Status late = this->store_->Transact([&] {
    ACERVO_RETURN_IF_ERROR(this->store_->PutExtraction(this->ExtractionOf(f, 1)));
    return this->store_->Finish(lost, 1);
  });
  EXPECT_EQ(late.code(), Code::kAborted);
  EXPECT_THAT(late.message(), HasSubstr("/archive/a"));
  EXPECT_FALSE(*this->store_->HasDocument("sha256:a")) << "the lost lease stored a copy";
  EXPECT_TRUE(this->store_->Finish(taken_over, 1).ok());
}

TYPED_TEST(WorkQueueContract, ALeaseThatExpiresOnTheLastAttemptBecomesAFailure) {
  ASSERT_TRUE(this->store_->Enqueue(this->File("a")).ok());
  this->MustTake("host:9", seconds(1), 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  auto taken = this->store_->Take("host:2", seconds(60), 1);
  ASSERT_TRUE(taken.ok());
  EXPECT_FALSE(taken->has_value());
  std::vector<Failure> failures = this->Failures();
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_THAT(failures[0].message, HasSubstr("/archive/a: given up after 1 attempts"));
  EXPECT_THAT(failures[0].message, HasSubstr("host:9"));
}

TYPED_TEST(WorkQueueContract, TwoConnectionsNeverTakeTheSameFile) {
  constexpr int kFiles = 40;
  for (int i = 0; i < kFiles; ++i) {
    ASSERT_TRUE(this->store_->Enqueue(this->File("f" + std::to_string(i))).ok());
  }
  auto other = this->factory_.Open();
  ASSERT_TRUE(other.ok()) << other.status().message();
  std::vector<int64_t> items[2];
  auto drain = [&](Store* s, std::vector<int64_t>* got, const std::string& worker) {
    while (true) {
      auto taken = s->Take(worker, seconds(60), 3);
      if (!taken.ok() || !taken->has_value()) return;
      got->push_back((*taken)->item);
      if (!s->Finish(**taken, 1).ok()) return;
    }
  };
  std::thread a(drain, this->store_.get(), &items[0], "host:a");
  std::thread b(drain, other->get(), &items[1], "host:b");
  a.join();
  b.join();
  std::set<int64_t> all(items[0].begin(), items[0].end());
  all.insert(items[1].begin(), items[1].end());
  EXPECT_EQ(all.size(), items[0].size() + items[1].size()) << "a file was taken twice";
  EXPECT_EQ(static_cast<int>(all.size()), kFiles);
  EXPECT_EQ(this->Overview().done, kFiles);
}

}  // namespace
}  // namespace acervo
