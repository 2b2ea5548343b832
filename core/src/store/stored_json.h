// stored_json.h — what both store engines (SQLite, PostgreSQL) write into and read from their
// JSON columns, in one place: the stored form of a document (the contract's "document" plus
// its warnings and what re-extraction needs), pages, and the tables Count may name. No
// storage engine's types appear; each engine only moves these strings in and out.
#ifndef ACERVO_CORE_STORE_STORED_JSON_H_
#define ACERVO_CORE_STORE_STORED_JSON_H_

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "acervo/document.h"
#include "acervo/extraction.h"
#include "acervo/record.h"
#include "acervo/status.h"

namespace acervo::store {

// The documents.json column: `contract_document` (ToContractJson's "document") plus the
// warnings and the loaded form without its pages.
nlohmann::json DocumentColumnJson(const Extraction& x, const nlohmann::json& contract_document);

// The document `id` as loaded, without pages, from its documents.json column.
Result<Document> DocumentFromColumn(const std::string& id, const std::string& json);
// Appends a page read from its pages.json and pages.text columns.
Status AppendPageFromColumns(Document& d, const std::string& json, const std::string& text);
// A page for display: its structure when readable, else just its text.
Page PageForDisplay(int number, const std::string& text, const nlohmann::json& json);

// Each warning string in a documents.json column.
void ForEachWarningIn(const nlohmann::json& document_json,
                      const std::function<void(const std::string&)>& fn);

// A records.json or review_snapshots.extracted column as a Record; nullopt when it is not
// valid JSON (`column` null) or not a record.
std::optional<Record> RecordFromColumn(const nlohmann::json& column);

// Whether Store::Count may count `table`; InvalidArgument naming it when not.
Status CheckCountableTable(const std::string& table);

// The failures.sha256 of a document id: the hex after "sha256:".
std::string FailureSha256(const std::string& document_id);

}  // namespace acervo::store

#endif  // ACERVO_CORE_STORE_STORED_JSON_H_
