// The review queue: finding records, filtering and ordering them for a reviewer, and the
// records around one.
#include <algorithm>

#include "review/reviews.h"

namespace acervo::review {

using nlohmann::json;
namespace {

bool HasValue(const json& record, const std::string& field) {
  json v = ValueAt(record, field);
  if (v.is_null()) return false;
  if (v.is_array() || v.is_object() || v.is_string()) return !v.empty();
  return true;
}

}  // namespace

Result<ReviewedRecord> Reviews::Get(const std::string& record_id) {
  Result<std::optional<StoredRecord>> stored = store_->FindRecord(record_id);
  if (!stored.ok()) return stored.status();
  if (!stored->has_value()) return NotFound("no record '" + record_id + "'");
  StoredRecord& found = **stored;
  ReviewedRecord r;
  r.id = record_id;
  r.extracted = std::move(*found.record);
  r.document_id = std::move(found.document_id);
  r.source = std::move(found.source);
  r.orphaned = found.orphaned;
  r.second_look = found.second_look;
  Result<std::vector<Correction>> cs = store_->CorrectionsOf(record_id);
  if (!cs.ok()) return cs.status();
  r.corrections = std::move(*cs);
  r.Recompute();
  return r;
}

Result<std::vector<ReviewedRecord>> Reviews::Queue(const QueueFilter& f) {
  auto corrections = store_->AllCorrections();
  if (!corrections.ok()) return corrections.status();

  std::vector<ReviewedRecord> all;
  ACERVO_RETURN_IF_ERROR(store_->ForEachReviewable(f.document, [&](StoredRecord stored) {
    if (!stored.record) return;
    ReviewedRecord r;
    r.extracted = std::move(*stored.record);
    r.id = std::move(stored.id);
    r.document_id = std::move(stored.document_id);
    r.source = std::move(stored.source);
    r.orphaned = stored.orphaned;
    r.second_look = stored.second_look;
    if (auto it = corrections->find(r.id); it != corrections->end()) r.corrections = it->second;
    r.Recompute();
    all.push_back(std::move(r));
  }));

  std::vector<ReviewedRecord> out;
  for (ReviewedRecord& r : all) {
    const json& e = r.effective;
    std::string status = e.value("status", "");
    if (f.status == "needs_review" && status != "needs_review" && !r.second_look) continue;
    if (f.status == "reviewed" && status != "reviewed") continue;
    if (f.status == "auto" && status != "auto") continue;
    if (!f.kind.empty() && e.value("kind", "") != f.kind) continue;
    if (!f.field.empty() && !HasValue(e, f.field)) continue;
    double c = e.value("confidence", 0.0);
    if (c < f.min_confidence || c > f.max_confidence) continue;
    out.push_back(std::move(r));
  }
  std::stable_sort(out.begin(), out.end(), [](const ReviewedRecord& a, const ReviewedRecord& b) {
    double ca = a.effective.value("confidence", 0.0), cb = b.effective.value("confidence", 0.0);
    return ca != cb ? ca < cb : a.id < b.id;
  });
  return out;
}

Result<AdjacentRecords> Reviews::Adjacent(const ReviewedRecord& record) {
  AdjacentRecords out;
  if (record.orphaned) return out;
  // Nearest first on each side; the first that is still an activity of its own.
  for (bool before : {true, false}) {
    Result<std::vector<std::string>> ids =
        store_->NeighbourIds(record.document_id, record.id, before);
    if (!ids.ok()) return ids.status();
    for (const std::string& id : *ids) {
      Result<ReviewedRecord> r = Get(id);
      if (!r.ok()) return r.status();
      if (r->effective.value("rejected", false) || r->effective.contains("merged_into")) continue;
      (before ? out.previous : out.next) = std::move(*r);
      break;
    }
  }
  return out;
}

Result<std::vector<std::string>> Reviews::InstitutionNames() {
  return store_->MentionValues("institution", "name");
}

}  // namespace acervo::review
