#include <algorithm>
#include <functional>
#include <map>
#include <vector>

#include "export/report.h"
#include "i18n/i18n.h"
#include "i18n/local_format.h"

namespace acervo::exporting {
namespace {

std::string Money(const MoneyByCurrency& money) {
  std::string out;
  for (const auto& [currency, sum] : money) {
    if (!out.empty()) out += "; ";
    out += LocalNumber(sum.Canonical().ToString()) + " " + CurrencyLabel(currency);
  }
  return out;
}

template <typename Key>
void Section(std::ostream& out, const std::string& title, const std::map<Key, Tally>& tallies,
             const std::function<std::string(const Key&)>& label, size_t limit) {
  out << "\n" << title << "\n";
  if (tallies.empty()) out << "  " << _("(none)") << "\n";
  std::vector<std::pair<Key, Tally>> rows(tallies.begin(), tallies.end());
  if (rows.size() > limit) {  // the most frequent first when the list is cut
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      return a.second.records > b.second.records;
    });
  }
  for (size_t i = 0; i < rows.size() && i < limit; ++i) {
    int64_t n = rows[i].second.records;
    out << "  " << label(rows[i].first) << ": " << _n("{} record", "{} records", n, LocalNumber(n));
    if (!rows[i].second.money.empty()) out << ", " << Money(rows[i].second.money);
    out << "\n";
  }
  if (rows.size() > limit) out << "  " << MoreLine(rows.size() - limit) << "\n";
}

std::string Plain(const std::string& s) { return s; }

}  // namespace

std::string ReportTitle(const ReportOptions& o) {
  return o.store_name.empty() ? _("acervo report") : _f("acervo report: {}", o.store_name);
}

std::string CurrencyLabel(const std::string& currency) {
  return currency.empty() ? _("(no currency)") : currency;
}

std::string YearLabel(const std::string& year) { return year.empty() ? _("(undated)") : year; }

std::string GoalLabel(int goal) { return _f("ODS {}", goal); }

std::string MoreLine(size_t more) { return _f("... and {} more", LocalNumber(int64_t(more))); }

void RenderTextReport(const StoreSummary& s, const ReportOptions& o, std::ostream& out) {
  out << ReportTitle(o) << "\n\n";
  out << _f("Documents: {} ({} pages; {} failed to load)", LocalNumber(s.documents),
            LocalNumber(s.pages), LocalNumber(s.failures))
      << "\n";
  out << _f("Records: {} ({} awaiting review, {} reviewed; {} rejected or merged, not counted)",
            LocalNumber(s.records), LocalNumber(s.needs_review), LocalNumber(s.reviewed),
            LocalNumber(s.excluded))
      << "\n";
  if (s.orphaned) {
    out << "  "
        << _f("of which reviewed but no longer found by the latest extraction (kept as "
              "reviewed, \"orphaned\" in exports): {}",
              LocalNumber(s.orphaned))
        << "\n";
  }
  if (!s.first_day.empty()) {
    out << _f("Dates: from {} to {}", LocalDate(s.first_day), LocalDate(s.last_day)) << "\n";
  }
  out << (s.money.empty() ? _("Money (summed per currency, never across): none")
                          : _("Money (summed per currency, never across):"))
      << "\n";
  for (const auto& [currency, sum] : s.money) {
    out << "  " << CurrencyLabel(currency) << ": " << LocalNumber(sum.Canonical().ToString())
        << "\n";
  }
  if (s.approximate_amounts) {
    out << "  " << _f("of which approximate amounts: {}", LocalNumber(s.approximate_amounts))
        << "\n";
  }
  if (s.unreadable_amounts) {
    out << "  "
        << _f("amounts not summed (not exact decimals): {}", LocalNumber(s.unreadable_amounts))
        << "\n";
  }
  Section<std::string>(out, _("By kind"), s.by_kind, Plain, o.limit);
  Section<std::string>(out, _("By year (of the first date)"), s.by_year, YearLabel, o.limit);
  Section<int>(out, _("By goal (ODS; a record counts under each of its goals)"), s.by_goal,
               GoalLabel, o.limit);
  Section<std::string>(out, _("By institution (a record counts under each of its institutions)"),
                       s.by_institution, Plain, o.limit);
  if (!s.by_declared.empty()) {
    Section<std::string>(out, _("By the plugins' own mention types (records carrying each)"),
                         s.by_declared, Plain, o.limit);
  }
  out << "\n"
      << _f("Warnings (reconciliation of stated totals and others): {}",
            LocalNumber(int64_t(s.warnings.size())))
      << "\n";
  for (size_t i = 0; i < s.warnings.size() && i < o.limit; ++i) {
    out << "  " << s.warnings[i].source << ": " << s.warnings[i].message << "\n";
  }
  if (s.warnings.size() > o.limit) out << "  " << MoreLine(s.warnings.size() - o.limit) << "\n";
}

}  // namespace acervo::exporting
