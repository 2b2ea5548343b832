// Recognizers-Text's own Spanish date cases as a second, independent benchmark.
//
// Reads DateParser.json, DatePeriodParser.json and DateTimeModel.json from
// shared/external/recognizers-text-es (skips when absent). A case is in scope when it has at
// least one expected entity and every expected entity
//   - is a date or a date range (not a time, duration, set or week),
//   - resolves to a calendar day (timex YYYY-MM-DD), a month (YYYY-MM) or a range of days or
//     months ("(a,b,PnD)", "(a,b,PnM)"), the year possibly left open (XXXX), every resolved
//     day being a real calendar day, and
//   - names its month in its text: a Spanish month word or abbreviation, or a day/month in
//     digits ("29/2"), and has no word that makes it relative to the reference date (hoy,
//     ahora, mañana, ayer, este/esta, próximo, pasado, siguiente, último, anterior, "que
//     viene"). This leaves out expressions that only the reference date turns into days
//     ("el próximo 12/05", "entre enero de 2019 y ahora", "este septiembre"), nor is it an
//     open range ("después de febrero de 2018": a resolution with a Mod).
// Duplicate (input, reference date) cases count once. es-date runs on the input as one
// paragraph with the reference date as the document's context date. A case passes when its
// date mentions match its expected entities one to one, each mention's {start, end} being
// one of the entity's resolutions (past or future, for a year left open).
//
// Both sides are read at the precision the text gives, as the annotation guide and the
// output contract say ("ISO 8601 truncated to the precision the text gives"): where a range's
// ends differ in precision, Recognizers-Text writes the coarser end as its first day or
// month ("de 1 de feb a marzo de 2019" ends on "2019-03-01", "de 2014 hasta mayo de 2018"
// starts on "2014-01"), which the guide writes "2019-03" and "2014". So a range end matches
// when it is the suite's end, or the suite's end with a trailing "-01" (or "-01-01") cut
// off; single dates must match exactly. The strict rate (exact strings) is printed too.
// Set ES_DATE_SUITE_OUT=FILE to write the selected cases for bench/dates/peers.js.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "acervo/testing.h"
#include "acervo/text.h"
#include "calendar.h"
#include "es_date.h"

namespace acervo::es_date {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct Value {
  std::string start, end;
  bool operator<(const Value& o) const { return std::tie(start, end) < std::tie(o.start, o.end); }
  bool operator==(const Value& o) const = default;
};

struct Case {
  std::string input;
  std::string reference;                     // YYYY-MM-DD
  std::vector<std::vector<Value>> entities;  // each entity's accepted values
};

bool RealDay(const std::string& iso) {
  if (iso.size() != 10) return false;
  DatePoint p{std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)),
              std::stoi(iso.substr(8, 2))};
  return p.day >= 1 && IsValid(p);
}

// Whether the entity's text names a month and is not relative (see the file comment).
bool NamesAMonth(const std::string& text) {
  static const std::regex kMonth(
      "(^|[^a-z])(enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|"
      "octubre|noviembre|diciembre|ene|feb|mar|abr|may|jun|jul|ago|sep|sept|set|oct|nov|dic)"
      "([^a-z]|$)|[0-9]{1,2}[-/.][0-9]{1,2}");
  static const std::regex kRelative(
      "(^|[^a-z])(hoy|ahora|manana|ayer|este|esta|proximo|proxima|pasado|pasada|siguiente|"
      "ultimo|ultima|anterior|que viene)([^a-z]|$)");
  const std::string folded = Fold(text);
  return std::regex_search(folded, kMonth) && !std::regex_search(folded, kRelative);
}

// One expected entity as its accepted values; empty when out of scope. `type` is "date" or
// "daterange"; each resolution is {timex, value} or {timex, start, end}.
std::vector<Value> Accepted(const std::string& type, const std::vector<json>& resolutions) {
  static const std::regex kDay(R"((\d{4}|XXXX)-\d\d-\d\d)");
  static const std::regex kMonthTimex(R"((\d{4}|XXXX)-\d\d)");
  static const std::regex kRange(R"(\((\d{4}|XXXX)-\d\d-\d\d,(\d{4}|XXXX)-\d\d-\d\d,P\d+([DM])\))");
  std::vector<Value> out;
  for (const json& r : resolutions) {
    if (r.contains("Mod")) return {};  // open ranges: "después de febrero de 2018"
    std::string timex = r.value("timex", "");
    std::smatch m;
    if (type == "date" && std::regex_match(timex, kDay)) {
      std::string v = r.value("value", "");
      if (!RealDay(v)) return {};
      out.push_back({v, v});
    } else if (type == "daterange" && std::regex_match(timex, kMonthTimex)) {
      std::string s = r.value("start", "");
      if (s.size() < 7) return {};
      out.push_back({s.substr(0, 7), s.substr(0, 7)});
    } else if (type == "daterange" && std::regex_match(timex, m, kRange)) {
      std::string s = r.value("start", ""), e = r.value("end", "");
      if (!RealDay(s) || !RealDay(e)) return {};
      if (m[3] == "D")
        out.push_back({s, e});
      else
        out.push_back({s.substr(0, 7), e.substr(0, 7)});
    } else {
      return {};
    }
  }
  return out;
}

std::vector<Case> LoadCases(const fs::path& dir) {
  std::vector<Case> cases;
  std::set<std::pair<std::string, std::string>> seen;
  for (const char* file : {"DateParser.json", "DatePeriodParser.json", "DateTimeModel.json"}) {
    std::ifstream in(dir / file);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    for (const json& c : json::parse(text)) {
      Case k;
      k.input = c.value("Input", "");
      k.reference =
          c.contains("Context") ? c["Context"].value("ReferenceDateTime", "").substr(0, 10) : "";
      const json results = c.value("Results", json::array());
      bool in_scope = !results.empty() && k.reference.size() == 10;
      for (const json& r : results) {
        if (!in_scope) break;
        std::string type;
        std::vector<json> resolutions;
        if (r.contains("TypeName")) {  // DateTimeModel
          std::string t = r.value("TypeName", "");
          type = t == "datetimeV2.date" ? "date" : t == "datetimeV2.daterange" ? "daterange" : "";
          if (r.contains("Resolution")) {
            for (const json& v : r["Resolution"].value("values", json::array())) {
              resolutions.push_back(v);
            }
          }
        } else {  // DateParser, DatePeriodParser
          type = r.value("Type", "");
          const json& v = r.value("Value", json::object());
          for (const char* which : {"PastResolution", "FutureResolution"}) {
            if (!v.contains(which)) continue;
            const json& res = v[which];
            json x = {{"timex", v.value("Timex", "")}};
            if (res.contains("date")) x["value"] = res["date"];
            if (res.contains("startDate")) x["start"] = res["startDate"];
            if (res.contains("endDate")) x["end"] = res["endDate"];
            resolutions.push_back(x);
          }
        }
        std::vector<Value> accepted =
            resolutions.empty() ? std::vector<Value>{} : Accepted(type, resolutions);
        if (accepted.empty() || !NamesAMonth(r.value("Text", ""))) in_scope = false;
        k.entities.push_back(std::move(accepted));
      }
      if (in_scope && seen.insert({k.input, k.reference}).second) cases.push_back(std::move(k));
    }
  }
  return cases;
}

// Whether our end `ours` is the suite's end `theirs` at the guide's precision: equal, or
// `theirs` with a first day ("-01") or first month and day ("-01", "-01-01") appended.
bool SameEnd(const std::string& ours, const std::string& theirs) {
  if (ours == theirs) return true;
  if (!theirs.starts_with(ours)) return false;
  std::string_view rest = std::string_view(theirs).substr(ours.size());
  return (ours.size() == 7 && rest == "-01") ||
         (ours.size() == 4 && (rest == "-01" || rest == "-01-01"));
}

bool Same(const Value& got, const Value& expected, bool strict) {
  if (strict || expected.start == expected.end) return got == expected;
  return SameEnd(got.start, expected.start) && SameEnd(got.end, expected.end);
}

// One-to-one match of mentions to entities (small sets: a greedy pass over the values).
bool Passes(const Case& c, const std::vector<Value>& got, bool strict) {
  if (got.size() != c.entities.size()) return false;
  std::vector<bool> used(got.size(), false);
  for (const auto& accepted : c.entities) {
    bool matched = false;
    for (size_t i = 0; i < got.size() && !matched; ++i) {
      if (used[i]) continue;
      for (const Value& v : accepted) {
        if (Same(got[i], v, strict)) {
          used[i] = matched = true;
          break;
        }
      }
    }
    if (!matched) return false;
  }
  return true;
}

TEST(ExternalSuite, RecognizersTextSpanishDates) {
  const fs::path dir =
      fs::path(ACERVO_SOURCE_DIR) / ".." / "shared" / "external" / "recognizers-text-es";
  if (!fs::exists(dir / "DateTimeModel.json")) GTEST_SKIP() << dir << " not found";
  std::vector<Case> cases = LoadCases(dir);
  ASSERT_GT(cases.size(), 100u) << "selection rule found too few cases";

  testing::Harness h(std::make_unique<EsDateExtractor>(), ACERVO_PLUGIN_SOURCE_DATA_DIR);
  int passed = 0, strict_passed = 0;
  json selected = json::array();
  for (const Case& c : cases) {
    DocumentContext doc;
    doc.context_date = c.reference;
    std::vector<Value> got;
    for (const Mention& m : h.Extract(c.input, doc)) {
      got.push_back({m.value["start"].get<std::string>(), m.value["end"].get<std::string>()});
    }
    const bool ok = Passes(c, got, /*strict=*/false), exact = Passes(c, got, /*strict=*/true);
    passed += ok;
    strict_passed += exact;
    if (!exact && std::getenv("ES_DATE_SUITE_VERBOSE")) {
      std::cout << (ok ? "INEXACT " : "FAIL ") << c.input << " @" << c.reference << " got";
      for (const Value& v : got) std::cout << " " << v.start << "/" << v.end;
      std::cout << "\n";
    }
    json entities = json::array();
    for (const auto& accepted : c.entities) {
      json values = json::array();
      for (const Value& v : accepted) values.push_back({{"start", v.start}, {"end", v.end}});
      entities.push_back(values);
    }
    selected.push_back({{"input", c.input}, {"reference", c.reference}, {"entities", entities}});
  }
  if (const char* out = std::getenv("ES_DATE_SUITE_OUT")) std::ofstream(out) << selected.dump(1);
  const double rate = static_cast<double>(passed) / cases.size();
  std::cout << "es-date on Recognizers-Text Spanish date cases: " << passed << "/" << cases.size()
            << " = " << rate << " (exact strings: " << strict_passed << "/" << cases.size()
            << ")\n";
  // The floor: 214 of 224 on 2026-12-07 (issue #19 asked for 0.92). The ten left are forms
  // Spanish does not write (US "4/22", "2015.3", "2020/23/sep") or writes rarely enough
  // that reading them would misread reports ("en 12-5", "julio, 17" as 2017);
  // docs/recognizers/dates.md lists them.
  EXPECT_GE(passed, 214) << "rate " << rate;
}

}  // namespace
}  // namespace acervo::es_date
