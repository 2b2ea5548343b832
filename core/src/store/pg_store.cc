#include "store/pg_store.h"

#include "engine/serialize.h"
#include "records/record_json.h"
#include "store/pg_schema.h"
#include "store/stored_json.h"

namespace acervo::store {
namespace {

// Serialises every writer of the store, across hosts (see pg_store.h).
constexpr int64_t kWriteLock = 0x61636572766f01;

}  // namespace

Result<std::unique_ptr<PgStore>> PgStore::Open(const std::string& uri, const Env& env) {
  Result<std::unique_ptr<PgConnection>> db = PgConnection::Connect(uri);
  if (!db.ok()) return db.status();
  std::unique_ptr<PgStore> opened(new PgStore(std::move(*db), env));
  Status s = PgMigrate(*opened->db_);
  if (!s.ok()) return s.Prefixed(opened->location());
  Result<int> version = PgSchemaVersion(*opened->db_);
  if (!version.ok()) return version.status().Prefixed(opened->location());
  opened->schema_version_ = *version;
  return opened;
}

int PgStore::schema_version() const { return schema_version_; }

Status PgStore::Transact(const std::function<Status()>& body) {
  ACERVO_RETURN_IF_ERROR(db_->Begin(kWriteLock).Prefixed(location()));
  Status s = body();
  if (!s.ok()) {
    db_->Rollback();
    return s;  // as the body said it (the review server shows a conflict as is)
  }
  return db_->Commit().Prefixed(location());
}

Status PgStore::InTransaction(const std::function<Status()>& body) {
  if (db_->in_transaction()) return body();
  return Transact(body);
}

Result<bool> PgStore::HasDocument(const std::string& id, const std::string& pipeline) {
  Result<PgRows> r = db_->Query("SELECT pipeline FROM documents WHERE id = $1", PgParams().Add(id));
  if (!r.ok()) return r.status();
  if (r->empty()) return false;
  return pipeline.empty() || r->Text(0, 0) == pipeline;
}

Status PgStore::PutExtraction(const Extraction& x) {
  return InTransaction([&] { return PutExtractionRows(x); });
}

// Each table's rows travel as one parameter, a JSON array of the rows' values unpacked by
// the server (json_array_elements), so a document costs three statements however long it is.
Status PgStore::PutExtractionRows(const Extraction& x) {
  const Document& d = x.document;
  nlohmann::json contract = ToContractJson(x);
  nlohmann::json doc_json = DocumentColumnJson(x, contract["document"]);

  // Replace an earlier extraction; corrections are in their own table and stay.
  ACERVO_RETURN_IF_ERROR(db_->Command("DELETE FROM documents WHERE id = $1",
                                      PgParams().Add(d.info.id), "removing the earlier extraction")
                             .status());
  PgParams doc;
  doc.Add(d.info.id).Add(d.info.source).Add(d.info.media_type).Add(d.info.title);
  doc.AddNullable(d.info.country).AddNullable(d.info.period.start).AddNullable(d.info.period.end);
  doc.Add(static_cast<int64_t>(d.pages.size())).Add(x.pipeline).Add(doc_json.dump()).Add(Now());
  ACERVO_RETURN_IF_ERROR(
      db_->Command("INSERT INTO documents(id, source, media_type, title, country, period_start, "
                   "period_end, pages, pipeline, json, stored_at) VALUES($1,$2,$3,$4,$5,$6,$7,"
                   "$8::bigint,$9,$10,$11)",
                   doc, "storing the document")
          .status());

  nlohmann::json pages = nlohmann::json::array();
  for (const Page& p : d.pages) {
    pages.push_back({p.number, p.text, p.ocr ? 1 : 0, PageToJson(p).dump()});
  }
  nlohmann::json mentions = nlohmann::json::array();
  const nlohmann::json& contract_mentions = contract["mentions"];
  for (size_t i = 0; i < contract_mentions.size(); ++i) {
    const PlacedMention& m = x.mentions[i];
    mentions.push_back({i, m.type, m.page, m.start, m.end, m.confidence, m.extractor,
                        contract_mentions[i].dump()});
  }
  nlohmann::json records = nlohmann::json::array();
  for (size_t i = 0; i < x.records.size(); ++i) {
    const Record& r = x.records[i];
    records.push_back({r.id, i, r.kind, r.confidence, r.status, RecordToJson(r).dump()});
  }
  // The document's rows, and clearing a failure of its source or bytes, in one statement.
  return db_
      ->Command(
          "WITH p AS (INSERT INTO pages(document_id, number, text, ocr, json) SELECT $1, "
          "(p->>0)::bigint, p->>1, (p->>2)::bigint, p->>3 FROM json_array_elements($2::json) p), "
          "m AS (INSERT INTO mentions(document_id, seq, type, page, start, \"end\", confidence, "
          "extractor, json) SELECT $1, (m->>0)::bigint, m->>1, (m->>2)::bigint, (m->>3)::bigint, "
          "(m->>4)::bigint, (m->>5)::float8, m->>6, m->>7 FROM json_array_elements($3::json) m), "
          "r AS (INSERT INTO records(id, document_id, seq, kind, confidence, status, json) "
          "SELECT r->>0, $1, (r->>1)::bigint, r->>2, (r->>3)::float8, r->>4, r->>5 FROM "
          "json_array_elements($4::json) r) "
          "DELETE FROM failures WHERE source = $5 OR sha256 = $6",
          PgParams()
              .Add(d.info.id)
              .Add(pages.dump())
              .Add(mentions.dump())
              .Add(records.dump())
              .Add(d.info.source)
              .Add(FailureSha256(d.info.id)),
          "storing the pages, mentions and records")
      .status();
}

Status PgStore::PutFailure(const Failure& f) {
  return InTransaction([&] {
    return db_
        ->Command(
            "INSERT INTO failures(source, sha256, code, message, at) "
            "VALUES($1,$2,$3,$4,$5) ON CONFLICT(source) DO UPDATE SET sha256 = "
            "excluded.sha256, code = excluded.code, message = excluded.message, at "
            "= excluded.at",
            PgParams().Add(f.source).AddNullable(f.sha256).Add(f.code).Add(f.message).Add(
                f.at.empty() ? Now() : f.at),
            "recording a failure")
        .status();
  });
}

Result<Document> PgStore::LoadDocument(const std::string& id) {
  Result<PgRows> doc = db_->Query("SELECT json FROM documents WHERE id = $1", PgParams().Add(id));
  if (!doc.ok()) return doc.status();
  if (doc->empty()) return NotFound(id + ": no such document in the store");
  Result<Document> d = DocumentFromColumn(id, doc->Text(0, 0));
  if (!d.ok()) return d;
  Result<PgRows> pages = db_->Query(
      "SELECT json, text FROM pages WHERE document_id = $1 ORDER BY number", PgParams().Add(id));
  if (!pages.ok()) return pages.status();
  for (int i = 0; i < pages->size(); ++i) {
    ACERVO_RETURN_IF_ERROR(AppendPageFromColumns(*d, pages->Text(i, 0), pages->Text(i, 1)));
  }
  return d;
}

Status PgStore::ForEachDocument(
    const std::function<void(const std::string&, const std::string&, const std::string&)>& fn) {
  Result<PgRows> r = db_->Query("SELECT id, pipeline, source FROM documents ORDER BY source, id");
  if (!r.ok()) return r.status();
  for (int i = 0; i < r->size(); ++i) fn(r->Text(i, 0), r->Text(i, 1), r->Text(i, 2));
  return Status::Ok();
}

Status PgStore::ForEachDocumentWarning(
    const std::function<void(const std::string&, const std::string&)>& fn) {
  Result<PgRows> r = db_->Query("SELECT source, json FROM documents ORDER BY source, id");
  if (!r.ok()) return r.status();
  for (int i = 0; i < r->size(); ++i) {
    const std::string source = r->Text(i, 0);
    ForEachWarningIn(r->Json(i, 1), [&](const std::string& w) { fn(source, w); });
  }
  return Status::Ok();
}

Result<std::map<int, Page>> PgStore::LoadPages(const std::string& document_id, int first,
                                               int last) {
  Result<PgRows> r = db_->Query(
      "SELECT number, text, json FROM pages WHERE document_id = $1 "
      "AND number BETWEEN $2::bigint AND $3::bigint ORDER BY number",
      PgParams().Add(document_id).Add(first).Add(last));
  if (!r.ok()) return r.status();
  std::map<int, Page> pages;
  for (int i = 0; i < r->size(); ++i) {
    int number = static_cast<int>(r->Int(i, 0));
    pages[number] = PageForDisplay(number, r->Text(i, 1), r->Json(i, 2));
  }
  return pages;
}

Result<std::vector<StoredMention>> PgStore::MentionsOnPage(const std::string& document_id,
                                                           int page) {
  Result<PgRows> r = db_->Query(
      "SELECT start, \"end\", type, json FROM mentions WHERE "
      "document_id = $1 AND page = $2::bigint ORDER BY start",
      PgParams().Add(document_id).Add(page));
  if (!r.ok()) return r.status();
  std::vector<StoredMention> out;
  for (int i = 0; i < r->size(); ++i) {
    out.push_back({static_cast<size_t>(r->Int(i, 0)), static_cast<size_t>(r->Int(i, 1)),
                   r->Text(i, 2), r->Json(i, 3)});
  }
  return out;
}

Result<std::vector<std::string>> PgStore::MentionValues(const std::string& type,
                                                        const std::string& key) {
  // json_extract in SQLite gives a string's value and a number's text; ->> does the same.
  Result<PgRows> r = db_->Query(
      "SELECT DISTINCT v COLLATE \"C\" FROM (SELECT (json::json -> 'value') ->> $2 AS v FROM "
      "mentions WHERE type = $1) m WHERE v IS NOT NULL ORDER BY 1",
      PgParams().Add(type).Add(key));
  if (!r.ok()) return r.status();
  std::vector<std::string> out;
  for (int i = 0; i < r->size(); ++i) out.push_back(r->Text(i, 0));
  return out;
}

Result<bool> PgStore::HasFailure(const std::string& sha256) {
  Result<PgRows> r =
      db_->Query("SELECT 1 FROM failures WHERE sha256 = $1 LIMIT 1", PgParams().Add(sha256));
  if (!r.ok()) return r.status();
  return !r->empty();
}

Status PgStore::ForEachFailure(const std::function<void(const Failure&)>& fn) {
  Result<PgRows> r = db_->Query(
      "SELECT source, COALESCE(sha256, ''), code, message, at FROM "
      "failures ORDER BY source");
  if (!r.ok()) return r.status();
  for (int i = 0; i < r->size(); ++i) {
    fn(Failure{r->Text(i, 0), r->Text(i, 1), r->Text(i, 2), r->Text(i, 3), r->Text(i, 4)});
  }
  return Status::Ok();
}

Status PgStore::ForEachRecord(const RecordFilter& filter,
                              const std::function<void(const nlohmann::json&)>& fn) {
  std::string sql =
      "SELECT r.json, r.document_id, d.source FROM records r JOIN documents d ON d.id = "
      "r.document_id WHERE ($1::bigint = 0 OR r.status = 'needs_review') AND ($2 = '' OR "
      "r.document_id = $2) ORDER BY ";
  sql += filter.needs_review_only ? "r.confidence, r.id" : "d.source, r.seq";
  // Every record of an archive may be asked for: streamed, never held whole.
  return db_->ForEachBatch(
      sql, PgParams().Add(int64_t{filter.needs_review_only}).Add(filter.document_id),
      "reading records", [&](const PgRows& rows) -> Status {
        for (int i = 0; i < rows.size(); ++i) {
          nlohmann::json r = nlohmann::json::parse(rows.Text(i, 0), nullptr, false);
          if (r.is_discarded()) return Corrupt("a stored record is not valid JSON");
          r["document_id"] = rows.Text(i, 1);
          r["source"] = rows.Text(i, 2);
          fn(r);
        }
        return Status::Ok();
      });
}

Result<int64_t> PgStore::Count(const std::string& table) {
  ACERVO_RETURN_IF_ERROR(CheckCountableTable(table));
  Result<PgRows> r = db_->Query("SELECT COUNT(*) FROM " + table);  // a name from the list
  if (!r.ok()) return r.status();
  return r->Int(0, 0);
}

Result<int64_t> PgStore::CountNeedingReview() {
  Result<PgRows> r = db_->Query("SELECT COUNT(*) FROM records WHERE status = 'needs_review'");
  if (!r.ok()) return r.status();
  return r->Int(0, 0);
}

}  // namespace acervo::store
