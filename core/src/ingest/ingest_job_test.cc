#include "ingest/ingest_job.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "ingest/worker_messages.h"
#include "util/sha256.h"

namespace acervo {
namespace {

using ::testing::HasSubstr;

class IngestJobTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("acervo-ingest-job-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    auto store = Store::Open(dir_ / "s.db");
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(*store);
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::filesystem::path Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return dir_ / name;
  }

  // What a worker answers for the file at `path`: one page and one record.
  JobOutcome Extracted(const Job& job) {
    WorkerRequest request = WorkerRequest::FromJson(job.request);
    std::string bytes = *Env::Default().ReadFile(request.path);
    WorkerReply reply;
    reply.ok = true;
    Extraction x;
    x.pipeline = "test@1";
    x.document.info.id = "sha256:" + Sha256Hex(bytes);
    x.document.info.source = request.path;
    Page page;
    page.text = bytes;
    x.document.pages.push_back(page);
    x.records.push_back({{"id", "r-" + std::to_string(job.id)}, {"status", "needs_review"}});
    reply.extraction = std::move(x);
    return JobOutcome{job.id, "", reply.ToJson(), Status::Ok()};
  }

  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
  std::atomic<bool> stop_{false};
};

TEST_F(IngestJobTest, RequestsAndRepliesSurviveTheirJson) {
  WorkerRequest request{"a.pdf", {}};
  request.overrides.country = "MX";
  request.overrides.context_date = "2024-02-01";
  WorkerRequest back = WorkerRequest::FromJson(request.ToJson());
  EXPECT_EQ(back.path, "a.pdf");
  EXPECT_EQ(back.overrides.country, "MX");
  EXPECT_EQ(back.overrides.context_date, "2024-02-01");

  WorkerReply failed;
  failed.failure = "memory";
  failed.message = "ran out of memory";
  Result<WorkerReply> read = WorkerReply::FromJson(failed.ToJson());
  ASSERT_TRUE(read.ok());
  EXPECT_FALSE(read->ok);
  EXPECT_EQ(read->failure, "memory");
  EXPECT_FALSE(read->extraction.has_value());
  EXPECT_EQ(WorkerReply::FromJson({{"ok", true}, {"extraction", 3}}).status().code(),
            Code::kCorrupt);
}

TEST_F(IngestJobTest, StoresEachDocumentOnceAndRecordsFailures) {
  auto a = Write("a.txt", "Informe A.");
  auto copy = Write("copia-de-a.txt", "Informe A.");  // same bytes, another name
  auto b = Write("b.txt", "Informe B.");
  std::vector<std::string> failures;
  IngestJobOptions options;
  options.pipeline = "test@1";
  options.on_failure = [&](const std::string& m) { failures.push_back(m); };
  IngestJob job(store_.get(), {a, copy, b, dir_ / "missing.txt"}, options);

  std::optional<Job> first = job.Next(stop_);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(WorkerRequest::FromJson(first->request).path, a.string());
  std::optional<Job> second = job.Next(stop_);  // skips the copy
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(WorkerRequest::FromJson(second->request).path, b.string());
  EXPECT_FALSE(job.Next(stop_).has_value());  // the missing file is a failure
  EXPECT_EQ(job.counts().skipped, 1);

  job.Done(Extracted(*first));
  job.Done(JobOutcome{second->id, "crash", nullptr, Internal("worker died (SIGSEGV)")});
  EXPECT_TRUE(job.store_error().ok());
  EXPECT_EQ(job.counts().stored, 1);
  EXPECT_EQ(job.counts().failed, 2);
  EXPECT_EQ(job.counts().failed_by_reason["crash"], 1);
  ASSERT_EQ(failures.size(), 2u);
  EXPECT_THAT(failures[0], HasSubstr("missing.txt"));
  EXPECT_THAT(failures[1], HasSubstr("b.txt: worker died"));
  EXPECT_EQ(*store_->Count("documents"), 1);
  EXPECT_EQ(*store_->Count("failures"), 2);

  // Run again: a is stored, b failed before and is not retried without retry_failed.
  IngestJob again(store_.get(), {a, b}, options);
  EXPECT_FALSE(again.Next(stop_).has_value());
  EXPECT_EQ(again.counts().skipped, 1);
  EXPECT_EQ(again.counts().skipped_failed, 1);
  options.retry_failed = true;
  IngestJob retry(store_.get(), {b}, options);
  EXPECT_TRUE(retry.Next(stop_).has_value());
}

}  // namespace
}  // namespace acervo
