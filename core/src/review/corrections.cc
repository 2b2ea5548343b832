#include "review/corrections.h"

#include <algorithm>
#include <cctype>

#include "records/record_json.h"

namespace acervo::review {
namespace {

using nlohmann::json;

const std::vector<std::string>& Kinds() {
  static const std::vector<std::string> kinds = {"evento",         "reunion",      "acuerdo",
                                                 "financiamiento", "capacitacion", "premio",
                                                 "difusion",       "otro"};
  return kinds;
}

// "amounts/0/amount" -> {"amounts", "0", "amount"}.
std::vector<std::string> Split(const std::string& path) {
  std::vector<std::string> parts;
  size_t from = 0;
  while (true) {
    size_t slash = path.find('/', from);
    parts.push_back(path.substr(from, slash - from));
    if (slash == std::string::npos) break;
    from = slash + 1;
  }
  return parts;
}

bool IsIndex(const std::string& s) {
  return !s.empty() && s.size() < 6 && std::all_of(s.begin(), s.end(), ::isdigit);
}

bool IsDigits(const std::string& s, size_t from, size_t n) {
  if (s.size() < from + n) return false;
  return std::all_of(s.begin() + from, s.begin() + from + n, ::isdigit);
}

// 2024, 2024-02 or 2024-02-08.
bool IsIsoDate(const json& v) {
  if (!v.is_string()) return false;
  const std::string& s = v.get_ref<const std::string&>();
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  if (!IsDigits(s, 0, 4)) return false;
  if (s.size() >= 7 &&
      (s[4] != '-' || !IsDigits(s, 5, 2) || s.substr(5, 2) < "01" || s.substr(5, 2) > "12")) {
    return false;
  }
  if (s.size() == 10 &&
      (s[7] != '-' || !IsDigits(s, 8, 2) || s.substr(8, 2) < "01" || s.substr(8, 2) > "31")) {
    return false;
  }
  return true;
}

// Digits with an optional sign and fraction: "2690952000.00", "-1234.00". Never a float.
bool IsDecimal(const json& v) {
  if (!v.is_string()) return false;
  std::string_view s = v.get_ref<const std::string&>();
  if (s.starts_with('-')) s.remove_prefix(1);  // a negative sum: "-1250000.50"
  size_t dot = s.find('.');
  std::string_view whole = s.substr(0, dot);
  if (whole.empty() || !std::all_of(whole.begin(), whole.end(), ::isdigit)) return false;
  if (dot == std::string::npos) return true;
  std::string_view frac = s.substr(dot + 1);
  return !frac.empty() && std::all_of(frac.begin(), frac.end(), ::isdigit);
}

bool IsCurrency(const json& v) {
  if (v.is_null()) return true;
  if (!v.is_string()) return false;
  const std::string& s = v.get_ref<const std::string&>();
  return s.size() == 3 && std::all_of(s.begin(), s.end(), ::isupper);
}

bool IsNonEmptyString(const json& v) {
  return v.is_string() && !v.get_ref<const std::string&>().empty();
}

Status Bad(const std::string& field, const std::string& why) {
  return InvalidArgument(field + ": " + why);
}

// Validates the value of `key` inside one element of array `root`.
Status ValidateMember(const std::string& field, const std::string& root, const std::string& key,
                      const json& v) {
  // A plugin's own type: its values are the plugin's to shape.
  if (MentionTypes::IsDeclarableField(root)) return Status::Ok();
  if (root == "dates") {
    if (key == "start" || key == "end") {
      return IsIsoDate(v) ? Status::Ok()
                          : Bad(field, "expected an ISO date (2024, 2024-02, 2024-02-08)");
    }
  } else if (root == "amounts") {
    if (key == "amount") {
      return IsDecimal(v) ? Status::Ok()
                          : Bad(field,
                                "expected an exact decimal in units, like \"250000\", \"1200.50\" "
                                "or \"-1234.00\"");
    }
    if (key == "currency") {
      return IsCurrency(v) ? Status::Ok()
                           : Bad(field, "expected an ISO 4217 code (MXN, USD...) or null");
    }
    if (key == "approximate")
      return v.is_boolean() ? Status::Ok() : Bad(field, "expected true or false");
    if (key == "role") {
      static const char* const kRoles[] = {"aporte", "contrapartida", "total"};
      if (v.is_null()) return Status::Ok();
      for (const char* r : kRoles) {
        if (v == r) return Status::Ok();
      }
      return Bad(field, "expected aporte, contrapartida, total or null");
    }
  } else if (root == "institutions") {
    if (key == "name") return IsNonEmptyString(v) ? Status::Ok() : Bad(field, "expected a name");
    if (key == "acronym" || key == "id") {
      return v.is_null() || v.is_string() ? Status::Ok() : Bad(field, "expected text or null");
    }
  } else if (root == "ods") {
    if (key == "goal") {
      return v.is_number_integer() && v.get<int>() >= 1 && v.get<int>() <= 17
                 ? Status::Ok()
                 : Bad(field, "expected a goal from 1 to 17");
    }
    if (key == "explicit")
      return v.is_boolean() ? Status::Ok() : Bad(field, "expected true or false");
  }
  return Bad(field, "no such field");
}

// Validates a whole element of array `root`.
Status ValidateElement(const std::string& field, const std::string& root, const json& v) {
  if (!v.is_object()) return Bad(field, "expected an object");
  static const std::vector<std::pair<std::string, std::vector<std::string>>> kRequired = {
      {"dates", {"start", "end"}},
      {"amounts", {"amount", "currency"}},
      {"institutions", {"name"}},
      {"ods", {"goal"}}};
  for (const auto& [r, keys] : kRequired) {
    if (r != root) continue;
    for (const std::string& k : keys) {
      if (!v.contains(k)) return Bad(field, "missing \"" + k + "\"");
    }
  }
  for (const auto& [key, value] : v.items()) {
    ACERVO_RETURN_IF_ERROR(ValidateMember(field + "/" + key, root, key, value));
  }
  return Status::Ok();
}

// Sets (or, with a null value at an index, removes) the value at `path`. False when the
// path does not exist in `record` (a re-extraction found fewer amounts, say).
bool SetAt(json* record, const std::string& path, const json& value) {
  std::vector<std::string> parts = Split(path);
  json* node = record;
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    const std::string& p = parts[i];
    if (node->is_array() && IsIndex(p) && std::stoul(p) < node->size()) {
      node = &(*node)[std::stoul(p)];
    } else if (node->is_object() && node->contains(p)) {
      node = &(*node)[p];
    } else {
      return false;
    }
  }
  const std::string& last = parts.back();
  if (node->is_array()) {
    if (last == "-") {
      node->push_back(value);
      return true;
    }
    if (!IsIndex(last) || std::stoul(last) >= node->size()) return false;
    if (value.is_null()) {
      node->erase(std::stoul(last));
    } else {
      (*node)[std::stoul(last)] = value;
    }
    return true;
  }
  if (!node->is_object()) return false;
  (*node)[last] = value;
  return true;
}

void AddMention(json* record, const json& m) {
  const std::string type = m.value("type", "");
  const json& v = m.contains("value") ? m["value"] : json();
  auto add = [&](const char* key, json value) {
    json& list = (*record)[key];
    if (!list.is_array()) list = json::array();
    if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
  };
  if (type == "date") {
    add("dates", {{"start", v.value("start", "")}, {"end", v.value("end", v.value("start", ""))}});
  } else if (type == "amount") {
    json a = v;
    if (!a.contains("role")) a["role"] = nullptr;
    add("amounts", a);
  } else if (type == "institution") {
    add("institutions", {{"name", v.value("name", m.value("text", ""))},
                         {"acronym", v.contains("acronym") ? v["acronym"] : json()}});
  } else if (type == "ods") {
    add("ods", {{"goal", v.value("goal", 0)}, {"explicit", true}});
  }
  json& added = (*record)["added_mentions"];
  if (!added.is_array()) added = json::array();
  added.push_back(m);
}

void RestoreFields(json* record, const json& fields) {
  if (!fields.is_object()) return;
  for (const auto& [f, value] : fields.items()) {
    if (IsReviewedField(f)) (*record)[f] = value;
  }
}

}  // namespace

const std::vector<std::string>& ReviewedFields() {
  static const std::vector<std::string> fields = {"kind",    "title",        "dates",
                                                  "amounts", "institutions", "ods"};
  return fields;
}

bool IsReviewedField(const std::string& field) {
  const std::vector<std::string>& fixed = ReviewedFields();
  return std::find(fixed.begin(), fixed.end(), field) != fixed.end() ||
         MentionTypes::IsDeclarableField(field);
}

std::set<int64_t> UndoneIds(const std::vector<Correction>& corrections) {
  // Latest first: an undo counts only when no later undo cancelled it.
  std::set<int64_t> undone;
  for (auto it = corrections.rbegin(); it != corrections.rend(); ++it) {
    if (it->field.rfind("undo:", 0) != 0 || undone.count(it->id)) continue;
    undone.insert(std::strtoll(it->field.c_str() + 5, nullptr, 10));
  }
  return undone;
}

json ValueAt(const json& record, const std::string& path) {
  const json* node = &record;
  for (const std::string& p : Split(path)) {
    if (node->is_array() && IsIndex(p) && std::stoul(p) < node->size()) {
      node = &(*node)[std::stoul(p)];
    } else if (node->is_object() && node->contains(p)) {
      node = &(*node)[p];
    } else {
      return nullptr;
    }
  }
  return *node;
}

json ApplyCorrections(const Record& record, const std::vector<Correction>& corrections) {
  json r = RecordToJson(record);
  std::set<int64_t> undone = UndoneIds(corrections);
  const Correction* last = nullptr;
  json notes = json::array();
  for (const Correction& c : corrections) {
    if (c.field.rfind("undo:", 0) == 0 || undone.count(c.id)) continue;
    last = &c;
    if (c.field == "accept") {
      RestoreFields(&r, c.after);
      r.erase("rejected");
    } else if (c.field == "reject") {
      r["rejected"] = true;
    } else if (c.field == "add_mention") {
      AddMention(&r, c.after);
    } else if (c.field == "merge") {
      if (c.after.contains("into")) {
        r["merged_into"] = c.after["into"];
      } else {
        RestoreFields(&r, c.after.value("fields", json::object()));
        if (!r["merged_from"].is_array()) r["merged_from"] = json::array();
        r["merged_from"].push_back(c.after.value("from", ""));
      }
    } else if (c.field == "split") {
      r["split_into"] = c.after.value("parts", json::array());
    } else if (!SetAt(&r, c.field, c.after)) {
      notes.push_back("correction " + std::to_string(c.id) + " (" + c.field +
                      ") no longer applies to this extraction");
    }
  }
  if (last) {
    r["status"] = "reviewed";
    r["reviewed_by"] = last->reviewer;
    r["reviewed_at"] = last->at;
  }
  if (!notes.empty()) r["review_notes"] = notes;
  return r;
}

Status ValidateChange(const std::string& field, const json& after) {
  if (field == "accept" || field == "reject") return Status::Ok();
  if (field.rfind("undo:", 0) == 0) {
    bool digits = field.size() > 5 && std::all_of(field.begin() + 5, field.end(), ::isdigit);
    return digits ? Status::Ok() : Bad(field, "expected undo:<correction id>");
  }
  if (field == "add_mention") {
    static const char* const kTypes[] = {"date", "amount", "institution", "ods"};
    std::string type = after.is_object() ? after.value("type", "") : "";
    if (std::none_of(std::begin(kTypes), std::end(kTypes),
                     [&](const char* t) { return type == t; })) {
      return Bad(field, "expected {type: date|amount|institution|ods, text, value}");
    }
    if (!IsNonEmptyString(after.value("text", json())))
      return Bad(field, "the mention needs its text");
    const json& v = after.contains("value") ? after["value"] : json();
    if (type == "date") return ValidateElement(field + "/value", "dates", v);
    if (type == "amount") return ValidateElement(field + "/value", "amounts", v);
    if (type == "institution") return ValidateElement(field + "/value", "institutions", v);
    return ValidateElement(field + "/value", "ods", v);
  }
  if (field == "merge") {
    if (!after.is_object() || (!after.contains("into") && !after.contains("from"))) {
      return Bad(field, "expected {into: ID} or {from: ID, fields: {...}}");
    }
    return Status::Ok();
  }
  if (field == "split") {
    if (!after.is_object() || !after.contains("parts") || !after["parts"].is_array() ||
        after["parts"].size() < 2) {
      return Bad(field, "expected {parts: [...]} with at least two parts");
    }
    // Each part is a record of its own in exports: what it says of the contract's fields
    // must be valid as a correction of that field would be.
    for (size_t i = 0; i < after["parts"].size(); ++i) {
      const json& part = after["parts"][i];
      std::string at = field + "/parts/" + std::to_string(i);
      if (!part.is_object()) return Bad(at, "expected an object");
      for (const char* key : {"kind", "title", "dates", "amounts", "institutions", "ods"}) {
        if (!part.contains(key)) continue;
        if (Status s = ValidateChange(key, part[key]); !s.ok()) return Bad(at, s.message());
      }
      if (part.contains("text") && !part["text"].is_string())
        return Bad(at + "/text", "expected text");
    }
    return Status::Ok();
  }

  std::vector<std::string> parts = Split(field);
  const std::string& root = parts[0];
  if (root == "kind") {
    if (parts.size() != 1 || !after.is_string() ||
        std::find(Kinds().begin(), Kinds().end(), after.get<std::string>()) == Kinds().end()) {
      return Bad(field,
                 "expected one of evento, reunion, acuerdo, financiamiento, capacitacion, "
                 "premio, difusion, otro");
    }
    return Status::Ok();
  }
  if (root == "title") {
    return parts.size() == 1 && IsNonEmptyString(after) ? Status::Ok()
                                                        : Bad(field, "expected a title");
  }
  // The contract's lists, and those a plugin's declared type fills (whether this record has
  // such a list is checked against the record: reviews.h, Save).
  if (!MentionTypes::IsContractField(root) && !MentionTypes::IsDeclarableField(root)) {
    return Bad(field, "not a field a reviewer can change");
  }
  if (parts.size() == 1) {
    if (!after.is_array()) return Bad(field, "expected a list");
    for (const json& e : after) ACERVO_RETURN_IF_ERROR(ValidateElement(field, root, e));
    return Status::Ok();
  }
  if (parts[1] != "-" && !IsIndex(parts[1])) return Bad(field, "expected an index or '-'");
  if (parts.size() == 2) {
    if (after.is_null() && parts[1] != "-") return Status::Ok();  // removes the element
    return ValidateElement(field, root, after);
  }
  if (parts.size() == 3 && parts[1] != "-") return ValidateMember(field, root, parts[2], after);
  return Bad(field, "path too deep");
}

}  // namespace acervo::review
