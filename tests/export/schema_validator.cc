#include "schema_validator.h"

#include <regex>
#include <set>

namespace acervo::test {
namespace {

using nlohmann::json;

bool HasType(const json& v, const std::string& type) {
  if (type == "object") return v.is_object();
  if (type == "array") return v.is_array();
  if (type == "string") return v.is_string();
  if (type == "integer") return v.is_number_integer();
  if (type == "number") return v.is_number();
  if (type == "boolean") return v.is_boolean();
  if (type == "null") return v.is_null();
  return false;
}

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

void Check(const json& schema, const json& v, const std::string& at,
           std::vector<std::string>* out) {
  static const std::set<std::string> kKnown = {"$schema",     "$id",        "title",
                                               "description", "type",       "enum",
                                               "required",    "properties", "additionalProperties",
                                               "items",       "pattern",    "minLength",
                                               "minimum",     "maximum"};
  for (const auto& [key, _] : schema.items()) {
    if (!kKnown.count(key)) out->push_back(at + ": unsupported schema keyword '" + key + "'");
  }
  auto fail = [&](const std::string& what) {
    out->push_back((at.empty() ? "/" : at) + ": " + what);
  };
  if (schema.contains("type")) {
    const json& t = schema["type"];
    bool ok = false;
    if (t.is_string()) ok = HasType(v, t);
    for (const json& one : t.is_array() ? t : json::array()) ok |= HasType(v, one);
    if (!ok) return fail("expected type " + t.dump() + ", got " + v.dump());
  }
  if (schema.contains("enum")) {
    bool found = false;
    for (const json& e : schema["enum"]) found |= e == v;
    if (!found) fail(v.dump() + " is not one of " + schema["enum"].dump());
  }
  if (v.is_string()) {
    const std::string& s = v.get_ref<const std::string&>();
    if (schema.contains("pattern") &&
        !std::regex_search(s, std::regex(schema["pattern"].get<std::string>()))) {
      fail("'" + s + "' does not match " + schema["pattern"].get<std::string>());
    }
    if (schema.contains("minLength") && CodePoints(s) < schema["minLength"].get<size_t>()) {
      fail("shorter than " + schema["minLength"].dump());
    }
  }
  if (v.is_number()) {
    if (schema.contains("minimum") && v.get<double>() < schema["minimum"].get<double>()) {
      fail(v.dump() + " is below " + schema["minimum"].dump());
    }
    if (schema.contains("maximum") && v.get<double>() > schema["maximum"].get<double>()) {
      fail(v.dump() + " is above " + schema["maximum"].dump());
    }
  }
  if (v.is_object()) {
    for (const json& r : schema.value("required", json::array())) {
      if (!v.contains(r.get<std::string>()))
        fail("missing required '" + r.get<std::string>() + "'");
    }
    const json props = schema.value("properties", json::object());
    for (const auto& [key, value] : v.items()) {
      if (props.contains(key)) {
        Check(props[key], value, at + "/" + key, out);
      } else if (schema.contains("additionalProperties") &&
                 schema["additionalProperties"] == false) {
        fail("property '" + key + "' is not in the schema");
      }
    }
  }
  if (v.is_array() && schema.contains("items")) {
    for (size_t i = 0; i < v.size(); ++i) {
      Check(schema["items"], v[i], at + "/" + std::to_string(i), out);
    }
  }
}

}  // namespace

std::vector<std::string> Validate(const json& schema, const json& value) {
  std::vector<std::string> out;
  Check(schema, value, "", &out);
  return out;
}

}  // namespace acervo::test
