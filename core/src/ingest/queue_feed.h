// queue_feed.h — `acervo work`'s documents: files taken from the store's queue
// (store/work_queue.h), each under a lease this worker holds until it is stored or failed.
//
//  - Next takes the largest queued file, reads it and checks its bytes still have the
//    SHA-256 recorded at enqueue: different bytes are refused ("changed since it was
//    enqueued"), a permanent failure. Bytes already stored with this pipeline (by another
//    route) finish the lease without extracting.
//  - Keep stores the extraction, flags orphaned reviews and finishes the lease in one
//    transaction: a worker whose lease was taken over stores nothing (Aborted, and the run
//    goes on).
//  - Failed: a broken document ("error", "changed") fails at once; a crash, timeout or
//    memory failure goes back to the queue until `max_attempts`.
//  - Leases() and Release() may be called from another thread (the heartbeat); the rest
//    runs on the job's thread.
#ifndef ACERVO_CORE_INGEST_QUEUE_FEED_H_
#define ACERVO_CORE_INGEST_QUEUE_FEED_H_

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "ingest/document_feed.h"
#include "io/env.h"
#include "store/store.h"

namespace acervo {

struct QueueFeedOptions {
  std::string worker;  // "host:pid", shown by `acervo status`
  std::chrono::seconds lease{300};
  int max_attempts = 3;
  std::string pipeline;  // the id of the pipeline this worker extracts with
};

class QueueFeed : public DocumentFeed {
 public:
  // `store` and `env` must outlive the feed.
  QueueFeed(acervo::Store* store, QueueFeedOptions options, const Env& env = Env::Default());

  Result<std::optional<FeedItem>> Next(const std::atomic<bool>& stop,
                                       IngestCounts& counts) override;
  Status Keep(const FeedItem& item, const Extraction& x) override;
  Status Failed(const FeedItem& item, const std::string& reason, const Failure& f) override;

  // The leases held now (for the heartbeat to renew).
  std::vector<Lease> Leases() const;
  // Gives every lease still held back to the queue (its attempt stays counted): after an
  // interruption, and for documents whose jobs never ran.
  Status ReleaseAll();

 private:
  Lease Held(int64_t item) const;
  void Drop(int64_t item);

  acervo::Store* store_;
  QueueFeedOptions options_;
  const Env& env_;
  mutable std::mutex mu_;
  std::map<int64_t, Lease> leases_;  // by queue item
};

}  // namespace acervo

#endif  // ACERVO_CORE_INGEST_QUEUE_FEED_H_
