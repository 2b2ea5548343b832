#include "export/exporter.h"

#include "export/record_csv.h"

namespace acervo::exporting {

std::optional<ExportFormat> ParseExportFormat(const std::string& name) {
  if (name == "jsonl") return ExportFormat::kJsonLines;
  if (name == "json") return ExportFormat::kJson;
  if (name == "csv") return ExportFormat::kCsv;
  return std::nullopt;
}

Status ExportRecords(Store* store, const EffectiveFilter& filter, ExportFormat format,
                     std::ostream& out, EffectiveCounts* counts, const MentionTypes& types) {
  bool first = true;
  if (format == ExportFormat::kJson) out << "[";
  if (format == ExportFormat::kCsv) out << CsvHeader(types);
  Status s = ForEachEffectiveRecord(
      store, filter,
      [&](const nlohmann::json& r) {
        // Replacing invalid UTF-8 keeps one bad byte in a source from ending the export.
        std::string line = r.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        switch (format) {
          case ExportFormat::kJsonLines:
            out << line << '\n';
            break;
          case ExportFormat::kJson:
            out << (first ? "\n" : ",\n") << line;
            break;
          case ExportFormat::kCsv:
            out << CsvRow(r, types);
            break;
        }
        first = false;
      },
      counts);
  if (format == ExportFormat::kJson) out << (first ? "]\n" : "\n]\n");
  if (!s.ok()) return s;
  out.flush();
  if (!out) return IoError("writing the export failed");
  return Status::Ok();
}

}  // namespace acervo::exporting
