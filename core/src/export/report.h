// report.h — `acervo report`: a StoreSummary (summary.h) for people.
//
// Text is plain UTF-8 for a terminal. HTML is one self-contained page: inline CSS and SVG
// charts drawn here (money per goal, one chart per currency; records per month), no
// scripts, no external resources, every piece of text escaped, so it opens offline.
// Long lists (institutions, warnings) show their first `limit` entries and say how many
// more there are.
#ifndef ACERVO_CORE_EXPORT_REPORT_H_
#define ACERVO_CORE_EXPORT_REPORT_H_

#include <ostream>
#include <string>
#include <string_view>

#include "export/summary.h"

namespace acervo::exporting {

struct ReportOptions {
  std::string store_name;  // shown in the title
  size_t limit = 50;
};

void RenderTextReport(const StoreSummary& summary, const ReportOptions& options, std::ostream& out);
void RenderHtmlReport(const StoreSummary& summary, const ReportOptions& options, std::ostream& out);

// Text made safe for HTML content and attribute values.
std::string EscapeHtml(std::string_view text);

// Words both renderings share, in the current language (i18n/i18n.h); numbers and dates
// are written with i18n/local_format.h.
std::string ReportTitle(const ReportOptions& options);   // "acervo report: <store>"
std::string CurrencyLabel(const std::string& currency);  // "" -> "(no currency)"
std::string YearLabel(const std::string& year);          // "" -> "(undated)"
std::string GoalLabel(int goal);                         // "ODS 11"
std::string MoreLine(size_t more);                       // "... and 3 more"

}  // namespace acervo::exporting

#endif  // ACERVO_CORE_EXPORT_REPORT_H_
