// server_impl.h — (review server internals, in the module review-server.so) the state of one
// server and its request handlers, one per endpoint of server.h. Routing and the handlers:
// server_routes.cc; what they show: record_view.h; who may ask: server_security.h; lifetime:
// server.cc.
//
// Handlers run on httplib's threads; each takes `mu` before touching the store.
#ifndef ACERVO_CORE_REVIEW_SERVER_IMPL_H_
#define ACERVO_CORE_REVIEW_SERVER_IMPL_H_

#include <httplib.h>

#include <atomic>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "review/server.h"

namespace acervo::review {

struct ServerImpl {
  Store* store;
  ServerOptions options;
  std::string token;
  int port = 0;
  std::mutex mu;  // one store connection: serialise every use of it
  httplib::Server http;
  std::atomic<bool> serving{false};   // Serve is running (or about to run) the loop
  std::atomic<bool> stopping{false};  // Stop was called

  // Registers the handlers below and the checks every request passes first.
  void Routes();

  httplib::Server::HandlerResponse Guard(const httplib::Request& req, httplib::Response& res);
  bool HostAllowed(const httplib::Request& req) const;
  bool SecretPresented(const httplib::Request& req) const;

  void GetPage(const httplib::Request& req, httplib::Response& res);
  void GetAsset(const httplib::Request& req, httplib::Response& res);
  void GetQueue(const httplib::Request& req, httplib::Response& res);
  void GetInstitutions(const httplib::Request& req, httplib::Response& res);
  void GetRecord(const httplib::Request& req, httplib::Response& res);
  void GetPageImage(const httplib::Request& req, httplib::Response& res);
  void PostMerge(const httplib::Request& req, httplib::Response& res);
  void PostDecision(const httplib::Request& req, httplib::Response& res);

  // Sends the record view (record_view.h), with "error" when given. Holds `mu`.
  void SendRecord(const std::string& id, httplib::Response& res, int status,
                  const std::string& error);
};

}  // namespace acervo::review

#endif  // ACERVO_CORE_REVIEW_SERVER_IMPL_H_
