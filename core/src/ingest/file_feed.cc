#include "ingest/file_feed.h"

#include "util/sha256.h"

namespace acervo {

FileFeed::FileFeed(acervo::Store* store, std::vector<std::filesystem::path> documents,
                   std::string pipeline, bool retry_failed, const Env& env)
    : store_(store),
      documents_(std::move(documents)),
      pipeline_(std::move(pipeline)),
      retry_failed_(retry_failed),
      env_(env) {}

Result<std::optional<FeedItem>> FileFeed::Next(const std::atomic<bool>& stop,
                                               IngestCounts& counts) {
  while (next_ < documents_.size() && !stop) {
    FeedItem item;
    item.handle = static_cast<int64_t>(next_);
    item.path = documents_[next_++].string();
    Result<std::string> bytes = env_.ReadFile(item.path);
    if (!bytes.ok()) {
      item.refused = bytes.status();
      return std::optional<FeedItem>(std::move(item));
    }
    item.sha256 = Sha256Hex(*bytes);
    Result<bool> have = store_->HasDocument("sha256:" + item.sha256, pipeline_);
    if (!have.ok()) return have.status();
    Result<bool> failed_before = store_->HasFailure(item.sha256);
    if (!failed_before.ok()) return failed_before.status();
    // A copy of a document stored before, or of one handed out earlier in this run.
    if (*have || !dispatched_.insert(item.sha256).second) {
      ++counts.skipped;
      continue;
    }
    if (*failed_before && !retry_failed_) {
      ++counts.skipped_failed;
      continue;
    }
    return std::optional<FeedItem>(std::move(item));
  }
  return std::optional<FeedItem>();
}

Status StoreExtraction(acervo::Store* store, const Extraction& x, const Env& env) {
  ACERVO_RETURN_IF_ERROR(store->PutExtraction(x));
  // A document stored before by another pipeline version was replaced: reviewed records
  // the new run no longer finds keep their reviewed version (review::FlagOrphanedReviews).
  return store->MarkOrphans(x.document.info.id, FormatUtc(env.Now()));
}

Status FileFeed::Keep(const FeedItem&, const Extraction& x) {
  // The document and its reviews' orphan flags commit together: one commit, not two.
  return store_->Transact([&] { return StoreExtraction(store_, x, env_); });
}

Status FileFeed::Failed(const FeedItem&, const std::string&, const Failure& f) {
  return store_->PutFailure(f);
}

}  // namespace acervo
