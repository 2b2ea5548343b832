// loader_registry.h — the loader plugins of this process, and which one reads a media type.
//
// Default() finds every load-*.so of the plugin search path (plugin_host.h) once, on first
// use, and loads those without a manifest (loader_host.h); the others are loaded when a
// document of their type is read; a program running from the build tree also finds the build's plugins, so test
// programs that do not sit beside `acervo` load the bundled loaders too. Plugins that fail
// to load are remembered with their reason (`acervo plugins` shows them) and read nothing.
//
// Thread-safe: built once (std::call_once), read-only after.
#ifndef ACERVO_CORE_LOAD_LOADER_REGISTRY_H_
#define ACERVO_CORE_LOAD_LOADER_REGISTRY_H_

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "plugin/loader_host.h"

namespace acervo {

class LoaderRegistry {
 public:
  // The process's registry over the plugin search path.
  static const LoaderRegistry& Default();
  // The loaders found in `search_path` (tests).
  static std::unique_ptr<LoaderRegistry> Open(
      const std::vector<std::filesystem::path>& search_path);

  // The loader with the highest priority for `media_type` (the first by name on a tie), or
  // null when none reads it.
  const LoadedLoader* For(const std::string& media_type) const;
  // The media type a loader claims for `extension` (".md"), "" when none does.
  std::string TypeOfExtension(const std::string& extension) const;

  const std::vector<std::unique_ptr<LoadedLoader>>& loaders() const { return loaders_; }
  // "path: reason" for each plugin that did not load.
  const std::vector<std::string>& errors() const { return errors_; }
  const std::vector<std::filesystem::path>& search_path() const { return search_path_; }

 private:
  std::vector<std::unique_ptr<LoadedLoader>> loaders_;
  std::vector<std::string> errors_;
  std::vector<std::filesystem::path> search_path_;
};

// The search path Default() uses.
std::vector<std::filesystem::path> LoaderSearchPath();

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_LOADER_REGISTRY_H_
