// summary.h — what a store holds, tallied for `acervo report`.
//
// Built in one pass over the effective (reviewed) records (effective_records.h), so memory
// grows with the number of distinct kinds, years, goals and institutions, not with records.
//
// Money is summed exactly (records/decimal.h) and only within one currency; amounts without
// a currency are kept under "" and never folded into another. A record's money is its
// "total" amounts when it states any (so a total is not added to the contributions it
// sums), otherwise all its amounts. A record counts once under each of its goals and
// institutions, so those tallies overlap and do not add up to the store's total.
#ifndef ACERVO_CORE_EXPORT_SUMMARY_H_
#define ACERVO_CORE_EXPORT_SUMMARY_H_

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "acervo/decimal.h"
#include "acervo/status.h"
#include "store/store.h"

namespace acervo::exporting {

// Money per ISO 4217 currency ("" = currency unknown).
using MoneyByCurrency = std::map<std::string, Decimal>;

struct Tally {
  int64_t records = 0;
  MoneyByCurrency money;
};

struct DocumentWarning {
  std::string source;
  std::string message;
};

struct StoreSummary {
  int64_t documents = 0;
  int64_t pages = 0;
  int64_t failures = 0;
  int64_t records = 0;       // effective records (rejected and merged-away ones excluded)
  int64_t excluded = 0;      // rejected or merged into another record
  int64_t needs_review = 0;  // effective status "needs_review"
  int64_t reviewed = 0;      // effective status "reviewed"
  int64_t orphaned = 0;      // reviewed records the latest extraction no longer finds
  int64_t approximate_amounts = 0;
  int64_t unreadable_amounts = 0;  // amounts whose value is not an exact decimal (not summed)
  MoneyByCurrency money;
  std::map<std::string, Tally> by_kind;
  std::map<std::string, Tally> by_year;   // year of the first date; "" = undated
  std::map<std::string, Tally> by_month;  // YYYY-MM of the first date with a month
  // The earliest and latest of the records' first dates that name a day (YYYY-MM-DD), "" if none.
  std::string first_day, last_day;
  std::map<int, Tally> by_goal;
  std::map<std::string, Tally> by_institution;
  // Records carrying values of a mention type a plugin declares (records/mention_types.h),
  // by its record field ("project_codes"); empty with the bundled plugins alone.
  std::map<std::string, Tally> by_declared;
  // Document warnings: reconciliation of stated totals and others the pipeline raised.
  std::vector<DocumentWarning> warnings;
};

// Adds one effective record to `summary`.
void AddRecord(const nlohmann::json& record, StoreSummary* summary);

Result<StoreSummary> Summarize(Store* store);

}  // namespace acervo::exporting

#endif  // ACERVO_CORE_EXPORT_SUMMARY_H_
