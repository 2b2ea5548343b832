#include "ingest/worker_messages.h"

#include <algorithm>

#include "engine/serialize.h"

namespace acervo {

using nlohmann::json;

json WorkerRequest::ToJson() const {
  const Overrides& o = overrides;
  json j = {{"path", path},
            {"country", o.country},
            {"title", o.title},
            {"period_start", o.period_start},
            {"period_end", o.period_end},
            {"context_date", o.context_date},
            {"ocr", o.ocr},
            {"passwords", o.passwords}};
  if (split_pages) j["split_pages"] = true;
  if (page >= 0) j["page"] = page;
  if (!page_ocr.empty()) {
    json& pages = j["page_ocr"] = json::array();
    for (const WorkerPageOcr& p : page_ocr) {
      json one = {{"page", p.page}, {"words", p.words}};
      if (!p.rulings.is_null()) one["rulings"] = p.rulings;
      if (!p.error.empty()) one["error"] = p.error;
      pages.push_back(std::move(one));
    }
  }
  return j;
}

namespace {

// Readers that take a field of the wrong type as a broken message: a worker or coordinator
// that prints garbage must never make the other side throw (nlohmann's value() does).
Status WrongType(const char* key, const char* want) {
  return Corrupt(std::string("malformed worker message: \"") + key + "\" is not " + want);
}

Status ReadString(const json& j, const char* key, std::string* out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return Status();
  if (!it->is_string()) return WrongType(key, "a string");
  *out = it->get<std::string>();
  return Status();
}

Status ReadInt(const json& j, const char* key, int* out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return Status();
  if (!it->is_number_integer() || *it < -1 || *it > 1'000'000'000) {
    return WrongType(key, "a page number");
  }
  *out = it->get<int>();
  return Status();
}

Status ReadBool(const json& j, const char* key, bool* out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return Status();
  if (!it->is_boolean()) return WrongType(key, "true or false");
  *out = it->get<bool>();
  return Status();
}

Status ReadStrings(const json& j, const char* key, std::vector<std::string>* out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return Status();
  if (!it->is_array()) return WrongType(key, "a list of strings");
  for (const json& s : *it) {
    if (!s.is_string()) return WrongType(key, "a list of strings");
    out->push_back(s.get<std::string>());
  }
  return Status();
}

Result<WorkerPageOcr> PageOcrFromJson(const json& p) {
  if (!p.is_object()) return WrongType("page_ocr", "a list of objects");
  WorkerPageOcr page;
  if (Status s = ReadInt(p, "page", &page.page); !s.ok()) return s;
  if (page.page < 0) return WrongType("page", "a page number");
  if (Status s = ReadString(p, "error", &page.error); !s.ok()) return s;
  if (auto words = p.find("words"); words != p.end()) page.words = *words;
  if (auto rulings = p.find("rulings"); rulings != p.end()) page.rulings = *rulings;
  return page;
}

}  // namespace

Result<WorkerRequest> WorkerRequest::FromJson(const json& j) {
  if (!j.is_object()) return Corrupt("malformed worker message: not a JSON object");
  WorkerRequest r;
  Overrides& o = r.overrides;
  for (Status s :
       {ReadString(j, "path", &r.path), ReadString(j, "country", &o.country),
        ReadString(j, "title", &o.title), ReadString(j, "period_start", &o.period_start),
        ReadString(j, "period_end", &o.period_end), ReadString(j, "context_date", &o.context_date),
        ReadString(j, "ocr", &o.ocr), ReadStrings(j, "passwords", &o.passwords),
        ReadBool(j, "split_pages", &r.split_pages), ReadInt(j, "page", &r.page)}) {
    if (!s.ok()) return s;
  }
  if (auto pages = j.find("page_ocr"); pages != j.end() && !pages->is_null()) {
    if (!pages->is_array()) return WrongType("page_ocr", "a list of objects");
    for (const json& p : *pages) {
      Result<WorkerPageOcr> page = PageOcrFromJson(p);
      if (!page.ok()) return page.status();
      r.page_ocr.push_back(std::move(*page));
    }
  }
  return r;
}

json WorkerProgress::ToJson() const {
  // "type" tells the pool a progress frame from the result (worker_pool.cc).
  return {{"type", "progress"}, {"pages_done", pages_done}, {"pages", pages}};
}

json WorkerReply::ToJson() const {
  // The pool reads "type", "ok", "failure" and "message" of every result (worker_pool.cc).
  json j = {{"type", "result"}, {"ok", ok}};
  if (!failure.empty()) j["failure"] = failure;
  if (!code.empty()) j["code"] = code;
  if (!message.empty()) j["message"] = message;
  if (extraction) j["extraction"] = ExtractionToJson(*extraction);
  if (!ocr_pages.empty()) j["ocr_pages"] = ocr_pages;
  if (!words.is_null()) j["words"] = words;
  if (!rulings.is_null()) j["rulings"] = rulings;
  return j;
}

Result<WorkerReply> WorkerReply::FromJson(const json& j) {
  if (!j.is_object()) return Corrupt("the worker's reply is not a JSON object");
  WorkerReply r;
  // A field of the wrong type is read as absent: a broken worker must not throw here.
  auto text = [&j](const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  auto ok = j.find("ok");
  r.ok = ok != j.end() && ok->is_boolean() && ok->get<bool>();
  r.failure = text("failure");
  r.code = text("code");
  r.message = text("message");
  if (j.contains("ocr_pages") && j["ocr_pages"].is_array()) {
    for (const json& p : j["ocr_pages"]) {
      if (p.is_number_integer()) r.ocr_pages.push_back(p.get<int>());
    }
  }
  if (j.contains("words")) r.words = j["words"];
  if (j.contains("rulings")) r.rulings = j["rulings"];
  if (r.ok && r.ocr_pages.empty() && r.words.is_null()) {
    if (!j.contains("extraction") || !j["extraction"].is_object()) {
      return Corrupt("the worker's reply has no extraction");
    }
    Result<Extraction> x = ExtractionFromJson(j["extraction"]);
    if (!x.ok()) return x.status();
    r.extraction = std::move(*x);
  }
  return r;
}

namespace {

// The code CodeName gives `name`; corrupt for "" or a name this build does not know.
Code CodeNamed(const std::string& name) {
  for (int c = static_cast<int>(Code::kInvalidArgument); c <= static_cast<int>(Code::kAborted);
       ++c) {
    if (name == CodeName(static_cast<Code>(c))) return static_cast<Code>(c);
  }
  return Code::kCorrupt;
}

}  // namespace

Result<WorkerFrameHead> WorkerFrameHead::FromJson(const json& j) {
  if (!j.is_object()) return Corrupt("malformed worker message: not a JSON object");
  WorkerFrameHead head;
  std::string type;
  for (Status s :
       {ReadString(j, "type", &type), ReadBool(j, "ok", &head.ok),
        ReadString(j, "failure", &head.failure), ReadString(j, "message", &head.message)}) {
    if (!s.ok()) return s;
  }
  // An extra: a code of the wrong type leaves the failure corrupt, the reply still stands.
  auto code = j.find("code");
  head.code = CodeNamed(code != j.end() && code->is_string() ? code->get<std::string>() : "");
  if (type != "progress" && type != "result") {
    return Corrupt("malformed worker message: unknown type \"" + type + "\"");
  }
  head.progress = type == "progress";
  return head;
}

// A word is [text, x0, y0, x1, y1, font_size, bold, space_after, confidence]: a page holds
// hundreds, so no field names.
json WordsToJson(const std::vector<Word>& words) {
  json out = json::array();
  for (const Word& w : words) {
    out.push_back(json::array({w.text, w.box.x0, w.box.y0, w.box.x1, w.box.y1, w.font_size, w.bold,
                               w.space_after, w.confidence}));
  }
  return out;
}

Result<std::vector<Word>> WordsFromJson(const json& j) {
  if (!j.is_array()) return Corrupt("the page's OCR words are not a list");
  std::vector<Word> words;
  words.reserve(j.size());
  for (const json& a : j) {
    if (!a.is_array() || a.size() != 9 || !a[0].is_string() || !a[6].is_boolean() ||
        !a[7].is_boolean() ||
        !std::all_of(a.begin() + 1, a.begin() + 6, [](const json& n) { return n.is_number(); }) ||
        !a[8].is_number()) {
      return Corrupt("a page's OCR word is malformed");
    }
    Word w;
    w.text = a[0].get<std::string>();
    w.box = Box{a[1].get<double>(), a[2].get<double>(), a[3].get<double>(), a[4].get<double>()};
    w.font_size = a[5].get<double>();
    w.bold = a[6].get<bool>();
    w.space_after = a[7].get<bool>();
    w.confidence = a[8].get<double>();
    words.push_back(std::move(w));
  }
  return words;
}

// A ruling is [horizontal, at, from, to].
json RulingsToJson(const std::vector<Ruling>& rulings) {
  json out = json::array();
  for (const Ruling& r : rulings) out.push_back(json::array({r.horizontal, r.at, r.from, r.to}));
  return out;
}

Result<std::vector<Ruling>> RulingsFromJson(const json& j) {
  std::vector<Ruling> rulings;
  if (j.is_null()) return rulings;
  if (!j.is_array()) return Corrupt("the page's ruling lines are not a list");
  for (const json& a : j) {
    if (!a.is_array() || a.size() != 4 || !a[0].is_boolean() ||
        !std::all_of(a.begin() + 1, a.end(), [](const json& n) { return n.is_number(); })) {
      return Corrupt("a page's ruling line is malformed");
    }
    rulings.push_back(
        Ruling{a[0].get<bool>(), a[1].get<double>(), a[2].get<double>(), a[3].get<double>()});
  }
  return rulings;
}

}  // namespace acervo
