// file_feed.h — `acervo ingest`'s documents: a list of files, each read and hashed in turn.
//
//  - Dedupe by hash: a document whose bytes are stored by the same pipeline, or were already
//    handed out in this run under another name, is skipped (counted as skipped).
//  - A document that failed before is skipped unless `retry_failed` (skipped_failed).
//  - Storing: the extraction in one transaction, then reviewed records that the new
//    extraction no longer has are flagged for a second look (Store::MarkOrphans).
//  - Failures go to the store's failures, with their reason.
#ifndef ACERVO_CORE_INGEST_FILE_FEED_H_
#define ACERVO_CORE_INGEST_FILE_FEED_H_

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "ingest/document_feed.h"
#include "io/env.h"
#include "store/store.h"

namespace acervo {

class FileFeed : public DocumentFeed {
 public:
  // `store` and `env` must outlive the feed. `pipeline` is the id a stored document must
  // carry to be skipped.
  FileFeed(acervo::Store* store, std::vector<std::filesystem::path> documents, std::string pipeline,
           bool retry_failed, const Env& env = Env::Default());

  size_t size() const { return documents_.size(); }
  Result<std::optional<FeedItem>> Next(const std::atomic<bool>& stop,
                                       IngestCounts& counts) override;
  Status Keep(const FeedItem& item, const Extraction& x) override;
  Status Failed(const FeedItem& item, const std::string& reason, const Failure& f) override;

 private:
  acervo::Store* store_;
  std::vector<std::filesystem::path> documents_;
  std::string pipeline_;
  bool retry_failed_;
  const Env& env_;
  size_t next_ = 0;
  std::set<std::string> dispatched_;  // hashes handed out in this run
};

// Stores `x` and flags the reviewed records it no longer has (Store::MarkOrphans): what
// every feed does with an extraction, inside its transaction.
Status StoreExtraction(Store* store, const Extraction& x, const Env& env);

}  // namespace acervo

#endif  // ACERVO_CORE_INGEST_FILE_FEED_H_
