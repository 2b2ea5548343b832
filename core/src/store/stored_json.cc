#include "store/stored_json.h"

#include "engine/serialize.h"
#include "records/record_json.h"

namespace acervo::store {

nlohmann::json DocumentColumnJson(const Extraction& x, const nlohmann::json& contract_document) {
  nlohmann::json doc_json = contract_document;
  doc_json["warnings"] = x.warnings;
  // What re-extraction needs to rebuild the loaded document (see DocumentFromColumn).
  nlohmann::json loaded = DocumentToJson(x.document);
  loaded.erase("pages");
  doc_json["loaded"] = std::move(loaded);
  return doc_json;
}

Result<Document> DocumentFromColumn(const std::string& id, const std::string& json) {
  nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_discarded() || !j.contains("loaded")) {
    return Corrupt(id + ": stored without its loaded form; ingest the file again");
  }
  nlohmann::json loaded = j["loaded"];
  loaded["pages"] = nlohmann::json::array();
  Result<Document> d = DocumentFromJson(loaded);
  if (!d.ok()) return d.status().Prefixed(id);
  return d;
}

Status AppendPageFromColumns(Document& d, const std::string& json, const std::string& text) {
  nlohmann::json pj = nlohmann::json::parse(json, nullptr, false);
  if (pj.is_discarded()) return Corrupt(d.info.id + ": a stored page is not valid JSON");
  Result<Page> p = PageFromJson(pj, text);
  if (!p.ok()) return p.status().Prefixed(d.info.id);
  d.pages.push_back(std::move(p.value()));
  return Status::Ok();
}

Page PageForDisplay(int number, const std::string& text, const nlohmann::json& json) {
  Result<Page> parsed = PageFromJson(json, text);
  Page page;
  if (parsed.ok())
    page = std::move(*parsed);
  else
    page.text = text;
  page.number = number;
  return page;
}

void ForEachWarningIn(const nlohmann::json& d, const std::function<void(const std::string&)>& fn) {
  if (!d.is_object() || !d.contains("warnings") || !d["warnings"].is_array()) return;
  for (const nlohmann::json& w : d["warnings"]) {
    if (w.is_string()) fn(w.get<std::string>());
  }
}

Status CheckCountableTable(const std::string& table) {
  static const char* const kTables[] = {"documents", "pages",       "mentions",
                                        "records",   "corrections", "failures"};
  for (const char* t : kTables) {
    if (table == t) return Status::Ok();
  }
  return InvalidArgument("no table '" + table + "'");
}

std::optional<Record> RecordFromColumn(const nlohmann::json& column) {
  if (column.is_null()) return std::nullopt;
  Result<Record> r = RecordFromJson(column);
  if (!r.ok()) return std::nullopt;
  return std::move(r.value());
}

std::string FailureSha256(const std::string& document_id) {
  return document_id.substr(document_id.find(':') + 1);
}

}  // namespace acervo::store
