#include "review/server.h"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include "review/page_image.h"
#include "review/reviews.h"
#include "review/web_assets.h"

namespace acervo::review {
namespace {

using nlohmann::json;

// The page may load only its own script, style, images and API; nothing inline, nothing
// from elsewhere, no frames. Document text therefore cannot run even if it were inserted
// as markup (the page inserts it as text only).
constexpr char kCsp[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

Result<std::string> RandomHex(size_t bytes) {
  std::ifstream urandom("/dev/urandom", std::ios::binary);
  std::string raw(bytes, '\0');
  if (!urandom.read(raw.data(), static_cast<std::streamsize>(bytes))) {
    return IoError("cannot read /dev/urandom for the session token");
  }
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : raw) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

// Compares without an early exit, so timing does not reveal how much of a secret matched.
bool SameSecret(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

std::string CookieValue(const httplib::Request& req, const std::string& name) {
  std::string cookies = req.get_header_value("Cookie");
  std::string key = name + "=";
  size_t at = 0;
  while ((at = cookies.find(key, at)) != std::string::npos) {
    if (at == 0 || cookies[at - 1] == ' ' || cookies[at - 1] == ';') {
      size_t end = cookies.find(';', at);
      return cookies.substr(at + key.size(), end == std::string::npos ? end : end - at - key.size());
    }
    at += key.size();
  }
  return "";
}

// "127.0.0.1:8077" -> "127.0.0.1"; "[::1]:8077" -> "::1".
std::string HostName(const std::string& host_header) {
  if (!host_header.empty() && host_header[0] == '[') {
    size_t close = host_header.find(']');
    return host_header.substr(1, close == std::string::npos ? std::string::npos : close - 1);
  }
  return host_header.substr(0, host_header.find(':'));
}

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

void SendJson(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json; charset=utf-8");
}

void SendError(httplib::Response& res, int status, const std::string& message) {
  SendJson(res, status, {{"error", message}});
}

int HttpStatusOf(const Status& s) {
  switch (s.code()) {
    case Code::kInvalidArgument: return 400;
    case Code::kNotFound: return 404;
    default: return 500;
  }
}

json QueueItem(const ReviewedRecord& r) {
  const json& e = r.effective;
  return {{"id", r.id},
          {"kind", e.value("kind", "")},
          {"title", e.value("title", "")},
          {"confidence", e.value("confidence", 0.0)},
          {"status", e.value("status", "")},
          {"document_id", r.document_id},
          {"source", r.source},
          {"page_start", e.value("page_start", 1)},
          {"orphaned", r.orphaned},
          {"second_look", r.second_look}};
}

// A record the reviewer may merge with: enough to name it and to merge it safely.
json Neighbour(const std::optional<ReviewedRecord>& r) {
  if (!r) return nullptr;
  return {{"id", r->id}, {"title", r->effective.value("title", "")}, {"version", r->version}};
}

// How many pages of a long passage get an image.
constexpr int kMaxPageImages = 3;

// The passage's box with a margin, kept on the page; empty when unknown.
Box PaddedRegion(const PassageRegion& r) {
  return PadRegion(r.box, kRegionMargin, r.page_width, r.page_height);
}

bool IsPdf(const std::string& source) {
  return source.size() > 4 && (source.compare(source.size() - 4, 4, ".pdf") == 0 ||
                               source.compare(source.size() - 4, 4, ".PDF") == 0);
}

std::vector<std::string> GazetteerNames(const std::vector<std::filesystem::path>& files) {
  std::vector<std::string> names;
  for (const auto& f : files) {
    std::ifstream in(f);
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || line[0] == '#') continue;
      size_t tab = line.find('\t');
      if (tab == std::string::npos) continue;
      size_t end = line.find('\t', tab + 1);
      std::string name = line.substr(tab + 1, end == std::string::npos ? end : end - tab - 1);
      if (!name.empty() && name != "name") names.push_back(name);
    }
  }
  return names;
}

}  // namespace

bool IsLoopbackHost(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

Status CheckServerOptions(const ServerOptions& o) {
  if (IsLoopbackHost(o.host)) return Status::Ok();
  if (!o.allow_remote || o.secret.empty()) {
    return InvalidArgument("refusing to serve on non-loopback address '" + o.host +
                           "': reviewers' decisions would be open to the network. Pass both "
                           "--allow-remote and --secret-file FILE to allow it");
  }
  return Status::Ok();
}

struct ReviewServer::Impl {
  Store* store;
  ServerOptions options;
  std::string token;
  int port = 0;
  std::mutex mu;  // one store connection: serialise every use of it
  httplib::Server http;
  std::atomic<bool> serving{false};   // Serve is running (or about to run) the loop
  std::atomic<bool> stopping{false};  // Stop was called
  std::vector<std::string> gazetteer;

  bool HostAllowed(const httplib::Request& req) const {
    if (options.allow_remote) return true;
    // A page on another site that rebinds its DNS name to 127.0.0.1 still sends its own
    // name as Host: refuse it, so it can read neither the token nor the records.
    return IsLoopbackHost(HostName(req.get_header_value("Host")));
  }

  bool SecretPresented(const httplib::Request& req) const {
    if (options.secret.empty()) return true;
    std::string given = req.get_header_value("X-Acervo-Secret");
    if (given.empty()) given = CookieValue(req, "acervo_secret");
    return SameSecret(given, options.secret);
  }

  void Routes() {
    http.set_default_headers({{"Content-Security-Policy", kCsp},
                              {"X-Content-Type-Options", "nosniff"},
                              {"X-Frame-Options", "DENY"},
                              {"Referrer-Policy", "no-referrer"},
                              {"Cache-Control", "no-store"}});
    http.set_payload_max_length(1 << 20);
    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      if (!HostAllowed(req)) {
        SendError(res, 403, "this server answers only to a loopback address");
        return httplib::Server::HandlerResponse::Handled;
      }
      if (!options.secret.empty() && req.method == "GET" && req.path == "/" &&
          req.has_param("secret")) {
        // The secret travels once in the link; later requests carry it as a cookie.
        if (SameSecret(req.get_param_value("secret"), options.secret)) {
          res.set_header("Set-Cookie", "acervo_secret=" + options.secret +
                                           "; HttpOnly; SameSite=Strict; Path=/");
          res.set_redirect("/");
        } else {
          SendError(res, 403, "wrong secret");
        }
        return httplib::Server::HandlerResponse::Handled;
      }
      if (!SecretPresented(req)) {
        SendError(res, 401, "this server needs the shared secret: open /?secret=...");
        return httplib::Server::HandlerResponse::Handled;
      }
      if (req.method != "GET" && req.method != "HEAD" &&
          !SameSecret(req.get_header_value("X-Acervo-Token"), token)) {
        SendError(res, 403, "missing or wrong session token; reload the page");
        return httplib::Server::HandlerResponse::Handled;
      }
      return httplib::Server::HandlerResponse::Unhandled;
    });

    http.Get("/", [this](const httplib::Request&, httplib::Response& res) {
      const WebAsset* page = FindAsset("/index.html");
      std::string html(page->data, page->size);
      const std::string mark = "{{TOKEN}}";
      if (size_t at = html.find(mark); at != std::string::npos) html.replace(at, mark.size(), token);
      res.set_content(html, MimeType("/index.html"));
    });
    http.Get("/(app\\.js|app\\.css)", [](const httplib::Request& req, httplib::Response& res) {
      const WebAsset* a = FindAsset(req.path);
      if (!a) return SendError(res, 404, "not found");
      res.set_content(std::string(a->data, a->size), MimeType(req.path));
    });

    http.Get("/api/queue", [this](const httplib::Request& req, httplib::Response& res) {
      QueueFilter f;
      if (req.has_param("status")) f.status = req.get_param_value("status");
      f.document = req.get_param_value("document");
      f.kind = req.get_param_value("kind");
      f.field = req.get_param_value("field");
      try {
        if (!req.get_param_value("min").empty()) f.min_confidence = std::stod(req.get_param_value("min"));
        if (!req.get_param_value("max").empty()) f.max_confidence = std::stod(req.get_param_value("max"));
      } catch (const std::exception&) {
        return SendError(res, 400, "min and max are numbers between 0 and 1");
      }
      std::lock_guard<std::mutex> lock(mu);
      auto q = Reviews(store).Queue(f);
      if (!q.ok()) return SendError(res, HttpStatusOf(q.status()), q.status().message());
      json items = json::array();
      for (const ReviewedRecord& r : *q) items.push_back(QueueItem(r));
      SendJson(res, 200, {{"items", items}});
    });

    http.Get("/api/institutions", [this](const httplib::Request&, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mu);
      auto names = Reviews(store).InstitutionNames();
      if (!names.ok()) return SendError(res, 500, names.status().message());
      std::vector<std::string> all = gazetteer;
      all.insert(all.end(), names->begin(), names->end());
      std::sort(all.begin(), all.end());
      all.erase(std::unique(all.begin(), all.end()), all.end());
      SendJson(res, 200, {{"names", all}});
    });

    http.Get("/api/records/([^/]+)", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mu);
      SendRecord(req.matches[1], res, 200, "");
    });

    // The passage's region of page N, or with ?whole=1 the whole page; the whole page too
    // when the store knows no region there.
    http.Get("/api/records/([^/]+)/page/([0-9]+)",
             [this](const httplib::Request& req, httplib::Response& res) {
               std::string source;
               Box region;
               int page = 0;
               try {
                 page = std::stoi(req.matches[2]);
               } catch (const std::exception&) {
                 return SendError(res, 404, "no such page");
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
               if (!IsPdf(source)) return SendError(res, 404, "not a PDF: no page image");
               auto png = RenderPagePng(source, page, region.empty() ? kPageDpi : RegionDpi(region),
                                        region);
               if (!png.ok()) return SendError(res, 404, png.status().message());
               res.set_header("X-Acervo-Image", region.empty() ? "page" : "region");
               res.set_content(*png, "image/png");
             });

    // Merges record FROM into this one: {version, from, from_version, reviewer, comment}.
    http.Post("/api/records/([^/]+)/merge", [this](const httplib::Request& req,
                                                   httplib::Response& res) {
      json body = json::parse(req.body, nullptr, false);
      if (!body.is_object() || !body["from"].is_string()) {
        return SendError(res, 400, "expected {version, from, from_version, reviewer, comment}");
      }
      MergeDecision d;
      d.into = req.matches[1];
      d.from = body["from"].get<std::string>();
      d.into_version = body.value("version", int64_t{-2});
      d.from_version = body.value("from_version", int64_t{-2});
      if (d.into_version < 0 || d.from_version < 0) {
        return SendError(res, 400, "a merge must say which versions of both records it saw");
      }
      d.reviewer = body.value("reviewer", "");
      d.comment = body.value("comment", "");
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
    });

    http.Post("/api/records/([^/]+)", [this](const httplib::Request& req, httplib::Response& res) {
      json body = json::parse(req.body, nullptr, false);
      if (!body.is_object() || !body["changes"].is_array()) {
        return SendError(res, 400, "expected {version, reviewer, comment, changes: [...]}");
      }
      Decision d;
      d.record_id = req.matches[1];
      d.base_version = body.value("version", int64_t{-2});
      if (d.base_version < 0) return SendError(res, 400, "the decision must say which version it saw");
      d.reviewer = body.value("reviewer", "");
      d.comment = body.value("comment", "");
      for (const json& c : body["changes"]) {
        if (!c.is_object() || !c["field"].is_string()) return SendError(res, 400, "each change needs a field");
        d.changes.push_back({c["field"].get<std::string>(), c.value("value", json())});
      }
      std::lock_guard<std::mutex> lock(mu);
      auto saved = Reviews(store).Save(d);
      if (!saved.ok()) return SendError(res, HttpStatusOf(saved.status()), saved.status().message());
      if (saved->stale) {
        std::string who = saved->record.corrections.empty() ? "someone"
                                                            : saved->record.corrections.back().reviewer;
        return SendRecord(d.record_id, res, 409,
                          "not saved: " + who + " changed this record after you opened it. "
                          "Their values are shown now; apply your change again if it still holds.");
      }
      SendRecord(d.record_id, res, 200, "");
    });
  }

  // Writes {record view..., passage, page_image} (and "error" when given). Holds `mu`.
  void SendRecord(const std::string& id, httplib::Response& res, int status,
                  const std::string& error) {
    Reviews reviews(store);
    auto r = reviews.Get(id);
    if (!r.ok()) return SendError(res, HttpStatusOf(r.status()), r.status().message());
    json view = r->ToJson();
    auto passage = reviews.Passage(*r);
    if (!passage.ok()) return SendError(res, 500, passage.status().message());
    view["passage"] = *passage;
    std::error_code ec;
    bool image = IsPdf(r->source) && std::filesystem::is_regular_file(r->source, ec);
    view["page_image"] = image;
    view["page_image_note"] =
        image ? "" : (IsPdf(r->source) ? "El PDF original ya no está en " + r->source +
                                             ": se muestra solo el texto."
                                       : "Fuente de texto: sin imagen de página.");
    if (image) {
      // One image per page of the passage (a few at most), each cut to the passage's region.
      json regions = json::array();
      std::vector<int> whole;
      int first = (*passage)["page_start"], last = (*passage)["page_end"];
      for (int page = first; page <= std::min(last, first + kMaxPageImages - 1); ++page) {
        auto known = reviews.Region(*r, page);
        if (!known.ok()) return SendError(res, 500, known.status().message());
        Box b = PaddedRegion(*known);
        regions.push_back({{"page", page},
                           {"box", b.empty() ? json() : json{b.x0, b.y0, b.x1, b.y1}}});
        if (b.empty()) whole.push_back(page);
      }
      view["page_regions"] = regions;
      if (!whole.empty()) {
        std::string pages;
        for (int p : whole) pages += (pages.empty() ? "" : ", ") + std::to_string(p);
        view["page_image_note"] = "No se conoce la posición del pasaje en la p. " + pages +
                                  ": se muestra la página completa.";
      }
    }
    auto adjacent = reviews.Adjacent(*r);
    if (!adjacent.ok()) return SendError(res, 500, adjacent.status().message());
    view["previous"] = Neighbour(adjacent->previous);
    view["next"] = Neighbour(adjacent->next);
    if (!error.empty()) view["error"] = error;
    SendJson(res, status, view);
  }
};

ReviewServer::ReviewServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ReviewServer::~ReviewServer() = default;

Result<std::unique_ptr<ReviewServer>> ReviewServer::Create(Store* store,
                                                           const ServerOptions& options) {
  ACERVO_RETURN_IF_ERROR(CheckServerOptions(options));
  auto impl = std::make_unique<Impl>();
  impl->store = store;
  impl->options = options;
  Result<std::string> token = RandomHex(32);
  if (!token.ok()) return token.status();
  impl->token = *token;
  impl->gazetteer = GazetteerNames(options.gazetteers);
  impl->Routes();
  return std::unique_ptr<ReviewServer>(new ReviewServer(std::move(impl)));
}

Result<int> ReviewServer::Bind() {
  const ServerOptions& o = impl_->options;
  if (o.port == 0) {
    impl_->port = impl_->http.bind_to_any_port(o.host);
    if (impl_->port <= 0) return IoError("cannot listen on " + o.host);
  } else {
    if (!impl_->http.bind_to_port(o.host, o.port)) {
      return IoError("cannot listen on " + o.host + ":" + std::to_string(o.port) +
                     " (in use? try --port 0 for any free port)");
    }
    impl_->port = o.port;
  }
  return impl_->port;
}

Status ReviewServer::Serve() {
  impl_->serving = true;
  bool stopped = impl_->stopping || impl_->http.listen_after_bind() || impl_->stopping;
  impl_->serving = false;
  if (!stopped) return IoError("the server stopped unexpectedly");
  return Status::Ok();
}

void ReviewServer::Stop() {
  impl_->stopping = true;
  // httplib forgets a stop that comes before its loop runs: wait for the loop (or for Serve
  // to return, having seen `stopping`) so that Stop right after starting Serve still stops.
  while (impl_->serving && !impl_->http.is_running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  impl_->http.stop();
}

const std::string& ReviewServer::token() const { return impl_->token; }

std::string ReviewServer::url() const {
  std::string host = impl_->options.host;
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  return "http://" + host + ":" + std::to_string(impl_->port) + "/";
}

}  // namespace acervo::review
