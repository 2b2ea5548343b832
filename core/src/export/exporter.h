// exporter.h — `acervo export`: the store's effective records written as they are read.
//
//   jsonl  one record per line
//   json   one array of records (the brackets are written around the stream)
//   csv    one row per record (record_csv.h: lists joined with " | ", amounts as parallel
//          value, currency and role columns)
//
// Records are the reviewed values (effective_records.h) and validate against
// schemas/record.schema.json. Nothing is buffered beyond one record.
#ifndef ACERVO_CORE_EXPORT_EXPORTER_H_
#define ACERVO_CORE_EXPORT_EXPORTER_H_

#include <optional>
#include <ostream>
#include <string>

#include "acervo/status.h"
#include "export/effective_records.h"
#include "records/mention_types.h"
#include "store/store.h"

namespace acervo::exporting {

enum class ExportFormat { kJsonLines, kJson, kCsv };

// "jsonl", "json" or "csv".
std::optional<ExportFormat> ParseExportFormat(const std::string& name);

// Writes the records matching `filter` to `out`. IoError when `out` fails. `types`: the
// pipeline's declared mention types, whose lists get CSV columns (record_csv.h).
Status ExportRecords(Store* store, const EffectiveFilter& filter, ExportFormat format,
                     std::ostream& out, EffectiveCounts* counts = nullptr,
                     const MentionTypes& types = MentionTypes());

}  // namespace acervo::exporting

#endif  // ACERVO_CORE_EXPORT_EXPORTER_H_
