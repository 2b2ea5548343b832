#include "eval/report.h"

#include <cmath>
#include <cstdio>

namespace acervo::eval {
namespace {

using nlohmann::json;

json Rounded(std::optional<double> v) {
  if (!v) return nullptr;
  return std::round(*v * 10000) / 10000;
}

json CountsJson(const Counts& c) {
  return {{"gold", c.gold()},
          {"predicted", c.predicted()},
          {"tp", c.tp},
          {"fp", c.fp},
          {"fn", c.fn},
          {"precision", Rounded(c.precision())},
          {"recall", Rounded(c.recall())},
          {"f1", Rounded(c.f1())}};
}

const char* KindName(DiffItem::Kind k) {
  switch (k) {
    case DiffItem::kMissed:
      return "missed";
    case DiffItem::kExtra:
      return "extra";
    case DiffItem::kWrongKind:
      return "wrong_kind";
  }
  return "?";
}

std::string Fixed(std::optional<double> v) {
  if (!v) return "-";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f", *v);
  return buf;
}

// "line 80", "p. 3", "p. 3 line 80", or "".
std::string Where(const Location& w) {
  std::string s;
  if (w.page > 0) s = "p. " + std::to_string(w.page);
  if (w.line > 0) s += (s.empty() ? "" : " ") + std::string("line ") + std::to_string(w.line);
  return s;
}

void PrintCounts(const char* label, const Counts& c, std::ostream& out) {
  char line[160];
  std::snprintf(line, sizeof line, "  %-22s %6lld %6lld %6lld %6lld %6lld %7s %7s %7s\n", label,
                static_cast<long long>(c.gold()), static_cast<long long>(c.predicted()),
                static_cast<long long>(c.tp), static_cast<long long>(c.fp),
                static_cast<long long>(c.fn), Fixed(c.precision()).c_str(),
                Fixed(c.recall()).c_str(), Fixed(c.f1()).c_str());
  out << line;
}

void PrintScores(const Scores& s, std::ostream& out) {
  static const char* kLabels[kCategoryCount] = {
      "dates",         "amounts",       "amounts (value)", "ods (explicit)",       "institutions",
      "records",       "  field dates", "  field amounts", "  field institutions", "  field ods",
      "  fields (all)"};
  char line[160];
  std::snprintf(line, sizeof line, "  %-22s %6s %6s %6s %6s %6s %7s %7s %7s\n", "", "gold", "pred",
                "tp", "fp", "fn", "prec", "recall", "f1");
  out << line;
  for (int i = 0; i < kCategoryCount; ++i) PrintCounts(kLabels[i], s.counts[i], out);
  for (const auto& [type, c] : s.declared) PrintCounts(type.c_str(), c, out);
  out << "  kind accuracy          " << Fixed(s.kind.value()) << " (" << s.kind.hits << "/"
      << s.kind.total << " found records)\n";
  if (!s.confidences.empty()) {
    out << "  confidence AUC         " << Fixed(s.ConfidenceAuc())
        << " (matched vs unmatched records)\n"
        << "  auto precision         " << Fixed(s.auto_precision.value()) << " ("
        << s.auto_precision.hits << "/" << s.auto_precision.total << " records marked auto)\n";
  }
}

}  // namespace

void Summarize(EvalReport* report) {
  report->micro = Scores();
  for (const DocResult& d : report->documents) report->micro += d.scores;
}

json ScoresJson(const Scores& s) {
  json out = json::object();
  for (int i = 0; i < kCategoryCount; ++i) {
    out[CategoryName(static_cast<Category>(i))] = CountsJson(s.counts[i]);
  }
  // The plugins' declared types, by name, only when there are any.
  for (const auto& [type, c] : s.declared) out["declared"][type] = CountsJson(c);
  out["record_kind"] = {
      {"correct", s.kind.hits}, {"found", s.kind.total}, {"accuracy", Rounded(s.kind.value())}};
  out["record_confidence"] = {{"auc", Rounded(s.ConfidenceAuc())},
                              {"records", s.confidences.size()},
                              {"auto_correct", s.auto_precision.hits},
                              {"auto", s.auto_precision.total},
                              {"auto_precision", Rounded(s.auto_precision.value())}};
  return out;
}

json ReportJson(const EvalReport& report, bool with_diff) {
  json docs = json::array();
  for (const DocResult& d : report.documents) {
    json doc = {{"doc", d.stem},
                {"gold", d.gold_source},
                {"prediction", d.pred_source},
                {"scores", ScoresJson(d.scores)}};
    if (with_diff) {
      json diff = json::array();
      for (const DiffItem& item : d.diff) {
        json j = {{"kind", KindName(item.kind)},
                  {"category", item.type.empty() ? CategoryName(item.category) : "declared"},
                  {"text", item.text},
                  {"value", item.value}};
        if (!item.type.empty()) j["type"] = item.type;
        if (!item.record.empty()) j["record"] = item.record;
        if (item.where.line > 0) j["line"] = item.where.line;
        if (item.where.page > 0) j["page"] = item.where.page;
        diff.push_back(std::move(j));
      }
      doc["diff"] = std::move(diff);
    }
    docs.push_back(std::move(doc));
  }
  return {{"documents", docs}, {"micro", ScoresJson(report.micro)}, {"warnings", report.warnings}};
}

void PrintTable(const EvalReport& report, std::ostream& out) {
  for (const DocResult& d : report.documents) {
    out << d.stem << "  (" << d.pred_source << ")\n";
    PrintScores(d.scores, out);
    out << "\n";
  }
  out << "micro-average over " << report.documents.size() << " document"
      << (report.documents.size() == 1 ? "" : "s") << "\n";
  PrintScores(report.micro, out);
}

void PrintDiff(const EvalReport& report, std::ostream& out) {
  for (const DocResult& d : report.documents) {
    out << "== " << d.stem << "  gold " << d.gold_source << "  prediction " << d.pred_source
        << "\n";
    for (const DiffItem& item : d.diff) {
      char head[64];
      std::snprintf(head, sizeof head, "%-6s %-19s %-16s",
                    item.kind == DiffItem::kMissed  ? "MISS"
                    : item.kind == DiffItem::kExtra ? "EXTRA"
                                                    : "KIND",
                    item.type.empty() ? CategoryName(item.category) : item.type.c_str(),
                    Where(item.where).c_str());
      out << head;
      if (!item.text.empty()) out << " \"" << item.text << "\"";
      if (!item.value.empty()) out << " " << item.value;
      if (!item.record.empty()) out << "  [record \"" << item.record << "\"]";
      out << "\n";
    }
    if (d.diff.empty()) out << "(nothing to fix)\n";
  }
}

}  // namespace acervo::eval
