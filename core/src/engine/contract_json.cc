#include <cmath>

#include "acervo/engine.h"
#include "records/record_json.h"

namespace acervo {

nlohmann::json ToContractJson(const Extraction& x) {
  const DocumentInfo& info = x.document.info;
  nlohmann::json doc = {
      {"id", info.id},
      {"source", info.source},
      {"title", info.title},
      {"pages", x.document.pages.size()},
      {"country", info.country.empty() ? nlohmann::json() : nlohmann::json(info.country)},
      {"period", info.period.start.empty() && info.period.end.empty()
                     ? nlohmann::json()
                     : nlohmann::json{{"start", info.period.start}, {"end", info.period.end}}},
      {"pipeline", x.pipeline},
  };
  nlohmann::json mentions = nlohmann::json::array();
  for (const PlacedMention& m : x.mentions) {
    mentions.push_back({{"type", m.type},
                        {"text", m.text},
                        {"value", m.value},
                        {"page", m.page},
                        {"start", m.start},
                        {"end", m.end},
                        {"confidence", std::round(m.confidence * 1000) / 1000},
                        {"extractor", m.extractor}});
  }
  nlohmann::json out = {
      {"document", doc}, {"mentions", mentions}, {"records", RecordsToJson(x.records)}};
  if (!x.warnings.empty()) out["warnings"] = x.warnings;
  return out;
}

}  // namespace acervo
