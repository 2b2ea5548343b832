// pg_store.h — the Store (store.h) and the WorkQueue (work_queue.h) in a PostgreSQL database,
// for many workers on many hosts sharing one store. Same contract as the SQLite store.
//
// Where the code is: documents, failures and records here (pg_store.cc); review and export
// queries in pg_review.cc; the queue in pg_queue.cc; the tables in pg_schema.cc; the
// connection (parameterized statements, reconnecting) in pg_connection.h.
//
// Transact takes a transaction-scoped advisory lock first, so writers serialise as SQLite's
// BEGIN IMMEDIATE makes them: a check-then-write inside one cannot race another host's. The
// queue's Take does not take it (it uses row locks, SELECT ... FOR UPDATE SKIP LOCKED).
//
// Not thread-safe (one connection): one PgStore per thread or process.
#ifndef ACERVO_CORE_STORE_PG_STORE_H_
#define ACERVO_CORE_STORE_PG_STORE_H_

#include <memory>
#include <string>

#include "io/env.h"
#include "store/pg_connection.h"
#include "store/store.h"
#include "store/work_queue.h"

namespace acervo::store {

class PgStore final : public Store {
 public:
  // Connects to the database at `uri` (a libpq URI) and migrates it. The clock of `env`
  // dates stored documents, corrections and failures; the queue uses the server's clock.
  static Result<std::unique_ptr<PgStore>> Open(const std::string& uri, const Env& env);

  const std::string& location() const override { return db_->display(); }
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

  // Review and export queries: pg_review.cc.
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

  // The work queue: pg_queue.cc.
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
  PgStore(std::unique_ptr<PgConnection> db, const Env& env) : db_(std::move(db)), env_(env) {}
  Status PutExtractionRows(const Extraction& x);
  // Runs `body` in a transaction of its own, or inside the caller's when one is open.
  Status InTransaction(const std::function<Status()>& body);
  // Returns expired leases to the queue (or fails them after `max_attempts`); in a transaction.
  Status ExpireLeases(int max_attempts);
  std::string Now() const { return FormatUtc(env_.Now()); }

  std::unique_ptr<PgConnection> db_;
  const Env& env_;
  int schema_version_ = 0;
};

}  // namespace acervo::store

#endif  // ACERVO_CORE_STORE_PG_STORE_H_
