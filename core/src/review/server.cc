// The review server of the module review-server.so (server.h): HttpReviewServer's lifetime
// over httplib, and the module's factory.
#include "review/server.h"

#include <chrono>
#include <thread>
#include <type_traits>

#include "acervo/plugin_export.h"
#include "i18n/i18n.h"
#include "review/server_impl.h"
#include "review/server_security.h"

namespace acervo::review {
namespace {

class HttpReviewServer final : public ReviewServer {
 public:
  explicit HttpReviewServer(std::unique_ptr<ServerImpl> impl) : impl_(std::move(impl)) {}

  Result<int> Bind() override {
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

  Status Serve() override {
    impl_->serving = true;
    bool stopped = impl_->stopping || impl_->http.listen_after_bind() || impl_->stopping;
    impl_->serving = false;
    if (!stopped) return IoError("the server stopped unexpectedly");
    return Status::Ok();
  }

  void Stop() override {
    impl_->stopping = true;
    // httplib forgets a stop that comes before its loop runs: wait for the loop (or for Serve
    // to return, having seen `stopping`) so that Stop right after starting Serve still stops.
    while (impl_->serving && !impl_->http.is_running()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    impl_->http.stop();
  }

  const std::string& token() const override { return impl_->token; }

  std::string url() const override {
    std::string host = impl_->options.host;
    if (host.find(':') != std::string::npos) host = "[" + host + "]";
    return "http://" + host + ":" + std::to_string(impl_->port) + "/";
  }

 private:
  std::unique_ptr<ServerImpl> impl_;
};

}  // namespace
}  // namespace acervo::review

ACERVO_PLUGIN_CXX_RETURN_BEGIN_
extern "C" __attribute__((visibility("default")))
acervo::Result<std::unique_ptr<acervo::review::ReviewServer>>
acervo_review_server_create(acervo::Store* store, const acervo::review::ServerOptions& options,
                            acervo::Language language) {
  using namespace acervo::review;
  if (acervo::CurrentLanguage() != language) acervo::SetLanguage(language);
  auto impl = std::make_unique<ServerImpl>();
  impl->store = store;
  impl->options = options;
  acervo::Result<std::string> token = RandomHex(32);
  if (!token.ok()) return token.status();
  impl->token = *token;
  impl->Routes();
  return std::unique_ptr<ReviewServer>(new HttpReviewServer(std::move(impl)));
}
ACERVO_PLUGIN_CXX_RETURN_END_
static_assert(std::is_same_v<decltype(acervo_review_server_create), acervo::review::ServerFactory>);
