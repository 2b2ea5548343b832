// records/mention_types.h — the mention types a pipeline's plugins declare
// (acervo/plugin.h, MentionTypeInfo), as one table the rest of core reads: records gather a
// declared type's values into its record field, corrections accept edits to that field,
// exports give it columns and the scorer compares its values by their declared key.
//
// The four types of the output contract (date, amount, institution, ods) are declared by the
// bundled plugins like any other, but their record fields have rules of their own (activity
// dates, amount roles, explicit and inferred goals) that records/assembler.cc applies; the
// table calls them contract fields. Every other declared type is carried generically.
//
// A MentionTypes is a value; const use from several threads is safe.
#ifndef ACERVO_CORE_RECORDS_MENTION_TYPES_H_
#define ACERVO_CORE_RECORDS_MENTION_TYPES_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "acervo/plugin.h"
#include "acervo/record.h"
#include "acervo/status.h"

namespace acervo {

class MentionTypes {
 public:
  // Adds what `plugin` declares. Refuses a type without a name, a type two plugins declare
  // differently, and a record field two types share or that a record already has ("title").
  Status Add(std::string_view plugin, const std::vector<MentionTypeInfo>& declared);

  const std::vector<MentionTypeInfo>& all() const { return types_; }
  const MentionTypeInfo* ByName(std::string_view name) const;
  const MentionTypeInfo* ByField(std::string_view record_field) const;

  // The declared types that fill a record field outside the contract's four, in
  // declaration order: what records, corrections, exports and eval carry generically.
  std::vector<const MentionTypeInfo*> Extra() const;

  // "dates", "amounts", "institutions", "ods".
  static bool IsContractField(std::string_view record_field);
  // A name a declared type may fill: [a-z][a-z0-9_]*, neither a contract field nor one the
  // record has of its own ("title", "status", "merged_from"...). Review reads a record's
  // lists with such names as declared values, without the table.
  static bool IsDeclarableField(std::string_view record_field);

  // The comparison key of a value of `type`: its key fields' values, joined by '\x1f' (the
  // whole value when the type declares no key). "" when the value lacks a key field.
  static std::string Key(const MentionTypeInfo& type, const nlohmann::json& value);

  // The export columns of `type`: "<record_field>.<field>" for each declared column.
  static std::vector<std::string> ColumnNames(const MentionTypeInfo& type);
  // The value fields behind ColumnNames (the key when no column is declared).
  static const std::vector<std::string>& ColumnFields(const MentionTypeInfo& type);

 private:
  std::vector<MentionTypeInfo> types_;
};

// One record's values of the declared types outside the contract (MentionTypes::Extra), one
// per key, in the order found. Every such field is written, empty when nothing was found, so
// that all records of a pipeline have the same shape.
class DeclaredValues {
 public:
  explicit DeclaredValues(const MentionTypes& types);
  // Keeps `value` when `type` is one of the extra types and no value of its key is there.
  void Add(std::string_view type, const nlohmann::json& value);
  void WriteTo(Record* record) const;

 private:
  struct Field {
    const MentionTypeInfo* type;
    nlohmann::json values = nlohmann::json::array();
    std::vector<std::string> keys;
  };
  std::vector<Field> fields_;
};

}  // namespace acervo

#endif  // ACERVO_CORE_RECORDS_MENTION_TYPES_H_
