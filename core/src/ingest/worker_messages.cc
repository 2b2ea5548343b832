#include "ingest/worker_messages.h"

#include "engine/serialize.h"

namespace acervo {

using nlohmann::json;

json WorkerRequest::ToJson() const {
  const Overrides& o = overrides;
  return {{"path", path},
          {"country", o.country},
          {"title", o.title},
          {"period_start", o.period_start},
          {"period_end", o.period_end},
          {"context_date", o.context_date},
          {"ocr", o.ocr},
          {"passwords", o.passwords}};
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
  if (r.ok) {
    if (!j.contains("extraction") || !j["extraction"].is_object()) {
      return Corrupt("the worker's reply has no extraction");
    }
    Result<Extraction> x = ExtractionFromJson(j["extraction"]);
    if (!x.ok()) return x.status();
    r.extraction = std::move(*x);
  }
  return r;
}

}  // namespace acervo
