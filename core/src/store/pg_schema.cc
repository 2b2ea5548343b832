#include "store/pg_schema.h"

#include <string>

#include "i18n/i18n.h"
#include "store/store.h"

namespace acervo::store {
namespace {

// Migration N takes the schema from version N-1 to N. Append only; never edit a shipped one.
// Text that is sorted or compared (ids, sources) is COLLATE "C", so the order is the bytes'
// order whatever the database's locale, as in SQLite. JSON is kept as text, byte for byte
// as written (jsonb would reorder keys).
const char* const kMigrations[] = {
    // 1: the first schema.
    R"sql(
    CREATE TABLE documents(
      id TEXT COLLATE "C" PRIMARY KEY,  -- "sha256:<hex>"
      source TEXT COLLATE "C" NOT NULL, -- the path it was first stored from
      media_type TEXT,
      title TEXT,
      country TEXT,
      period_start TEXT,
      period_end TEXT,
      pages BIGINT NOT NULL,
      pipeline TEXT NOT NULL,           -- "name@version" that extracted it
      json TEXT NOT NULL,               -- the contract's "document" object plus "warnings"
      stored_at TEXT NOT NULL);
    CREATE TABLE pages(
      document_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      number BIGINT NOT NULL,
      text TEXT NOT NULL,               -- the normalized text mentions point into
      ocr BIGINT NOT NULL,
      json TEXT NOT NULL,               -- blocks, furniture, warnings
      PRIMARY KEY(document_id, number));
    CREATE TABLE mentions(
      document_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      seq BIGINT NOT NULL,
      type TEXT COLLATE "C" NOT NULL,
      page BIGINT NOT NULL,
      start BIGINT NOT NULL,
      "end" BIGINT NOT NULL,
      confidence DOUBLE PRECISION NOT NULL,
      extractor TEXT NOT NULL,
      json TEXT NOT NULL,               -- the contract's mention object
      PRIMARY KEY(document_id, seq));
    CREATE INDEX mentions_by_type ON mentions(type);
    CREATE INDEX mentions_by_page ON mentions(document_id, page, start);
    CREATE TABLE records(
      id TEXT COLLATE "C" PRIMARY KEY,
      document_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      seq BIGINT NOT NULL,
      kind TEXT NOT NULL,
      confidence DOUBLE PRECISION NOT NULL,
      status TEXT NOT NULL,
      json TEXT NOT NULL);              -- the contract's record object
    CREATE INDEX records_by_document ON records(document_id, seq);
    CREATE INDEX records_by_status ON records(status, confidence);
    CREATE TABLE corrections(
      id BIGSERIAL PRIMARY KEY,
      record_id TEXT COLLATE "C" NOT NULL,  -- no foreign key: corrections outlive re-extraction
      field TEXT NOT NULL,
      before TEXT,
      after TEXT,
      reviewer TEXT NOT NULL,
      at TEXT NOT NULL,
      comment TEXT);
    CREATE INDEX corrections_by_record ON corrections(record_id, id);
    CREATE FUNCTION acervo_corrections_append_only() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'corrections are append-only'; END $$;
    CREATE TRIGGER corrections_append_only BEFORE UPDATE OR DELETE ON corrections
      FOR EACH ROW EXECUTE FUNCTION acervo_corrections_append_only();
    CREATE TABLE failures(
      source TEXT COLLATE "C" PRIMARY KEY,
      sha256 TEXT,
      code TEXT NOT NULL,
      message TEXT NOT NULL,
      at TEXT NOT NULL);
    CREATE INDEX failures_by_sha256 ON failures(sha256);
    )sql",
    // 2: the review module's last effective version of each reviewed record (schema.cc).
    R"sql(
    CREATE TABLE review_snapshots(
      record_id TEXT COLLATE "C" PRIMARY KEY,
      document_id TEXT COLLATE "C" NOT NULL,
      extracted TEXT NOT NULL,          -- the record as last extracted
      json TEXT NOT NULL,               -- the effective record after its latest correction
      version BIGINT NOT NULL,          -- the id of that correction
      orphaned_at TEXT,                 -- set while the latest extraction lacks the record
      second_look BIGINT NOT NULL DEFAULT 0);
    CREATE INDEX review_snapshots_by_document ON review_snapshots(document_id);
    )sql",
    // 3: the work queue (work_queue.h). One row per enqueued file; the partial indexes keep
    // taking, expiring and the status rate independent of how many files wait or are done.
    // Times are the server's clock, the one every worker host shares.
    R"sql(
    CREATE TABLE queue(
      id BIGSERIAL PRIMARY KEY,
      path TEXT COLLATE "C" NOT NULL,   -- absolute, as every worker host sees it
      size BIGINT NOT NULL DEFAULT -1,
      sha256 TEXT COLLATE "C",          -- "sha256:<hex>"; NULL until known
      pipeline TEXT NOT NULL DEFAULT '',
      state TEXT NOT NULL,              -- queued | leased | done | failed
      attempts INTEGER NOT NULL DEFAULT 0,
      token TEXT,                       -- the current lease's
      worker TEXT,                      -- "host:pid" holding or last holding it
      leased_at TIMESTAMPTZ,
      expires TIMESTAMPTZ,
      finished_at TIMESTAMPTZ,
      pages INTEGER,
      last_error TEXT,
      enqueued_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp());
    CREATE INDEX queue_waiting ON queue(id) WHERE state = 'queued';
    CREATE INDEX queue_leases ON queue(expires) WHERE state = 'leased';
    CREATE INDEX queue_finished ON queue(finished_at) WHERE state = 'done';
    CREATE UNIQUE INDEX queue_open_by_sha256 ON queue(sha256)
      WHERE sha256 IS NOT NULL AND state IN ('queued', 'leased');
    CREATE UNIQUE INDEX queue_open_by_path ON queue(path)
      WHERE sha256 IS NULL AND state IN ('queued', 'leased');
    CREATE INDEX queue_by_state ON queue(state);
    )sql",
    // 4: the largest queued file is taken first (work_queue.h), so that workers draining a
    // queue together finish at about the same time.
    R"sql(
    DROP INDEX queue_waiting;
    CREATE INDEX queue_waiting_largest ON queue(size DESC, id) WHERE state = 'queued';
    )sql",
};
constexpr int kLatest = sizeof(kMigrations) / sizeof(kMigrations[0]);
static_assert(kLatest == kStoreSchemaVersion);

// Any constant shared by every acervo: the advisory lock that serialises migrations.
constexpr int64_t kMigrationLock = 0x61636572766f;  // "acervo"

}  // namespace

Result<int> PgSchemaVersion(PgConnection& db) {
  Result<PgRows> exists = db.Query("SELECT to_regclass('acervo_schema') IS NOT NULL");
  if (!exists.ok()) return exists.status();
  if (exists->Text(0, 0) != "t") return 0;
  Result<PgRows> v = db.Query("SELECT max(version) FROM acervo_schema");
  if (!v.ok()) return v.status();
  return v->IsNull(0, 0) ? 0 : static_cast<int>(v->Int(0, 0));
}

namespace {
Status NewerSchema(int version) {
  return Status(Code::kVersionMismatch,
                _f("store schema version {} is newer than this acervo understands ({}); "
                   "upgrade acervo",
                   version, kLatest));
}
}  // namespace

Status PgMigrate(PgConnection& db) {
  // Usually the schema is current: one read, no lock.
  Result<int> current = PgSchemaVersion(db);
  if (!current.ok()) return current.status();
  if (*current == kLatest) return Status::Ok();
  if (*current > kLatest) return NewerSchema(*current);
  ACERVO_RETURN_IF_ERROR(db.Begin(kMigrationLock));  // one acervo migrates; others wait
  auto fail = [&](const Status& s) {
    db.Rollback();
    return s;
  };
  Result<PgRows> table = db.Command(
      "CREATE TABLE IF NOT EXISTS acervo_schema(version INTEGER "
      "NOT NULL)",
      {}, "creating the schema version table");
  if (!table.ok()) return fail(table.status());
  Result<int> version = PgSchemaVersion(db);
  if (!version.ok()) return fail(version.status());
  if (*version > kLatest) return fail(NewerSchema(*version));
  // One transaction for every missing migration: PostgreSQL's DDL is transactional, and the
  // lock is held until all are applied.
  for (int v = *version; v < kLatest; ++v) {
    Status s = db.Script(kMigrations[v]);
    if (s.ok()) {
      Result<PgRows> set = db.Command("INSERT INTO acervo_schema(version) VALUES($1::integer)",
                                      PgParams().Add(v + 1), "recording the schema version");
      s = set.status();
    }
    if (!s.ok()) {
      return fail(s.Prefixed("migration to schema " + std::to_string(v + 1) + " failed"));
    }
  }
  return db.Commit();
}

}  // namespace acervo::store
