// plugin_host.h — finds extractor plugins on disk and loads them with Boost.DLL.
//
// Search path, first match of a name wins: ACERVO_PLUGIN_PATH (':'-separated), folders the
// caller adds, then lib/acervo/plugins beside the running executable (the build tree) and
// <prefix>/lib/acervo/plugins (an install). A plugin NAME is the file NAME.so; its data is
// the folder NAME/ beside it. A plugin whose API version differs from kPluginApiVersion is
// refused before any of its code beyond that one function runs.
#ifndef ACERVO_CORE_PLUGIN_PLUGIN_HOST_H_
#define ACERVO_CORE_PLUGIN_PLUGIN_HOST_H_

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "acervo/plugin.h"
#include "acervo/status.h"
#include "io/env.h"

namespace acervo {

// When the functions a library calls are bound: all at once when it is loaded, so that a
// missing one is an error naming it (kNow, RTLD_NOW); or each on its first call (kLazy,
// RTLD_LAZY), for a library known to load (a loader with a manifest: the manifest was
// written by loading it with kNow), which then starts about 1 ms sooner (the PDF loader
// binds thousands of functions of Poppler and the libraries under it).
enum class Binding { kNow, kLazy };

// A loaded plugin. Keeps its shared library alive as long as the extractor exists.
class LoadedPlugin {
 public:
  LoadedPlugin(std::shared_ptr<void> library, std::unique_ptr<Extractor> extractor, PluginInfo info,
               std::filesystem::path path);
  ~LoadedPlugin();
  LoadedPlugin(const LoadedPlugin&) = delete;
  LoadedPlugin& operator=(const LoadedPlugin&) = delete;

  const PluginInfo& info() const { return info_; }
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path data_dir() const;
  std::string id() const { return info_.name + "@" + info_.version; }  // "es-date@1.0.0"
  Extractor& extractor() const { return *extractor_; }

 private:
  std::shared_ptr<void> library_;  // destroyed after extractor_
  std::unique_ptr<Extractor> extractor_;
  PluginInfo info_;
  std::filesystem::path path_;
};

// The folders searched, in order.
std::vector<std::filesystem::path> PluginSearchPath(
    const std::vector<std::filesystem::path>& extra_dirs = {});

// Every NAME.so in the search path (the first of each name), sorted by name.
std::vector<std::filesystem::path> DiscoverPlugins(
    const std::vector<std::filesystem::path>& search_path, const Env& env = Env::Default());

// The file of plugin `name`, or NotFound listing where it looked.
Result<std::filesystem::path> FindPlugin(const std::string& name,
                                         const std::vector<std::filesystem::path>& search_path,
                                         const Env& env = Env::Default());

// Loads one plugin file, checks its API version and reads its info. Does not configure it.
Result<std::unique_ptr<LoadedPlugin>> LoadPlugin(const std::filesystem::path& file);

}  // namespace acervo

#endif  // ACERVO_CORE_PLUGIN_PLUGIN_HOST_H_
