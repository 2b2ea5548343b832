// The PostgreSQL store's review and export queries: records with their review snapshots,
// corrections, and the export cursor (store.h describes each; sqlite_review.cc is the same
// in SQLite's dialect).
#include "records/record_json.h"
#include "store/pg_store.h"
#include "store/stored_json.h"

namespace acervo::store {
namespace {

constexpr char kCorrectionColumns[] =
    "SELECT id, record_id, field, before, after, reviewer, at, COALESCE(comment, '') "
    "FROM corrections ";

// Columns from `col` on: id, record_id, field, before, after, reviewer, at, comment.
Correction ReadCorrection(const PgRows& r, int row, int col = 0) {
  Correction c;
  c.id = r.Int(row, col);
  c.record_id = r.Text(row, col + 1);
  c.field = r.Text(row, col + 2);
  c.before = r.Json(row, col + 3);
  c.after = r.Json(row, col + 4);
  c.reviewer = r.Text(row, col + 5);
  c.at = r.Text(row, col + 6);
  c.comment = r.Text(row, col + 7);
  return c;
}

// Rows of (json, id, document_id, source, second_look) as StoredRecords.
StoredRecord ReadRecord(const PgRows& r, int row, bool orphans) {
  StoredRecord s;
  s.record = RecordFromColumn(r.Json(row, 0));
  s.id = r.Text(row, 1);
  s.document_id = r.Text(row, 2);
  s.source = r.Text(row, 3);
  s.orphaned = orphans;
  s.second_look = orphans && r.Int(row, 4) != 0;
  return s;
}

}  // namespace

Result<std::optional<StoredRecord>> PgStore::FindRecord(const std::string& record_id) {
  // The latest extraction first, then the review snapshot of an orphan.
  for (bool orphans : {false, true}) {
    Result<PgRows> r = db_->Query(
        orphans ? "SELECT s.extracted, s.record_id, s.document_id, COALESCE(d.source, ''), "
                  "s.second_look FROM review_snapshots s LEFT JOIN documents d ON d.id = "
                  "s.document_id WHERE s.record_id = $1"
                : "SELECT r.json, r.id, r.document_id, d.source, 0 FROM records r JOIN "
                  "documents d ON d.id = r.document_id WHERE r.id = $1",
        PgParams().Add(record_id));
    if (!r.ok()) return r.status();
    if (!r->empty()) {
      StoredRecord found = ReadRecord(*r, 0, orphans);
      if (found.record) return std::optional<StoredRecord>(std::move(found));
    }
  }
  return std::optional<StoredRecord>();
}

Status PgStore::ForEachReviewable(const std::string& document,
                                  const std::function<void(StoredRecord)>& fn) {
  auto collect = [&](const char* sql, bool orphans) -> Status {
    Result<PgRows> r = db_->Query(sql, PgParams().Add(document));
    if (!r.ok()) return r.status();
    for (int i = 0; i < r->size(); ++i) fn(ReadRecord(*r, i, orphans));
    return Status::Ok();
  };
  ACERVO_RETURN_IF_ERROR(collect(
      "SELECT r.json, r.id, r.document_id, d.source, 0 FROM records r JOIN documents d ON d.id "
      "= r.document_id WHERE $1 = '' OR r.document_id = $1 OR strpos(d.source, $1) > 0",
      false));
  return collect(
      "SELECT s.extracted, s.record_id, s.document_id, COALESCE(d.source, ''), s.second_look "
      "FROM review_snapshots s LEFT JOIN documents d ON d.id = s.document_id WHERE "
      "s.orphaned_at IS NOT NULL AND ($1 = '' OR s.document_id = $1 OR strpos(d.source, $1) > 0)",
      true);
}

Result<std::vector<std::string>> PgStore::NeighbourIds(const std::string& document_id,
                                                       const std::string& record_id, bool before) {
  Result<PgRows> r = db_->Query(
      before ? "SELECT id FROM records WHERE document_id = $1 AND seq < (SELECT seq FROM "
               "records WHERE id = $2) ORDER BY seq DESC"
             : "SELECT id FROM records WHERE document_id = $1 AND seq > (SELECT seq FROM "
               "records WHERE id = $2) ORDER BY seq",
      PgParams().Add(document_id).Add(record_id));
  if (!r.ok()) return r.status();
  std::vector<std::string> out;
  for (int i = 0; i < r->size(); ++i) out.push_back(r->Text(i, 0));
  return out;
}

Result<std::vector<Correction>> PgStore::CorrectionsOf(const std::string& record_id) {
  Result<PgRows> r = db_->Query(std::string(kCorrectionColumns) +
                                    "WHERE record_id = $1 ORDER "
                                    "BY id",
                                PgParams().Add(record_id));
  if (!r.ok()) return r.status();
  std::vector<Correction> out;
  for (int i = 0; i < r->size(); ++i) out.push_back(ReadCorrection(*r, i));
  return out;
}

Result<std::map<std::string, std::vector<Correction>>> PgStore::AllCorrections() {
  Result<PgRows> r = db_->Query(std::string(kCorrectionColumns) + "ORDER BY record_id, id");
  if (!r.ok()) return r.status();
  std::map<std::string, std::vector<Correction>> out;
  for (int i = 0; i < r->size(); ++i) {
    Correction c = ReadCorrection(*r, i);
    out[c.record_id].push_back(std::move(c));
  }
  return out;
}

Result<int64_t> PgStore::AppendCorrection(const Correction& c) {
  Result<PgRows> r = db_->Command(
      "INSERT INTO corrections(record_id, field, before, after, reviewer, at, comment) "
      "VALUES($1,$2,$3,$4,$5,$6,$7) RETURNING id",
      PgParams()
          .Add(c.record_id)
          .Add(c.field)
          .Add(c.before.dump())
          .Add(c.after.dump())
          .Add(c.reviewer)
          .Add(c.at)
          .Add(c.comment),
      "storing a correction");
  if (!r.ok()) return r.status();
  return r->Int(0, 0);
}

Status PgStore::PutReviewSnapshot(const ReviewSnapshot& s) {
  return db_
      ->Command(
          "INSERT INTO review_snapshots(record_id, document_id, extracted, json, version) "
          "VALUES($1,$2,$3,$4,$5::bigint) ON CONFLICT(record_id) DO UPDATE SET extracted = "
          "excluded.extracted, json = excluded.json, version = excluded.version, second_look = 0",
          PgParams()
              .Add(s.record_id)
              .Add(s.document_id)
              .Add(RecordToJson(s.extracted).dump())
              .Add(s.effective.dump())
              .Add(s.version),
          "storing the reviewed record")
      .status();
}

// One statement (atomic on its own, no transaction needed): each snapshot of the document
// becomes an orphan when the latest extraction lacks its record (flagged for a second look
// when newly so) or stops being one when it has it. SET sees the row as it was.
Status PgStore::MarkOrphans(const std::string& document_id, const std::string& at) {
  return db_
      ->Command(
          "UPDATE review_snapshots s SET "
          "second_look = CASE WHEN EXISTS (SELECT 1 FROM records r WHERE r.id = s.record_id AND "
          "r.document_id = $1) THEN 0 WHEN s.orphaned_at IS NULL THEN 1 ELSE s.second_look END, "
          "orphaned_at = CASE WHEN EXISTS (SELECT 1 FROM records r WHERE r.id = s.record_id AND "
          "r.document_id = $1) THEN NULL ELSE COALESCE(s.orphaned_at, $2) END "
          "WHERE s.document_id = $1",
          PgParams().Add(document_id).Add(at), "flagging orphaned reviews")
      .status();
}

// Records and their corrections in one query (a LEFT JOIN, corrections in id order), so a
// store across the network is not asked once per record; streamed (an export reads every
// record), so a record's rows may straddle two batches.
Status PgStore::ForEachRecordWithCorrections(
    const std::string& stored_since,
    const std::function<void(const StoredRecord&, const std::vector<Correction>&)>& fn) {
  // stored_at is ISO 8601 UTC, so comparing its first ten characters compares days.
  const std::string sql =
      "WITH picked AS ("
      "SELECT r.json, r.id, r.document_id, d.source, 0 AS orphan, r.seq FROM records r "
      "JOIN documents d ON d.id = r.document_id "
      "WHERE $1 = '' OR substr(d.stored_at, 1, 10) >= $1 "
      "UNION ALL "
      "SELECT s.extracted, s.record_id, s.document_id, COALESCE(d.source, ''), 1, 0 "
      "FROM review_snapshots s LEFT JOIN documents d ON d.id = s.document_id "
      "WHERE s.orphaned_at IS NOT NULL AND ($1 = '' OR substr(d.stored_at, 1, 10) >= $1)) "
      "SELECT p.json, p.id, p.document_id, p.source, p.orphan, c.id, c.record_id, c.field, "
      "c.before, c.after, c.reviewer, c.at, COALESCE(c.comment, '') FROM picked p "
      "LEFT JOIN corrections c ON c.record_id = p.id "
      "ORDER BY p.source, p.document_id, p.orphan, p.seq, p.id, c.id";
  std::optional<StoredRecord> current;  // the record whose rows are being read
  std::vector<Correction> found;
  auto flush = [&] {
    if (current) fn(*current, found);
    current.reset();
    found.clear();
  };
  ACERVO_RETURN_IF_ERROR(db_->ForEachBatch(
      sql, PgParams().Add(stored_since), "reading records and corrections",
      [&](const PgRows& r) -> Status {
        for (int i = 0; i < r.size(); ++i) {
          const bool orphan = r.Int(i, 4) != 0;
          // One row per correction, or one with NULL corrections; a new record starts here.
          if (!current || r.Text(i, 1) != current->id || r.Text(i, 2) != current->document_id ||
              orphan != current->orphaned) {
            flush();
            current = ReadRecord(r, i, orphan);
            current->second_look = false;
            if (!current->record)
              return Corrupt("record " + current->id + " is not a valid record");
          }
          if (!r.IsNull(i, 5)) found.push_back(ReadCorrection(r, i, 5));
        }
        return Status::Ok();
      }));
  flush();
  return Status::Ok();
}

}  // namespace acervo::store
