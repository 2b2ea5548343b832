// export/record_schema.h — the JSON Schema an exported record validates against: the one in
// schemas/record.schema.json (compiled in), extended with a property for the record field of
// each mention type the pipeline's plugins declare (records/mention_types.h), so that the
// schema's `additionalProperties: false` admits exactly the fields this pipeline writes.
//
// A declared field is a list; when its type declares a key, each value is an object that
// carries the key's fields (their types are the plugin's to choose) and may carry more.
//
// Pure functions; safe from any thread.
#ifndef ACERVO_CORE_EXPORT_RECORD_SCHEMA_H_
#define ACERVO_CORE_EXPORT_RECORD_SCHEMA_H_

#include <nlohmann/json.hpp>

#include "records/mention_types.h"

namespace acervo::exporting {

// schemas/record.schema.json as shipped.
const nlohmann::json& BaseRecordSchema();

// The base schema with `types`' fields added (MentionTypes::Extra); the base when none.
nlohmann::json RecordSchema(const MentionTypes& types);

}  // namespace acervo::exporting

#endif  // ACERVO_CORE_EXPORT_RECORD_SCHEMA_H_
