// The work queue (work_queue.h) in the PostgreSQL store, with several connections at once as
// workers on several hosts would have.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <mutex>
#include <set>
#include <thread>

#include "store/pg_store.h"
#include "support/pg_test_server.h"
#include "support/store_engines.h"

namespace acervo {
namespace {

using std::chrono::seconds;
using ::testing::HasSubstr;

class PgQueueTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string why;
    test::PgTestServer* server = test::PgTestServer::Get(&why);
    if (!server) GTEST_SKIP() << why;
    uri_ = server->NewDatabase();
    ASSERT_FALSE(uri_.empty());
    store_ = Connect();
    ASSERT_TRUE(store_);
  }
  std::unique_ptr<store::PgStore> Connect() {
    auto s = store::PgStore::Open(uri_, Env::Default());
    EXPECT_TRUE(s.ok()) << s.status().message();
    return s.ok() ? std::move(*s) : nullptr;
  }
  // Earlier files are larger, so the queue (largest first) hands them out in their order.
  static QueuedFile File(int i) {
    return {"/archive/informe-" + std::to_string(i) + ".pdf", 2000 - i,
            "sha256:" + std::to_string(1000000 + i), ""};
  }

  std::string uri_;
  std::unique_ptr<store::PgStore> store_;
};

TEST_F(PgQueueTest, AFileIsQueuedOnceTakenOnceAndFinished) {
  EXPECT_EQ(*store_->Enqueue(File(1)), EnqueueOutcome::kQueued);
  EXPECT_EQ(*store_->Enqueue(File(1)), EnqueueOutcome::kAlreadyQueued);
  QueuedFile unread{"/archive/sin-leer.txt", -1, "", ""};
  EXPECT_EQ(*store_->Enqueue(unread), EnqueueOutcome::kQueued);
  EXPECT_EQ(*store_->Enqueue(unread), EnqueueOutcome::kAlreadyQueued);

  auto lease = store_->Take("host-a:1", seconds(60), 3);
  ASSERT_TRUE(lease.ok()) << lease.status().message();
  ASSERT_TRUE(lease->has_value());
  EXPECT_EQ((*lease)->file.path, "/archive/informe-1.pdf");
  EXPECT_EQ((*lease)->file.size, 1999);
  EXPECT_EQ((*lease)->attempt, 1);
  EXPECT_EQ((*lease)->worker, "host-a:1");
  EXPECT_EQ((*lease)->expires.size(), 20u);  // 2026-01-01T00:00:00Z
  EXPECT_TRUE(store_->Renew(**lease, seconds(60)).ok());

  auto status = store_->Overview(seconds(300));
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(status->queued, 1);
  EXPECT_EQ(status->leased, 1);
  ASSERT_EQ(status->leases.size(), 1u);
  EXPECT_EQ(status->leases[0].worker, "host-a:1");

  ASSERT_TRUE(store_->Finish(**lease, 12).ok());
  auto second = store_->Take("host-b:2", seconds(60), 3);
  ASSERT_TRUE(second.ok() && second->has_value());
  EXPECT_EQ((*second)->file.path, "/archive/sin-leer.txt");
  EXPECT_EQ((*second)->file.sha256, "");
  ASSERT_TRUE(store_->Finish(**second, 3).ok());
  EXPECT_FALSE(store_->Take("host-a:1", seconds(60), 3)->has_value());  // empty

  status = store_->Overview(seconds(300));
  EXPECT_EQ(status->queued, 0);
  EXPECT_EQ(status->leased, 0);
  EXPECT_EQ(status->done, 2);
  EXPECT_EQ(status->pages_last_minutes, 15);
  // Done files may be queued again (their documents are what says "stored").
  EXPECT_EQ(*store_->Enqueue(File(1)), EnqueueOutcome::kQueued);
}

TEST_F(PgQueueTest, EnqueueingStoredOrFailedBytesIsANoOp) {
  Extraction x = test::SampleExtraction("1000007", 1);
  ASSERT_TRUE(store_->PutExtraction(x).ok());
  EXPECT_EQ(*store_->Enqueue(File(7)), EnqueueOutcome::kAlreadyStored);
  ASSERT_TRUE(store_->PutFailure({"/archive/x.pdf", "1000008", "corrupt", "truncated", ""}).ok());
  EXPECT_EQ(*store_->Enqueue(File(8)), EnqueueOutcome::kAlreadyFailed);
  EXPECT_EQ(*store_->RequeueFailed(), 1);
  EXPECT_EQ(*store_->Enqueue(File(8)), EnqueueOutcome::kAlreadyQueued);
  EXPECT_EQ(store_->Overview(seconds(60))->queued, 1);
}

// Four connections (workers on four hosts) drain 120 files at once: each file is handed out
// exactly once.
TEST_F(PgQueueTest, ConcurrentWorkersNeverTakeTheSameFile) {
  constexpr int kFiles = 120;
  for (int i = 0; i < kFiles; ++i) ASSERT_EQ(*store_->Enqueue(File(i)), EnqueueOutcome::kQueued);
  std::mutex mu;
  std::vector<std::string> taken;
  std::vector<std::string> errors;
  std::vector<std::thread> workers;
  for (int w = 0; w < 4; ++w) {
    workers.emplace_back([&, w] {
      std::unique_ptr<store::PgStore> mine = Connect();
      if (!mine) return;
      for (;;) {
        auto lease = mine->Take("host-" + std::to_string(w) + ":1", seconds(60), 3);
        std::lock_guard<std::mutex> lock(mu);
        if (!lease.ok()) errors.push_back(lease.status().message());
        if (!lease.ok() || !lease->has_value()) return;
        taken.push_back((*lease)->file.path);
        Status done = mine->Finish(**lease, 1);
        if (!done.ok()) errors.push_back(done.message());
      }
    });
  }
  for (auto& t : workers) t.join();
  EXPECT_THAT(errors, ::testing::IsEmpty());
  EXPECT_EQ(taken.size(), static_cast<size_t>(kFiles));
  EXPECT_EQ(std::set<std::string>(taken.begin(), taken.end()).size(), static_cast<size_t>(kFiles));
  EXPECT_EQ(store_->Overview(seconds(60))->done, kFiles);
}

// A worker that stops renewing (killed, lost) loses its lease: the file goes to the next
// worker, and the first one can neither renew nor finish it.
TEST_F(PgQueueTest, AnExpiredLeaseGoesBackAndTheLostWorkerCannotFinish) {
  ASSERT_EQ(*store_->Enqueue(File(1)), EnqueueOutcome::kQueued);
  auto lost = store_->Take("host-a:1", seconds(0), 3);  // expires at once
  ASSERT_TRUE(lost.ok() && lost->has_value());
  std::unique_ptr<store::PgStore> other = Connect();
  auto next = other->Take("host-b:2", seconds(60), 3);
  ASSERT_TRUE(next.ok() && next->has_value());
  EXPECT_EQ((*next)->item, (*lost)->item);
  EXPECT_EQ((*next)->attempt, 2);

  EXPECT_EQ(store_->Renew(**lost, seconds(60)).code(), Code::kAborted);
  // Finish runs in the same transaction as the extraction: losing the lease stores nothing.
  Status late = store_->Transact([&]() -> Status {
    ACERVO_RETURN_IF_ERROR(store_->PutExtraction(test::SampleExtraction("1000001", 2)));
    return store_->Finish(**lost, 2);
  });
  EXPECT_EQ(late.code(), Code::kAborted);
  EXPECT_FALSE(*store_->HasDocument("sha256:1000001", ""));

  Status stored = other->Transact([&]() -> Status {
    ACERVO_RETURN_IF_ERROR(other->PutExtraction(test::SampleExtraction("1000001", 2)));
    return other->Finish(**next, 2);
  });
  EXPECT_TRUE(stored.ok()) << stored.message();
  EXPECT_EQ(*store_->Count("records"), 2);
}

TEST_F(PgQueueTest, AFileTakenMaxAttemptsTimesBecomesAFailure) {
  ASSERT_EQ(*store_->Enqueue(File(1)), EnqueueOutcome::kQueued);
  for (int attempt = 1; attempt <= 2; ++attempt) {
    auto lease = store_->Take("host-a:" + std::to_string(attempt), seconds(0), 2);
    ASSERT_TRUE(lease.ok() && lease->has_value());
    EXPECT_EQ((*lease)->attempt, attempt);
  }
  EXPECT_FALSE(store_->Take("host-a:3", seconds(60), 2)->has_value());
  std::vector<Failure> failures;
  ASSERT_TRUE(store_->ForEachFailure([&](const Failure& f) { failures.push_back(f); }).ok());
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].source, "/archive/informe-1.pdf");
  EXPECT_EQ(failures[0].sha256, "1000001");
  EXPECT_THAT(failures[0].message, HasSubstr("given up after 2 attempts"));
  EXPECT_THAT(failures[0].message, HasSubstr("host-a:2"));
  EXPECT_EQ(store_->Overview(seconds(60))->failed, 1);
}

TEST_F(PgQueueTest, FailRetriesUntilMaxAttemptsOrAtOnceWhenPermanent) {
  ASSERT_EQ(*store_->Enqueue(File(1)), EnqueueOutcome::kQueued);
  ASSERT_EQ(*store_->Enqueue(File(2)), EnqueueOutcome::kQueued);
  auto first = store_->Take("w:1", seconds(60), 2);
  ASSERT_TRUE(store_->Fail(**first, "timeout", "took too long", false, 2).ok());
  EXPECT_EQ(store_->Fail(**first, "timeout", "again", false, 2).code(), Code::kAborted);
  auto retry = store_->Take("w:1", seconds(60), 2);  // the largest file again
  EXPECT_EQ((*retry)->file.path, "/archive/informe-1.pdf");
  EXPECT_EQ((*retry)->attempt, 2);
  ASSERT_TRUE(store_->Fail(**retry, "timeout", "took too long again", false, 2).ok());
  auto changed = store_->Take("w:1", seconds(60), 2);
  EXPECT_EQ((*changed)->file.path, "/archive/informe-2.pdf");
  EXPECT_EQ((*changed)->attempt, 1);
  ASSERT_TRUE(store_->Fail(**changed, "corrupt", "the bytes at the path changed", true, 2).ok());

  std::vector<std::string> failed;
  ASSERT_TRUE(
      store_->ForEachFailure([&](const Failure& f) { failed.push_back(f.code + " " + f.message); })
          .ok());
  EXPECT_THAT(failed, ::testing::ElementsAre("timeout took too long again",
                                             "corrupt the bytes at the path changed"));
  auto status = store_->Overview(seconds(60));
  EXPECT_EQ(status->failed, 2);
  EXPECT_EQ(status->queued, 0);
  EXPECT_EQ(*store_->RequeueFailed(), 2);
  EXPECT_EQ(store_->Overview(seconds(60))->queued, 2);
  EXPECT_EQ(*store_->Count("failures"), 0);
}

}  // namespace
}  // namespace acervo
