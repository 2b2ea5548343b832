// acervo/record.h — one activity record, as records assembly (records/assembler.h) gives it
// and the store keeps it: the `records` of the output contract (docs/output-format.md).
//
// Plain data, no code: the contract's fields are typed members with the contract's names;
// the values of a mention type a plugin declares (records/mention_types.h) sit in
// `declared`, by the record field the type fills, because only the plugin knows their shape.
// The JSON form lives in one place, records/record_json.h, used at the edges only (contract
// output, the store, HTTP). Field names there are fixed; these members follow them.
#ifndef ACERVO_RECORD_H_
#define ACERVO_RECORD_H_

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace acervo {

// An activity's date: ISO 8601 truncated to the text's precision; start == end for one day.
struct RecordDate {
  std::string start;
  std::string end;
  bool operator==(const RecordDate&) const = default;
};

// A sum of money: an exact decimal in units ("2690952000.00"), its ISO 4217 currency when
// the text settles it, and its role in the record (aporte, contrapartida, total) when known.
struct RecordAmount {
  std::string amount;
  std::optional<std::string> currency;
  bool approximate = false;
  std::optional<std::string> role;
  bool operator==(const RecordAmount&) const = default;
};

// An institution the record names. `id` is the gazetteer's id, kept only where a reviewer
// set it (extraction dedupes by it but does not write it).
struct RecordInstitution {
  std::string name;
  std::optional<std::string> acronym;
  std::optional<std::string> id;
  bool operator==(const RecordInstitution&) const = default;
};

// A Sustainable Development Goal, 1-17: named by the text (stated) or inferred from the
// record's theme. JSON: {"goal", "explicit"}.
struct RecordGoal {
  int goal = 0;
  bool stated = false;
  bool operator==(const RecordGoal&) const = default;
};

struct Record {
  std::string id;  // "r-<12 hex of the document's sha256>-<page>-<block>[-<offset>]"
  std::string kind = "otro";
  std::string title;
  std::string anchor;  // a short verbatim piece of `text` that locates the record
  std::string text;    // the source passage
  int page_start = 1;
  int page_end = 1;
  std::string form;  // section, bullet, table_row, paragraph, clause; "" = not recorded
  std::vector<RecordDate> dates;
  std::vector<RecordAmount> amounts;
  std::vector<RecordInstitution> institutions;
  std::vector<RecordGoal> ods;
  // Declared mention types outside the contract's four: record field ("probes") -> its
  // values (a JSON array, in the plugin's shape, one per declared key).
  std::map<std::string, nlohmann::json> declared;
  double confidence = 0;
  std::string status = "auto";  // auto, needs_review, reviewed
  // Fields of a stored record this version does not know, kept as they were (an object).
  nlohmann::json extra = nlohmann::json::object();

  bool operator==(const Record&) const = default;
};

}  // namespace acervo

#endif  // ACERVO_RECORD_H_
