// ingest_job.h — the coordinator's side of `acervo ingest` and `acervo work`: the jobs that
// extract each document a feed hands out (document_feed.h: a list of files for ingest, the
// store's queue for work), and what to do with each outcome. The worker pool
// (worker_pool.h) runs the extractions; this decides around them.
//
//  - Failure policy: a file that cannot be read, a worker error, crash, timeout or memory
//    failure is handed to the feed with its reason (and told to on_failure) and the batch
//    goes on. A job the pool reports "interrupted" is dropped: its feed takes it back.
//  - Storing: each extraction through the feed, in one store transaction.
//  - A store error stops the run: Next() gives nothing more and store_error() says why.
//  - Scanned pages in parallel (`split_pages`): a PDF with pages to OCR is planned by one
//    worker, its pages are OCR'd one a job, and one more job assembles and extracts it from
//    their words, in page order. A page whose worker crashes, hangs or runs out of memory
//    fails the document, naming the page. Page jobs and new documents take turns for idle
//    workers, so a long volume neither waits behind small documents nor holds them up.
//  - Progress counts pages as they are OCR'd; a document that then fails takes them back.
//
// Not thread-safe: the pool calls Next and Done on one thread.
#ifndef ACERVO_CORE_INGEST_INGEST_JOB_H_
#define ACERVO_CORE_INGEST_INGEST_JOB_H_

#include <atomic>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "acervo/engine.h"
#include "acervo/status.h"
#include "ingest/document_feed.h"
#include "ingest/file_feed.h"
#include "ingest/progress.h"
#include "ingest/worker_messages.h"
#include "ingest/worker_pool.h"
#include "io/env.h"
#include "store/store.h"

namespace acervo {

struct IngestJobOptions {
  std::string pipeline;       // (FileFeed) the id a stored document must carry to be skipped
  Overrides overrides;        // for every document (progress and source are not used)
  bool retry_failed = false;  // (FileFeed) try again documents that failed before
  // OCR the scanned pages of a PDF in parallel jobs (worth it with more than one worker).
  bool split_pages = false;
  // Told of each failed document, its message naming the file.
  std::function<void(const std::string& message)> on_failure;
  // Told whenever the counts change.
  std::function<void(const IngestCounts&)> on_progress;
};

class IngestJob {
 public:
  // The documents of `feed`, which must outlive the job.
  IngestJob(DocumentFeed* feed, IngestJobOptions options);
  // A list of files (FileFeed); `store` and `env` must outlive the job.
  IngestJob(Store* store, std::vector<std::filesystem::path> documents, IngestJobOptions options,
            const Env& env = Env::Default());

  // The next job for a worker (a new document, or a page or assembly of one in flight), or
  // nothing for now: when all are handled, or when what is left waits on jobs in flight.
  // Once `stop` is set no new document starts; those in flight are finished.
  std::optional<Job> Next(const std::atomic<bool>& stop);
  // Stores the document a worker finished, records why it failed, or takes a page's words.
  void Done(JobOutcome outcome);

  IngestCounts& counts() { return counts_; }
  const Status& store_error() const { return store_error_; }

 private:
  // What a job in flight is doing for which document.
  struct Task {
    size_t document = 0;
    int page = -1;  // >= 0: OCR of this page (0-based); else the whole document
  };
  // A document whose pages are being OCR'd.
  struct Split {
    size_t outstanding = 0;            // page jobs not yet answered
    std::vector<WorkerPageOcr> pages;  // answered, in any order
    int64_t counted = 0;               // pages read, already in the progress counts
  };

  std::optional<Job> NextDocument(const std::atomic<bool>& stop);
  WorkerRequest RequestFor(size_t document) const;
  Job Dispatch(size_t document, nlohmann::json request);
  void DocumentDone(size_t document, JobOutcome outcome);
  void PageDone(const Task& task, JobOutcome outcome);
  void StartSplit(size_t document, const std::vector<int>& pages);
  void FailDocument(size_t document, const std::string& reason, const Status& s);
  void StoreExtraction(size_t index, Extraction x);
  void Progress();

  std::unique_ptr<FileFeed> own_feed_;  // for the list-of-files constructor
  DocumentFeed* feed_;
  IngestJobOptions options_;
  IngestCounts counts_;
  Status store_error_;
  std::vector<FeedItem> items_;  // by document index, as the feed handed them out
  size_t next_job_ = 0;
  std::map<size_t, Task> tasks_;    // by job id, while in flight
  std::map<size_t, Split> splits_;  // by document index
  std::deque<Job> ready_;           // page and assembly jobs waiting for a worker
  bool pages_turn_ = false;         // whether a waiting page goes before a new document
};

}  // namespace acervo

#endif  // ACERVO_CORE_INGEST_INGEST_JOB_H_
