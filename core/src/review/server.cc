#include "review/server.h"

#include <chrono>
#include <thread>

#include "review/server_impl.h"
#include "review/server_security.h"

namespace acervo::review {

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
