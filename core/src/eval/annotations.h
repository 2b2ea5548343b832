// annotations.h — one document's annotations in the form the scorer compares, read either
// from a gold file (spec/annotation-guide.md) or from extraction output in the contract's
// shape (spec/output-format.md, as `acervo extract` prints it).
//
// Values become comparison keys here, once: a date is "start..end", an amount
// "<canonical decimal> <currency|null>", a goal its number. Year-only dates and implicit
// goals are left out of the mention lists, because they are not scored as mentions.
#ifndef ACERVO_CORE_EVAL_ANNOTATIONS_H_
#define ACERVO_CORE_EVAL_ANNOTATIONS_H_

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "acervo/status.h"
#include "records/mention_types.h"

namespace acervo::eval {

// Where an item is, for people: the source line (gold, text sources) and/or the page.
struct Location {
  int line = 0;  // 1-based, 0 when unknown
  int page = 0;  // 1-based, 0 when unknown
};

struct MentionItem {
  std::string key;  // what is compared
  std::string text;
  Location where;
};

struct InstitutionItem {
  std::string name;
  std::vector<std::string> spellings;  // MatchKeys of the name, acronym, aliases, texts
  Location where;
};

struct RecordItem {
  std::string label;     // for people: the anchor (gold) or anchor/title (prediction)
  std::string text_key;  // gold: MatchKey of the anchor; prediction: of the record's text
  std::string kind;
  std::vector<std::string> dates;    // date keys
  std::vector<std::string> amounts;  // amount keys (value and currency)
  std::vector<InstitutionItem> institutions;
  std::vector<std::string> ods;  // goal numbers, explicit or not
  Location where;
  // Predictions only: the record's confidence (-1 when absent) and status ("auto", …).
  double confidence = -1;
  std::string status;
};

struct DocAnnotations {
  std::string stem;    // what gold and predictions are paired by (DocumentStem)
  std::string source;  // the file it came from, for people
  std::vector<MentionItem> dates;
  std::vector<MentionItem> amounts;           // keyed on value and currency
  std::vector<MentionItem> amount_values;     // keyed on value alone
  std::vector<MentionItem> ods;               // explicit goals only
  std::vector<InstitutionItem> institutions;  // one per distinct organisation
  std::vector<RecordItem> records;
  // Mentions of the types plugins declare beyond the contract's four, by type name, keyed
  // by the type's declared key (records/mention_types.h).
  std::map<std::string, std::vector<MentionItem>> declared;
};

// The name a document is paired by: the file name without its folder, its extension
// (.txt, .md, .pdf, .json) and a variant suffix (.scan, .mixed, .text), so that
// "corpus/004_x.scan.pdf", "004_x.txt" and "004_x.json" all give "004_x".
std::string DocumentStem(std::string_view path);

// A gold file. Errors say which field is malformed.
// `types`: the pipeline's declared mention types; mentions of other types are left out.
Result<DocAnnotations> ReadGold(const nlohmann::json& gold,
                                const MentionTypes& types = MentionTypes());
// One document of extraction output. Mentions and records may carry an optional "line"
// (the source line) beside "page"; it is shown in diffs.
Result<DocAnnotations> ReadPrediction(const nlohmann::json& extraction,
                                      const MentionTypes& types = MentionTypes());

}  // namespace acervo::eval

#endif  // ACERVO_CORE_EVAL_ANNOTATIONS_H_
