// document_feed.h — where the documents of an extraction run come from and where each one
// ends, so that one job (ingest_job.h: dispatch, scanned pages in parallel, counts) serves
// both `acervo ingest` (a list of files, file_feed.h) and `acervo work` (the store's queue,
// queue_feed.h).
//
// A feed decides what to extract and keeps its outcome; the job decides how. Not
// thread-safe: the job calls a feed on one thread.
#ifndef ACERVO_CORE_INGEST_DOCUMENT_FEED_H_
#define ACERVO_CORE_INGEST_DOCUMENT_FEED_H_

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

#include "acervo/extraction.h"
#include "acervo/status.h"
#include "ingest/progress.h"
#include "store/rows.h"

namespace acervo {

// One document a feed hands to the job.
struct FeedItem {
  int64_t handle = 0;  // the feed's own: which file, which lease
  std::string path;    // the file the workers read
  std::string sha256;  // hex of its bytes, once read ("" when unreadable)
  // Not ok: the file cannot be extracted (unreadable, changed); the job fails it at once
  // with `refusal` as the reason ("error", "changed").
  Status refused;
  std::string refusal = "error";
};

class DocumentFeed {
 public:
  virtual ~DocumentFeed() = default;

  // The next document to extract; nullopt when there is none (for now). Documents it skips
  // (already stored, failed before) it counts in `counts` itself. Once `stop` is set it
  // hands out nothing new. An error stops the run.
  virtual Result<std::optional<FeedItem>> Next(const std::atomic<bool>& stop,
                                               IngestCounts& counts) = 0;
  // Keeps the extraction of `item` (with the store's orphan flags), atomically.
  virtual Status Keep(const FeedItem& item, const Extraction& x) = 0;
  // `item` failed: `reason` is how ("error", "changed", "crash", "timeout", "memory") and
  // `failure` what to record (its message names the file).
  virtual Status Failed(const FeedItem& item, const std::string& reason,
                        const Failure& failure) = 0;
};

}  // namespace acervo

#endif  // ACERVO_CORE_INGEST_DOCUMENT_FEED_H_
