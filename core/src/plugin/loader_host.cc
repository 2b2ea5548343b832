#include "plugin/loader_host.h"

#include "i18n/i18n.h"
#include "plugin/plugin_host.h"
#include "plugin/plugin_library.h"

namespace acervo {

LoadedLoader::LoadedLoader(std::shared_ptr<void> library, std::unique_ptr<Loader> loader,
                           LoaderInfo info, std::filesystem::path path)
    : library_(std::move(library)),
      loader_(std::move(loader)),
      info_(std::move(info)),
      path_(std::move(path)) {}

LoadedLoader::~LoadedLoader() {
  loader_.reset();  // the loader's code lives in library_
}

Result<Document> LoadedLoader::Load(std::string_view bytes, const LoadContext& context) const {
  try {
    return loader_->Load(bytes, context);
  } catch (const std::exception& e) {
    return Internal(_f("loader {} threw: {}", id(), e.what()));
  } catch (...) {
    return Internal(_f("loader {} threw", id()));
  }
}

bool IsLoaderPluginFile(const std::filesystem::path& file) {
  return file.extension() == ".so" && file.stem().string().rfind("load-", 0) == 0;
}

std::vector<std::filesystem::path> DiscoverLoaderPlugins(
    const std::vector<std::filesystem::path>& search_path, const Env& env) {
  std::vector<std::filesystem::path> out;
  for (const auto& file : DiscoverPlugins(search_path, env)) {
    if (IsLoaderPluginFile(file)) out.push_back(file);
  }
  return out;
}

Result<std::unique_ptr<LoadedLoader>> LoadLoaderPlugin(const std::filesystem::path& file) {
  Result<std::shared_ptr<boost::dll::shared_library>> lib =
      OpenPluginLibrary(file, PluginAbi{kLoaderApiVersionSymbol, kLoaderFactorySymbol,
                                        kLoaderApiVersion, N_("loader API")});
  if (!lib.ok()) return lib.status();
  std::unique_ptr<Loader> loader;
  LoaderInfo info;
  Status configured;
  try {
    loader = (*lib)->get<LoaderFactory>(kLoaderFactorySymbol)();
    if (!loader) return Internal(_f("{}: loader factory returned nothing", file.string()));
    info = loader->Info();
    configured = loader->Configure(LoaderConfig{file.parent_path() / file.stem()});
  } catch (const std::exception& e) {
    return Internal(_f("{}: loader threw while starting: {}", file.string(), e.what()));
  } catch (...) {
    return Internal(_f("{}: loader threw while starting", file.string()));
  }
  if (!configured.ok()) return configured.Prefixed(file.string());
  if (info.name.empty()) info.name = file.stem().string().substr(5);
  return std::make_unique<LoadedLoader>(std::static_pointer_cast<void>(*lib), std::move(loader),
                                        std::move(info), file);
}

}  // namespace acervo
