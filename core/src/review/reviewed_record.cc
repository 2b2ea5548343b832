// ReviewedRecord: a record with its corrections, as JSON for the CLI and the web page.
#include "records/record_json.h"
#include "review/reviews.h"

namespace acervo::review {

using nlohmann::json;

void ReviewedRecord::Recompute() {
  version = corrections.empty() ? 0 : corrections.back().id;
  effective = ApplyCorrections(extracted, corrections);
  if (orphaned) effective["orphaned"] = true;
}

json ToJson(const Correction& c) {
  return {{"id", c.id},         {"record_id", c.record_id}, {"field", c.field},
          {"before", c.before}, {"after", c.after},         {"reviewer", c.reviewer},
          {"at", c.at},         {"comment", c.comment}};
}

json ReviewedRecord::ToJson() const {
  json cs = json::array();
  std::set<int64_t> undone = UndoneIds(corrections);
  for (const Correction& c : corrections) {
    json j = review::ToJson(c);
    j["undone"] = undone.count(c.id) > 0;
    cs.push_back(std::move(j));
  }
  return {{"id", id},
          {"document_id", document_id},
          {"source", source},
          {"record", effective},
          {"extracted", RecordToJson(extracted)},
          {"version", version},
          {"orphaned", orphaned},
          {"second_look", second_look},
          {"corrections", cs}};
}

}  // namespace acervo::review
