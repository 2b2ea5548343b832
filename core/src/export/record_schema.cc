#include "export/record_schema.h"

#include <string>

namespace acervo::exporting {

extern const char kRecordSchemaText[];  // record_schema_text.cc, made by the build

const nlohmann::json& BaseRecordSchema() {
  static const nlohmann::json schema = nlohmann::json::parse(kRecordSchemaText);
  return schema;
}

nlohmann::json RecordSchema(const MentionTypes& types) {
  nlohmann::json schema = BaseRecordSchema();
  for (const MentionTypeInfo* type : types.Extra()) {
    nlohmann::json items = nlohmann::json::object();
    if (!type->key.empty()) {
      items = {
          {"type", "object"}, {"required", type->key}, {"properties", nlohmann::json::object()}};
      for (const std::string& field : MentionTypes::ColumnFields(*type)) {
        items["properties"][field] = nlohmann::json::object();
      }
      for (const std::string& field : type->key)
        items["properties"][field] = nlohmann::json::object();
    }
    schema["properties"][type->record_field] = {
        {"type", "array"},
        {"description", "Values of the mention type \"" + type->name +
                            "\", which a plugin of the pipeline declares, one per key."},
        {"items", std::move(items)}};
  }
  return schema;
}

}  // namespace acervo::exporting
