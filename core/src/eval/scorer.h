// scorer.h — compares a document's predictions with its gold annotations.
//
// Mentions (dates, amounts, explicit goals) are matched one to one on their keys, as
// multisets. Institutions are matched one to one, document-wide, when any spelling of one
// equals any spelling of the other. A gold record is found when a predicted record's text
// contains its anchor (both as MatchKeys), each predicted record finding at most one; on
// found pairs the record's dates, amounts, institutions and goals are scored as fields and
// its kind is checked. Scores add up over documents (micro-average).
#ifndef ACERVO_CORE_EVAL_SCORER_H_
#define ACERVO_CORE_EVAL_SCORER_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "eval/annotations.h"

namespace acervo::eval {

// True positives, false positives, false negatives.
struct Counts {
  int64_t tp = 0, fp = 0, fn = 0;

  // Each is nullopt when its denominator is zero (nothing predicted, nothing in gold).
  std::optional<double> precision() const;
  std::optional<double> recall() const;
  std::optional<double> f1() const;  // 2tp / (2tp + fp + fn)

  int64_t gold() const { return tp + fn; }
  int64_t predicted() const { return tp + fp; }
  Counts& operator+=(const Counts& o);
};

struct Ratio {
  int64_t hits = 0, total = 0;
  std::optional<double> value() const;
  Ratio& operator+=(const Ratio& o);
};

// Every category the scorer reports, in the order reports print them.
enum class Category {
  kDates,
  kAmounts,       // value and currency
  kAmountValues,  // value alone
  kOds,           // explicit goals
  kInstitutions,
  kRecords,
  kRecordDates,  // fields of found records
  kRecordAmounts,
  kRecordInstitutions,
  kRecordOds,
  kRecordFields,  // the four above together
};
inline constexpr int kCategoryCount = 11;
// Stable names used in the JSON output and in --fail-under: "dates", "amounts",
// "amount_values", "ods", "institutions", "records", "record_dates", ... "record_fields".
const char* CategoryName(Category c);
bool ParseCategory(std::string_view name, Category* c);

// Whether a predicted record's confidence tells right from wrong: each predicted record's
// confidence with whether it found a gold record, and how many `auto` records did.
struct ConfidenceSample {
  double confidence;
  bool matched;
};

struct Scores {
  Counts counts[kCategoryCount];
  Ratio kind;  // found records whose kind is right
  std::vector<ConfidenceSample> confidences;
  Ratio auto_precision;  // records with status "auto" that found a gold record
  // Mentions of the plugins' declared types (DocAnnotations::declared), by type name,
  // matched on their keys like dates; their misses and extras are listed in the diff.
  std::map<std::string, Counts> declared;

  // The probability that a matched record has a higher confidence than an unmatched one
  // (ties count half): 0.5 is no signal. nullopt without both kinds of record.
  std::optional<double> ConfidenceAuc() const;

  Counts& operator[](Category c) { return counts[static_cast<int>(c)]; }
  const Counts& operator[](Category c) const { return counts[static_cast<int>(c)]; }
  Scores& operator+=(const Scores& o);
};

// One thing to fix: a gold item not predicted (kMissed), a prediction not in gold (kExtra),
// or a found record with the wrong kind (kWrongKind).
struct DiffItem {
  enum Kind { kMissed, kExtra, kWrongKind };
  DiffItem() = default;
  DiffItem(Kind k, Category c, std::string text, std::string value, std::string record,
           Location where, std::string type = "")
      : kind(k),
        category(c),
        text(std::move(text)),
        value(std::move(value)),
        record(std::move(record)),
        where(where),
        type(std::move(type)) {}

  Kind kind = kMissed;
  Category category = Category::kDates;  // unless `type` is set
  std::string text;                      // the mention text, institution name or record anchor
  std::string value;                     // the compared key, or "gold X, predicted Y"
  std::string record;  // for field items: the anchor of the gold record they belong to
  Location where;
  std::string type;  // a mention type a plugin declares: its items follow the categories'
};

struct DocResult {
  std::string stem;
  std::string gold_source;
  std::string pred_source;
  Scores scores;
  std::vector<DiffItem> diff;  // misses and extras, by category then position
};

DocResult ScoreDocument(const DocAnnotations& gold, const DocAnnotations& pred);

}  // namespace acervo::eval

#endif  // ACERVO_CORE_EVAL_SCORER_H_
