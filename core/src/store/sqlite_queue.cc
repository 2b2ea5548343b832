// The work queue (work_queue.h) of the SQLite store: one table, `queue` (schema.cc), whose
// every query goes through an index on (state, size, id), (state, expires_ms) or
// (state, finished_ms), so an operation costs the same with ten files queued or a million.
#include <random>

#include "store/queue_reasons.h"
#include "store/sqlite_store.h"
#include "store/statement.h"

namespace acervo::store {
namespace {

constexpr int kReclaimBatch = 32;  // expired leases put back per Take, at most

std::string NewToken() {
  static thread_local std::random_device device;
  static const char kHex[] = "0123456789abcdef";
  std::string token;
  for (int i = 0; i < 4; ++i) {
    uint32_t bits = device();
    for (int j = 0; j < 8; ++j, bits >>= 4) token += kHex[bits & 15];
  }
  return token;
}

// "sha256:<hex>" → "<hex>", as the failures table keeps it.
std::string Hex(const std::string& sha256) {
  size_t colon = sha256.find(':');
  return colon == std::string::npos ? sha256 : sha256.substr(colon + 1);
}

Status LeaseLost(const Lease& lease) {
  return Aborted(lease.file.path +
                 ": the lease on this file was lost (it expired and another worker took it); "
                 "nothing stored");
}

}  // namespace

int64_t SqliteStore::NowMs() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(env_.Now().time_since_epoch())
      .count();
}

Result<EnqueueOutcome> SqliteStore::Enqueue(const QueuedFile& file) {
  EnqueueOutcome outcome = EnqueueOutcome::kQueued;
  Status s = InTransaction([&]() -> Status {
    if (!file.sha256.empty()) {
      Result<bool> stored = HasDocument(file.sha256, file.pipeline);
      if (!stored.ok()) return stored.status();
      if (*stored) return outcome = EnqueueOutcome::kAlreadyStored, Status::Ok();
      Result<bool> failed = HasFailure(Hex(file.sha256));
      if (!failed.ok()) return failed.status();
      if (*failed) return outcome = EnqueueOutcome::kAlreadyFailed, Status::Ok();
    }
    const std::string key = file.sha256.empty() ? "path:" + file.path : file.sha256;
    Statement find(db_, "SELECT state FROM queue WHERE key = ?");
    find.Bind(1, key);
    if (find.Next()) {
      const std::string state = find.Text(0);
      if (state == "failed") return outcome = EnqueueOutcome::kAlreadyFailed, Status::Ok();
      if (state != "done") return outcome = EnqueueOutcome::kAlreadyQueued, Status::Ok();
      // Done before, yet not stored with this pipeline (another version, or removed): again.
    }
    ACERVO_RETURN_IF_ERROR(find.status());
    Statement put(db_,
                  "INSERT INTO queue(key, path, size, sha256, pipeline, state, enqueued_at) "
                  "VALUES(?1,?2,?3,?4,?5,'queued',?6) ON CONFLICT(key) DO UPDATE SET "
                  "path = ?2, size = ?3, pipeline = ?5, state = 'queued', attempts = 0, "
                  "token = NULL, last_error = NULL, enqueued_at = ?6");
    put.Bind(1, key)
        .Bind(2, file.path)
        .Bind(3, file.size)
        .Bind(4, file.sha256)
        .Bind(5, file.pipeline)
        .Bind(6, Now());
    return put.Run("queueing " + file.path);
  });
  if (!s.ok()) return WithEnvError(s);
  return outcome;
}

Status SqliteStore::GiveUp(int64_t item, const std::string& path, const std::string& sha256,
                           const std::string& code, const std::string& reason) {
  Statement st(db_,
               "UPDATE queue SET state = 'failed', token = NULL, last_error = ?2, "
               "finished_ms = ?3 WHERE id = ?1");
  st.Bind(1, item).Bind(2, reason).Bind(3, NowMs());
  ACERVO_RETURN_IF_ERROR(st.Run("recording a failure"));
  return PutFailure({path, Hex(sha256), code, reason, ""});
}

Status SqliteStore::ReclaimExpired(int64_t now_ms, int max_attempts) {
  Statement st(db_,
               "SELECT id, path, sha256, attempts, IFNULL(worker, '') FROM queue WHERE "
               "state = 'leased' AND expires_ms <= ? ORDER BY expires_ms LIMIT ?");
  st.Bind(1, now_ms).Bind(2, int64_t{kReclaimBatch});
  Statement back(db_,
                 "UPDATE queue SET state = 'queued', token = NULL, last_error = ? "
                 "WHERE id = ?");
  while (st.Next()) {
    const std::string why = LeaseExpiredNote(st.Text(4));
    if (st.Int(3) >= max_attempts) {
      ACERVO_RETURN_IF_ERROR(GiveUp(st.Int(0), st.Text(1), st.Text(2), kLostLeaseCode,
                                    GivenUpReason(st.Text(1), st.Int(3), st.Text(4))));
    } else {
      back.Bind(1, why).Bind(2, st.Int(0));
      ACERVO_RETURN_IF_ERROR(back.Run("returning an expired lease"));
    }
  }
  return st.status();
}

Result<std::optional<Lease>> SqliteStore::Take(const std::string& worker,
                                               std::chrono::seconds lease_for, int max_attempts) {
  std::optional<Lease> lease;
  Status s = InTransaction([&]() -> Status {
    const int64_t now = NowMs();
    ACERVO_RETURN_IF_ERROR(ReclaimExpired(now, max_attempts));
    Statement next(db_,
                   "SELECT id, path, size, sha256, pipeline, attempts FROM queue "
                   "WHERE state = 'queued' ORDER BY size DESC, id LIMIT 1");
    if (!next.Next()) return next.status();
    Lease l;
    l.item = next.Int(0);
    l.file = {next.Text(1), next.Int(2), next.Text(3), next.Text(4)};
    l.attempt = static_cast<int>(next.Int(5)) + 1;
    l.token = NewToken();
    l.worker = worker;
    const int64_t expires = now + lease_for.count() * 1000;
    l.expires =
        FormatUtc(std::chrono::system_clock::time_point(std::chrono::milliseconds(expires)));
    Statement take(db_,
                   "UPDATE queue SET state = 'leased', attempts = attempts + 1, token = ?, "
                   "worker = ?, taken_ms = ?, expires_ms = ? WHERE id = ?");
    take.Bind(1, l.token).Bind(2, worker).Bind(3, now).Bind(4, expires).Bind(5, l.item);
    ACERVO_RETURN_IF_ERROR(take.Run("leasing " + l.file.path));
    lease = std::move(l);
    return Status::Ok();
  });
  if (!s.ok()) return WithEnvError(s);
  return lease;
}

Status SqliteStore::Renew(const Lease& lease, std::chrono::seconds lease_for) {
  Statement st(db_,
               "UPDATE queue SET expires_ms = ? WHERE id = ? AND token = ? AND "
               "state = 'leased'");
  st.Bind(1, NowMs() + lease_for.count() * 1000).Bind(2, lease.item).Bind(3, lease.token);
  ACERVO_RETURN_IF_ERROR(WithEnvError(st.Run("renewing the lease on " + lease.file.path)));
  return sqlite3_changes(db_) == 1 ? Status::Ok() : LeaseLost(lease);
}

Status SqliteStore::Finish(const Lease& lease, int pages) {
  Statement st(db_,
               "UPDATE queue SET state = 'done', token = NULL, finished_ms = ?, pages = ?, "
               "last_error = NULL WHERE id = ? AND token = ? AND state = 'leased'");
  st.Bind(1, NowMs()).Bind(2, int64_t{pages}).Bind(3, lease.item).Bind(4, lease.token);
  ACERVO_RETURN_IF_ERROR(WithEnvError(st.Run("finishing " + lease.file.path)));
  return sqlite3_changes(db_) == 1 ? Status::Ok() : LeaseLost(lease);
}

Status SqliteStore::Fail(const Lease& lease, const std::string& code, const std::string& reason,
                         bool permanent, int max_attempts) {
  return WithEnvError(InTransaction([&]() -> Status {
    Statement held(db_,
                   "SELECT attempts, sha256 FROM queue WHERE id = ? AND token = ? AND "
                   "state = 'leased'");
    held.Bind(1, lease.item).Bind(2, lease.token);
    if (!held.Next()) return held.status().ok() ? LeaseLost(lease) : held.status();
    if (permanent || held.Int(0) >= max_attempts) {
      return GiveUp(lease.item, lease.file.path, held.Text(1), code, reason);
    }
    Statement back(db_,
                   "UPDATE queue SET state = 'queued', token = NULL, last_error = ? "
                   "WHERE id = ?");
    back.Bind(1, reason).Bind(2, lease.item);
    return back.Run("returning " + lease.file.path + " to the queue");
  }));
}

Result<int64_t> SqliteStore::RequeueFailed() {
  int64_t requeued = 0;
  Status s = InTransaction([&]() -> Status {
    Statement forget(db_,
                     "DELETE FROM failures WHERE source IN "
                     "(SELECT path FROM queue WHERE state = 'failed')");
    ACERVO_RETURN_IF_ERROR(forget.Run("clearing the failures to retry"));
    Statement again(db_,
                    "UPDATE queue SET state = 'queued', attempts = 0, token = NULL "
                    "WHERE state = 'failed'");
    ACERVO_RETURN_IF_ERROR(again.Run("queueing the failures again"));
    requeued = sqlite3_changes(db_);
    return Status::Ok();
  });
  if (!s.ok()) return WithEnvError(s);
  return requeued;
}

Result<QueueStatus> SqliteStore::Overview(std::chrono::seconds rate_window) {
  QueueStatus q;
  const int64_t now = NowMs();
  Statement counts(db_, "SELECT state, COUNT(*) FROM queue GROUP BY state");
  while (counts.Next()) {
    const std::string state = counts.Text(0);
    int64_t n = counts.Int(1);
    if (state == "queued")
      q.queued = n;
    else if (state == "leased")
      q.leased = n;
    else if (state == "done")
      q.done = n;
    else if (state == "failed")
      q.failed = n;
  }
  ACERVO_RETURN_IF_ERROR(counts.status());
  Statement leases(db_,
                   "SELECT path, IFNULL(worker, ''), taken_ms FROM queue "
                   "WHERE state = 'leased' ORDER BY taken_ms");
  while (leases.Next()) {
    q.leases.push_back({leases.Text(0), leases.Text(1), (now - leases.Int(2)) / 1000.0});
  }
  ACERVO_RETURN_IF_ERROR(leases.status());
  Statement pages(db_,
                  "SELECT IFNULL(SUM(pages), 0) FROM queue WHERE state = 'done' AND "
                  "finished_ms >= ?");
  pages.Bind(1, now - rate_window.count() * 1000);
  if (pages.Next()) q.pages_last_minutes = pages.Int(0);
  ACERVO_RETURN_IF_ERROR(pages.status());
  q.window_seconds = static_cast<double>(rate_window.count());
  return q;
}

Result<bool> SqliteStore::Drained() {
  Statement st(db_,
               "SELECT EXISTS(SELECT 1 FROM queue WHERE state = 'queued') OR "
               "EXISTS(SELECT 1 FROM queue WHERE state = 'leased')");
  if (!st.Next()) return WithEnvError(st.status().ok() ? IoError("no queue state") : st.status());
  return st.Int(0) == 0;
}

}  // namespace acervo::store
