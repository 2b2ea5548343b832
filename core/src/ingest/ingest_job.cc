#include "ingest/ingest_job.h"

#include <algorithm>

#include "ingest/worker_messages.h"

namespace acervo {

IngestJob::IngestJob(DocumentFeed* feed, IngestJobOptions options)
    : feed_(feed), options_(std::move(options)) {}

IngestJob::IngestJob(Store* store, std::vector<std::filesystem::path> documents,
                     IngestJobOptions options, const Env& env)
    : own_feed_(std::make_unique<FileFeed>(store, std::move(documents), options.pipeline,
                                           options.retry_failed, env)),
      feed_(own_feed_.get()),
      options_(std::move(options)) {
  counts_.documents = static_cast<int64_t>(own_feed_->size());
}

void IngestJob::Progress() {
  if (options_.on_progress) options_.on_progress(counts_);
}

std::optional<Job> IngestJob::Next(const std::atomic<bool>& stop) {
  if (!store_error_.ok()) return std::nullopt;
  if (!ready_.empty() && (pages_turn_ || stop)) {
    pages_turn_ = false;
    Job job = std::move(ready_.front());
    ready_.pop_front();
    return job;
  }
  if (std::optional<Job> job = NextDocument(stop)) {
    pages_turn_ = true;
    return job;
  }
  if (ready_.empty() || !store_error_.ok()) return std::nullopt;
  Job job = std::move(ready_.front());
  ready_.pop_front();
  return job;
}

WorkerRequest IngestJob::RequestFor(size_t document) const {
  WorkerRequest request;
  request.path = items_[document].path;
  request.overrides = options_.overrides;
  return request;
}

Job IngestJob::Dispatch(size_t document, nlohmann::json request) {
  size_t id = next_job_++;
  int page = request.value("page", -1);
  tasks_[id] = Task{document, page};
  return Job{id, std::move(request)};
}

std::optional<Job> IngestJob::NextDocument(const std::atomic<bool>& stop) {
  while (store_error_.ok()) {
    int64_t skipped = counts_.skipped;
    Result<std::optional<FeedItem>> item = feed_->Next(stop, counts_);
    if (counts_.skipped != skipped) Progress();
    if (!item.ok()) {
      store_error_ = item.status();
      return std::nullopt;
    }
    if (!item->has_value()) return std::nullopt;
    size_t index = items_.size();
    items_.push_back(std::move(**item));
    if (!items_[index].refused.ok()) {
      FailDocument(index, items_[index].refusal, items_[index].refused);
      continue;
    }
    WorkerRequest request = RequestFor(index);
    request.split_pages = options_.split_pages;
    return Dispatch(index, request.ToJson());
  }
  return std::nullopt;
}

void IngestJob::Done(JobOutcome outcome) {
  auto task = tasks_.find(outcome.id);
  if (task == tasks_.end()) return;  // not ours
  Task t = task->second;
  tasks_.erase(task);
  if (t.page >= 0) {
    PageDone(t, std::move(outcome));
  } else {
    DocumentDone(t.document, std::move(outcome));
  }
  Progress();
}

void IngestJob::DocumentDone(size_t document, JobOutcome outcome) {
  if (!outcome.failure.empty()) {
    FailDocument(document, outcome.failure, outcome.status);
  } else if (Result<WorkerReply> reply = WorkerReply::FromJson(outcome.result); !reply.ok()) {
    FailDocument(document, "error", reply.status());
  } else if (!reply->ocr_pages.empty()) {
    StartSplit(document, reply->ocr_pages);
  } else if (!reply->extraction) {
    FailDocument(document, "error", Corrupt("the worker's reply has no extraction"));
  } else {
    StoreExtraction(document, std::move(*reply->extraction));
  }
}

void IngestJob::StartSplit(size_t document, const std::vector<int>& pages) {
  Split& split = splits_[document];
  split.outstanding = pages.size();
  for (int page : pages) {
    WorkerRequest request = RequestFor(document);
    request.page = page;
    ready_.push_back(Dispatch(document, request.ToJson()));
  }
}

void IngestJob::PageDone(const Task& task, JobOutcome outcome) {
  auto split = splits_.find(task.document);
  if (split == splits_.end()) return;  // the document failed on another page
  const std::string page_name = "page " + std::to_string(task.page + 1);
  WorkerPageOcr page{task.page, "", nullptr, nullptr};
  if (outcome.failure == "error") {
    // Tesseract could not read it (a loader matter): the page gets a warning, as when read
    // in place, and the document goes on.
    page.error = outcome.status.message();
  } else if (!outcome.failure.empty()) {
    FailDocument(task.document, outcome.failure, outcome.status.Prefixed(page_name));
    return;
  } else if (Result<WorkerReply> reply = WorkerReply::FromJson(outcome.result);
             !reply.ok() || reply->words.is_null()) {
    FailDocument(task.document, "error",
                 (reply.ok() ? Corrupt("no words in the worker's reply") : reply.status())
                     .Prefixed(page_name));
    return;
  } else {
    page.words = std::move(reply->words);
    page.rulings = std::move(reply->rulings);
    ++counts_.pages;
    ++counts_.ocr_pages;
    ++split->second.counted;
  }
  split->second.pages.push_back(std::move(page));
  if (--split->second.outstanding > 0) return;
  // Every page is read: one more job assembles the document. It goes first, so finished
  // pages do not wait in memory behind other work.
  WorkerRequest request = RequestFor(task.document);
  request.page_ocr = std::move(split->second.pages);
  std::sort(request.page_ocr.begin(), request.page_ocr.end(),
            [](const WorkerPageOcr& a, const WorkerPageOcr& b) { return a.page < b.page; });
  ready_.push_front(Dispatch(task.document, request.ToJson()));
}

void IngestJob::FailDocument(size_t document, const std::string& reason, const Status& s) {
  if (auto split = splits_.find(document); split != splits_.end()) {
    counts_.pages -= split->second.counted;
    counts_.ocr_pages -= split->second.counted;
    splits_.erase(split);
    // Its pages still waiting for a worker would be read for nothing.
    std::erase_if(ready_, [&](const Job& job) {
      auto task = tasks_.find(job.id);
      if (task == tasks_.end() || task->second.document != document) return false;
      tasks_.erase(task);
      return true;
    });
  }
  if (reason == "interrupted") return;  // the feed takes it back
  const FeedItem& item = items_[document];
  ++counts_.failed;
  ++counts_.failed_by_reason[reason];
  std::string message = s.message().find(item.path) == std::string::npos
                            ? item.path + ": " + s.message()
                            : s.message();
  if (options_.on_failure) options_.on_failure(message);
  Status w = feed_->Failed(
      item, reason,
      {item.path, item.sha256, reason == "error" ? CodeName(s.code()) : reason, message, ""});
  if (!w.ok() && store_error_.ok()) store_error_ = w;
}

void IngestJob::StoreExtraction(size_t index, Extraction x) {
  int64_t counted = 0;  // pages already counted as their OCR finished
  if (auto split = splits_.find(index); split != splits_.end()) {
    counted = split->second.counted;
    splits_.erase(split);
  }
  if (Status s = feed_->Keep(items_[index], x); !s.ok()) {
    if (s.code() == Code::kAborted) {
      // The feed could not keep it and said why (a lost lease): the run goes on.
      if (options_.on_failure) options_.on_failure(s.message());
      counts_.pages -= counted;
      counts_.ocr_pages -= counted;
    } else if (store_error_.ok()) {
      store_error_ = s.Prefixed("while storing " + items_[index].path);
    }
    return;
  }
  ++counts_.stored;
  counts_.pages += static_cast<int64_t>(x.document.pages.size()) - counted;
  counts_.ocr_pages -= counted;
  for (const Page& p : x.document.pages) counts_.ocr_pages += p.ocr;
  counts_.records += static_cast<int64_t>(x.records.size());
  for (const Record& r : x.records) counts_.needs_review += r.status == "needs_review";
}

}  // namespace acervo
