// loader_host.h — loader plugins (acervo/loader_plugin.h) on disk: which files they are,
// and loading one through the same Boost.DLL host and version check as the extractors.
//
// A loader plugin is a file load-NAME.so in the plugin search path (plugin_host.h); its data
// is the folder load-NAME/ beside it. Loading runs the plugin's factory and Configure once.
//
// A plugin with a manifest beside it (load-NAME.json, what Info() says, written at build time
// by `acervo __loader-manifest`) is loaded only when a document of its type is read: a
// program reading one HTML file does not map Poppler and Tesseract (docs/loaders.md,
// "Start-up"). A manifest of another loader API is ignored (the plugin is loaded at once).
#ifndef ACERVO_CORE_PLUGIN_LOADER_HOST_H_
#define ACERVO_CORE_PLUGIN_LOADER_HOST_H_

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "acervo/loader_plugin.h"
#include "acervo/status.h"
#include "io/env.h"
#include "plugin/plugin_host.h"  // Binding

namespace acervo {

// A loaded and configured loader, or one known from its manifest and loaded on first use.
// Keeps its shared library alive as long as the loader. Thread-safe.
class LoadedLoader {
 public:
  LoadedLoader(std::shared_ptr<void> library, std::unique_ptr<Loader> loader, LoaderInfo info,
               std::filesystem::path path);
  // Deferred: `info` from the manifest; the plugin at `path` is loaded on first Load().
  LoadedLoader(LoaderInfo info, std::filesystem::path path);
  ~LoadedLoader();
  LoadedLoader(const LoadedLoader&) = delete;
  LoadedLoader& operator=(const LoadedLoader&) = delete;

  const LoaderInfo& info() const { return info_; }
  const std::filesystem::path& path() const { return path_; }
  std::string id() const { return info_.name + "@" + info_.version; }  // "pdf@1.0.0"
  // The plugin's Load, with whatever it throws turned into a Status naming the loader.
  Result<Document> Load(std::string_view bytes, const LoadContext& context) const;
  // A symbol the plugin exports besides the loader (load/pdf_services.h), null when absent
  // or when the plugin does not load.
  void* FindSymbol(const char* name) const;
  // Loads a deferred plugin now (a no-op once loaded); why it failed otherwise.
  Status Ensure() const;

 private:
  mutable std::once_flag once_;
  mutable Status load_error_;
  mutable std::shared_ptr<void> library_;  // a boost::dll::shared_library; after loader_
  mutable std::unique_ptr<Loader> loader_;
  mutable void* handle_ = nullptr;  // the dlopen handle of library_
  LoaderInfo info_;
  std::filesystem::path path_;
};

// True for a file named load-*.so.
bool IsLoaderPluginFile(const std::filesystem::path& file);

// Every load-*.so in the search path (the first of each name), sorted by name.
std::vector<std::filesystem::path> DiscoverLoaderPlugins(
    const std::vector<std::filesystem::path>& search_path, const Env& env = Env::Default());

// Loads one loader plugin file, checks its API version, reads its info and configures it.
// A loader deferred by its manifest is loaded with Binding::kLazy (plugin_library.h).
Result<std::unique_ptr<LoadedLoader>> LoadLoaderPlugin(const std::filesystem::path& file,
                                                       Binding binding = Binding::kNow);

// The loader as its manifest describes it, not loaded yet; NotFound when there is no usable
// manifest (none, another API version, unreadable).
Result<std::unique_ptr<LoadedLoader>> DeferLoaderPlugin(const std::filesystem::path& file);

// The manifest of a plugin (load-NAME.json beside load-NAME.so), and its text for `info`.
std::filesystem::path LoaderManifestPath(const std::filesystem::path& plugin);
std::string LoaderManifestJson(const LoaderInfo& info);

}  // namespace acervo

#endif  // ACERVO_CORE_PLUGIN_LOADER_HOST_H_
