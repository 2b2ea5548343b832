// record_csv.h — records as CSV rows (RFC 4180): one row per record, lists joined with
// " | ", amounts as parallel value and currency columns.
//
// Columns: id, document_id, source, kind, title, anchor, page_start, page_end, dates
// ("start/end" each), amounts ("value", an exact decimal), currencies (ISO 4217, "" when
// unknown), roles ("" when none), approximate ("true"/"false"), institutions, ods ("13" or
// "13*" when inferred), confidence, status, reviewed_by, reviewed_at, orphaned ("true" for a
// reviewed record the latest extraction no longer finds, else ""). The four amount
// columns are parallel lists: their n-th items describe the same amount. A null inside a
// list is an empty item. Documented in docs/export.md.
#ifndef ACERVO_CORE_EXPORT_RECORD_CSV_H_
#define ACERVO_CORE_EXPORT_RECORD_CSV_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "records/mention_types.h"

namespace acervo {

// `types`: the pipeline's declared mention types. Each one outside the contract adds its
// columns after "orphaned" ("project_codes.code", ...: MentionTypes::ColumnNames), a record's
// values joined with " | ". With no such type the columns are exactly those above.
std::string CsvHeader(const MentionTypes& types = MentionTypes());
std::string CsvRow(const nlohmann::json& record, const MentionTypes& types = MentionTypes());
// One field, quoted when it holds a comma, quote, or line break. A field a spreadsheet would
// run as a formula (it starts with '=', '+', '@', a tab, a carriage return, or a '-' that does
// not start a number) gets a leading apostrophe, as OWASP advises against CSV injection: the
// cell then shows the text as written and runs nothing.
bool StartsLikeAFormula(std::string_view value);
std::string CsvField(std::string_view value);

}  // namespace acervo

#endif  // ACERVO_CORE_EXPORT_RECORD_CSV_H_
