#include "eval/annotations.h"

#include <map>

#include "eval/match_key.h"

namespace acervo::eval {
namespace {

using nlohmann::json;

std::string StringOr(const json& obj, const char* field, std::string fallback = "") {
  if (!obj.is_object()) return fallback;
  auto it = obj.find(field);
  if (it == obj.end() || !it->is_string()) return fallback;
  return it->get<std::string>();
}

int IntOr(const json& obj, const char* field) {
  if (!obj.is_object()) return 0;
  auto it = obj.find(field);
  return it != obj.end() && it->is_number_integer() ? it->get<int>() : 0;
}

const json& ArrayOr(const json& obj, const char* field) {
  static const json kEmpty = json::array();
  if (!obj.is_object()) return kEmpty;
  auto it = obj.find(field);
  return it != obj.end() && it->is_array() ? *it : kEmpty;
}

// "2020-09-22..2020-09-22", or "" for values that are not scored (year precision, junk).
std::string DateKey(const json& value) {
  if (!value.is_object() || StringOr(value, "precision") == "year") return "";
  std::string start = StringOr(value, "start");
  std::string end = StringOr(value, "end", start);
  if (start.size() < 7 || end.size() < 7) return "";  // "2024" alone is not a date mention
  return start + ".." + end;
}

std::string AmountValue(const json& value) {
  if (!value.is_object()) return "";
  auto it = value.find("amount");
  if (it == value.end()) return "";
  if (it->is_string()) return CanonicalDecimal(it->get<std::string>());
  if (it->is_number_integer()) return it->dump();
  return it->is_null() ? "" : "not-a-decimal:" + it->dump();
}

std::string AmountKey(const json& value) {
  std::string amount = AmountValue(value);
  if (amount.empty()) return "";
  std::string currency = StringOr(value, "currency");
  return amount + " " + (currency.empty() ? "null" : currency);
}

std::string GoalKey(const json& value) {
  if (!value.is_object()) return "";
  auto it = value.find("goal");
  if (it == value.end() || !it->is_number_integer()) return "";
  return std::to_string(it->get<int>());
}

void AddSpelling(std::string_view text, std::vector<std::string>* spellings) {
  std::string key = MatchKey(text);
  if (key.empty()) return;
  for (const std::string& s : *spellings) {
    if (s == key) return;
  }
  spellings->push_back(std::move(key));
}

void AddMention(const std::string& key, const json& m, std::vector<MentionItem>* out) {
  if (key.empty()) return;
  out->push_back({key, StringOr(m, "text"), {IntOr(m, "line"), IntOr(m, "page")}});
}

// Record fields shared by gold and predictions. `lookup` gives the spellings of a named
// institution known at document level.
void ReadRecordFields(const json& r, const std::map<std::string, const InstitutionItem*>& known,
                      RecordItem* out) {
  out->kind = StringOr(r, "kind");
  for (const json& d : ArrayOr(r, "dates")) {
    std::string key = DateKey(d);
    if (!key.empty()) out->dates.push_back(key);
  }
  for (const json& a : ArrayOr(r, "amounts")) {
    std::string key = AmountKey(a);
    if (!key.empty()) out->amounts.push_back(key);
  }
  for (const json& g : ArrayOr(r, "ods")) {
    std::string key = GoalKey(g);
    if (!key.empty()) out->ods.push_back(key);
  }
  for (const json& i : ArrayOr(r, "institutions")) {
    InstitutionItem item;
    item.name = StringOr(i, "name");
    AddSpelling(item.name, &item.spellings);
    AddSpelling(StringOr(i, "acronym"), &item.spellings);
    auto it = known.find(MatchKey(item.name));
    if (it != known.end()) {
      for (const std::string& s : it->second->spellings) AddSpelling(s, &item.spellings);
    }
    if (!item.spellings.empty()) out->institutions.push_back(std::move(item));
  }
}

std::map<std::string, const InstitutionItem*> ByName(const std::vector<InstitutionItem>& v) {
  std::map<std::string, const InstitutionItem*> out;
  for (const InstitutionItem& i : v) out.emplace(MatchKey(i.name), &i);
  return out;
}

// A declared type outside the contract's four, or null.
const MentionTypeInfo* DeclaredType(const MentionTypes& types, const std::string& name) {
  const MentionTypeInfo* t = types.ByName(name);
  return t && !MentionTypes::IsContractField(t->record_field) ? t : nullptr;
}

Status CheckShape(const json& j, const char* what) {
  if (!j.is_object()) return InvalidArgument(std::string(what) + " is not a JSON object");
  for (const char* field : {"mentions", "records", "institutions"}) {
    auto it = j.find(field);
    if (it != j.end() && !it->is_array())
      return InvalidArgument(std::string(what) + ": \"" + field + "\" is not an array");
  }
  return Status::Ok();
}

}  // namespace

std::string DocumentStem(std::string_view path) {
  size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  auto strip = [&name](std::initializer_list<std::string_view> suffixes) {
    for (std::string_view s : suffixes) {
      if (name.size() > s.size() && name.substr(name.size() - s.size()) == s) {
        name.remove_suffix(s.size());
        return;
      }
    }
  };
  strip({".txt", ".md", ".markdown", ".pdf", ".json", ".PDF", ".TXT"});
  strip({".scan", ".mixed", ".text"});
  return std::string(name);
}

Result<DocAnnotations> ReadGold(const json& gold, const MentionTypes& types) {
  ACERVO_RETURN_IF_ERROR(CheckShape(gold, "gold"));
  DocAnnotations out;
  out.source = StringOr(gold, "doc");
  if (out.source.empty()) return InvalidArgument("gold: missing \"doc\"");
  out.stem = DocumentStem(out.source);
  for (const json& m : ArrayOr(gold, "mentions")) {
    std::string type = StringOr(m, "type");
    const json& value = m.is_object() && m.contains("value") ? m["value"] : json();
    if (type == "date") {
      AddMention(DateKey(value), m, &out.dates);
    } else if (type == "amount") {
      AddMention(AmountKey(value), m, &out.amounts);
      AddMention(AmountValue(value), m, &out.amount_values);
    } else if (type == "ods") {
      if (value.is_object() && value.value("explicit", true) == true)
        AddMention(GoalKey(value), m, &out.ods);
    } else if (const MentionTypeInfo* t = DeclaredType(types, type)) {
      AddMention(MentionTypes::Key(*t, value), m, &out.declared[type]);
    }
  }
  for (const json& i : ArrayOr(gold, "institutions")) {
    InstitutionItem item;
    item.name = StringOr(i, "name");
    AddSpelling(item.name, &item.spellings);
    AddSpelling(StringOr(i, "acronym"), &item.spellings);
    for (const json& alias : ArrayOr(i, "aliases")) {
      if (alias.is_string()) AddSpelling(alias.get<std::string>(), &item.spellings);
    }
    if (item.spellings.empty()) return InvalidArgument("gold: an institution has no name");
    out.institutions.push_back(std::move(item));
  }
  std::map<std::string, const InstitutionItem*> known = ByName(out.institutions);
  for (const json& r : ArrayOr(gold, "records")) {
    RecordItem item;
    item.label = StringOr(r, "anchor");
    item.text_key = MatchKey(item.label);
    if (item.text_key.empty()) return InvalidArgument("gold: a record has no anchor");
    item.where.line = IntOr(r, "line");
    ReadRecordFields(r, known, &item);
    out.records.push_back(std::move(item));
  }
  return out;
}

Result<DocAnnotations> ReadPrediction(const json& x, const MentionTypes& types) {
  ACERVO_RETURN_IF_ERROR(CheckShape(x, "prediction"));
  DocAnnotations out;
  const json& doc = x.contains("document") ? x["document"] : json();
  out.source = StringOr(doc, "source");
  out.stem = DocumentStem(out.source);
  std::map<std::string, size_t> institution_index;  // MatchKey of the name -> index
  for (const json& m : ArrayOr(x, "mentions")) {
    std::string type = StringOr(m, "type");
    const json& value = m.is_object() && m.contains("value") ? m["value"] : json();
    if (type == "date") {
      AddMention(DateKey(value), m, &out.dates);
    } else if (type == "amount") {
      AddMention(AmountKey(value), m, &out.amounts);
      AddMention(AmountValue(value), m, &out.amount_values);
    } else if (type == "ods") {
      if (value.is_object() && value.value("explicit", false) == true)
        AddMention(GoalKey(value), m, &out.ods);
    } else if (type == "institution") {
      std::string name = StringOr(value, "name");
      std::string text = StringOr(m, "text");
      std::string key = MatchKey(name.empty() ? text : name);
      if (key.empty()) continue;
      auto [it, added] = institution_index.emplace(key, out.institutions.size());
      if (added) {
        out.institutions.push_back(
            {name.empty() ? text : name, {}, {IntOr(m, "line"), IntOr(m, "page")}});
      }
      InstitutionItem& item = out.institutions[it->second];
      AddSpelling(item.name, &item.spellings);
      AddSpelling(StringOr(value, "acronym"), &item.spellings);
      AddSpelling(text, &item.spellings);
    } else if (const MentionTypeInfo* t = DeclaredType(types, type)) {
      AddMention(MentionTypes::Key(*t, value), m, &out.declared[type]);
    }
  }
  std::map<std::string, const InstitutionItem*> known = ByName(out.institutions);
  for (const json& r : ArrayOr(x, "records")) {
    RecordItem item;
    item.label = StringOr(r, "anchor", StringOr(r, "title"));
    item.text_key = MatchKey(StringOr(r, "text", item.label));
    item.where = {IntOr(r, "line"), IntOr(r, "page_start")};
    if (r.contains("confidence") && r["confidence"].is_number()) {
      item.confidence = r["confidence"].get<double>();
    }
    item.status = StringOr(r, "status");
    ReadRecordFields(r, known, &item);
    out.records.push_back(std::move(item));
  }
  return out;
}

}  // namespace acervo::eval
