// effective_records.h — the store's records as reviewed, streamed one at a time.
//
// Each record is the extraction's record with its reviewers' corrections applied
// (review::ApplyCorrections), plus "document_id" and "source". A reviewed record that the
// latest extraction of its document no longer finds is kept as reviewed (from
// review_snapshots, after that document's other records) and carries "orphaned": true.
// Records a reviewer rejected or merged into another are not activities of their own and
// are skipped (counted in `skipped`). Rows are read with one cursor and corrections with one
// indexed lookup per record, so memory stays flat however many records the store holds.
#ifndef ACERVO_CORE_EXPORT_EFFECTIVE_RECORDS_H_
#define ACERVO_CORE_EXPORT_EFFECTIVE_RECORDS_H_

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "acervo/status.h"
#include "store/store.h"

namespace acervo::exporting {

struct EffectiveFilter {
  // Only records whose effective status is "reviewed".
  bool reviewed_only = false;
  // "YYYY-MM-DD" or "": only records of documents stored (documents.stored_at, UTC) on or
  // after that day. It selects by when a document entered the store, so a scheduled export
  // can pick up what was ingested since the previous one.
  std::string stored_since;
};

struct EffectiveCounts {
  int64_t emitted = 0;
  int64_t skipped = 0;   // rejected or merged into another record
  int64_t orphaned = 0;  // emitted, though the latest extraction no longer finds them
};

// Calls `fn` with each effective record in document order (source, then position).
Status ForEachEffectiveRecord(Store* store, const EffectiveFilter& filter,
                              const std::function<void(const nlohmann::json&)>& fn,
                              EffectiveCounts* counts = nullptr);

// Whether `day` is a valid calendar date written YYYY-MM-DD.
bool IsIsoDay(const std::string& day);

}  // namespace acervo::exporting

#endif  // ACERVO_CORE_EXPORT_EFFECTIVE_RECORDS_H_
