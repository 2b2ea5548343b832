#include "ingest/worker_messages.h"

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
      if (!p.error.empty()) one["error"] = p.error;
      pages.push_back(std::move(one));
    }
  }
  return j;
}

WorkerRequest WorkerRequest::FromJson(const json& j) {
  WorkerRequest r;
  r.path = j.value("path", "");
  Overrides& o = r.overrides;
  o.country = j.value("country", "");
  o.title = j.value("title", "");
  o.period_start = j.value("period_start", "");
  o.period_end = j.value("period_end", "");
  o.context_date = j.value("context_date", "");
  o.ocr = j.value("ocr", "");
  o.passwords = j.value("passwords", std::vector<std::string>{});
  r.split_pages = j.value("split_pages", false);
  r.page = j.value("page", -1);
  if (j.contains("page_ocr") && j["page_ocr"].is_array()) {
    for (const json& p : j["page_ocr"]) {
      r.page_ocr.push_back(
          WorkerPageOcr{p.value("page", 0), p.value("error", ""), p.value("words", json())});
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

// A word is [text, x0, y0, x1, y1, font_size, bold, space_after, confidence]: a page holds
// hundreds, so no field names.
json WordsToJson(const std::vector<Word>& words) {
  json out = json::array();
  for (const Word& w : words) {
    out.push_back(json::array({w.text, w.box.x0, w.box.y0, w.box.x1, w.box.y1, w.font_size,
                               w.bold, w.space_after, w.confidence}));
  }
  return out;
}

Result<std::vector<Word>> WordsFromJson(const json& j) {
  if (!j.is_array()) return Corrupt("the page's OCR words are not a list");
  std::vector<Word> words;
  words.reserve(j.size());
  for (const json& a : j) {
    if (!a.is_array() || a.size() != 9 || !a[0].is_string()) {
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

}  // namespace acervo
