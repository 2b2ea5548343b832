// acervo __loader-manifest PLUGIN — writes load-NAME.json beside a loader plugin: what its
// Info() says, so that acervo can choose a loader without loading them all and load only the
// one a document needs (plugin/loader_host.h). The build runs it on the bundled loaders; not
// for people (hidden from --help), though the author of a loader plugin may run it too.
#include <fstream>

#include "command.h"
#include "i18n/i18n.h"
#include "plugin/loader_host.h"

namespace acervo::cli {
namespace {

int RunManifest(const std::string& plugin) {
  Result<std::unique_ptr<LoadedLoader>> loader = LoadLoaderPlugin(plugin);
  if (!loader.ok()) return Fail(loader.status().message());
  std::filesystem::path out = LoaderManifestPath(plugin);
  std::ofstream file(out, std::ios::binary | std::ios::trunc);
  file << LoaderManifestJson((*loader)->info());
  file.close();
  if (!file) return Fail(_f("{}: cannot write the manifest", out.string()));
  return kExitOk;
}

Registration reg({"__loader-manifest", "", 1010, [](CLI::App& app) -> RunFn {
                    app.group("");  // hidden from --help
                    auto plugin = std::make_shared<std::string>();
                    app.add_option("PLUGIN", *plugin, "A loader plugin, load-NAME.so")->required();
                    return [plugin] { return RunManifest(*plugin); };
                  }});

}  // namespace
}  // namespace acervo::cli
