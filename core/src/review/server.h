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
#ifndef ACERVO_CORE_REVIEW_SERVER_H_
#define ACERVO_CORE_REVIEW_SERVER_H_

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "acervo/status.h"
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
  // `store` must outlive the server.
  static Result<std::unique_ptr<ReviewServer>> Create(Store* store, const ServerOptions& options);
  ~ReviewServer();

  // Binds the listening socket; returns the port (useful with port 0).
  Result<int> Bind();
  // Serves requests until Stop() is called from another thread. Bind() first.
  Status Serve();
  // Safe to call as soon as the thread running Serve() has been started.
  void Stop();

  const std::string& token() const;
  std::string url() const;  // "http://127.0.0.1:PORT/"

 private:
  struct Impl;
  explicit ReviewServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace acervo::review

#endif  // ACERVO_CORE_REVIEW_SERVER_H_
