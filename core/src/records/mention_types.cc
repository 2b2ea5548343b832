#include "records/mention_types.h"

#include <algorithm>

namespace acervo {
namespace {

// The fields a record has whatever the plugins (the contract's, the store's and review's):
// a type may not take one of them.
constexpr std::string_view kRecordFields[] = {
    "id",          "kind",         "title",         "anchor",   "text",        "page_start",
    "page_end",    "form",         "confidence",    "status",   "document_id", "source",
    "reviewed_by", "reviewed_at",  "orphaned",      "rejected", "merged_into", "merged_from",
    "split_into",  "review_notes", "added_mentions"};

bool SameDeclaration(const MentionTypeInfo& a, const MentionTypeInfo& b) {
  return a.record_field == b.record_field && a.key == b.key && a.columns == b.columns;
}

std::string Scalar(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

}  // namespace

Status MentionTypes::Add(std::string_view plugin, const std::vector<MentionTypeInfo>& declared) {
  auto refuse = [plugin](const std::string& why) {
    return InvalidArgument("plugin " + std::string(plugin) + ": " + why);
  };
  for (const MentionTypeInfo& t : declared) {
    if (t.name.empty()) return refuse("declares a mention type without a name");
    if (const MentionTypeInfo* known = ByName(t.name)) {
      if (!SameDeclaration(*known, t)) {
        return refuse("declares mention type \"" + t.name + "\" unlike another plugin");
      }
      continue;
    }
    if (!t.record_field.empty()) {
      if (!IsDeclarableField(t.record_field) && !IsContractField(t.record_field)) {
        return refuse("mention type \"" + t.name + "\" cannot fill the record field \"" +
                      t.record_field + "\" (the record's own, or not [a-z][a-z0-9_]*)");
      }
      if (const MentionTypeInfo* other = ByField(t.record_field)) {
        return refuse("mention types \"" + other->name + "\" and \"" + t.name +
                      "\" both fill the record field \"" + t.record_field + "\"");
      }
    }
    types_.push_back(t);
  }
  return Status::Ok();
}

const MentionTypeInfo* MentionTypes::ByName(std::string_view name) const {
  for (const MentionTypeInfo& t : types_) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

const MentionTypeInfo* MentionTypes::ByField(std::string_view record_field) const {
  if (record_field.empty()) return nullptr;
  for (const MentionTypeInfo& t : types_) {
    if (t.record_field == record_field) return &t;
  }
  return nullptr;
}

std::vector<const MentionTypeInfo*> MentionTypes::Extra() const {
  std::vector<const MentionTypeInfo*> out;
  for (const MentionTypeInfo& t : types_) {
    if (!t.record_field.empty() && !IsContractField(t.record_field)) out.push_back(&t);
  }
  return out;
}

bool MentionTypes::IsContractField(std::string_view f) {
  return f == "dates" || f == "amounts" || f == "institutions" || f == "ods";
}

bool MentionTypes::IsDeclarableField(std::string_view f) {
  if (f.empty() || IsContractField(f)) return false;
  if (std::find(std::begin(kRecordFields), std::end(kRecordFields), f) != std::end(kRecordFields)) {
    return false;
  }
  if (!(f[0] >= 'a' && f[0] <= 'z')) return false;
  return std::all_of(f.begin(), f.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::string MentionTypes::Key(const MentionTypeInfo& type, const nlohmann::json& value) {
  if (type.key.empty()) return value.is_null() ? "" : value.dump();
  if (!value.is_object()) return "";
  std::string key;
  for (const std::string& field : type.key) {
    auto it = value.find(field);
    if (it == value.end() || it->is_null()) return "";
    if (&field != &type.key.front()) key += '\x1f';
    key += Scalar(*it);
  }
  return key;
}

const std::vector<std::string>& MentionTypes::ColumnFields(const MentionTypeInfo& type) {
  return type.columns.empty() ? type.key : type.columns;
}

std::vector<std::string> MentionTypes::ColumnNames(const MentionTypeInfo& type) {
  std::vector<std::string> names;
  for (const std::string& field : ColumnFields(type)) {
    names.push_back(type.record_field + "." + field);
  }
  if (names.empty()) names.push_back(type.record_field);  // no key, no columns: the value
  return names;
}

DeclaredValues::DeclaredValues(const MentionTypes& types) {
  for (const MentionTypeInfo* t : types.Extra())
    fields_.push_back({t, nlohmann::json::array(), {}});
}

void DeclaredValues::Add(std::string_view type, const nlohmann::json& value) {
  for (Field& f : fields_) {
    if (f.type->name != type) continue;
    std::string key = MentionTypes::Key(*f.type, value);
    if (key.empty() || std::find(f.keys.begin(), f.keys.end(), key) != f.keys.end()) return;
    f.keys.push_back(std::move(key));
    f.values.push_back(value);
    return;
  }
}

void DeclaredValues::WriteTo(Record* record) const {
  for (const Field& f : fields_) record->declared[f.type->record_field] = f.values;
}

}  // namespace acervo
