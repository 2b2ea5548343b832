// record_csv.h — records as CSV rows (RFC 4180): one row per record, lists joined with
// " | ", amounts as parallel value and currency columns.
//
// Columns: id, document_id, source, kind, title, anchor, page_start, page_end, dates
// ("start/end" each), amounts ("value"), currencies, roles, institutions, ods ("13" or
// "13*" when inferred), confidence, status.
#ifndef ACERVO_CORE_EXPORT_RECORD_CSV_H_
#define ACERVO_CORE_EXPORT_RECORD_CSV_H_

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace acervo {

std::string CsvHeader();
std::string CsvRow(const nlohmann::json& record);
// One field, quoted when it holds a comma, quote, or line break.
std::string CsvField(std::string_view value);

}  // namespace acervo

#endif  // ACERVO_CORE_EXPORT_RECORD_CSV_H_
