// sqlite_store.h — the Store (store.h) in one SQLite file, in WAL mode.
//
// The SQL lives here and in sqlite_review.cc, run through one statement wrapper
// (statement.h); the tables are in schema.cc.
#ifndef ACERVO_CORE_STORE_SQLITE_STORE_H_
#define ACERVO_CORE_STORE_SQLITE_STORE_H_

#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <string>

#include "io/env.h"
#include "store/env_vfs.h"
#include "store/store.h"

namespace acervo::store {

class SqliteStore final : public Store {
 public:
  // Opens (creating when missing) and migrates the store at `file`.
  // With a non-default `env`, every write to the database goes through it (env_vfs.h).
  static Result<std::unique_ptr<Store>> Open(const std::filesystem::path& file, const Env& env);
  ~SqliteStore() override;

  const std::string& location() const override { return location_; }
  int schema_version() const override;
  Status Transact(const std::function<Status()>& body) override;

  Result<bool> HasDocument(const std::string& id, const std::string& pipeline) override;
  Status PutExtraction(const Extraction& x) override;
  Result<Document> LoadDocument(const std::string& id) override;
  Status ForEachDocument(const std::function<void(const std::string&, const std::string&,
                                                  const std::string&)>& fn) override;
  Status ForEachDocumentWarning(
      const std::function<void(const std::string&, const std::string&)>& fn) override;
  Result<std::map<int, Page>> LoadPages(const std::string& document_id, int first,
                                        int last) override;
  Result<std::vector<StoredMention>> MentionsOnPage(const std::string& document_id,
                                                    int page) override;
  Result<std::vector<std::string>> MentionValues(const std::string& type,
                                                 const std::string& key) override;

  Status PutFailure(const Failure& failure) override;
  Result<bool> HasFailure(const std::string& sha256) override;
  Status ForEachFailure(const std::function<void(const Failure&)>& fn) override;

  Status ForEachRecord(const RecordFilter& filter,
                       const std::function<void(const nlohmann::json&)>& fn) override;
  Result<int64_t> Count(const std::string& table) override;
  Result<int64_t> CountNeedingReview() override;

  // Review and export queries: sqlite_review.cc.
  Result<std::optional<StoredRecord>> FindRecord(const std::string& record_id) override;
  Status ForEachReviewable(const std::string& document,
                           const std::function<void(StoredRecord)>& fn) override;
  Result<std::vector<std::string>> NeighbourIds(const std::string& document_id,
                                                const std::string& record_id, bool before) override;
  Result<std::vector<Correction>> CorrectionsOf(const std::string& record_id) override;
  Result<std::map<std::string, std::vector<Correction>>> AllCorrections() override;
  Result<int64_t> AppendCorrection(const Correction& c) override;
  Status PutReviewSnapshot(const ReviewSnapshot& snapshot) override;
  Status MarkOrphans(const std::string& document_id, const std::string& at) override;
  Status ForEachRecordWithCorrections(
      const std::string& stored_since,
      const std::function<void(const StoredRecord&, const std::vector<Correction>&)>& fn) override;

  // The work queue: sqlite_queue.cc.
  Result<EnqueueOutcome> Enqueue(const QueuedFile& file) override;
  Result<std::optional<Lease>> Take(const std::string& worker, std::chrono::seconds lease_for,
                                    int max_attempts) override;
  Status Renew(const Lease& lease, std::chrono::seconds lease_for) override;
  Status Finish(const Lease& lease, int pages) override;
  Status Fail(const Lease& lease, const std::string& code, const std::string& reason,
              bool permanent, int max_attempts) override;
  Result<int64_t> RequeueFailed() override;
  Result<QueueStatus> Overview(std::chrono::seconds rate_window) override;
  Result<bool> Drained() override;

 private:
  // Runs `body` in a transaction of its own, or in the caller's (Transact) when one is open.
  Status InTransaction(const std::function<Status()>& body);
  Status ReclaimExpired(int64_t now_ms, int max_attempts);
  Status GiveUp(int64_t item, const std::string& path, const std::string& sha256,
                const std::string& code, const std::string& reason);
  int64_t NowMs() const;
  SqliteStore(std::filesystem::path file, const Env& env)
      : file_(std::move(file)), location_(file_.string()), env_(env) {}
  Status PutExtractionRows(const Extraction& x);
  // `s` with the Env's refusal that caused it, if any ("disk I/O error (s.db-wal: ...)").
  Status WithEnvError(Status s);
  std::string Now() const { return FormatUtc(env_.Now()); }

  std::filesystem::path file_;
  std::string location_;
  const Env& env_;
  std::unique_ptr<EnvVfs> vfs_;  // null for the default Env
  sqlite3* db_ = nullptr;        // closed before vfs_ goes
};

}  // namespace acervo::store

#endif  // ACERVO_CORE_STORE_SQLITE_STORE_H_
