#include "load/loader_registry.h"

#include <mutex>

#include "plugin/plugin_host.h"
#include "util/paths.h"

namespace acervo {

std::vector<std::filesystem::path> LoaderSearchPath() {
  std::vector<std::filesystem::path> path = PluginSearchPath();
#if defined(ACERVO_BUILD_TREE) && defined(ACERVO_BUILD_TREE_PLUGIN_DIR)
  // A program of the build tree (a test binary in build/core/, say) uses the build's loaders.
  std::string exe = ExecutableDir().string();
  std::string tree = ACERVO_BUILD_TREE;
  if (!exe.empty() && exe.compare(0, tree.size(), tree) == 0) {
    path.emplace_back(ACERVO_BUILD_TREE_PLUGIN_DIR);
  }
#endif
  return path;
}

const LoaderRegistry& LoaderRegistry::Default() {
  static std::once_flag once;
  static LoaderRegistry* registry = nullptr;  // never destroyed: plugins stay loaded
  std::call_once(once, [] { registry = Open(LoaderSearchPath()).release(); });
  return *registry;
}

std::unique_ptr<LoaderRegistry> LoaderRegistry::Open(
    const std::vector<std::filesystem::path>& search_path) {
  auto registry = std::make_unique<LoaderRegistry>();
  registry->search_path_ = search_path;
  for (const auto& file : DiscoverLoaderPlugins(search_path)) {
    // With a manifest the plugin is loaded only when a document of its type comes.
    Result<std::unique_ptr<LoadedLoader>> loader = DeferLoaderPlugin(file);
    if (!loader.ok()) loader = LoadLoaderPlugin(file);
    if (loader.ok()) {
      registry->loaders_.push_back(std::move(loader.value()));
    } else {
      registry->errors_.push_back(loader.status().message());
    }
  }
  return registry;
}

const LoadedLoader* LoaderRegistry::For(const std::string& media_type) const {
  const LoadedLoader* best = nullptr;
  int best_priority = 0;
  for (const auto& loader : loaders_) {
    for (const MediaTypeClaim& claim : loader->info().reads) {
      if (claim.media_type != media_type) continue;
      if (best == nullptr || claim.priority > best_priority) {
        best = loader.get();
        best_priority = claim.priority;
      }
    }
  }
  return best;
}

std::string LoaderRegistry::TypeOfExtension(const std::string& extension) const {
  for (const auto& loader : loaders_) {
    for (const MediaTypeClaim& claim : loader->info().reads) {
      for (const std::string& e : claim.extensions) {
        if (e == extension) return claim.media_type;
      }
    }
  }
  return "";
}

}  // namespace acervo
