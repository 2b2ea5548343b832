#include "ingest/ingest_job.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "ingest/worker_messages.h"
#include "records/test_record.h"
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
    WorkerRequest request = WorkerRequest::FromJson(job.request).value();
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
    x.records.push_back(
        test::RecordOf({{"id", "r-" + std::to_string(job.id)}, {"status", "needs_review"}}));
    reply.extraction = std::move(x);
    return JobOutcome{job.id, "", reply.ToJson(), Status::Ok()};
  }

  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
  std::atomic<bool> stop_{false};
};

TEST_F(IngestJobTest, RequestsAndRepliesSurviveTheirJson) {
  WorkerRequest request;
  request.path = "a.pdf";
  request.overrides.country = "MX";
  request.overrides.context_date = "2024-02-01";
  WorkerRequest back = WorkerRequest::FromJson(request.ToJson()).value();
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
  EXPECT_EQ(WorkerRequest::FromJson(first->request)->path, a.string());
  std::optional<Job> second = job.Next(stop_);  // skips the copy
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(WorkerRequest::FromJson(second->request)->path, b.string());
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

TEST_F(IngestJobTest, WordsSurviveTheirJsonExactly) {
  Word w;
  w.text = "Secretaría";
  w.box = Box{72.123456789012345, 100.1, 140.7 / 3, 111.0};
  w.font_size = 10.0 / 7;
  w.bold = true;
  w.space_after = false;
  w.confidence = 0.913;
  Result<std::vector<Word>> back = WordsFromJson(WordsToJson({w}));
  ASSERT_TRUE(back.ok()) << back.status().message();
  ASSERT_EQ(back->size(), 1u);
  const Word& b = (*back)[0];
  EXPECT_EQ(b.text, w.text);
  EXPECT_EQ(b.box.x0, w.box.x0);
  EXPECT_EQ(b.box.x1, w.box.x1);
  EXPECT_EQ(b.font_size, w.font_size);
  EXPECT_EQ(b.confidence, w.confidence);
  EXPECT_TRUE(b.bold);
  EXPECT_FALSE(b.space_after);
  EXPECT_EQ(WordsFromJson(nlohmann::json::array({{"x", 1}})).status().code(), Code::kCorrupt);
}

// A reply that plans a scanned document: OCR these pages first.
JobOutcome Planned(const Job& job, std::vector<int> pages) {
  WorkerReply reply;
  reply.ok = true;
  reply.ocr_pages = std::move(pages);
  return JobOutcome{job.id, "", reply.ToJson(), Status::Ok()};
}

JobOutcome PageRead(const Job& job) {
  WorkerReply reply;
  reply.ok = true;
  Word w;
  w.text = "página" + std::to_string(WorkerRequest::FromJson(job.request)->page);
  reply.words = WordsToJson({w});
  return JobOutcome{job.id, "", reply.ToJson(), Status::Ok()};
}

TEST_F(IngestJobTest, ScannedPagesInterleaveWithDocumentsAndAssembleInOrder) {
  auto scan = Write("tomo.pdf", "%PDF- tomo");
  auto a = Write("a.txt", "Informe A.");
  auto b = Write("b.txt", "Informe B.");
  IngestJobOptions options;
  options.pipeline = "test@1";
  options.split_pages = true;
  IngestJob job(store_.get(), {scan, a, b}, options);

  std::optional<Job> plan = job.Next(stop_);
  ASSERT_TRUE(plan.has_value());
  EXPECT_TRUE(WorkerRequest::FromJson(plan->request)->split_pages);
  job.Done(Planned(*plan, {2, 0, 1}));
  // Pages and new documents take turns.
  std::optional<Job> first = job.Next(stop_);
  std::optional<Job> second = job.Next(stop_);
  std::optional<Job> third = job.Next(stop_);
  std::optional<Job> fourth = job.Next(stop_);
  ASSERT_TRUE(first && second && third && fourth);
  EXPECT_EQ(WorkerRequest::FromJson(first->request)->page, 2);
  EXPECT_EQ(WorkerRequest::FromJson(second->request)->path, a.string());
  EXPECT_EQ(WorkerRequest::FromJson(third->request)->page, 0);
  EXPECT_EQ(WorkerRequest::FromJson(fourth->request)->path, b.string());
  std::optional<Job> last_page = job.Next(stop_);
  ASSERT_TRUE(last_page.has_value());
  EXPECT_FALSE(job.Next(stop_).has_value());  // nothing until the pages are read

  job.Done(PageRead(*last_page));
  job.Done(PageRead(*third));
  job.Done(PageRead(*first));
  EXPECT_EQ(job.counts().ocr_pages, 3);  // counted as they are read
  std::optional<Job> assemble = job.Next(stop_);
  ASSERT_TRUE(assemble.has_value());
  WorkerRequest r = WorkerRequest::FromJson(assemble->request).value();
  EXPECT_EQ(r.path, scan.string());
  ASSERT_EQ(r.page_ocr.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(r.page_ocr[i].page, i);
    EXPECT_EQ(WordsFromJson(r.page_ocr[i].words)->at(0).text, "página" + std::to_string(i));
  }
  job.Done(Extracted(*assemble));
  EXPECT_EQ(job.counts().stored, 1);
  EXPECT_EQ(job.counts().pages, 1);  // the extraction's one page, not the three again
}

TEST_F(IngestJobTest, APageThatCrashesItsWorkerFailsTheDocumentNamingThePage) {
  auto scan = Write("tomo.pdf", "%PDF- tomo");
  std::vector<std::string> failures;
  IngestJobOptions options;
  options.pipeline = "test@1";
  options.split_pages = true;
  options.on_failure = [&](const std::string& m) { failures.push_back(m); };
  IngestJob job(store_.get(), {scan}, options);
  std::optional<Job> plan = job.Next(stop_);
  ASSERT_TRUE(plan.has_value());
  job.Done(Planned(*plan, {0, 1}));
  std::optional<Job> p0 = job.Next(stop_);
  std::optional<Job> p1 = job.Next(stop_);
  ASSERT_TRUE(p0 && p1);
  job.Done(PageRead(*p0));
  job.Done(JobOutcome{p1->id, "crash", nullptr, Internal("worker crashed (signal 11, SIGSEGV)")});
  EXPECT_FALSE(job.Next(stop_).has_value());
  EXPECT_EQ(job.counts().failed_by_reason["crash"], 1);
  EXPECT_EQ(job.counts().ocr_pages, 0);  // the read page is taken back
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_THAT(failures[0], HasSubstr("tomo.pdf: page 2: worker crashed"));
}

}  // namespace
}  // namespace acervo
