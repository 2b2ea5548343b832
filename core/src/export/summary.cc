#include "export/summary.h"

#include "export/effective_records.h"
#include "records/mention_types.h"

namespace acervo::exporting {
namespace {

using nlohmann::json;

std::string StringAt(const json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

void AddMoney(const MoneyByCurrency& money, Tally* tally) {
  ++tally->records;
  for (const auto& [currency, sum] : money) tally->money[currency] += sum;
}

// The record's money per currency (see summary.h for which amounts count).
MoneyByCurrency MoneyOf(const json& record, StoreSummary* s) {
  MoneyByCurrency out;
  const json& amounts = record.contains("amounts") ? record["amounts"] : json();
  if (!amounts.is_array()) return out;
  bool has_total = false;
  for (const json& a : amounts) has_total |= StringAt(a, "role") == "total";
  for (const json& a : amounts) {
    if (has_total && StringAt(a, "role") != "total") continue;
    std::optional<Decimal> value = Decimal::Parse(StringAt(a, "amount"));
    if (!value) {
      ++s->unreadable_amounts;
      continue;
    }
    if (a.is_object() && a.value("approximate", false)) ++s->approximate_amounts;
    out[StringAt(a, "currency")] += *value;
  }
  return out;
}

}  // namespace

void AddRecord(const json& r, StoreSummary* s) {
  ++s->records;
  std::string status = StringAt(r, "status");
  if (status == "needs_review") ++s->needs_review;
  if (status == "reviewed") ++s->reviewed;
  MoneyByCurrency money = MoneyOf(r, s);
  for (const auto& [currency, sum] : money) s->money[currency] += sum;

  AddMoney(money, &s->by_kind[StringAt(r, "kind")]);
  std::string first_date;
  if (r.contains("dates") && r["dates"].is_array() && !r["dates"].empty()) {
    first_date = StringAt(r["dates"][0], "start");
  }
  AddMoney(money, &s->by_year[first_date.substr(0, std::min<size_t>(4, first_date.size()))]);
  if (first_date.size() >= 7) AddMoney(money, &s->by_month[first_date.substr(0, 7)]);
  if (first_date.size() == 10) {
    if (s->first_day.empty() || first_date < s->first_day) s->first_day = first_date;
    if (first_date > s->last_day) s->last_day = first_date;
  }
  if (r.contains("ods") && r["ods"].is_array()) {
    std::map<int, bool> seen;
    for (const json& g : r["ods"]) {
      if (!g.is_object() || !g.contains("goal") || !g["goal"].is_number_integer()) continue;
      int goal = g["goal"].get<int>();
      if (!seen[goal]) AddMoney(money, &s->by_goal[goal]);
      seen[goal] = true;
    }
  }
  if (r.contains("institutions") && r["institutions"].is_array()) {
    std::map<std::string, bool> seen;
    for (const json& i : r["institutions"]) {
      std::string name = StringAt(i, "name");
      if (name.empty() || seen[name]) continue;
      seen[name] = true;
      AddMoney(money, &s->by_institution[name]);
    }
  }
  for (const auto& [field, values] : r.items()) {
    if (!MentionTypes::IsDeclarableField(field) || !values.is_array() || values.empty()) continue;
    AddMoney(money, &s->by_declared[field]);
  }
}

Result<StoreSummary> Summarize(Store* store) {
  StoreSummary s;
  for (auto [table, field] : {std::pair{"documents", &s.documents}, std::pair{"pages", &s.pages},
                              std::pair{"failures", &s.failures}}) {
    Result<int64_t> n = store->Count(table);
    if (!n.ok()) return n.status();
    *field = *n;
  }
  ACERVO_RETURN_IF_ERROR(
      store->ForEachDocumentWarning([&](const std::string& source, const std::string& warning) {
        s.warnings.push_back({source, warning});
      }));
  EffectiveCounts counts;
  Status st = ForEachEffectiveRecord(
      store, EffectiveFilter{}, [&](const json& r) { AddRecord(r, &s); }, &counts);
  if (!st.ok()) return st;
  s.excluded = counts.skipped;
  s.orphaned = counts.orphaned;
  return s;
}

}  // namespace acervo::exporting
