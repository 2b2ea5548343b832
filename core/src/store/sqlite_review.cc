// The SQLite store's review and export queries: records with their review snapshots,
// corrections, and the export cursor (store.h describes each).
#include "records/record_json.h"
#include "store/sqlite_store.h"
#include "store/statement.h"
#include "store/stored_json.h"

namespace acervo::store {
namespace {

constexpr char kCorrectionColumns[] =
    "SELECT id, record_id, field, before, after, reviewer, at, IFNULL(comment, '') "
    "FROM corrections ";

Correction ReadCorrection(Statement& st) {
  Correction c;
  c.id = st.Int(0);
  c.record_id = st.Text(1);
  c.field = st.Text(2);
  c.before = st.Json(3);
  c.after = st.Json(4);
  c.reviewer = st.Text(5);
  c.at = st.Text(6);
  c.comment = st.Text(7);
  return c;
}

// Rows of (json, id, document_id, source, second_look) as StoredRecords.
StoredRecord ReadRecord(Statement& st, bool orphans) {
  StoredRecord r;
  r.record = store::RecordFromColumn(st.Json(0));
  r.id = st.Text(1);
  r.document_id = st.Text(2);
  r.source = st.Text(3);
  r.orphaned = orphans;
  r.second_look = orphans && st.Int(4) != 0;
  return r;
}

}  // namespace

Result<std::optional<StoredRecord>> SqliteStore::FindRecord(const std::string& record_id) {
  // The latest extraction first, then the review snapshot of an orphan.
  for (bool orphans : {false, true}) {
    Statement st(db_, orphans ? "SELECT s.extracted, s.record_id, s.document_id, "
                                "IFNULL(d.source, ''), s.second_look FROM review_snapshots s "
                                "LEFT JOIN documents d ON d.id = s.document_id WHERE "
                                "s.record_id = ?"
                              : "SELECT r.json, r.id, r.document_id, d.source, 0 FROM records r "
                                "JOIN documents d ON d.id = r.document_id WHERE r.id = ?");
    st.Bind(1, record_id);
    if (st.Next()) {
      StoredRecord r = ReadRecord(st, orphans);
      if (r.record) return std::optional<StoredRecord>(std::move(r));
    }
    if (!st.status().ok()) return st.status();
  }
  return std::optional<StoredRecord>();
}

Status SqliteStore::ForEachReviewable(const std::string& document,
                                      const std::function<void(StoredRecord)>& fn) {
  auto collect = [&](const char* sql, bool orphans) -> Status {
    Statement st(db_, sql);
    st.Bind(1, document);
    while (st.Next()) fn(ReadRecord(st, orphans));
    return st.status();
  };
  ACERVO_RETURN_IF_ERROR(collect(
      "SELECT r.json, r.id, r.document_id, d.source, 0 FROM records r JOIN documents d ON d.id "
      "= r.document_id WHERE ?1 = '' OR r.document_id = ?1 OR instr(d.source, ?1) > 0",
      false));
  return collect(
      "SELECT s.extracted, s.record_id, s.document_id, IFNULL(d.source, ''), s.second_look "
      "FROM review_snapshots s LEFT JOIN documents d ON d.id = s.document_id WHERE "
      "s.orphaned_at IS NOT NULL AND (?1 = '' OR s.document_id = ?1 OR instr(d.source, ?1) > 0)",
      true);
}

Result<std::vector<std::string>> SqliteStore::NeighbourIds(const std::string& document_id,
                                                           const std::string& record_id,
                                                           bool before) {
  Statement st(db_, before ? "SELECT id FROM records WHERE document_id = ?1 AND seq < (SELECT "
                             "seq FROM records WHERE id = ?2) ORDER BY seq DESC"
                           : "SELECT id FROM records WHERE document_id = ?1 AND seq > (SELECT "
                             "seq FROM records WHERE id = ?2) ORDER BY seq");
  st.Bind(1, document_id).Bind(2, record_id);
  std::vector<std::string> out;
  while (st.Next()) out.push_back(st.Text(0));
  if (!st.status().ok()) return st.status();
  return out;
}

Result<std::vector<Correction>> SqliteStore::CorrectionsOf(const std::string& record_id) {
  Statement st(db_, std::string(kCorrectionColumns) + "WHERE record_id = ? ORDER BY id");
  st.Bind(1, record_id);
  std::vector<Correction> out;
  while (st.Next()) out.push_back(ReadCorrection(st));
  if (!st.status().ok()) return st.status();
  return out;
}

Result<std::map<std::string, std::vector<Correction>>> SqliteStore::AllCorrections() {
  Statement st(db_, std::string(kCorrectionColumns) + "ORDER BY record_id, id");
  std::map<std::string, std::vector<Correction>> out;
  while (st.Next()) {
    Correction c = ReadCorrection(st);
    out[c.record_id].push_back(std::move(c));
  }
  if (!st.status().ok()) return st.status();
  return out;
}

Result<int64_t> SqliteStore::AppendCorrection(const Correction& c) {
  Statement ins(db_,
                "INSERT INTO corrections(record_id, field, before, after, reviewer, at, "
                "comment) VALUES(?,?,?,?,?,?,?)");
  ins.Bind(1, c.record_id).Bind(2, c.field).Bind(3, c.before.dump()).Bind(4, c.after.dump());
  ins.Bind(5, c.reviewer).Bind(6, c.at).Bind(7, c.comment);
  ACERVO_RETURN_IF_ERROR(ins.Run("storing a correction"));
  return static_cast<int64_t>(sqlite3_last_insert_rowid(db_));
}

Status SqliteStore::PutReviewSnapshot(const ReviewSnapshot& s) {
  Statement snap(db_,
                 "INSERT INTO review_snapshots(record_id, document_id, extracted, json, version) "
                 "VALUES(?,?,?,?,?) ON CONFLICT(record_id) DO UPDATE SET extracted = "
                 "excluded.extracted, json = excluded.json, version = excluded.version, "
                 "second_look = 0");
  snap.Bind(1, s.record_id)
      .Bind(2, s.document_id)
      .Bind(3, RecordToJson(s.extracted).dump())
      .Bind(4, s.effective.dump())
      .Bind(5, s.version);
  return snap.Run("storing the reviewed record");
}

Status SqliteStore::MarkOrphans(const std::string& document_id, const std::string& at) {
  return InTransaction([&]() -> Status {
    Statement lost(db_,
                   "UPDATE review_snapshots SET second_look = CASE WHEN orphaned_at IS NULL THEN "
                   "1 ELSE second_look END, orphaned_at = IFNULL(orphaned_at, ?2) WHERE "
                   "document_id = ?1 AND record_id NOT IN (SELECT id FROM records WHERE "
                   "document_id = ?1)");
    lost.Bind(1, document_id).Bind(2, at);
    ACERVO_RETURN_IF_ERROR(lost.Run("flagging orphaned reviews"));
    Statement found(db_,
                    "UPDATE review_snapshots SET orphaned_at = NULL, second_look = 0 WHERE "
                    "document_id = ?1 AND record_id IN (SELECT id FROM records WHERE "
                    "document_id = ?1)");
    found.Bind(1, document_id);
    return found.Run("unflagging reviews");
  });
}

Status SqliteStore::ForEachRecordWithCorrections(
    const std::string& stored_since,
    const std::function<void(const StoredRecord&, const std::vector<Correction>&)>& fn) {
  // stored_at is ISO 8601 UTC, so comparing its first ten characters compares days.
  Statement records(
      db_,
      "SELECT r.json, r.id, r.document_id, d.source, 0 AS orphan, r.seq FROM records r "
      "JOIN documents d ON d.id = r.document_id "
      "WHERE ?1 = '' OR substr(d.stored_at, 1, 10) >= ?1 "
      "UNION ALL "
      "SELECT s.extracted, s.record_id, s.document_id, IFNULL(d.source, ''), 1, 0 "
      "FROM review_snapshots s LEFT JOIN documents d ON d.id = s.document_id "
      "WHERE s.orphaned_at IS NOT NULL AND (?1 = '' OR substr(d.stored_at, 1, 10) >= ?1) "
      "ORDER BY 4, 3, 5, 6, 2");
  Statement corrections(db_, std::string(kCorrectionColumns) + "WHERE record_id = ?1 ORDER BY id");
  ACERVO_RETURN_IF_ERROR(corrections.status());
  records.Bind(1, stored_since);
  std::vector<Correction> found;
  while (records.Next()) {
    const bool orphan = records.Int(4) != 0;
    StoredRecord r = ReadRecord(records, orphan);
    r.second_look = false;
    if (!r.record) return Corrupt("record " + r.id + " is not a valid record");
    found.clear();
    corrections.Bind(1, r.id);
    while (corrections.Next()) found.push_back(ReadCorrection(corrections));
    corrections.Reset();
    ACERVO_RETURN_IF_ERROR(corrections.status());
    fn(r, found);
  }
  return records.status();
}

}  // namespace acervo::store
