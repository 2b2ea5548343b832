#include "store/sqlite_store.h"

#include "engine/serialize.h"
#include "i18n/i18n.h"
#include "records/record_json.h"
#include "store/schema.h"
#include "store/statement.h"
#include "store/stored_json.h"

namespace acervo::store {

Result<std::unique_ptr<Store>> SqliteStore::Open(const std::filesystem::path& file,
                                                 const Env& env) {
  const std::string where = file.string();
  if (env.IsDirectory(file))
    return InvalidArgument(_f("{}: is a directory, not a store file", where));
  std::unique_ptr<SqliteStore> opened(new SqliteStore(file, env));
  if (&env != &Env::Default()) opened->vfs_ = std::make_unique<EnvVfs>(env);
  int rc = sqlite3_open_v2(where.c_str(), &opened->db_,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                           opened->vfs_ ? opened->vfs_->name() : nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = opened->db_ ? sqlite3_errmsg(opened->db_) : "out of memory";
    return IoError(_f("{}: cannot open store: {}", where, msg));
  }
  sqlite3* db = opened->db_;
  sqlite3_busy_timeout(db, 10000);
  // Reading anything fails here when the file is not a SQLite database.
  Status s =
      Exec(db, "PRAGMA foreign_keys=ON; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
  if (Status refused = opened->WithEnvError(s); refused.message() != s.message()) {
    return IoError(_f("{}: cannot open store: {}", where, refused.message()));
  }
  if (!s.ok()) return Corrupt(_f("{}: not an acervo store ({})", where, s.message()));
  s = opened->WithEnvError(Migrate(db));
  if (!s.ok()) return s.Prefixed(where);
  return std::unique_ptr<Store>(std::move(opened));
}

SqliteStore::~SqliteStore() { sqlite3_close(db_); }

Status SqliteStore::WithEnvError(Status s) {
  if (!vfs_) return s;
  Status cause = vfs_->TakeLastError();
  if (s.ok() || cause.ok()) return s;
  return Status(s.code(), s.message() + " (" + cause.message() + ")");
}

int SqliteStore::schema_version() const { return SchemaVersion(db_); }

Status SqliteStore::Transact(const std::function<Status()>& body) {
  Transaction tx(db_);
  ACERVO_RETURN_IF_ERROR(WithEnvError(tx.status()));
  ACERVO_RETURN_IF_ERROR(WithEnvError(body()));
  return WithEnvError(tx.Commit());
}

Result<bool> SqliteStore::HasDocument(const std::string& id, const std::string& pipeline) {
  Statement st(db_, "SELECT pipeline FROM documents WHERE id = ?");
  st.Bind(1, id);
  if (!st.Next()) {
    if (!st.status().ok()) return st.status();
    return false;
  }
  return pipeline.empty() || st.Text(0) == pipeline;
}

Status SqliteStore::InTransaction(const std::function<Status()>& body) {
  if (!sqlite3_get_autocommit(db_)) return body();  // inside the caller's Transact
  return Transact(body);
}

Status SqliteStore::PutExtraction(const Extraction& x) {
  return InTransaction([&] { return PutExtractionRows(x); });
}

Status SqliteStore::PutExtractionRows(const Extraction& x) {
  const Document& d = x.document;
  nlohmann::json contract = ToContractJson(x);
  nlohmann::json doc_json = DocumentColumnJson(x, contract["document"]);

  // Replace an earlier extraction; corrections are in their own table and stay.
  Statement del(db_, "DELETE FROM documents WHERE id = ?");
  del.Bind(1, d.info.id);
  ACERVO_RETURN_IF_ERROR(del.Run("removing the earlier extraction"));

  Statement ins(db_,
                "INSERT INTO documents(id, source, media_type, title, country, period_start, "
                "period_end, pages, pipeline, json, stored_at) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
  ins.Bind(1, d.info.id).Bind(2, d.info.source).Bind(3, d.info.media_type).Bind(4, d.info.title);
  ins.BindNullable(5, d.info.country)
      .BindNullable(6, d.info.period.start)
      .BindNullable(7, d.info.period.end);
  ins.Bind(8, static_cast<int64_t>(d.pages.size()))
      .Bind(9, x.pipeline)
      .Bind(10, doc_json.dump())
      .Bind(11, Now());
  ACERVO_RETURN_IF_ERROR(ins.Run("storing the document"));

  Statement page(db_, "INSERT INTO pages(document_id, number, text, ocr, json) VALUES(?,?,?,?,?)");
  for (const Page& p : d.pages) {
    page.Bind(1, d.info.id)
        .Bind(2, static_cast<int64_t>(p.number))
        .Bind(3, p.text)
        .Bind(4, static_cast<int64_t>(p.ocr))
        .Bind(5, PageToJson(p).dump());
    ACERVO_RETURN_IF_ERROR(page.Run("storing page " + std::to_string(p.number)));
  }

  Statement men(db_,
                "INSERT INTO mentions(document_id, seq, type, page, start, end, confidence, "
                "extractor, json) VALUES(?,?,?,?,?,?,?,?,?)");
  const nlohmann::json& mentions = contract["mentions"];
  for (size_t i = 0; i < mentions.size(); ++i) {
    const PlacedMention& m = x.mentions[i];
    men.Bind(1, d.info.id)
        .Bind(2, static_cast<int64_t>(i))
        .Bind(3, m.type)
        .Bind(4, static_cast<int64_t>(m.page))
        .Bind(5, static_cast<int64_t>(m.start))
        .Bind(6, static_cast<int64_t>(m.end))
        .Bind(7, m.confidence)
        .Bind(8, m.extractor)
        .Bind(9, mentions[i].dump());
    ACERVO_RETURN_IF_ERROR(men.Run("storing a mention"));
  }

  Statement rec(db_,
                "INSERT INTO records(id, document_id, seq, kind, confidence, status, json) "
                "VALUES(?,?,?,?,?,?,?)");
  for (size_t i = 0; i < x.records.size(); ++i) {
    const Record& r = x.records[i];
    rec.Bind(1, r.id)
        .Bind(2, d.info.id)
        .Bind(3, static_cast<int64_t>(i))
        .Bind(4, r.kind)
        .Bind(5, r.confidence)
        .Bind(6, r.status)
        .Bind(7, RecordToJson(r).dump());
    ACERVO_RETURN_IF_ERROR(rec.Run("storing a record"));
  }

  Statement clear(db_, "DELETE FROM failures WHERE source = ? OR sha256 = ?");
  clear.Bind(1, d.info.source).Bind(2, FailureSha256(d.info.id));
  return clear.Run("clearing an earlier failure");
}

Status SqliteStore::PutFailure(const Failure& f) {
  Statement st(db_,
               "INSERT OR REPLACE INTO failures(source, sha256, code, message, at) "
               "VALUES(?,?,?,?,?)");
  st.Bind(1, f.source)
      .BindNullable(2, f.sha256)
      .Bind(3, f.code)
      .Bind(4, f.message)
      .Bind(5, f.at.empty() ? Now() : f.at);
  return WithEnvError(st.Run("recording a failure"));
}

Result<Document> SqliteStore::LoadDocument(const std::string& id) {
  Statement doc(db_, "SELECT json FROM documents WHERE id = ?");
  doc.Bind(1, id);
  if (!doc.Next()) {
    if (!doc.status().ok()) return doc.status();
    return NotFound(id + ": no such document in the store");
  }
  Result<Document> d = DocumentFromColumn(id, doc.Text(0));
  if (!d.ok()) return d;
  Statement pages(db_, "SELECT json, text FROM pages WHERE document_id = ? ORDER BY number");
  pages.Bind(1, id);
  while (pages.Next()) {
    ACERVO_RETURN_IF_ERROR(AppendPageFromColumns(*d, pages.Text(0), pages.Text(1)));
  }
  if (!pages.status().ok()) return pages.status();
  return d;
}

Status SqliteStore::ForEachDocument(
    const std::function<void(const std::string&, const std::string&, const std::string&)>& fn) {
  Statement st(db_, "SELECT id, pipeline, source FROM documents ORDER BY source, id");
  while (st.Next()) fn(st.Text(0), st.Text(1), st.Text(2));
  return st.status();
}

Status SqliteStore::ForEachDocumentWarning(
    const std::function<void(const std::string&, const std::string&)>& fn) {
  Statement st(db_, "SELECT source, json FROM documents ORDER BY source, id");
  while (st.Next()) {
    const std::string source = st.Text(0);
    ForEachWarningIn(st.Json(1), [&](const std::string& w) { fn(source, w); });
  }
  return st.status();
}

Result<std::map<int, Page>> SqliteStore::LoadPages(const std::string& document_id, int first,
                                                   int last) {
  std::map<int, Page> pages;
  Statement st(db_,
               "SELECT number, text, json FROM pages WHERE document_id = ? AND number "
               "BETWEEN ? AND ? ORDER BY number");
  st.Bind(1, document_id).Bind(2, int64_t{first}).Bind(3, int64_t{last});
  while (st.Next()) {
    int number = static_cast<int>(st.Int(0));
    pages[number] = PageForDisplay(number, st.Text(1), st.Json(2));
  }
  if (!st.status().ok()) return st.status();
  return pages;
}

Result<std::vector<StoredMention>> SqliteStore::MentionsOnPage(const std::string& document_id,
                                                               int page) {
  Statement st(db_,
               "SELECT start, end, type, json FROM mentions WHERE document_id = ? AND "
               "page = ? ORDER BY start");
  st.Bind(1, document_id).Bind(2, int64_t{page});
  std::vector<StoredMention> out;
  while (st.Next()) {
    out.push_back(
        {static_cast<size_t>(st.Int(0)), static_cast<size_t>(st.Int(1)), st.Text(2), st.Json(3)});
  }
  if (!st.status().ok()) return st.status();
  return out;
}

Result<std::vector<std::string>> SqliteStore::MentionValues(const std::string& type,
                                                            const std::string& key) {
  Statement st(db_,
               "SELECT DISTINCT json_extract(json, '$.value.' || ?2) AS v FROM mentions "
               "WHERE type = ?1 AND v IS NOT NULL ORDER BY v");
  st.Bind(1, type).Bind(2, key);
  std::vector<std::string> out;
  while (st.Next()) out.push_back(st.Text(0));
  if (!st.status().ok()) return st.status();
  return out;
}

Result<bool> SqliteStore::HasFailure(const std::string& sha256) {
  Statement st(db_, "SELECT 1 FROM failures WHERE sha256 = ? LIMIT 1");
  st.Bind(1, sha256);
  bool found = st.Next();
  if (!st.status().ok()) return st.status();
  return found;
}

Status SqliteStore::ForEachFailure(const std::function<void(const Failure&)>& fn) {
  Statement st(
      db_, "SELECT source, IFNULL(sha256, ''), code, message, at FROM failures ORDER BY source");
  while (st.Next()) fn(Failure{st.Text(0), st.Text(1), st.Text(2), st.Text(3), st.Text(4)});
  return st.status();
}

Status SqliteStore::ForEachRecord(const RecordFilter& filter,
                                  const std::function<void(const nlohmann::json&)>& fn) {
  std::string sql =
      "SELECT r.json, r.document_id, d.source FROM records r JOIN documents d ON d.id = "
      "r.document_id WHERE (?1 = 0 OR r.status = 'needs_review') AND (?2 = '' OR "
      "r.document_id = ?2) ORDER BY ";
  sql += filter.needs_review_only ? "r.confidence, r.id" : "d.source, r.seq";
  Statement st(db_, sql);
  st.Bind(1, static_cast<int64_t>(filter.needs_review_only)).Bind(2, filter.document_id);
  while (st.Next()) {
    nlohmann::json r = nlohmann::json::parse(st.Text(0), nullptr, false);
    if (r.is_discarded()) return Corrupt("a stored record is not valid JSON");
    r["document_id"] = st.Text(1);
    r["source"] = st.Text(2);
    fn(r);
  }
  return st.status();
}

Result<int64_t> SqliteStore::Count(const std::string& table) {
  ACERVO_RETURN_IF_ERROR(CheckCountableTable(table));
  Statement st(db_, "SELECT COUNT(*) FROM " + table);
  if (!st.Next()) return st.status().ok() ? IoError("no count of " + table) : st.status();
  return st.Int(0);
}

Result<int64_t> SqliteStore::CountNeedingReview() {
  Statement st(db_, "SELECT COUNT(*) FROM records WHERE status = 'needs_review'");
  if (!st.Next()) return st.status().ok() ? IoError("no count of records") : st.status();
  return st.Int(0);
}

}  // namespace acervo::store
