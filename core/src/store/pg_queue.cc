// The PostgreSQL store's work queue (work_queue.h): the table `queue` of schema 3
// (pg_schema.cc). Take locks one waiting row with FOR UPDATE SKIP LOCKED, so workers on many
// hosts never wait for each other nor take the same file; lease times are the server's clock.
#include <cstdio>
#include <random>

#include "store/pg_store.h"
#include "store/queue_reasons.h"

namespace acervo::store {
namespace {

// How many expired leases one Take returns to the queue at most (keeps Take's cost flat).
constexpr int kExpireBatch = 32;

std::string NewToken() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  char buf[33];
  snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(rng()),
           static_cast<unsigned long long>(rng()));
  return buf;
}

// The failures.sha256 of a queued file: the hex, without "sha256:".
std::string HexOf(const std::string& sha256) {
  size_t colon = sha256.find(':');
  return colon == std::string::npos ? sha256 : sha256.substr(colon + 1);
}

constexpr char kUtc[] = "to_char(%s AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";

std::string Utc(const std::string& column) {
  char buf[160];
  snprintf(buf, sizeof buf, kUtc, column.c_str());
  return buf;
}

}  // namespace

Result<EnqueueOutcome> PgStore::Enqueue(const QueuedFile& file) {
  if (!file.sha256.empty()) {
    Result<bool> stored = HasDocument(file.sha256, file.pipeline);
    if (!stored.ok()) return stored.status();
    if (*stored) return EnqueueOutcome::kAlreadyStored;
    Result<bool> failed = HasFailure(HexOf(file.sha256));
    if (!failed.ok()) return failed.status();
    if (*failed) return EnqueueOutcome::kAlreadyFailed;
  }
  // The partial unique indexes refuse a second open entry for the same bytes (or path).
  Result<PgRows> r = db_->Command(
      "INSERT INTO queue(path, size, sha256, pipeline, state) VALUES($1, $2::bigint, $3, $4, "
      "'queued') ON CONFLICT DO NOTHING",
      PgParams().Add(file.path).Add(file.size).AddNullable(file.sha256).Add(file.pipeline),
      "queueing " + file.path);
  if (!r.ok()) return r.status();
  return r->Affected() == 1 ? EnqueueOutcome::kQueued : EnqueueOutcome::kAlreadyQueued;
}

// Inside Take's transaction: leases past their expiry go back to the queue, or, once taken
// `max_attempts` times, become failures (their worker was lost each time).
Status PgStore::ExpireLeases(int max_attempts) {
  Result<PgRows> expired = db_->Command(
      "SELECT id, path, COALESCE(sha256, ''), attempts, COALESCE(worker, '') FROM queue WHERE "
      "state = 'leased' AND expires < clock_timestamp() ORDER BY expires LIMIT $1::bigint FOR "
      "UPDATE SKIP LOCKED",
      PgParams().Add(kExpireBatch), "finding expired leases");
  if (!expired.ok()) return expired.status();
  for (int i = 0; i < expired->size(); ++i) {
    const int64_t id = expired->Int(i, 0);
    const bool give_up = expired->Int(i, 3) >= max_attempts;
    const std::string why = LeaseExpiredNote(expired->Text(i, 4));
    ACERVO_RETURN_IF_ERROR(
        db_->Command("UPDATE queue SET state = $2, token = NULL, expires = NULL, last_error = "
                     "$3 WHERE id = $1::bigint",
                     PgParams().Add(id).Add(give_up ? "failed" : "queued").Add(why),
                     "returning an expired lease")
            .status());
    if (give_up) {
      ACERVO_RETURN_IF_ERROR(PutFailure(
          {expired->Text(i, 1), HexOf(expired->Text(i, 2)), kLostLeaseCode,
           GivenUpReason(expired->Text(i, 1), expired->Int(i, 3), expired->Text(i, 4)), ""}));
    }
  }
  return Status::Ok();
}

Result<std::optional<Lease>> PgStore::Take(const std::string& worker,
                                           std::chrono::seconds lease_for, int max_attempts) {
  std::optional<Lease> lease;
  ACERVO_RETURN_IF_ERROR(db_->Begin().Prefixed(location()));
  auto body = [&]() -> Status {
    ACERVO_RETURN_IF_ERROR(ExpireLeases(max_attempts));
    Lease l;
    l.token = NewToken();
    l.worker = worker;
    Result<PgRows> r = db_->Command(
        "UPDATE queue SET state = 'leased', attempts = attempts + 1, token = $1, worker = $2, "
        "leased_at = clock_timestamp(), expires = clock_timestamp() + make_interval(secs => "
        "$3::bigint) WHERE id = (SELECT id FROM queue WHERE state = 'queued' ORDER BY size DESC, "
        "id LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING id, path, size, COALESCE(sha256, ''), "
        "pipeline, "
        "attempts, " +
            Utc("expires"),
        PgParams().Add(l.token).Add(worker).Add(static_cast<int64_t>(lease_for.count())),
        "taking a queued file");
    if (!r.ok()) return r.status();
    if (r->empty()) return Status::Ok();
    l.item = r->Int(0, 0);
    l.file = {r->Text(0, 1), r->Int(0, 2), r->Text(0, 3), r->Text(0, 4)};
    l.attempt = static_cast<int>(r->Int(0, 5));
    l.expires = r->Text(0, 6);
    lease = std::move(l);
    return Status::Ok();
  };
  Status s = body();
  if (!s.ok()) {
    db_->Rollback();
    return s.Prefixed(location());
  }
  ACERVO_RETURN_IF_ERROR(db_->Commit().Prefixed(location()));
  return lease;
}

Status PgStore::Renew(const Lease& lease, std::chrono::seconds lease_for) {
  Result<PgRows> r = db_->Command(
      "UPDATE queue SET expires = clock_timestamp() + make_interval(secs => $3::bigint) WHERE "
      "id = $1::bigint AND token = $2 AND state = 'leased'",
      PgParams().Add(lease.item).Add(lease.token).Add(static_cast<int64_t>(lease_for.count())),
      "renewing the lease on " + lease.file.path);
  if (!r.ok()) return r.status();
  if (r->Affected() != 1) return Aborted(lease.file.path + ": lease lost");
  return Status::Ok();
}

Status PgStore::Finish(const Lease& lease, int pages) {
  Result<PgRows> r = db_->Command(
      "UPDATE queue SET state = 'done', token = NULL, expires = NULL, finished_at = "
      "clock_timestamp(), pages = $3::integer WHERE id = $1::bigint AND token = $2 AND state = "
      "'leased'",
      PgParams().Add(lease.item).Add(lease.token).Add(pages), "finishing " + lease.file.path);
  if (!r.ok()) return r.status();
  if (r->Affected() != 1) {
    return Aborted(lease.file.path + ": lease lost; another worker has it");
  }
  return Status::Ok();
}

Status PgStore::Fail(const Lease& lease, const std::string& code, const std::string& reason,
                     bool permanent, int max_attempts) {
  return InTransaction([&]() -> Status {
    const bool give_up = permanent || lease.attempt >= max_attempts;
    Result<PgRows> r = db_->Command(
        "UPDATE queue SET state = $3, token = NULL, expires = NULL, last_error = $4 WHERE id = "
        "$1::bigint AND token = $2 AND state = 'leased'",
        PgParams().Add(lease.item).Add(lease.token).Add(give_up ? "failed" : "queued").Add(reason),
        "failing " + lease.file.path);
    if (!r.ok()) return r.status();
    if (r->Affected() != 1) return Aborted(lease.file.path + ": lease lost");
    if (!give_up) return Status::Ok();
    return PutFailure({lease.file.path, HexOf(lease.file.sha256), code, reason, ""});
  });
}

Result<int64_t> PgStore::RequeueFailed() {
  int64_t requeued = 0;
  Status s = InTransaction([&]() -> Status {
    // Failures recorded outside the queue (a local ingest) are queued by their source path.
    Result<PgRows> r = db_->Command(
        "WITH retried AS (UPDATE queue SET state = 'queued', attempts = 0, last_error = NULL "
        "WHERE state = 'failed' RETURNING id), added AS (INSERT INTO queue(path, sha256, state) "
        "SELECT f.source, CASE WHEN f.sha256 IS NULL OR f.sha256 = '' THEN NULL ELSE 'sha256:' "
        "|| f.sha256 END, 'queued' FROM failures f WHERE NOT EXISTS (SELECT 1 FROM queue q "
        "WHERE q.path = f.source AND q.state <> 'done') ON CONFLICT DO NOTHING RETURNING id) "
        "SELECT (SELECT COUNT(*) FROM retried) + (SELECT COUNT(*) FROM added)",
        {}, "queueing failed files again");
    if (!r.ok()) return r.status();
    requeued = r->Int(0, 0);
    // They are no longer failed: the queue decides again.
    return db_->Command("DELETE FROM failures", {}, "clearing retried failures").status();
  });
  if (!s.ok()) return s;
  return requeued;
}

Result<QueueStatus> PgStore::Overview(std::chrono::seconds rate_window) {
  QueueStatus st;
  st.window_seconds = static_cast<double>(rate_window.count());
  Result<PgRows> counts = db_->Query("SELECT state, COUNT(*) FROM queue GROUP BY state");
  if (!counts.ok()) return counts.status();
  for (int i = 0; i < counts->size(); ++i) {
    const std::string state = counts->Text(i, 0);
    const int64_t n = counts->Int(i, 1);
    if (state == "queued")
      st.queued = n;
    else if (state == "leased")
      st.leased = n;
    else if (state == "done")
      st.done = n;
    else if (state == "failed")
      st.failed = n;
  }
  Result<PgRows> leases = db_->Query(
      "SELECT path, COALESCE(worker, ''), EXTRACT(EPOCH FROM clock_timestamp() - leased_at) "
      "FROM queue WHERE state = 'leased' ORDER BY leased_at");
  if (!leases.ok()) return leases.status();
  for (int i = 0; i < leases->size(); ++i) {
    st.leases.push_back({leases->Text(i, 0), leases->Text(i, 1), leases->Real(i, 2)});
  }
  Result<PgRows> rate = db_->Query(
      "SELECT COALESCE(SUM(pages), 0) FROM queue WHERE state = 'done' AND finished_at > "
      "clock_timestamp() - make_interval(secs => $1::bigint)",
      PgParams().Add(static_cast<int64_t>(rate_window.count())));
  if (!rate.ok()) return rate.status();
  st.pages_last_minutes = rate->Int(0, 0);
  return st;
}

Result<bool> PgStore::Drained() {
  Result<PgRows> r = db_->Query(
      "SELECT EXISTS(SELECT 1 FROM queue WHERE state = 'queued') OR "
      "EXISTS(SELECT 1 FROM queue WHERE state = 'leased')",
      {}, "looking at the queue");
  if (!r.ok()) return r.status();
  return r->Text(0, 0) == "f";
}

}  // namespace acervo::store
