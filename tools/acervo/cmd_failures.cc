// acervo failures — the documents ingest could not store, with the reason for each.
#include <iostream>

#include "command.h"
#include "i18n/i18n.h"
#include "store/store.h"
#include "store_option.h"

namespace acervo::cli {
namespace {

struct Options {
  std::string store;
  bool json = false;
};

int RunFailures(const Options& o) {
  std::filesystem::path path = DefaultStorePath(o.store);
  Result<std::unique_ptr<Store>> store = Store::OpenExisting(path);
  if (!store.ok()) return Fail(store.status().message());
  Status s = (*store)->ForEachFailure([&](const Failure& f) {
    if (o.json) {
      std::cout << nlohmann::json{{"source", f.source},
                                  {"sha256", f.sha256},
                                  {"code", f.code},
                                  {"message", f.message},
                                  {"at", f.at}}
                       .dump()
                << "\n";
    } else {
      std::cout << f.source << "\t" << f.code << "\t" << f.message << "\n";
    }
  });
  return s.ok() ? kExitOk : Fail(s.message());
}

Registration reg({"failures", N_("List documents that failed to ingest, with reasons"), 45,
                  [](CLI::App& app) -> RunFn {
                    auto o = std::make_shared<Options>();
                    AddStoreOption(app, &o->store);
                    app.add_flag("--json", o->json, _("One JSON object a line"));
                    return [o] { return RunFailures(*o); };
                  }});

}  // namespace
}  // namespace acervo::cli
