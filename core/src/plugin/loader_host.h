// loader_host.h — loader plugins (acervo/loader_plugin.h) on disk: which files they are,
// and loading one through the same Boost.DLL host and version check as the extractors.
//
// A loader plugin is a file load-NAME.so in the plugin search path (plugin_host.h); its data
// is the folder load-NAME/ beside it. Loading runs the plugin's factory and Configure once.
#ifndef ACERVO_CORE_PLUGIN_LOADER_HOST_H_
#define ACERVO_CORE_PLUGIN_LOADER_HOST_H_

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "acervo/loader_plugin.h"
#include "acervo/status.h"
#include "io/env.h"

namespace acervo {

// A loaded and configured loader. Keeps its shared library alive as long as the loader.
class LoadedLoader {
 public:
  LoadedLoader(std::shared_ptr<void> library, std::unique_ptr<Loader> loader, LoaderInfo info,
               std::filesystem::path path);
  ~LoadedLoader();
  LoadedLoader(const LoadedLoader&) = delete;
  LoadedLoader& operator=(const LoadedLoader&) = delete;

  const LoaderInfo& info() const { return info_; }
  const std::filesystem::path& path() const { return path_; }
  std::string id() const { return info_.name + "@" + info_.version; }  // "pdf@1.0.0"
  // The plugin's Load, with whatever it throws turned into a Status naming the loader.
  Result<Document> Load(std::string_view bytes, const LoadContext& context) const;

 private:
  std::shared_ptr<void> library_;  // destroyed after loader_
  std::unique_ptr<Loader> loader_;
  LoaderInfo info_;
  std::filesystem::path path_;
};

// True for a file named load-*.so.
bool IsLoaderPluginFile(const std::filesystem::path& file);

// Every load-*.so in the search path (the first of each name), sorted by name.
std::vector<std::filesystem::path> DiscoverLoaderPlugins(
    const std::vector<std::filesystem::path>& search_path, const Env& env = Env::Default());

// Loads one loader plugin file, checks its API version, reads its info and configures it.
Result<std::unique_ptr<LoadedLoader>> LoadLoaderPlugin(const std::filesystem::path& file);

}  // namespace acervo

#endif  // ACERVO_CORE_PLUGIN_LOADER_HOST_H_
