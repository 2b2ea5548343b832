#include "export/effective_records.h"

#include <cctype>
#include <vector>

#include "review/corrections.h"

namespace acervo::exporting {

using nlohmann::json;

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
                              const std::function<void(const json&)>& fn, EffectiveCounts* counts) {
  if (!filter.stored_since.empty() && !IsIsoDay(filter.stored_since)) {
    return InvalidArgument("'" + filter.stored_since + "' is not a date (YYYY-MM-DD)");
  }
  // The latest extraction's records, then each document's orphans: reviewed records that
  // extraction no longer has, from the review module's snapshot of them, in record id order.
  EffectiveCounts local;
  EffectiveCounts* n = counts ? counts : &local;
  return store->ForEachRecordWithCorrections(
      filter.stored_since, [&](const StoredRecord& stored, const std::vector<Correction>& found) {
        json r = review::ApplyCorrections(*stored.record, found);
        r["document_id"] = stored.document_id;
        r["source"] = stored.source;
        const bool orphan = stored.orphaned;
        // An orphan is kept for its review; with every correction undone nothing is left of it.
        if (orphan && r.value("status", "") != "reviewed") return;
        if (r.value("rejected", false) || r.contains("merged_into")) {
          ++n->skipped;
          return;
        }
        if (orphan) {
          r["orphaned"] = true;
          ++n->orphaned;
        }
        if (filter.reviewed_only && r.value("status", "") != "reviewed") return;
        ++n->emitted;
        fn(r);
      });
}

}  // namespace acervo::exporting
