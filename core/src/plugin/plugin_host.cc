#include "plugin/plugin_host.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include "i18n/i18n.h"
#include "plugin/plugin_library.h"
#include "util/paths.h"

namespace acervo {

LoadedPlugin::LoadedPlugin(std::shared_ptr<void> library, std::unique_ptr<Extractor> extractor,
                           PluginInfo info, std::filesystem::path path)
    : library_(std::move(library)),
      extractor_(std::move(extractor)),
      info_(std::move(info)),
      path_(std::move(path)) {}

LoadedPlugin::~LoadedPlugin() {
  extractor_.reset();  // the extractor's code lives in library_
}

std::filesystem::path LoadedPlugin::data_dir() const { return path_.parent_path() / path_.stem(); }

std::vector<std::filesystem::path> PluginSearchPath(
    const std::vector<std::filesystem::path>& extra_dirs) {
  std::vector<std::filesystem::path> path;
  if (const char* env = std::getenv("ACERVO_PLUGIN_PATH")) {
    for (const std::string& dir : SplitPathList(env)) path.emplace_back(dir);
  }
  path.insert(path.end(), extra_dirs.begin(), extra_dirs.end());
  std::filesystem::path exe_dir = ExecutableDir();
  if (!exe_dir.empty()) {
    path.push_back(exe_dir / "lib" / "acervo" / "plugins");                // build tree
    path.push_back(exe_dir.parent_path() / "lib" / "acervo" / "plugins");  // install
  }
  return path;
}

std::vector<std::filesystem::path> DiscoverPlugins(
    const std::vector<std::filesystem::path>& search_path, const Env& env) {
  std::map<std::string, std::filesystem::path> by_name;
  for (const auto& dir : search_path) {
    Result<std::vector<std::filesystem::path>> entries = env.ListDirectory(dir);
    if (!entries.ok()) continue;  // a folder of the search path that does not exist
    for (const auto& f : *entries) {
      if (f.extension() == ".so") by_name.emplace(f.stem().string(), f);
    }
  }
  std::vector<std::filesystem::path> out;
  for (auto& [name, file] : by_name) out.push_back(file);
  return out;
}

Result<std::filesystem::path> FindPlugin(const std::string& name,
                                         const std::vector<std::filesystem::path>& search_path,
                                         const Env& env) {
  std::string looked;
  for (const auto& dir : search_path) {
    std::filesystem::path candidate = dir / (name + ".so");
    if (env.FileExists(candidate) && !env.IsDirectory(candidate)) return candidate;
    looked += (looked.empty() ? "" : ", ") + dir.string();
  }
  return NotFound("unknown plugin '" + name + "' (looked in: " +
                  (looked.empty() ? "nowhere" : looked) + "; set ACERVO_PLUGIN_PATH)");
}

Result<std::unique_ptr<LoadedPlugin>> LoadPlugin(const std::filesystem::path& file) {
  Result<std::shared_ptr<boost::dll::shared_library>> lib = OpenPluginLibrary(
      file, PluginAbi{kApiVersionSymbol, kFactorySymbol, kPluginApiVersion, N_("plugin API")});
  if (!lib.ok()) return lib.status();
  std::unique_ptr<Extractor> extractor;
  PluginInfo info;
  try {
    extractor = (*lib)->get<PluginFactory>(kFactorySymbol)();
    if (!extractor) return Internal(file.string() + ": plugin factory returned nothing");
    info = extractor->Info();
  } catch (const std::exception& e) {
    return Internal(file.string() + ": plugin threw while starting: " + e.what());
  } catch (...) {
    return Internal(file.string() + ": plugin threw while starting");
  }
  if (info.name.empty()) info.name = file.stem().string();
  return std::make_unique<LoadedPlugin>(std::static_pointer_cast<void>(*lib), std::move(extractor),
                                        std::move(info), file);
}

}  // namespace acervo
