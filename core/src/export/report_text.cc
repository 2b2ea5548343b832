#include <algorithm>
#include <functional>
#include <map>
#include <vector>

#include "export/report.h"

namespace acervo::exporting {
namespace {

std::string Money(const MoneyByCurrency& money) {
  std::string out;
  for (const auto& [currency, sum] : money) {
    if (!out.empty()) out += "; ";
    out += GroupDigits(sum.Canonical().ToString()) + " " + (currency.empty() ? "(no currency)" : currency);
  }
  return out;
}

template <typename Key>
void Section(std::ostream& out, const std::string& title, const std::map<Key, Tally>& tallies,
             const std::function<std::string(const Key&)>& label, size_t limit) {
  out << "\n" << title << "\n";
  if (tallies.empty()) out << "  (none)\n";
  std::vector<std::pair<Key, Tally>> rows(tallies.begin(), tallies.end());
  if (rows.size() > limit) {  // the most frequent first when the list is cut
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      return a.second.records > b.second.records;
    });
  }
  for (size_t i = 0; i < rows.size() && i < limit; ++i) {
    int64_t n = rows[i].second.records;
    out << "  " << label(rows[i].first) << ": " << n << (n == 1 ? " record" : " records");
    if (!rows[i].second.money.empty()) out << ", " << Money(rows[i].second.money);
    out << "\n";
  }
  if (rows.size() > limit) out << "  ... and " << rows.size() - limit << " more\n";
}

std::string Plain(const std::string& s) { return s; }

}  // namespace

std::string GroupDigits(const std::string& decimal) {
  size_t begin = decimal.empty() || decimal[0] != '-' ? 0 : 1;
  size_t end = std::min(decimal.find('.'), decimal.size());
  std::string out = decimal.substr(0, begin);
  for (size_t i = begin; i < end; ++i) {
    if (i > begin && (end - i) % 3 == 0) out += ',';
    out += decimal[i];
  }
  return out + decimal.substr(end);
}

void RenderTextReport(const StoreSummary& s, const ReportOptions& o, std::ostream& out) {
  out << "acervo report" << (o.store_name.empty() ? "" : ": " + o.store_name) << "\n\n";
  out << "Documents: " << s.documents << " (" << s.pages << " pages; " << s.failures
      << " failed to load)\n";
  out << "Records: " << s.records << " (" << s.needs_review << " awaiting review, "
      << s.reviewed << " reviewed; " << s.excluded << " rejected or merged, not counted)\n";
  if (s.orphaned) {
    out << "  of which reviewed but no longer found by the latest extraction (kept as "
           "reviewed, \"orphaned\" in exports): " << s.orphaned << "\n";
  }
  out << "Money (summed per currency, never across):"
      << (s.money.empty() ? " none" : "") << "\n";
  for (const auto& [currency, sum] : s.money) {
    out << "  " << (currency.empty() ? "(no currency)" : currency) << ": "
        << GroupDigits(sum.Canonical().ToString()) << "\n";
  }
  if (s.approximate_amounts) {
    out << "  of which approximate amounts: " << s.approximate_amounts << "\n";
  }
  if (s.unreadable_amounts) {
    out << "  amounts not summed (not exact decimals): " << s.unreadable_amounts << "\n";
  }
  Section<std::string>(out, "By kind", s.by_kind, Plain, o.limit);
  Section<std::string>(
      out, "By year (of the first date)", s.by_year,
      [](const std::string& y) { return y.empty() ? std::string("(undated)") : y; }, o.limit);
  Section<int>(
      out, "By goal (ODS; a record counts under each of its goals)", s.by_goal,
      [](const int& g) { return "ODS " + std::to_string(g); }, o.limit);
  Section<std::string>(out, "By institution (a record counts under each of its institutions)",
                       s.by_institution, Plain, o.limit);
  if (!s.by_declared.empty()) {
    Section<std::string>(out, "By the plugins' own mention types (records carrying each)",
                         s.by_declared, Plain, o.limit);
  }
  out << "\nWarnings (reconciliation of stated totals and others): " << s.warnings.size()
      << "\n";
  for (size_t i = 0; i < s.warnings.size() && i < o.limit; ++i) {
    out << "  " << s.warnings[i].source << ": " << s.warnings[i].message << "\n";
  }
  if (s.warnings.size() > o.limit) out << "  ... and " << s.warnings.size() - o.limit << " more\n";
}

}  // namespace acervo::exporting
