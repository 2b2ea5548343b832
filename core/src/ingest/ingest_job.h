// ingest_job.h — the coordinator's side of `acervo ingest`: which documents to extract and
// what to do with each outcome. The worker pool (worker_pool.h) runs the extractions; this
// decides around them.
//
//  - Dedupe by hash: a document whose bytes are stored by the same pipeline, or were already
//    dispatched in this run under another name, is skipped.
//  - Failure policy: a document that failed before is skipped unless `retry_failed`; a file
//    that cannot be read, a worker error, crash, timeout or memory failure is recorded in the
//    store's failures with its reason and the batch goes on.
//  - Storing: each extraction in one store transaction, then reviewed records that the new
//    extraction no longer has are flagged for a second look (Store::MarkOrphans).
//  - A store error stops the run: Next() gives nothing more and store_error() says why.
//
// Not thread-safe: the pool calls Next and Done on one thread.
#ifndef ACERVO_CORE_INGEST_INGEST_JOB_H_
#define ACERVO_CORE_INGEST_INGEST_JOB_H_

#include <atomic>
#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "acervo/engine.h"
#include "acervo/status.h"
#include "ingest/progress.h"
#include "ingest/worker_pool.h"
#include "io/env.h"
#include "store/store.h"

namespace acervo {

struct IngestJobOptions {
  std::string pipeline;  // the id a stored document must carry to be skipped
  Overrides overrides;   // for every document (progress and source are not used)
  bool retry_failed = false;
  // Told of each failed document, its message naming the file.
  std::function<void(const std::string& message)> on_failure;
  // Told whenever the counts change.
  std::function<void(const IngestCounts&)> on_progress;
};

class IngestJob {
 public:
  // `store` and `env` must outlive the job.
  IngestJob(Store* store, std::vector<std::filesystem::path> documents, IngestJobOptions options,
            const Env& env = Env::Default());

  // The next document to send to a worker, or nothing when all are handled, `stop` is set or
  // the store failed.
  std::optional<Job> Next(const std::atomic<bool>& stop);
  // Stores the document a worker finished, or records why it failed.
  void Done(JobOutcome outcome);

  IngestCounts& counts() { return counts_; }
  const Status& store_error() const { return store_error_; }

 private:
  void RecordFailure(const std::string& source, const std::string& sha, const std::string& reason,
                     const Status& s);
  void StoreExtraction(size_t index, Extraction x);
  void Progress();

  Store* store_;
  std::vector<std::filesystem::path> documents_;
  IngestJobOptions options_;
  const Env& env_;
  IngestCounts counts_;
  Status store_error_;
  size_t next_index_ = 0;
  std::vector<std::string> shas_;  // by document index, once read
  std::set<std::string> dispatched_;
};

}  // namespace acervo

#endif  // ACERVO_CORE_INGEST_INGEST_JOB_H_
