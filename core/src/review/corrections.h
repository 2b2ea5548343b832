// corrections.h — reviewers' decisions and the effective record they produce.
//
// A Correction is one append-only row: a reviewer changed one field of one record, or took an
// action on it. `field` is either a path into the record in the contract's shape ("kind",
// "title", "amounts/0/amount", "dates/-" to append) or an action:
//
//   accept          the record is right as shown; `after` holds the accepted fields, so a
//                   re-extraction that reads them differently does not override the reviewer
//   reject          not an activity (kept, marked "rejected": true)
//   add_mention     `after` = {type, text, value}: a mention the extractors missed
//   merge           `after` = {"into": ID} on the absorbed record, or {"from": ID, "fields":
//                   {...}} on the one that absorbs it
//   split           `after` = {"parts": [{title, kind, dates, ...}, ...]}
//   undo:<id>       cancels correction <id> (an undo can itself be undone)
//
// ApplyCorrections is a pure function: the extracted record with the corrections that are
// not undone applied in order. Export, the CLI and the web UI all show this effective record.
// Corrections are paths into the record's JSON (records/record_json.h), and the effective
// record adds review fields to it, so the effective record is that JSON.
#ifndef ACERVO_CORE_REVIEW_CORRECTIONS_H_
#define ACERVO_CORE_REVIEW_CORRECTIONS_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "acervo/record.h"
#include "acervo/status.h"
#include "records/mention_types.h"
#include "store/rows.h"

namespace acervo::review {

// One stored correction (store/rows.h).
using Correction = acervo::Correction;

// The ids among `corrections` that an undo (itself not undone) cancels.
std::set<int64_t> UndoneIds(const std::vector<Correction>& corrections);

// The record as reviewed. Any correction still in force makes its status "reviewed" (and
// adds "reviewed_by", "reviewed_at"); a correction whose path no longer exists in a
// re-extracted record is skipped and listed in "review_notes".
nlohmann::json ApplyCorrections(const Record& record, const std::vector<Correction>& corrections);

// Checks that `field` names something a reviewer may change and that `after` is a valid
// value for it (a kind of the contract, an exact decimal amount, an ISO date, a goal 1-17...).
Status ValidateChange(const std::string& field, const nlohmann::json& after);

// The value at `path` in `record`, or null when there is none.
nlohmann::json ValueAt(const nlohmann::json& record, const std::string& path);

// The fields an "accept" pins and a "merge" carries: these, and the lists of the mention
// types plugins declare (records/mention_types.h), which a record carries by their names.
const std::vector<std::string>& ReviewedFields();
bool IsReviewedField(const std::string& field);

}  // namespace acervo::review

#endif  // ACERVO_CORE_REVIEW_CORRECTIONS_H_
