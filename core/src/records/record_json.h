// records/record_json.h — a Record (acervo/record.h) as the JSON of the output contract
// (docs/output-format.md), and back: the one place that spells the record's field names.
//
// Used at the edges only: the contract output (`acervo extract`), the store's rows and the
// review server's HTTP. Everything between passes Records.
//
// RecordToJson writes every contract field (null for a missing currency, acronym or role),
// each declared type's list under its record field, `form` when known, and the unknown
// fields a stored record brought along. RecordFromJson reads what RecordToJson writes, so
// that RecordFromJson(RecordToJson(r)) == r; a field it does not know becomes a declared
// type's list when its name is one a declared type may fill (MentionTypes::IsDeclarableField)
// and its value a list, else an unknown field kept as is. Missing fields take their
// defaults; a field of the wrong type is InvalidArgument naming it ("amounts/2/amount").
//
// Pure functions; safe from any thread.
#ifndef ACERVO_CORE_RECORDS_RECORD_JSON_H_
#define ACERVO_CORE_RECORDS_RECORD_JSON_H_

#include <nlohmann/json.hpp>
#include <vector>

#include "acervo/record.h"
#include "acervo/status.h"

namespace acervo {

nlohmann::json RecordToJson(const Record& record);
Result<Record> RecordFromJson(const nlohmann::json& json);

// A JSON array of records, in order.
nlohmann::json RecordsToJson(const std::vector<Record>& records);
Result<std::vector<Record>> RecordsFromJson(const nlohmann::json& json);

}  // namespace acervo

#endif  // ACERVO_CORE_RECORDS_RECORD_JSON_H_
