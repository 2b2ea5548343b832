#include "plugin/loader_host.h"

#include <dlfcn.h>

#include <nlohmann/json.hpp>

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

LoadedLoader::LoadedLoader(LoaderInfo info, std::filesystem::path path)
    : info_(std::move(info)), path_(std::move(path)) {}

LoadedLoader::~LoadedLoader() {
  loader_.reset();  // the loader's code lives in library_
}

Status LoadedLoader::Ensure() const {
  std::call_once(once_, [this] {
    if (loader_) {
      handle_ = static_cast<boost::dll::shared_library*>(library_.get())->native();
      return;
    }
    Result<std::unique_ptr<LoadedLoader>> loaded = LoadLoaderPlugin(path_, Binding::kLazy);
    if (!loaded.ok()) {
      load_error_ = loaded.status();
      return;
    }
    library_ = std::move((*loaded)->library_);
    loader_ = std::move((*loaded)->loader_);
    handle_ = static_cast<boost::dll::shared_library*>(library_.get())->native();
  });
  return load_error_;
}

void* LoadedLoader::FindSymbol(const char* name) const {
  if (!Ensure().ok()) return nullptr;
  return dlsym(handle_, name);
}

Result<Document> LoadedLoader::Load(std::string_view bytes, const LoadContext& context) const {
  if (Status loaded = Ensure(); !loaded.ok()) return loaded;
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

Result<std::unique_ptr<LoadedLoader>> LoadLoaderPlugin(const std::filesystem::path& file,
                                                       Binding binding) {
  Result<std::shared_ptr<boost::dll::shared_library>> lib = OpenPluginLibrary(
      file,
      PluginAbi{kLoaderApiVersionSymbol, kLoaderFactorySymbol, kLoaderApiVersion, N_("loader API")},
      binding);
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

std::filesystem::path LoaderManifestPath(const std::filesystem::path& plugin) {
  return std::filesystem::path(plugin).replace_extension(".json");
}

std::string LoaderManifestJson(const LoaderInfo& info) {
  nlohmann::json reads = nlohmann::json::array();
  for (const MediaTypeClaim& c : info.reads) {
    reads.push_back(
        {{"media_type", c.media_type}, {"priority", c.priority}, {"extensions", c.extensions}});
  }
  nlohmann::json j = {{"loader_api", kLoaderApiVersion},
                      {"name", info.name},
                      {"version", info.version},
                      {"description", info.description},
                      {"license", info.license},
                      {"origin", info.origin},
                      {"reads", reads}};
  return j.dump(2) + "\n";
}

Result<std::unique_ptr<LoadedLoader>> DeferLoaderPlugin(const std::filesystem::path& file) {
  std::filesystem::path manifest = LoaderManifestPath(file);
  Result<std::string> text = Env::Default().ReadFile(manifest);
  if (!text.ok()) return NotFound(text.status().message());
  nlohmann::json j = nlohmann::json::parse(*text, nullptr, false);
  try {
    if (!j.is_object() || j.value("loader_api", -1) != kLoaderApiVersion) {
      return NotFound(manifest.string() + ": not a manifest of this loader API");
    }
    LoaderInfo info;
    info.name = j.at("name").get<std::string>();
    info.version = j.at("version").get<std::string>();
    info.description = j.at("description").get<std::string>();
    info.license = j.at("license").get<std::string>();
    info.origin = j.at("origin").get<std::string>();
    for (const nlohmann::json& c : j.at("reads")) {
      info.reads.push_back(MediaTypeClaim{c.at("media_type").get<std::string>(),
                                          c.at("priority").get<int>(),
                                          c.at("extensions").get<std::vector<std::string>>()});
    }
    return std::make_unique<LoadedLoader>(std::move(info), file);
  } catch (const nlohmann::json::exception& e) {
    return NotFound(manifest.string() + ": unreadable manifest: " + e.what());
  }
}

}  // namespace acervo
