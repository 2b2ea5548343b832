#include "eval/store_predictions.h"

#include <climits>
#include <string>

namespace acervo::eval {

bool IsStoreLocation(const std::filesystem::path& pred) {
  if (IsPostgresLocation(pred)) return true;
  std::error_code ec;
  return pred.extension() == ".db" && std::filesystem::is_regular_file(pred, ec);
}

Result<std::vector<DocAnnotations>> ReadPredictionStore(Store& store, const MentionTypes& types) {
  struct Stored {
    std::string id, source;
  };
  std::vector<Stored> documents;
  ACERVO_RETURN_IF_ERROR(store.ForEachDocument(
      [&](const std::string& id, const std::string&, const std::string& source) {
        documents.push_back({id, source});
      }));
  std::vector<DocAnnotations> out;
  for (const Stored& d : documents) {
    nlohmann::json x = {{"document", {{"id", d.id}, {"source", d.source}}},
                        {"mentions", nlohmann::json::array()},
                        {"records", nlohmann::json::array()}};
    Result<std::map<int, Page>> pages = store.LoadPages(d.id, 1, INT_MAX);
    if (!pages.ok()) return pages.status().Prefixed(d.source);
    for (const auto& [number, page] : *pages) {
      Result<std::vector<StoredMention>> mentions = store.MentionsOnPage(d.id, number);
      if (!mentions.ok()) return mentions.status().Prefixed(d.source);
      for (const StoredMention& m : *mentions) x["mentions"].push_back(m.json);
    }
    ACERVO_RETURN_IF_ERROR(store.ForEachRecord(
        {false, d.id}, [&](const nlohmann::json& r) { x["records"].push_back(r); }));
    Result<DocAnnotations> pred = ReadPrediction(x, types);
    if (!pred.ok()) return pred.status().Prefixed(d.source);
    out.push_back(std::move(*pred));
  }
  return out;
}

}  // namespace acervo::eval
