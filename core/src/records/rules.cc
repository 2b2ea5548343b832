#include "records/rules.h"

#include <map>
#include <mutex>

#include "acervo/text.h"

namespace acervo {
namespace {

Status LoadLexicon(const Pipeline& pipeline, const char* key, Lexicon* out) {
  const nlohmann::json& records = pipeline.records;
  if (!records.is_object() || !records.contains(key)) return Status::Ok();
  if (!records[key].is_string()) {
    return InvalidArgument(pipeline.file.string() + ": records." + key + " must be a path");
  }
  std::filesystem::path file = records[key].get<std::string>();
  if (file.is_relative()) file = pipeline.file.parent_path() / file;
  Result<Lexicon> lexicon = Lexicon::Load(file);
  if (!lexicon.ok()) return lexicon.status().Prefixed(pipeline.file.string());
  *out = std::move(lexicon.value());
  return Status::Ok();
}

}  // namespace

Result<RecordRules> RecordRules::Load(const Pipeline& pipeline) {
  RecordRules rules;
  rules.review_threshold = pipeline.review_threshold;
  for (auto [key, lexicon] :
       {std::pair{"kinds", &rules.kinds}, std::pair{"group_headings", &rules.group_headings},
        std::pair{"table_columns", &rules.table_columns},
        std::pair{"amount_cues", &rules.amount_cues}, std::pair{"total_rows", &rules.total_rows},
        std::pair{"activity_verbs", &rules.activity_verbs},
        std::pair{"plan_cues", &rules.plan_cues},
        std::pair{"non_record_sections", &rules.non_record_sections},
        std::pair{"aggregate_tables", &rules.aggregate_tables}}) {
    Status s = LoadLexicon(pipeline, key, lexicon);
    if (!s.ok()) return s;
  }
  const nlohmann::json& records = pipeline.records;
  if (records.is_object() && records.contains("min_table_records")) {
    if (!records["min_table_records"].is_number_integer()) {
      return InvalidArgument(pipeline.file.string() +
                             ": records.min_table_records must be an integer");
    }
    rules.min_table_records = records["min_table_records"].get<int>();
  }
  if (records.is_object() && records.contains("record_tables")) {
    if (!records["record_tables"].is_array()) {
      return InvalidArgument(pipeline.file.string() + ": records.record_tables must be a list");
    }
    for (const auto& phrase : records["record_tables"]) {
      if (phrase.is_string()) rules.record_tables.push_back(Fold(phrase.get<std::string>()));
    }
  }
  return rules;
}

Result<std::shared_ptr<const RecordRules>> RulesFor(const Pipeline& pipeline) {
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<const RecordRules>>* cache =
      new std::map<std::string, std::shared_ptr<const RecordRules>>();
  std::string key = pipeline.file.string() + "\n" + pipeline.records.dump() + "\n" +
                    std::to_string(pipeline.review_threshold);
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache->find(key);
  if (it != cache->end()) return it->second;
  Result<RecordRules> rules = RecordRules::Load(pipeline);
  if (!rules.ok()) return rules.status();
  auto shared = std::make_shared<const RecordRules>(std::move(rules.value()));
  cache->emplace(key, shared);
  return shared;
}

}  // namespace acervo
