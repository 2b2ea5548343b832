#include "export/effective_records.h"

#include <sqlite3.h>

#include <cctype>
#include <vector>

#include "review/corrections.h"
#include "export/query.h"

namespace acervo::exporting {
namespace {

using nlohmann::json;
using review::Correction;

json ParseOrNull(const std::string& text) {
  if (text.empty()) return nullptr;
  json j = json::parse(text, nullptr, false);
  return j.is_discarded() ? json(nullptr) : j;
}

Status CorrectionsOf(Query& st, const std::string& record_id,
                     std::vector<Correction>* out) {
  out->clear();
  st.Bind(1, record_id);
  while (st.Next()) {
    Correction c;
    c.id = st.Int(0);
    c.record_id = record_id;
    c.field = st.Text(1);
    c.before = ParseOrNull(st.Text(2));
    c.after = ParseOrNull(st.Text(3));
    c.reviewer = st.Text(4);
    c.at = st.Text(5);
    c.comment = st.Text(6);
    out->push_back(std::move(c));
  }
  st.Reset();
  return st.status();
}

}  // namespace

bool IsIsoDay(const std::string& day) {
  if (day.size() != 10 || day[4] != '-' || day[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(day[i]))) return false;
  }
  int year = std::stoi(day.substr(0, 4));
  int month = std::stoi(day.substr(5, 2));
  int d = std::stoi(day.substr(8, 2));
  if (month < 1 || month > 12 || d < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return d <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

Status ForEachEffectiveRecord(Store* store, const EffectiveFilter& filter,
                              const std::function<void(const json&)>& fn,
                              EffectiveCounts* counts) {
  if (!filter.stored_since.empty() && !IsIsoDay(filter.stored_since)) {
    return InvalidArgument("'" + filter.stored_since + "' is not a date (YYYY-MM-DD)");
  }
  sqlite3* db = store->handle();
  // The latest extraction's records, then each document's orphans: reviewed records that
  // extraction no longer has, from the review module's snapshot of them (review_snapshots),
  // in record id order. stored_at is ISO 8601 UTC, so comparing its first ten characters
  // compares days.
  Query records(db,
                "SELECT r.id, r.json, r.document_id, d.source, 0 AS orphan, r.seq FROM records r "
                "JOIN documents d ON d.id = r.document_id "
                "WHERE ?1 = '' OR substr(d.stored_at, 1, 10) >= ?1 "
                "UNION ALL "
                "SELECT s.record_id, s.extracted, s.document_id, IFNULL(d.source, ''), 1, 0 "
                "FROM review_snapshots s LEFT JOIN documents d ON d.id = s.document_id "
                "WHERE s.orphaned_at IS NOT NULL AND (?1 = '' OR substr(d.stored_at, 1, 10) >= ?1) "
                "ORDER BY 4, 3, 5, 6, 1");
  Query corrections(db,
                        "SELECT id, field, before, after, reviewer, at, IFNULL(comment, '') "
                        "FROM corrections WHERE record_id = ?1 ORDER BY id");
  if (Status s = corrections.status(); !s.ok()) return s;
  records.Bind(1, filter.stored_since);
  EffectiveCounts local;
  EffectiveCounts* n = counts ? counts : &local;
  std::vector<Correction> found;
  while (records.Next()) {
    json r = json::parse(records.Text(1), nullptr, false);
    if (r.is_discarded()) return Corrupt("record " + records.Text(0) + " is not valid JSON");
    if (Status c = CorrectionsOf(corrections, records.Text(0), &found); !c.ok()) return c;
    if (!found.empty()) r = review::ApplyCorrections(r, found);
    r["document_id"] = records.Text(2);
    r["source"] = records.Text(3);
    const bool orphan = records.Int(4) != 0;
    // An orphan is kept for its review; with every correction undone nothing is left of it.
    if (orphan && r.value("status", "") != "reviewed") continue;
    if (r.value("rejected", false) || r.contains("merged_into")) {
      ++n->skipped;
      continue;
    }
    if (orphan) {
      r["orphaned"] = true;
      ++n->orphaned;
    }
    if (filter.reviewed_only && r.value("status", "") != "reviewed") continue;
    ++n->emitted;
    fn(r);
  }
  return records.status();
}

}  // namespace acervo::exporting
