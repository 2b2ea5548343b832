#include "ingest/ingest_job.h"

#include "ingest/worker_messages.h"
#include "util/sha256.h"

namespace acervo {

IngestJob::IngestJob(Store* store, std::vector<std::filesystem::path> documents,
                     IngestJobOptions options, const Env& env)
    : store_(store),
      documents_(std::move(documents)),
      options_(std::move(options)),
      env_(env),
      shas_(documents_.size()) {
  counts_.documents = static_cast<int64_t>(documents_.size());
}

void IngestJob::Progress() {
  if (options_.on_progress) options_.on_progress(counts_);
}

void IngestJob::RecordFailure(const std::string& source, const std::string& sha,
                              const std::string& reason, const Status& s) {
  ++counts_.failed;
  ++counts_.failed_by_reason[reason];
  std::string message = s.message().find(source) == std::string::npos
                            ? source + ": " + s.message() : s.message();
  if (options_.on_failure) options_.on_failure(message);
  Status w = store_->PutFailure(
      {source, sha, reason == "error" ? CodeName(s.code()) : reason, message, ""});
  if (!w.ok() && store_error_.ok()) store_error_ = w;
}

std::optional<Job> IngestJob::Next(const std::atomic<bool>& stop) {
  while (next_index_ < documents_.size() && !stop && store_error_.ok()) {
    size_t index = next_index_++;
    const std::string source = documents_[index].string();
    Result<std::string> bytes = env_.ReadFile(documents_[index]);
    if (!bytes.ok()) {
      RecordFailure(source, "", "error", bytes.status());
      continue;
    }
    std::string sha = Sha256Hex(*bytes);
    shas_[index] = sha;
    Result<bool> have = store_->HasDocument("sha256:" + sha, options_.pipeline);
    Result<bool> failed_before = store_->HasFailure(sha);
    if (!have.ok() || !failed_before.ok()) {
      store_error_ = !have.ok() ? have.status() : failed_before.status();
      return std::nullopt;
    }
    // A copy of a document stored before, or of one dispatched earlier in this run.
    if (*have || !dispatched_.insert(sha).second) {
      ++counts_.skipped;
      Progress();
      continue;
    }
    if (*failed_before && !options_.retry_failed) {
      ++counts_.skipped_failed;
      continue;
    }
    return Job{index, WorkerRequest{source, options_.overrides}.ToJson()};
  }
  return std::nullopt;
}

void IngestJob::Done(JobOutcome outcome) {
  const std::string source = documents_[outcome.id].string();
  const std::string& sha = shas_[outcome.id];
  if (!outcome.failure.empty()) {
    RecordFailure(source, sha, outcome.failure, outcome.status);
  } else if (Result<WorkerReply> reply = WorkerReply::FromJson(outcome.result); !reply.ok()) {
    RecordFailure(source, sha, "error", reply.status());
  } else {
    StoreExtraction(outcome.id, std::move(*reply->extraction));
  }
  Progress();
}

void IngestJob::StoreExtraction(size_t index, Extraction x) {
  const std::string source = documents_[index].string();
  if (Status s = store_->PutExtraction(x); !s.ok()) {
    if (store_error_.ok()) store_error_ = s.Prefixed("while storing " + source);
  } else if (Status f = store_->MarkOrphans(x.document.info.id, FormatUtc(env_.Now()));
             !f.ok()) {
    // A document stored before by another pipeline version was replaced: reviewed records
    // the new run no longer finds keep their reviewed version (review::FlagOrphanedReviews).
    if (store_error_.ok()) store_error_ = f.Prefixed("while storing " + source);
  } else {
    ++counts_.stored;
    counts_.pages += static_cast<int64_t>(x.document.pages.size());
    for (const Page& p : x.document.pages) counts_.ocr_pages += p.ocr;
    counts_.records += static_cast<int64_t>(x.records.size());
    for (const auto& r : x.records) counts_.needs_review += r.value("status", "") == "needs_review";
  }
}

}  // namespace acervo
