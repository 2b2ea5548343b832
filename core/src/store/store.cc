#include "store/store.h"

#include "engine/serialize.h"

#include <sqlite3.h>

#include <chrono>
#include <cstdlib>
#include <ctime>

namespace acervo {
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
};
constexpr int kLatest = sizeof(kMigrations) / sizeof(kMigrations[0]);
static_assert(kLatest == kStoreSchemaVersion);

std::string NowUtc() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm;
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// A prepared statement that finalizes itself.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) : db_(db) {
    rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr);
  }
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  bool ok() const { return rc_ == SQLITE_OK; }
  Stmt& Bind(int i, const std::string& s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Bind(int i, int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  Stmt& Bind(int i, double v) {
    sqlite3_bind_double(stmt_, i, v);
    return *this;
  }
  Stmt& BindNullable(int i, const std::string& s) {
    if (s.empty()) sqlite3_bind_null(stmt_, i); else Bind(i, s);
    return *this;
  }
  // SQLITE_ROW, SQLITE_DONE or an error code.
  int Step() { return sqlite3_step(stmt_); }
  Status Run(const std::string& what) {
    if (!ok()) return IoError(what + ": " + sqlite3_errmsg(db_));
    int rc = Step();
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) return IoError(what + ": " + sqlite3_errmsg(db_));
    return Status::Ok();
  }
  std::string Text(int col) {
    const unsigned char* t = sqlite3_column_text(stmt_, col);
    return t ? reinterpret_cast<const char*>(t) : "";
  }
  int64_t Int(int col) { return sqlite3_column_int64(stmt_, col); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  int rc_;
};

}  // namespace

std::filesystem::path DefaultStorePath(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("ACERVO_STORE"); env && *env) return env;
  return "acervo.db";
}

Result<std::unique_ptr<Store>> Store::Open(const std::filesystem::path& file) {
  const std::string where = file.string();
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) {
    return InvalidArgument(where + ": is a directory, not a store file");
  }
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(where.c_str(), &db,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return IoError(where + ": cannot open store: " + msg);
  }
  sqlite3_busy_timeout(db, 10000);
  std::unique_ptr<Store> store(new Store(db, file));
  // Reading anything fails here when the file is not a SQLite database.
  Status s = store->Exec("PRAGMA foreign_keys=ON; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
  if (!s.ok()) return Corrupt(where + ": not an acervo store (" + s.message() + ")");
  s = store->Migrate();
  if (!s.ok()) return s.Prefixed(where);
  return store;
}

Result<std::unique_ptr<Store>> Store::OpenExisting(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    return NotFound(file.string() + ": no such store (run 'acervo ingest' first, or pass --store)");
  }
  return Open(file);
}

Store::~Store() { sqlite3_close(db_); }

Status Store::Exec(const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errmsg(db_);
    sqlite3_free(err);
    return IoError(msg);
  }
  return Status::Ok();
}

int Store::schema_version() const {
  Stmt st(db_, "PRAGMA user_version");
  return st.ok() && st.Step() == SQLITE_ROW ? static_cast<int>(st.Int(0)) : -1;
}

Status Store::Migrate() {
  int version = schema_version();
  if (version < 0) return Corrupt("cannot read the schema version");
  if (version > kLatest) {
    return Status(Code::kVersionMismatch,
                  "store schema version " + std::to_string(version) +
                      " is newer than this acervo understands (" + std::to_string(kLatest) +
                      "); upgrade acervo");
  }
  for (int v = version; v < kLatest; ++v) {
    ACERVO_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
    Status s = Exec(kMigrations[v]);
    if (s.ok()) s = Exec("PRAGMA user_version=" + std::to_string(v + 1));
    if (!s.ok()) {
      Exec("ROLLBACK");
      return s.Prefixed("migration to schema " + std::to_string(v + 1) + " failed");
    }
    ACERVO_RETURN_IF_ERROR(Exec("COMMIT"));
  }
  return Status::Ok();
}

Result<bool> Store::HasDocument(const std::string& id, const std::string& pipeline) {
  Stmt st(db_, "SELECT pipeline FROM documents WHERE id = ?");
  if (!st.ok()) return IoError(sqlite3_errmsg(db_));
  st.Bind(1, id);
  int rc = st.Step();
  if (rc == SQLITE_DONE) return false;
  if (rc != SQLITE_ROW) return IoError(sqlite3_errmsg(db_));
  return pipeline.empty() || st.Text(0) == pipeline;
}

Status Store::PutExtraction(const Extraction& x) {
  const Document& d = x.document;
  nlohmann::json contract = ToContractJson(x);
  nlohmann::json doc_json = contract["document"];
  doc_json["warnings"] = x.warnings;
  // What re-extraction needs to rebuild the loaded document (see LoadDocument).
  nlohmann::json loaded = DocumentToJson(x.document);
  loaded.erase("pages");
  doc_json["loaded"] = std::move(loaded);

  ACERVO_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  auto fail = [this](const Status& s) {
    Exec("ROLLBACK");
    return s;
  };
  // Replace an earlier extraction; corrections are in their own table and stay.
  Stmt del(db_, "DELETE FROM documents WHERE id = ?");
  del.Bind(1, d.info.id);
  if (Status s = del.Run("removing the earlier extraction"); !s.ok()) return fail(s);

  Stmt ins(db_,
           "INSERT INTO documents(id, source, media_type, title, country, period_start, "
           "period_end, pages, pipeline, json, stored_at) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
  ins.Bind(1, d.info.id).Bind(2, d.info.source).Bind(3, d.info.media_type).Bind(4, d.info.title);
  ins.BindNullable(5, d.info.country).BindNullable(6, d.info.period.start)
      .BindNullable(7, d.info.period.end);
  ins.Bind(8, static_cast<int64_t>(d.pages.size())).Bind(9, x.pipeline).Bind(10, doc_json.dump())
      .Bind(11, NowUtc());
  if (Status s = ins.Run("storing the document"); !s.ok()) return fail(s);
  if (fail_next_put_) {
    fail_next_put_ = false;
    return fail(IoError("injected failure after the document row"));
  }

  Stmt page(db_, "INSERT INTO pages(document_id, number, text, ocr, json) VALUES(?,?,?,?,?)");
  for (const Page& p : d.pages) {
    page.Bind(1, d.info.id).Bind(2, static_cast<int64_t>(p.number)).Bind(3, p.text)
        .Bind(4, static_cast<int64_t>(p.ocr)).Bind(5, PageToJson(p).dump());
    if (Status s = page.Run("storing page " + std::to_string(p.number)); !s.ok()) return fail(s);
  }

  Stmt men(db_, "INSERT INTO mentions(document_id, seq, type, page, start, end, confidence, "
                "extractor, json) VALUES(?,?,?,?,?,?,?,?,?)");
  const nlohmann::json& mentions = contract["mentions"];
  for (size_t i = 0; i < mentions.size(); ++i) {
    const PlacedMention& m = x.mentions[i];
    men.Bind(1, d.info.id).Bind(2, static_cast<int64_t>(i)).Bind(3, m.type)
        .Bind(4, static_cast<int64_t>(m.page)).Bind(5, static_cast<int64_t>(m.start))
        .Bind(6, static_cast<int64_t>(m.end)).Bind(7, m.confidence).Bind(8, m.extractor)
        .Bind(9, mentions[i].dump());
    if (Status s = men.Run("storing a mention"); !s.ok()) return fail(s);
  }

  Stmt rec(db_, "INSERT INTO records(id, document_id, seq, kind, confidence, status, json) "
                "VALUES(?,?,?,?,?,?,?)");
  for (size_t i = 0; i < x.records.size(); ++i) {
    const nlohmann::json& r = x.records[i];
    rec.Bind(1, r.value("id", "")).Bind(2, d.info.id).Bind(3, static_cast<int64_t>(i))
        .Bind(4, r.value("kind", "otro")).Bind(5, r.value("confidence", 0.0))
        .Bind(6, r.value("status", "auto")).Bind(7, r.dump());
    if (Status s = rec.Run("storing a record"); !s.ok()) return fail(s);
  }

  Stmt clear(db_, "DELETE FROM failures WHERE source = ? OR sha256 = ?");
  clear.Bind(1, d.info.source).Bind(2, d.info.id.substr(d.info.id.find(':') + 1));
  if (Status s = clear.Run("clearing an earlier failure"); !s.ok()) return fail(s);
  if (Status s = Exec("COMMIT"); !s.ok()) return fail(s);
  return Status::Ok();
}

Status Store::PutFailure(const Failure& f) {
  Stmt st(db_, "INSERT OR REPLACE INTO failures(source, sha256, code, message, at) "
               "VALUES(?,?,?,?,?)");
  st.Bind(1, f.source).BindNullable(2, f.sha256).Bind(3, f.code).Bind(4, f.message)
      .Bind(5, f.at.empty() ? NowUtc() : f.at);
  return st.Run("recording a failure");
}

Result<Document> Store::LoadDocument(const std::string& id) {
  Stmt doc(db_, "SELECT json FROM documents WHERE id = ?");
  if (!doc.ok()) return IoError(sqlite3_errmsg(db_));
  doc.Bind(1, id);
  if (doc.Step() != SQLITE_ROW) return NotFound(id + ": no such document in the store");
  nlohmann::json j = nlohmann::json::parse(doc.Text(0), nullptr, false);
  if (j.is_discarded() || !j.contains("loaded")) {
    return Corrupt(id + ": stored without its loaded form; ingest the file again");
  }
  nlohmann::json loaded = j["loaded"];
  loaded["pages"] = nlohmann::json::array();
  Result<Document> d = DocumentFromJson(loaded);
  if (!d.ok()) return d.status().Prefixed(id);
  Stmt pages(db_, "SELECT json, text FROM pages WHERE document_id = ? ORDER BY number");
  pages.Bind(1, id);
  int rc;
  while ((rc = pages.Step()) == SQLITE_ROW) {
    nlohmann::json pj = nlohmann::json::parse(pages.Text(0), nullptr, false);
    if (pj.is_discarded()) return Corrupt(id + ": a stored page is not valid JSON");
    Result<Page> p = PageFromJson(pj, pages.Text(1));
    if (!p.ok()) return p.status().Prefixed(id);
    d->pages.push_back(std::move(p.value()));
  }
  if (rc != SQLITE_DONE) return IoError(sqlite3_errmsg(db_));
  return d;
}

Status Store::ForEachDocument(
    const std::function<void(const std::string&, const std::string&, const std::string&)>& fn) {
  Stmt st(db_, "SELECT id, pipeline, source FROM documents ORDER BY source, id");
  if (!st.ok()) return IoError(sqlite3_errmsg(db_));
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) fn(st.Text(0), st.Text(1), st.Text(2));
  return rc == SQLITE_DONE ? Status::Ok() : IoError(sqlite3_errmsg(db_));
}

Result<bool> Store::HasFailure(const std::string& sha256) {
  Stmt st(db_, "SELECT 1 FROM failures WHERE sha256 = ? LIMIT 1");
  if (!st.ok()) return IoError(sqlite3_errmsg(db_));
  st.Bind(1, sha256);
  int rc = st.Step();
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return IoError(sqlite3_errmsg(db_));
  return rc == SQLITE_ROW;
}

Status Store::ForEachFailure(const std::function<void(const Failure&)>& fn) {
  Stmt st(db_, "SELECT source, IFNULL(sha256, ''), code, message, at FROM failures ORDER BY source");
  if (!st.ok()) return IoError(sqlite3_errmsg(db_));
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    fn(Failure{st.Text(0), st.Text(1), st.Text(2), st.Text(3), st.Text(4)});
  }
  return rc == SQLITE_DONE ? Status::Ok() : IoError(sqlite3_errmsg(db_));
}

Status Store::ForEachRecord(const RecordFilter& filter,
                            const std::function<void(const nlohmann::json&)>& fn) {
  std::string sql =
      "SELECT r.json, r.document_id, d.source FROM records r JOIN documents d ON d.id = "
      "r.document_id WHERE (?1 = 0 OR r.status = 'needs_review') AND (?2 = '' OR "
      "r.document_id = ?2) ORDER BY ";
  sql += filter.needs_review_only ? "r.confidence, r.id" : "d.source, r.seq";
  Stmt st(db_, sql.c_str());
  if (!st.ok()) return IoError(sqlite3_errmsg(db_));
  st.Bind(1, static_cast<int64_t>(filter.needs_review_only)).Bind(2, filter.document_id);
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    nlohmann::json r = nlohmann::json::parse(st.Text(0), nullptr, false);
    if (r.is_discarded()) return Corrupt("a stored record is not valid JSON");
    r["document_id"] = st.Text(1);
    r["source"] = st.Text(2);
    fn(r);
  }
  return rc == SQLITE_DONE ? Status::Ok() : IoError(sqlite3_errmsg(db_));
}

Result<int64_t> Store::Count(const std::string& table) {
  static const char* const kTables[] = {"documents", "pages", "mentions", "records",
                                        "corrections", "failures"};
  bool known = false;
  for (const char* t : kTables) known |= table == t;
  if (!known) return InvalidArgument("no table '" + table + "'");
  Stmt st(db_, ("SELECT COUNT(*) FROM " + table).c_str());
  if (!st.ok() || st.Step() != SQLITE_ROW) return IoError(sqlite3_errmsg(db_));
  return st.Int(0);
}

}  // namespace acervo
