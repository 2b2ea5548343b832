#include "ingest/queue_feed.h"

#include <climits>

#include "ingest/file_feed.h"
#include "util/sha256.h"

namespace acervo {

QueueFeed::QueueFeed(acervo::Store* store, QueueFeedOptions options, const Env& env)
    : store_(store), options_(std::move(options)), env_(env) {}

Result<std::optional<FeedItem>> QueueFeed::Next(const std::atomic<bool>& stop,
                                                IngestCounts& counts) {
  while (!stop) {
    Result<std::optional<Lease>> taken =
        store_->Take(options_.worker, options_.lease, options_.max_attempts);
    if (!taken.ok()) return taken.status();
    if (!taken->has_value()) return std::optional<FeedItem>();
    Lease lease = std::move(**taken);
    ++counts.documents;
    {
      std::lock_guard<std::mutex> lock(mu_);
      leases_[lease.item] = lease;
    }
    FeedItem item;
    item.handle = lease.item;
    item.path = lease.file.path;
    Result<std::string> bytes = env_.ReadFile(item.path);
    if (!bytes.ok()) {
      item.refused = bytes.status();
      return std::optional<FeedItem>(std::move(item));
    }
    item.sha256 = Sha256Hex(*bytes);
    const std::string id = "sha256:" + item.sha256;
    if (!lease.file.sha256.empty() && lease.file.sha256 != id) {
      item.refusal = "changed";
      item.refused = Corrupt(item.path + ": changed since it was enqueued (its bytes now have " +
                             id + ", not " + lease.file.sha256 + ")");
      return std::optional<FeedItem>(std::move(item));
    }
    const std::string& wanted =
        lease.file.pipeline.empty() ? options_.pipeline : lease.file.pipeline;
    if (wanted != options_.pipeline) {
      item.refusal = "pipeline";
      item.refused = InvalidArgument(item.path + ": queued for pipeline " + wanted +
                                     ", but this worker runs " + options_.pipeline);
      return std::optional<FeedItem>(std::move(item));
    }
    Result<bool> stored = store_->HasDocument(id, options_.pipeline);
    if (!stored.ok()) return stored.status();
    if (!*stored) return std::optional<FeedItem>(std::move(item));
    // Stored meanwhile by another route (an ingest, a copy under another name).
    ++counts.skipped;
    Status finished = store_->Finish(lease, 0);
    Drop(lease.item);
    if (!finished.ok() && finished.code() != Code::kAborted) return finished;
  }
  return std::optional<FeedItem>();
}

Lease QueueFeed::Held(int64_t item) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = leases_.find(item);
  return it == leases_.end() ? Lease{} : it->second;
}

void QueueFeed::Drop(int64_t item) {
  std::lock_guard<std::mutex> lock(mu_);
  leases_.erase(item);
}

Status QueueFeed::Keep(const FeedItem& item, const Extraction& x) {
  Lease lease = Held(item.handle);
  Status s = store_->Transact([&] {
    ACERVO_RETURN_IF_ERROR(StoreExtraction(store_, x, env_));
    return store_->Finish(lease, static_cast<int>(x.document.pages.size()));
  });
  Drop(item.handle);
  return s;
}

Status QueueFeed::Failed(const FeedItem& item, const std::string& reason, const Failure& f) {
  // A broken document stays broken; a crash, a timeout or a memory failure may be this
  // host's (or another worker may run the pipeline it was queued for).
  bool transient =
      reason == "crash" || reason == "timeout" || reason == "memory" || reason == "pipeline";
  Status s = store_->Fail(Held(item.handle), f.code, f.message, !transient, options_.max_attempts);
  Drop(item.handle);
  // A lost lease is another worker's now: nothing to record here.
  return s.code() == Code::kAborted ? Status::Ok() : s;
}

std::vector<Lease> QueueFeed::Leases() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<Lease> out;
  for (const auto& [item, lease] : leases_) out.push_back(lease);
  return out;
}

Status QueueFeed::ReleaseAll() {
  Status first;
  for (const Lease& lease : Leases()) {
    Status s =
        store_->Fail(lease, "interrupted", lease.file.path + ": interrupted", false, INT_MAX);
    if (!s.ok() && s.code() != Code::kAborted && first.ok()) first = s;
    Drop(lease.item);
  }
  return first;
}

}  // namespace acervo
