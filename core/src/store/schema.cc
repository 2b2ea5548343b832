#include "store/schema.h"

#include <string>

#include "i18n/i18n.h"
#include "store/statement.h"
#include "store/store.h"

namespace acervo::store {
namespace {

// Migration N takes the schema from version N-1 to N. Append only; never edit a shipped one.
const char* const kMigrations[] = {
    // 1: the first schema.
    R"sql(
    CREATE TABLE documents(
      id TEXT PRIMARY KEY,            -- "sha256:<hex>"
      source TEXT NOT NULL,           -- the path it was first stored from
      media_type TEXT,
      title TEXT,
      country TEXT,
      period_start TEXT,
      period_end TEXT,
      pages INTEGER NOT NULL,
      pipeline TEXT NOT NULL,         -- "name@version" that extracted it
      json TEXT NOT NULL,             -- the contract's "document" object plus "warnings"
      stored_at TEXT NOT NULL);
    CREATE TABLE pages(
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      number INTEGER NOT NULL,
      text TEXT NOT NULL,             -- the normalized text mentions point into
      ocr INTEGER NOT NULL,
      json TEXT NOT NULL,             -- blocks, furniture, warnings
      PRIMARY KEY(document_id, number));
    CREATE TABLE mentions(
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      type TEXT NOT NULL,
      page INTEGER NOT NULL,
      start INTEGER NOT NULL,
      end INTEGER NOT NULL,
      confidence REAL NOT NULL,
      extractor TEXT NOT NULL,
      json TEXT NOT NULL,             -- the contract's mention object
      PRIMARY KEY(document_id, seq));
    CREATE INDEX mentions_by_type ON mentions(type);
    CREATE TABLE records(
      id TEXT PRIMARY KEY,
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      kind TEXT NOT NULL,
      confidence REAL NOT NULL,
      status TEXT NOT NULL,
      json TEXT NOT NULL);            -- the contract's record object
    CREATE INDEX records_by_document ON records(document_id, seq);
    CREATE INDEX records_by_status ON records(status, confidence);
    CREATE TABLE corrections(
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      record_id TEXT NOT NULL,        -- no foreign key: corrections outlive re-extraction
      field TEXT NOT NULL,
      before TEXT,
      after TEXT,
      reviewer TEXT NOT NULL,
      at TEXT NOT NULL,
      comment TEXT);
    CREATE INDEX corrections_by_record ON corrections(record_id, id);
    CREATE TRIGGER corrections_no_update BEFORE UPDATE ON corrections
      BEGIN SELECT RAISE(ABORT, 'corrections are append-only'); END;
    CREATE TRIGGER corrections_no_delete BEFORE DELETE ON corrections
      BEGIN SELECT RAISE(ABORT, 'corrections are append-only'); END;
    CREATE TABLE failures(
      source TEXT PRIMARY KEY,
      sha256 TEXT,
      code TEXT NOT NULL,
      message TEXT NOT NULL,
      at TEXT NOT NULL);
    )sql",
    // 2: the review module's last effective version of each reviewed record, so a record a
    // re-extraction no longer finds keeps its reviewed values and is flagged for a second
    // look (review/reviews.h). Corrections stay the truth; this is derived from them.
    R"sql(
    CREATE TABLE review_snapshots(
      record_id TEXT PRIMARY KEY,
      document_id TEXT NOT NULL,
      extracted TEXT NOT NULL,        -- the record as last extracted
      json TEXT NOT NULL,             -- the effective record after its latest correction
      version INTEGER NOT NULL,       -- the id of that correction
      orphaned_at TEXT,               -- set while the latest extraction lacks the record
      second_look INTEGER NOT NULL DEFAULT 0);
    CREATE INDEX review_snapshots_by_document ON review_snapshots(document_id);
    )sql",
    // 3: the work queue (work_queue.h). One row per file: `key` is its "sha256:<hex>", or
    // "path:<absolute path>" while the bytes are unread. Times are Unix milliseconds. Every
    // queue operation goes through one of the indexes, so none grows with the queue.
    R"sql(
    CREATE TABLE queue(
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      key TEXT NOT NULL UNIQUE,
      path TEXT NOT NULL,
      size INTEGER NOT NULL DEFAULT -1,
      sha256 TEXT NOT NULL DEFAULT '',
      pipeline TEXT NOT NULL DEFAULT '',
      state TEXT NOT NULL,            -- queued, leased, done, failed
      attempts INTEGER NOT NULL DEFAULT 0,
      token TEXT,                     -- the lease's, while leased
      worker TEXT,                    -- "host:pid" of the last taker
      taken_ms INTEGER,
      expires_ms INTEGER,
      finished_ms INTEGER,
      pages INTEGER,
      last_error TEXT,
      enqueued_at TEXT NOT NULL);
    CREATE INDEX queue_by_state ON queue(state, id);
    CREATE INDEX queue_leases ON queue(state, expires_ms);
    CREATE INDEX queue_finished ON queue(state, finished_ms);
    )sql",
    // 4: the largest queued file is taken first (work_queue.h), so that workers draining a
    // queue together finish at about the same time; the index keeps Take independent of the
    // queue's length. It also serves every lookup by state, which the old index did.
    R"sql(
    DROP INDEX queue_by_state;
    CREATE INDEX queue_by_size ON queue(state, size DESC, id);
    )sql",
};
constexpr int kLatest = sizeof(kMigrations) / sizeof(kMigrations[0]);
static_assert(kLatest == kStoreSchemaVersion);

}  // namespace

int SchemaVersion(sqlite3* db) {
  Statement st(db, "PRAGMA user_version");
  return st.Next() ? static_cast<int>(st.Int(0)) : -1;
}

Status Migrate(sqlite3* db) {
  int version = SchemaVersion(db);
  if (version < 0) return Corrupt("cannot read the schema version");
  if (version > kLatest) {
    return Status(Code::kVersionMismatch,
                  _f("store schema version {} is newer than this acervo understands ({}); "
                     "upgrade acervo",
                     version, kLatest));
  }
  for (int v = version; v < kLatest; ++v) {
    ACERVO_RETURN_IF_ERROR(Exec(db, "BEGIN IMMEDIATE"));
    Status s = Exec(db, kMigrations[v]);
    if (s.ok()) s = Exec(db, "PRAGMA user_version=" + std::to_string(v + 1));
    if (!s.ok()) {
      Exec(db, "ROLLBACK");
      return s.Prefixed("migration to schema " + std::to_string(v + 1) + " failed");
    }
    ACERVO_RETURN_IF_ERROR(Exec(db, "COMMIT"));
  }
  return Status::Ok();
}

}  // namespace acervo::store
