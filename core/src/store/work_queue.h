// work_queue.h — the queue of files waiting to be extracted, kept in the store so that workers
// on many hosts can drain it (`acervo enqueue`, `acervo work`, `acervo status`).
//
// What every implementation promises (SQLite for one machine, PostgreSQL for many):
//  - A file is queued once per SHA-256: enqueueing bytes already stored, failed or queued is
//    a no-op that says so (EnqueueOutcome). Without a SHA-256 (not yet read), the absolute
//    path is the key until a worker reads the bytes.
//  - Take hands each queued file to exactly one worker at a time, under a lease that expires
//    unless renewed. An expired lease puts the file back in the queue (attempts counted);
//    a file taken `max_attempts` times without finishing becomes a failure with its reason.
//  - Finish and Fail succeed only while the caller still holds the lease (same token): a
//    worker whose lease was taken over cannot store a second copy. Finish is meant to run
//    inside Store::Transact together with PutExtraction, so a document is stored and leaves
//    the queue in one transaction.
//  - Operations take time independent of the queue's length (indexed; no scans).
//
// Data types here are plain values; no storage engine's types appear.
#ifndef ACERVO_CORE_STORE_WORK_QUEUE_H_
#define ACERVO_CORE_STORE_WORK_QUEUE_H_

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "acervo/status.h"

namespace acervo {

// A file to extract, as `acervo enqueue` records it.
struct QueuedFile {
  std::string path;      // absolute path, as every worker host sees it (shared filesystem)
  int64_t size = -1;     // bytes; -1 unknown
  std::string sha256;    // "sha256:<hex>" as document ids are; "" when not read at enqueue
  std::string pipeline;  // the pipeline to extract with ("" = the default)
};

enum class EnqueueOutcome {
  kQueued,         // newly queued
  kAlreadyQueued,  // queued or leased already
  kAlreadyStored,  // its document is stored (with this pipeline): nothing to do
  kAlreadyFailed,  // it failed before; only a retry (Requeue) queues it again
};

// A worker's hold on one queued file.
struct Lease {
  int64_t item = 0;   // the queue entry
  std::string token;  // proves ownership in Renew/Finish/Fail
  QueuedFile file;
  int attempt = 1;      // 1 on the first take
  std::string worker;   // "host:pid" of the holder
  std::string expires;  // ISO 8601 UTC
};

// One lease as `acervo status` shows it.
struct LeaseInfo {
  std::string path;
  std::string worker;
  double age_seconds = 0;  // since taken
};

// What an operator watches while a queue drains.
struct QueueStatus {
  int64_t queued = 0;
  int64_t leased = 0;
  int64_t done = 0;    // finished through the queue
  int64_t failed = 0;  // given up (failure recorded)
  std::vector<LeaseInfo> leases;
  int64_t pages_last_minutes = 0;  // pages of documents finished in the last `window`
  double window_seconds = 0;
};

class WorkQueue {
 public:
  virtual ~WorkQueue() = default;

  virtual Result<EnqueueOutcome> Enqueue(const QueuedFile& file) = 0;
  // The largest queued file (expired leases first returned to the queue), leased to `worker`
  // for `lease_for`; nullopt when nothing is queued. Largest first: its size is the best
  // guess of its cost known at enqueue, and workers that take the long documents first end
  // together, instead of one finishing a long scan while the others idle. Equal sizes (and
  // unknown ones, -1, which come last) in the order they were queued.
  virtual Result<std::optional<Lease>> Take(const std::string& worker,
                                            std::chrono::seconds lease_for, int max_attempts) = 0;
  // Extends the lease (a heartbeat). Aborted when the lease was lost.
  virtual Status Renew(const Lease& lease, std::chrono::seconds lease_for) = 0;
  // The file is done: `pages` count towards the status rate. Aborted when the lease was lost.
  virtual Status Finish(const Lease& lease, int pages) = 0;
  // This attempt failed with `reason`: back to the queue, or a failure (Store::PutFailure)
  // once `max_attempts` is reached. `permanent` (unreadable bytes, changed file) fails at once.
  virtual Status Fail(const Lease& lease, const std::string& code, const std::string& reason,
                      bool permanent, int max_attempts) = 0;
  // Queues again the files that failed (`--retry-failed`); returns how many.
  virtual Result<int64_t> RequeueFailed() = 0;
  virtual Result<QueueStatus> Overview(std::chrono::seconds rate_window) = 0;
  // Whether nothing is queued or leased: one indexed look, cheap enough for an idle worker
  // to ask several times a second while others finish.
  virtual Result<bool> Drained() = 0;
};

}  // namespace acervo

#endif  // ACERVO_CORE_STORE_WORK_QUEUE_H_
