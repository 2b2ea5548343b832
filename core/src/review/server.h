// server.h — the review web UI: a small HTTP server (cpp-httplib) over one store, serving the
// embedded page and a JSON API.
//
//   GET  /                         the page (carries this run's session token)
//   GET  /api/queue?status=&document=&kind=&field=&min=&max=
//   GET  /api/records/ID           the record, its corrections, version, passage spans, the
//                                  region of each page its passage covers (page_regions,
//                                  a null box when unknown), and the records before and
//                                  after it in its document (previous, next: to merge with)
//   GET  /api/records/ID/page/N    page N of the PDF as PNG, cut to the passage's region
//                                  there (the whole page with ?whole=1, or when the region
//                                  is unknown); 404 when the original is gone
//   GET  /api/institutions         names to choose from when correcting an institution
//   POST /api/records/ID           {version, reviewer, comment, changes: [{field, value}]}
//                                  -> 200 the saved record, 409 stale (with fresh values),
//                                     400 invalid. A split is the change {field: "split",
//                                     value: {parts: [...]}}; a merge is refused here
//   POST /api/records/ID/merge     {version, from, from_version, reviewer, comment}: record
//                                  FROM merged into ID -> 200 ID as saved, 409 when either
//                                  changed since those versions, 400 invalid
//
// Safety: every POST must carry the session token (random per server run) in the
// X-Acervo-Token header; responses carry a strict Content-Security-Policy; requests whose
// Host is not a loopback name are refused unless remote access was allowed, and then every
// request must present the shared secret. Store access is serialised by one mutex.
//
// The server (cpp-httplib, with OpenSSL and brotli) lives in a module, review-server.so
// (util/modules.h): ReviewServer::Create loads it, so no other command maps those libraries.
#ifndef ACERVO_CORE_REVIEW_SERVER_H_
#define ACERVO_CORE_REVIEW_SERVER_H_

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "acervo/status.h"
#include "i18n/language.h"
#include "store/store.h"

namespace acervo::review {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8077;            // 0 picks a free port
  bool allow_remote = false;  // with `secret`, allows a non-loopback host
  std::string secret;         // the shared secret remote reviewers must present
};

bool IsLoopbackHost(const std::string& host);

// InvalidArgument for a non-loopback host without both allow_remote and a secret.
Status CheckServerOptions(const ServerOptions& options);

class ReviewServer {
 public:
  // Loads the server module (once) and makes a server over `store`, which must outlive it.
  // Unsupported, naming the module and what to install, when the module is missing.
  static Result<std::unique_ptr<ReviewServer>> Create(Store* store, const ServerOptions& options);
  virtual ~ReviewServer() = default;

  // Binds the listening socket; returns the port (useful with port 0).
  virtual Result<int> Bind() = 0;
  // Serves requests until Stop() is called from another thread. Bind() first.
  virtual Status Serve() = 0;
  // Safe to call as soon as the thread running Serve() has been started.
  virtual void Stop() = 0;

  virtual const std::string& token() const = 0;
  virtual std::string url() const = 0;  // "http://127.0.0.1:PORT/"
};

// The module's one export: a server over `store` (options already checked), speaking
// `language`. The module and the host are built together from this tree.
inline constexpr const char* kServerModuleFile = "review-server.so";
inline constexpr const char* kServerFactorySymbol = "acervo_review_server_create";
using ServerFactory = Result<std::unique_ptr<ReviewServer>>(Store* store,
                                                            const ServerOptions& options,
                                                            Language language);

}  // namespace acervo::review

#endif  // ACERVO_CORE_REVIEW_SERVER_H_
