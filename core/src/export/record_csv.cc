#include "export/record_csv.h"

namespace acervo {
namespace {

constexpr const char* kJoin = " | ";

std::string Str(const nlohmann::json& j, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return "";
  return j[key].is_string() ? j[key].get<std::string>() : j[key].dump();
}

template <typename Fn>
std::string JoinList(const nlohmann::json& record, const char* key, Fn&& item) {
  std::string out;
  if (!record.contains(key) || !record[key].is_array()) return out;
  for (const auto& e : record[key]) {
    if (!out.empty()) out += kJoin;
    out += item(e);
  }
  return out;
}

// The columns of the plugins' own types (MentionTypes::ColumnNames), in header order.
std::vector<std::string> DeclaredColumns(const nlohmann::json& r, const MentionTypes& types) {
  std::vector<std::string> columns;
  for (const MentionTypeInfo* t : types.Extra()) {
    const std::vector<std::string>& fields = MentionTypes::ColumnFields(*t);
    if (fields.empty()) {
      columns.push_back(
          JoinList(r, t->record_field.c_str(), [](const auto& v) { return v.dump(); }));
      continue;
    }
    for (const std::string& field : fields) {
      columns.push_back(JoinList(r, t->record_field.c_str(),
                                 [&field](const auto& v) { return Str(v, field.c_str()); }));
    }
  }
  return columns;
}

}  // namespace

bool StartsLikeAFormula(std::string_view v) {
  if (v.empty()) return false;
  switch (v[0]) {
    case '=':
    case '+':
    case '@':
    case '\t':
    case '\r':
      return true;
    case '-':  // a signed number ("-1250000.50") is data; "-cmd" or "-=" is not
      return v.size() == 1 || !(v[1] >= '0' && v[1] <= '9');
    default:
      return false;
  }
}

std::string CsvField(std::string_view value) {
  std::string inert;
  if (StartsLikeAFormula(value)) {
    inert = "'" + std::string(value);
    value = inert;
  }
  std::string_view v = value;
  if (v.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(v);
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CsvHeader(const MentionTypes& types) {
  std::string header =
      "id,document_id,source,kind,title,anchor,page_start,page_end,dates,amounts,"
      "currencies,roles,approximate,institutions,ods,confidence,status,reviewed_by,reviewed_at,"
      "orphaned";
  for (const MentionTypeInfo* t : types.Extra()) {
    for (const std::string& name : MentionTypes::ColumnNames(*t)) header += "," + CsvField(name);
  }
  return header + "\r\n";
}

std::string CsvRow(const nlohmann::json& r, const MentionTypes& types) {
  std::string fields[] = {
      Str(r, "id"),
      Str(r, "document_id"),
      Str(r, "source"),
      Str(r, "kind"),
      Str(r, "title"),
      Str(r, "anchor"),
      Str(r, "page_start"),
      Str(r, "page_end"),
      JoinList(r, "dates", [](const auto& d) { return Str(d, "start") + "/" + Str(d, "end"); }),
      JoinList(r, "amounts", [](const auto& a) { return Str(a, "amount"); }),
      JoinList(r, "amounts", [](const auto& a) { return Str(a, "currency"); }),
      JoinList(r, "amounts", [](const auto& a) { return Str(a, "role"); }),
      JoinList(r, "amounts",
               [](const auto& a) { return a.value("approximate", false) ? "true" : "false"; }),
      JoinList(r, "institutions", [](const auto& i) { return Str(i, "name"); }),
      JoinList(
          r, "ods",
          [](const auto& g) { return Str(g, "goal") + (g.value("explicit", true) ? "" : "*"); }),
      Str(r, "confidence"),
      Str(r, "status"),
      Str(r, "reviewed_by"),
      Str(r, "reviewed_at"),
      r.value("orphaned", false) ? "true" : ""};
  std::string row;
  for (const std::string& f : fields) {
    if (!row.empty()) row += ',';
    row += CsvField(f);
  }
  for (const std::string& f : DeclaredColumns(r, types)) row += "," + CsvField(f);
  return row + "\r\n";
}

}  // namespace acervo
