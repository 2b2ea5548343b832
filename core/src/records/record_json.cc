#include "records/record_json.h"

#include <string>
#include <string_view>

#include "records/mention_types.h"

namespace acervo {
namespace {

using nlohmann::json;

json OrNull(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }

// Reads the members of one JSON object, failing with the path of the first one of the wrong
// type. Missing members keep what the target holds.
class Fields {
 public:
  Fields(const json& object, std::string path) : object_(object), path_(std::move(path)) {}

  Status String(const char* key, std::string* out) const {
    const json* v = Find(key);
    if (!v) return Status::Ok();
    if (!v->is_string()) return Wrong(key, "text");
    *out = v->get<std::string>();
    return Status::Ok();
  }
  Status OptionalString(const char* key, std::optional<std::string>* out) const {
    const json* v = Find(key);
    if (!v || v->is_null()) return Status::Ok();
    if (!v->is_string()) return Wrong(key, "text or null");
    *out = v->get<std::string>();
    return Status::Ok();
  }
  Status Int(const char* key, int* out) const {
    const json* v = Find(key);
    if (!v) return Status::Ok();
    if (!v->is_number_integer()) return Wrong(key, "a whole number");
    *out = v->get<int>();
    return Status::Ok();
  }
  Status Number(const char* key, double* out) const {
    const json* v = Find(key);
    if (!v) return Status::Ok();
    if (!v->is_number()) return Wrong(key, "a number");
    *out = v->get<double>();
    return Status::Ok();
  }
  Status Bool(const char* key, bool* out) const {
    const json* v = Find(key);
    if (!v) return Status::Ok();
    if (!v->is_boolean()) return Wrong(key, "true or false");
    *out = v->get<bool>();
    return Status::Ok();
  }
  // Each object of the list at `key`, read by `read`.
  template <typename T, typename Read>
  Status List(const char* key, std::vector<T>* out, Read read) const {
    const json* v = Find(key);
    if (!v) return Status::Ok();
    if (!v->is_array()) return Wrong(key, "a list");
    for (size_t i = 0; i < v->size(); ++i) {
      std::string at = path_ + key + "/" + std::to_string(i);
      if (!(*v)[i].is_object()) return InvalidArgument(at + ": expected an object");
      T item;
      ACERVO_RETURN_IF_ERROR(read(Fields((*v)[i], at + "/"), &item));
      out->push_back(std::move(item));
    }
    return Status::Ok();
  }

 private:
  const json* Find(const char* key) const {
    auto it = object_.find(key);
    return it == object_.end() ? nullptr : &*it;
  }
  Status Wrong(const char* key, const char* expected) const {
    return InvalidArgument(path_ + key + ": expected " + expected);
  }

  const json& object_;
  std::string path_;
};

Status ReadDate(const Fields& f, RecordDate* d) {
  ACERVO_RETURN_IF_ERROR(f.String("start", &d->start));
  return f.String("end", &d->end);
}

Status ReadAmount(const Fields& f, RecordAmount* a) {
  ACERVO_RETURN_IF_ERROR(f.String("amount", &a->amount));
  ACERVO_RETURN_IF_ERROR(f.OptionalString("currency", &a->currency));
  ACERVO_RETURN_IF_ERROR(f.Bool("approximate", &a->approximate));
  return f.OptionalString("role", &a->role);
}

Status ReadInstitution(const Fields& f, RecordInstitution* i) {
  ACERVO_RETURN_IF_ERROR(f.String("name", &i->name));
  ACERVO_RETURN_IF_ERROR(f.OptionalString("acronym", &i->acronym));
  return f.OptionalString("id", &i->id);
}

Status ReadGoal(const Fields& f, RecordGoal* g) {
  ACERVO_RETURN_IF_ERROR(f.Int("goal", &g->goal));
  return f.Bool("explicit", &g->stated);
}

// The members Record has; anything else is a declared list or an unknown field.
constexpr std::string_view kMembers[] = {
    "id",   "kind",  "title",        "anchor", "text",       "page_start", "page_end",
    "form", "dates", "institutions", "ods",    "confidence", "status",     "amounts"};

bool IsMember(std::string_view key) {
  for (std::string_view m : kMembers) {
    if (m == key) return true;
  }
  return false;
}

}  // namespace

json RecordToJson(const Record& r) {
  json dates = json::array(), amounts = json::array(), institutions = json::array(),
       ods = json::array();
  for (const RecordDate& d : r.dates) dates.push_back({{"start", d.start}, {"end", d.end}});
  for (const RecordAmount& a : r.amounts) {
    amounts.push_back({{"amount", a.amount},
                       {"currency", OrNull(a.currency)},
                       {"approximate", a.approximate},
                       {"role", OrNull(a.role)}});
  }
  for (const RecordInstitution& i : r.institutions) {
    json entry = {{"name", i.name}, {"acronym", OrNull(i.acronym)}};
    if (i.id) entry["id"] = *i.id;
    institutions.push_back(std::move(entry));
  }
  for (const RecordGoal& g : r.ods) ods.push_back({{"goal", g.goal}, {"explicit", g.stated}});

  json out = r.extra.is_object() ? r.extra : json::object();
  out["id"] = r.id;
  out["kind"] = r.kind;
  out["title"] = r.title;
  out["anchor"] = r.anchor;
  out["text"] = r.text;
  out["page_start"] = r.page_start;
  out["page_end"] = r.page_end;
  if (!r.form.empty()) out["form"] = r.form;
  out["dates"] = std::move(dates);
  out["amounts"] = std::move(amounts);
  out["institutions"] = std::move(institutions);
  out["ods"] = std::move(ods);
  for (const auto& [field, values] : r.declared) out[field] = values;
  out["confidence"] = r.confidence;
  out["status"] = r.status;
  return out;
}

Result<Record> RecordFromJson(const json& j) {
  if (!j.is_object()) return InvalidArgument("a record must be a JSON object");
  Record r;
  Fields f(j, "");
  ACERVO_RETURN_IF_ERROR(f.String("id", &r.id));
  ACERVO_RETURN_IF_ERROR(f.String("kind", &r.kind));
  ACERVO_RETURN_IF_ERROR(f.String("title", &r.title));
  ACERVO_RETURN_IF_ERROR(f.String("anchor", &r.anchor));
  ACERVO_RETURN_IF_ERROR(f.String("text", &r.text));
  ACERVO_RETURN_IF_ERROR(f.Int("page_start", &r.page_start));
  ACERVO_RETURN_IF_ERROR(f.Int("page_end", &r.page_end));
  ACERVO_RETURN_IF_ERROR(f.String("form", &r.form));
  ACERVO_RETURN_IF_ERROR(f.List("dates", &r.dates, ReadDate));
  ACERVO_RETURN_IF_ERROR(f.List("amounts", &r.amounts, ReadAmount));
  ACERVO_RETURN_IF_ERROR(f.List("institutions", &r.institutions, ReadInstitution));
  ACERVO_RETURN_IF_ERROR(f.List("ods", &r.ods, ReadGoal));
  ACERVO_RETURN_IF_ERROR(f.Number("confidence", &r.confidence));
  ACERVO_RETURN_IF_ERROR(f.String("status", &r.status));
  for (const auto& [key, value] : j.items()) {
    if (IsMember(key)) continue;
    if (value.is_array() && MentionTypes::IsDeclarableField(key)) {
      r.declared[key] = value;
    } else {
      r.extra[key] = value;
    }
  }
  return r;
}

json RecordsToJson(const std::vector<Record>& records) {
  json out = json::array();
  for (const Record& r : records) out.push_back(RecordToJson(r));
  return out;
}

Result<std::vector<Record>> RecordsFromJson(const json& j) {
  if (!j.is_array()) return InvalidArgument("records must be a JSON list");
  std::vector<Record> out;
  for (size_t i = 0; i < j.size(); ++i) {
    Result<Record> r = RecordFromJson(j[i]);
    if (!r.ok())
      return InvalidArgument("record " + std::to_string(i) + ": " + r.status().message());
    out.push_back(std::move(r.value()));
  }
  return out;
}

}  // namespace acervo
