// The host's side of the review server (server.h): its options checked, and
// ReviewServer::Create, which loads the server module.
#include "i18n/i18n.h"
#include "review/server.h"
#include "util/modules.h"

namespace acervo::review {

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

Result<std::unique_ptr<ReviewServer>> ReviewServer::Create(Store* store,
                                                           const ServerOptions& options) {
  ACERVO_RETURN_IF_ERROR(CheckServerOptions(options));
  const ModuleSymbol module = LoadModuleSymbol(kServerModuleFile, kServerFactorySymbol);
  if (module.address == nullptr) {
    return Unsupported(
        _f("the review server needs the module {}, which this installation lacks ({}); "
           "install the acervo package again, or `cmake --install` the build",
           kServerModuleFile, module.error));
  }
  return reinterpret_cast<ServerFactory*>(module.address)(store, options, CurrentLanguage());
}

}  // namespace acervo::review
