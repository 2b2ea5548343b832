#include <algorithm>
#include <cstdlib>
#include <map>
#include <sstream>
#include <vector>

#include "export/report.h"
#include "i18n/i18n.h"
#include "i18n/local_format.h"

namespace acervo::exporting {
namespace {

constexpr const char* kStyle = R"css(
body{font-family:system-ui,sans-serif;margin:2em auto;max-width:64em;color:#222;padding:0 1em}
h1{font-size:1.6em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5em 0}td,th{padding:.2em .8em;text-align:left;
border-bottom:1px solid #eee;vertical-align:top}td.n{text-align:right;font-variant-numeric:
tabular-nums}.facts td:first-child{font-weight:600}svg{display:block;margin:.5em 0}
svg text{font-size:12px;fill:#222}.bar{fill:#3a7ca5}.note{color:#666;font-size:.9em}
)css";

// Bar lengths only: the labels beside the bars carry the exact sums.
double Approx(const Decimal& d) { return std::strtod(d.ToString().c_str(), nullptr); }

std::string Num(double v) {
  std::ostringstream s;
  s.precision(1);
  s << std::fixed << v;
  return s.str();
}

// A horizontal bar per goal with money in `currency`.
void GoalMoneyChart(const StoreSummary& s, const std::string& currency, std::ostream& out) {
  std::vector<std::pair<int, Decimal>> bars;
  double max = 0;
  for (const auto& [goal, tally] : s.by_goal) {
    auto it = tally.money.find(currency);
    if (it == tally.money.end()) continue;
    bars.emplace_back(goal, it->second);
    max = std::max(max, Approx(it->second));
  }
  if (bars.empty()) return;
  const int row = 22, left = 70, width = 420;
  out << "<h3>" << EscapeHtml(CurrencyLabel(currency)) << "</h3>\n<svg role=\"img\" width=\""
      << left + width + 220 << "\" height=\"" << row * bars.size() + 4 << "\" aria-label=\""
      << EscapeHtml(_f("Money per goal in {}", CurrencyLabel(currency))) << "\">\n";
  for (size_t i = 0; i < bars.size(); ++i) {
    double w = max > 0 ? std::max(1.0, Approx(bars[i].second) / max * width) : 1.0;
    int y = static_cast<int>(i) * row;
    out << "<text x=\"0\" y=\"" << y + 15 << "\">" << EscapeHtml(GoalLabel(bars[i].first))
        << "</text>"
        << "<rect class=\"bar\" x=\"" << left << "\" y=\"" << y + 3 << "\" width=\"" << Num(w)
        << "\" height=\"" << row - 6 << "\"/>"
        << "<text x=\"" << Num(left + w + 6) << "\" y=\"" << y + 15 << "\">"
        << EscapeHtml(LocalNumber(bars[i].second.Canonical().ToString())) << "</text>\n";
  }
  out << "</svg>\n";
}

// A vertical bar per month with dated records.
void MonthChart(const StoreSummary& s, std::ostream& out) {
  if (s.by_month.empty()) {
    out << "<p class=\"note\">" << EscapeHtml(_("No record has a date with a month.")) << "</p>\n";
    return;
  }
  int64_t max = 1;
  for (const auto& [month, tally] : s.by_month) max = std::max(max, tally.records);
  // The margins leave room for the last month's slanted label.
  const int height = 160, top = 16, bottom = 60;
  const int bar = std::clamp(720 / static_cast<int>(s.by_month.size()), 6, 40);
  out << "<svg role=\"img\" aria-label=\"" << EscapeHtml(_("Records per month")) << "\" width=\""
      << bar * s.by_month.size() + 70 << "\" height=\"" << height + top + bottom << "\">\n";
  int x = 10;
  for (const auto& [month, tally] : s.by_month) {
    double h = static_cast<double>(tally.records) / max * height;
    out << "<rect class=\"bar\" x=\"" << x + 1 << "\" y=\"" << Num(top + height - h)
        << "\" width=\"" << bar - 2 << "\" height=\"" << Num(h) << "\"><title>"
        << EscapeHtml(LocalDate(month)) << ": " << LocalNumber(tally.records) << "</title></rect>"
        << "<text x=\"" << x + bar / 2 << "\" y=\"" << Num(top + height - h - 3)
        << "\" text-anchor=\"middle\">" << LocalNumber(tally.records) << "</text>"
        << "<text transform=\"translate(" << x + bar / 2 + 4 << "," << top + height + 6
        << ") rotate(60)\">" << EscapeHtml(LocalDate(month)) << "</text>\n";
    x += bar;
  }
  out << "</svg>\n";
}

std::string MoneyCell(const MoneyByCurrency& money) {
  std::string out;
  for (const auto& [currency, sum] : money) {
    if (!out.empty()) out += "<br>";
    out += EscapeHtml(LocalNumber(sum.Canonical().ToString()) + " " + CurrencyLabel(currency));
  }
  return out;
}

template <typename Key, typename Label>
void TallyTable(const std::map<Key, Tally>& tallies, const std::string& head, Label label,
                size_t limit, std::ostream& out) {
  if (tallies.empty()) {
    out << "<p class=\"note\">" << EscapeHtml(_("None.")) << "</p>\n";
    return;
  }
  std::vector<std::pair<Key, Tally>> rows(tallies.begin(), tallies.end());
  if (rows.size() > limit) {
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      return a.second.records > b.second.records;
    });
  }
  out << "<table><tr><th>" << EscapeHtml(head) << "</th><th>" << EscapeHtml(_("Records"))
      << "</th><th>" << EscapeHtml(_("Money")) << "</th></tr>\n";
  for (size_t i = 0; i < rows.size() && i < limit; ++i) {
    out << "<tr><td>" << EscapeHtml(label(rows[i].first)) << "</td><td class=\"n\">"
        << LocalNumber(rows[i].second.records) << "</td><td class=\"n\">"
        << MoneyCell(rows[i].second.money) << "</td></tr>\n";
  }
  out << "</table>\n";
  if (rows.size() > limit)
    out << "<p class=\"note\">" << EscapeHtml(MoreLine(rows.size() - limit)) << "</p>\n";
}

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

// One row of the facts table.
void Fact(const char* label, int64_t n, std::ostream& out) {
  out << "<tr><td>" << EscapeHtml(_(label)) << "</td><td class=\"n\">" << LocalNumber(n)
      << "</td></tr>\n";
}

// A section heading and its note.
void Heading(const char* title, const char* note, std::ostream& out) {
  out << "<h2>" << EscapeHtml(_(title)) << "</h2>\n";
  if (note) out << "<p class=\"note\">" << EscapeHtml(_(note)) << "</p>\n";
}

void Note(const std::string& text, std::ostream& out) {
  out << "<p class=\"note\">" << EscapeHtml(text) << "</p>\n";
}

}  // namespace

void RenderHtmlReport(const StoreSummary& s, const ReportOptions& o, std::ostream& out) {
  std::string title = ReportTitle(o);
  out << "<!DOCTYPE html>\n<html lang=\"" << LanguageCode(CurrentLanguage())
      << "\"><head><meta charset=\"utf-8\">"
      << "<meta name=\"viewport\" content=\"width=device-width\">"
      << "<title>" << EscapeHtml(title) << "</title><style>" << kStyle
      << "</style></head>\n<body>\n<h1>" << EscapeHtml(title) << "</h1>\n";
  out << "<table class=\"facts\">\n";
  Fact(N_("Documents"), s.documents, out);
  Fact(N_("Pages"), s.pages, out);
  Fact(N_("Documents that failed to load"), s.failures, out);
  Fact(N_("Records"), s.records, out);
  Fact(N_("Awaiting review"), s.needs_review, out);
  Fact(N_("Reviewed"), s.reviewed, out);
  Fact(N_("Reviewed, no longer found by the latest extraction (kept)"), s.orphaned, out);
  Fact(N_("Rejected or merged (not counted)"), s.excluded, out);
  if (!s.first_day.empty()) {
    out << "<tr><td>" << EscapeHtml(_("Dates")) << "</td><td>"
        << EscapeHtml(_f("from {} to {}", LocalDate(s.first_day), LocalDate(s.last_day)))
        << "</td></tr>\n";
  }
  out << "</table>\n";

  Heading(N_("Money per currency"),
          N_("Exact sums; currencies are never added together. A record's stated total "
             "replaces its parts."),
          out);
  if (s.money.empty()) Note(_("No amounts."), out);
  out << "<table>\n";
  for (const auto& [currency, sum] : s.money) {
    out << "<tr><td>" << EscapeHtml(CurrencyLabel(currency)) << "</td><td class=\"n\">"
        << EscapeHtml(LocalNumber(sum.Canonical().ToString())) << "</td></tr>\n";
  }
  out << "</table>\n";
  if (s.approximate_amounts || s.unreadable_amounts) {
    Note(_f("{} approximate amounts included; {} amounts not summed (not exact decimals).",
            LocalNumber(s.approximate_amounts), LocalNumber(s.unreadable_amounts)),
         out);
  }

  Heading(N_("Money per goal (ODS)"),
          N_("A record counts under each of its goals, so these overlap."), out);
  for (const auto& [currency, sum] : s.money) GoalMoneyChart(s, currency, out);
  if (s.money.empty()) Note(_("No amounts."), out);

  Heading(N_("Records per month"), N_("By each record's first date."), out);
  MonthChart(s, out);

  Heading(N_("By kind"), nullptr, out);
  TallyTable(
      s.by_kind, _("Kind"), [](const std::string& k) { return k; }, o.limit, out);
  Heading(N_("By year"), nullptr, out);
  TallyTable(s.by_year, _("Year"), YearLabel, o.limit, out);
  Heading(N_("By goal (ODS)"), nullptr, out);
  TallyTable(s.by_goal, _("Goal"), GoalLabel, o.limit, out);
  Heading(N_("By institution"), nullptr, out);
  TallyTable(
      s.by_institution, _("Institution"), [](const std::string& n) { return n; }, o.limit, out);

  Heading(N_("Warnings"),
          N_("Reconciliation of stated totals and other warnings raised while reading the "
             "documents."),
          out);
  if (s.warnings.empty()) Note(_("None."), out);
  out << "<ul>\n";
  for (size_t i = 0; i < s.warnings.size() && i < o.limit; ++i) {
    out << "<li>" << EscapeHtml(s.warnings[i].source) << ": " << EscapeHtml(s.warnings[i].message)
        << "</li>\n";
  }
  out << "</ul>\n";
  if (s.warnings.size() > o.limit) Note(MoreLine(s.warnings.size() - o.limit), out);
  out << "</body></html>\n";
}

}  // namespace acervo::exporting
