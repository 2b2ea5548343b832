// The review server's routing and its handlers, one per endpoint (server.h lists them).
#include <algorithm>
#include <exception>
#include <optional>
#include <string>
#include <type_traits>

#include "i18n/i18n.h"
#include "review/page_image.h"
#include "review/record_view.h"
#include "review/reviews.h"
#include "review/server_impl.h"
#include "review/server_security.h"
#include "review/web_assets.h"

namespace acervo::review {
namespace {

// index.html in the server's language (docs/i18n.md): each {{_:text}} marker replaced by its
// translation (catalog text, trusted: it may hold markup such as <kbd>), {{LANG}} by the
// language code, {{MESSAGES}} by the catalog as JSON for app.js's t(), {{TOKEN}} by the
// session token.
std::string LocalizePage(const std::string& html, const std::string& token) {
  std::string out;
  out.reserve(html.size() + html.size() / 4);
  size_t at = 0;
  for (size_t open; (open = html.find("{{", at)) != std::string::npos;) {
    size_t close = html.find("}}", open);
    if (close == std::string::npos) break;
    out.append(html, at, open - at);
    std::string mark = html.substr(open + 2, close - open - 2);
    if (mark.rfind("_:", 0) == 0) {
      out += _(mark.c_str() + 2);
    } else if (mark == "LANG") {
      out += LanguageCode(CurrentLanguage());
    } else if (mark == "TOKEN") {
      out += token;
    } else if (mark == "MESSAGES") {
      // In a <script> element: "<" escaped so that no "</script>" can end it early.
      std::string json = nlohmann::json(CurrentCatalog()).dump();
      for (char c : json) {
        if (c == '<')
          out += "\\u003c";
        else
          out += c;
      }
    } else {
      out.append(html, open, close + 2 - open);
    }
    at = close + 2;
  }
  out.append(html, at);
  return out;
}

using httplib::Request;
using httplib::Response;
using nlohmann::json;

const char* MimeType(const std::string& path) {
  auto ends = [&](const char* ext) {
    std::string e(ext);
    return path.size() >= e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  return "application/octet-stream";
}

const WebAsset* FindAsset(const std::string& path) {
  size_t n = 0;
  const WebAsset* assets = WebAssets(&n);
  for (size_t i = 0; i < n; ++i) {
    if (path == assets[i].path) return &assets[i];
  }
  return nullptr;
}

void SendJson(Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json; charset=utf-8");
}

void SendError(Response& res, int status, const std::string& message) {
  SendJson(res, status, {{"error", message}});
}

int HttpStatusOf(const Status& s) {
  switch (s.code()) {
    case Code::kInvalidArgument:
      return 400;
    case Code::kNotFound:
      return 404;
    default:
      return 500;
  }
}

// A body's optional member read as type T: its value, `fallback` when it is absent or null,
// and nullopt when it holds another type (the caller answers 400 naming the member; reading it
// with json::value would throw, and the client would get a 500 for its own mistake).
template <typename T>
std::optional<T> Member(const json& body, const char* name, T fallback) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return fallback;
  if constexpr (std::is_same_v<T, std::string>) {
    if (!it->is_string()) return std::nullopt;
  } else {
    if (!it->is_number_integer()) return std::nullopt;
  }
  return it->get<T>();
}

void SendWrongType(Response& res, const char* name) {
  SendError(res, 400, std::string(name) + ": " + _("this field has the wrong type"));
}

}  // namespace

void ServerImpl::Routes() {
  http.set_default_headers({{"Content-Security-Policy", kCsp},
                            {"X-Content-Type-Options", "nosniff"},
                            {"X-Frame-Options", "DENY"},
                            {"Referrer-Policy", "no-referrer"},
                            {"Cache-Control", "no-store"}});
  http.set_payload_max_length(1 << 20);
  http.set_pre_routing_handler(
      [this](const Request& req, Response& res) { return Guard(req, res); });
  auto to = [this](void (ServerImpl::*handler)(const Request&, Response&)) {
    return [this, handler](const Request& req, Response& res) { (this->*handler)(req, res); };
  };
  http.Get("/", to(&ServerImpl::GetPage));
  http.Get("/(app\\.js|app\\.css)", to(&ServerImpl::GetAsset));
  http.Get("/api/queue", to(&ServerImpl::GetQueue));
  http.Get("/api/institutions", to(&ServerImpl::GetInstitutions));
  http.Get("/api/records/([^/]+)", to(&ServerImpl::GetRecord));
  http.Get("/api/records/([^/]+)/page/([0-9]+)", to(&ServerImpl::GetPageImage));
  http.Post("/api/records/([^/]+)/merge", to(&ServerImpl::PostMerge));
  http.Post("/api/records/([^/]+)", to(&ServerImpl::PostDecision));
}

bool ServerImpl::HostAllowed(const Request& req) const {
  if (options.allow_remote) return true;
  // A page on another site that rebinds its DNS name to 127.0.0.1 still sends its own
  // name as Host: refuse it, so it can read neither the token nor the records.
  return IsLoopbackHost(HostName(req.get_header_value("Host")));
}

bool ServerImpl::SecretPresented(const Request& req) const {
  if (options.secret.empty()) return true;
  std::string given = req.get_header_value("X-Acervo-Secret");
  if (given.empty()) given = CookieValue(req, "acervo_secret");
  return SameSecret(given, options.secret);
}

httplib::Server::HandlerResponse ServerImpl::Guard(const Request& req, Response& res) {
  if (!HostAllowed(req)) {
    SendError(res, 403, _("this server answers only to a loopback address"));
    return httplib::Server::HandlerResponse::Handled;
  }
  if (!options.secret.empty() && req.method == "GET" && req.path == "/" &&
      req.has_param("secret")) {
    // The secret travels once in the link; later requests carry it as a cookie.
    if (SameSecret(req.get_param_value("secret"), options.secret)) {
      res.set_header("Set-Cookie",
                     "acervo_secret=" + options.secret + "; HttpOnly; SameSite=Strict; Path=/");
      res.set_redirect("/");
    } else {
      SendError(res, 403, _("wrong secret"));
    }
    return httplib::Server::HandlerResponse::Handled;
  }
  if (!SecretPresented(req)) {
    SendError(res, 401, _("this server needs the shared secret: open /?secret=..."));
    return httplib::Server::HandlerResponse::Handled;
  }
  if (req.method != "GET" && req.method != "HEAD" &&
      !SameSecret(req.get_header_value("X-Acervo-Token"), token)) {
    SendError(res, 403, _("missing or wrong session token; reload the page"));
    return httplib::Server::HandlerResponse::Handled;
  }
  return httplib::Server::HandlerResponse::Unhandled;
}

void ServerImpl::GetPage(const Request&, Response& res) {
  const WebAsset* page = FindAsset("/index.html");
  res.set_content(LocalizePage(std::string(page->data, page->size), token),
                  MimeType("/index.html"));
}

void ServerImpl::GetAsset(const Request& req, Response& res) {
  const WebAsset* a = FindAsset(req.path);
  if (!a) return SendError(res, 404, _("not found"));
  res.set_content(std::string(a->data, a->size), MimeType(req.path));
}

void ServerImpl::GetQueue(const Request& req, Response& res) {
  QueueFilter f;
  if (req.has_param("status")) f.status = req.get_param_value("status");
  f.document = req.get_param_value("document");
  f.kind = req.get_param_value("kind");
  f.field = req.get_param_value("field");
  try {
    if (!req.get_param_value("min").empty())
      f.min_confidence = std::stod(req.get_param_value("min"));
    if (!req.get_param_value("max").empty())
      f.max_confidence = std::stod(req.get_param_value("max"));
  } catch (const std::exception&) {
    return SendError(res, 400, _("min and max are numbers between 0 and 1"));
  }
  std::lock_guard<std::mutex> lock(mu);
  auto q = Reviews(store).Queue(f);
  if (!q.ok()) return SendError(res, HttpStatusOf(q.status()), q.status().message());
  json items = json::array();
  for (const ReviewedRecord& r : *q) items.push_back(QueueItem(r));
  SendJson(res, 200, {{"items", items}});
}

void ServerImpl::GetInstitutions(const Request&, Response& res) {
  std::lock_guard<std::mutex> lock(mu);
  auto names = Reviews(store).InstitutionNames();
  if (!names.ok()) return SendError(res, 500, names.status().message());
  // Suggestions are the names the extractors found in the stored documents: no
  // plugin's data files are read here.
  std::vector<std::string> all = *names;
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  SendJson(res, 200, {{"names", all}});
}

void ServerImpl::GetRecord(const Request& req, Response& res) {
  std::lock_guard<std::mutex> lock(mu);
  SendRecord(req.matches[1], res, 200, "");
}

// The passage's region of page N, or with ?whole=1 the whole page; the whole page too when
// the store knows no region there.
void ServerImpl::GetPageImage(const Request& req, Response& res) {
  std::string source;
  Box region;
  int page = 0;
  try {
    page = std::stoi(req.matches[2]);
  } catch (const std::exception&) {
    return SendError(res, 404, _("no such page"));
  }
  {
    std::lock_guard<std::mutex> lock(mu);
    Reviews reviews(store);
    auto r = reviews.Get(req.matches[1]);
    if (!r.ok()) return SendError(res, HttpStatusOf(r.status()), r.status().message());
    source = r->source;
    if (req.get_param_value("whole") != "1") {
      auto known = reviews.Region(*r, page);
      if (!known.ok()) return SendError(res, 500, known.status().message());
      region = PaddedRegion(*known);
    }
  }
  if (!IsPdf(source)) return SendError(res, 404, _("not a PDF: no page image"));
  auto png = RenderPagePng(source, page, region.empty() ? kPageDpi : RegionDpi(region), region);
  if (!png.ok()) return SendError(res, 404, png.status().message());
  res.set_header("X-Acervo-Image", region.empty() ? "page" : "region");
  res.set_content(*png, "image/png");
}

// Merges record FROM into this one: {version, from, from_version, reviewer, comment}.
void ServerImpl::PostMerge(const Request& req, Response& res) {
  json body = json::parse(req.body, nullptr, false);
  if (!body.is_object() || !body["from"].is_string()) {
    return SendError(res, 400, _("expected {version, from, from_version, reviewer, comment}"));
  }
  MergeDecision d;
  d.into = req.matches[1];
  d.from = body["from"].get<std::string>();
  for (const char* name : {"version", "from_version"}) {
    if (!Member(body, name, int64_t{-2})) return SendWrongType(res, name);
  }
  for (const char* name : {"reviewer", "comment"}) {
    if (!Member(body, name, std::string())) return SendWrongType(res, name);
  }
  d.into_version = *Member(body, "version", int64_t{-2});
  d.from_version = *Member(body, "from_version", int64_t{-2});
  if (d.into_version < 0 || d.from_version < 0) {
    return SendError(res, 400, _("a merge must say which versions of both records it saw"));
  }
  d.reviewer = *Member(body, "reviewer", std::string());
  d.comment = *Member(body, "comment", std::string());
  std::lock_guard<std::mutex> lock(mu);
  auto merged = Reviews(store).Merge(d);
  if (!merged.ok()) {
    return SendError(res, HttpStatusOf(merged.status()), merged.status().message());
  }
  if (merged->stale) {
    return SendRecord(d.into, res, 409,
                      "not merged: one of the two records changed after you opened it. "
                      "The current values are shown now; merge again if it still holds.");
  }
  SendRecord(d.into, res, 200, "");
}

void ServerImpl::PostDecision(const Request& req, Response& res) {
  json body = json::parse(req.body, nullptr, false);
  if (!body.is_object() || !body["changes"].is_array()) {
    return SendError(res, 400, _("expected {version, reviewer, comment, changes: [...]}"));
  }
  Decision d;
  d.record_id = req.matches[1];
  if (!Member(body, "version", int64_t{-2})) return SendWrongType(res, "version");
  for (const char* name : {"reviewer", "comment"}) {
    if (!Member(body, name, std::string())) return SendWrongType(res, name);
  }
  d.base_version = *Member(body, "version", int64_t{-2});
  if (d.base_version < 0)
    return SendError(res, 400, _("the decision must say which version it saw"));
  d.reviewer = *Member(body, "reviewer", std::string());
  d.comment = *Member(body, "comment", std::string());
  for (const json& c : body["changes"]) {
    // find, not [], on a const json: [] of a missing key reads freed memory (fuzz_review_server).
    auto field = c.is_object() ? c.find("field") : c.end();
    if (field == c.end() || !field->is_string()) {
      return SendError(res, 400, _("each change needs a field"));
    }
    d.changes.push_back({field->get<std::string>(), c.value("value", json())});
  }
  std::lock_guard<std::mutex> lock(mu);
  auto saved = Reviews(store).Save(d);
  if (!saved.ok()) return SendError(res, HttpStatusOf(saved.status()), saved.status().message());
  if (saved->stale) {
    std::string who =
        saved->record.corrections.empty() ? "someone" : saved->record.corrections.back().reviewer;
    return SendRecord(d.record_id, res, 409,
                      "not saved: " + who +
                          " changed this record after you opened it. "
                          "Their values are shown now; apply your change again if it still holds.");
  }
  SendRecord(d.record_id, res, 200, "");
}

void ServerImpl::SendRecord(const std::string& id, Response& res, int status,
                            const std::string& error) {
  Reviews reviews(store);
  Result<json> view = RecordView(reviews, id);
  if (!view.ok()) return SendError(res, HttpStatusOf(view.status()), view.status().message());
  if (!error.empty()) (*view)["error"] = error;
  SendJson(res, status, *view);
}

}  // namespace acervo::review
