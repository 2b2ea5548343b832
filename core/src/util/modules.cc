// LoadModuleSymbol: find a module on the search path, dlopen it once, look up its factory.
#include "util/modules.h"

#include <dlfcn.h>

#include <cstdlib>
#include <map>
#include <mutex>
#include <utility>

#include "util/paths.h"

namespace acervo {

std::vector<std::filesystem::path> ModuleSearchPath() {
  if (const char* dir = std::getenv("ACERVO_MODULE_DIR"); dir != nullptr && *dir) {
    return {std::filesystem::path(dir)};
  }
  std::vector<std::filesystem::path> path;
  std::filesystem::path exe_dir = ExecutableDir();
  if (!exe_dir.empty()) {
    path.push_back(exe_dir / "lib" / "acervo" / "modules");                // build tree
    path.push_back(exe_dir.parent_path() / "lib" / "acervo" / "modules");  // install
  }
#ifdef ACERVO_BUILD_MODULE_DIR
  path.emplace_back(ACERVO_BUILD_MODULE_DIR);  // a test program of the build tree
#endif
  return path;
}

namespace {

ModuleSymbol Load(const std::string& file, const char* symbol,
                  const std::vector<std::filesystem::path>& extra) {
  std::vector<std::filesystem::path> dirs = extra;
  for (auto& dir : ModuleSearchPath()) dirs.push_back(std::move(dir));
  std::string tried;
  for (const std::filesystem::path& dir : dirs) {
    const std::filesystem::path candidate = dir / file;
    std::error_code ec;
    if (!std::filesystem::exists(candidate, ec)) {
      tried += (tried.empty() ? "" : ", ") + dir.string();
      continue;
    }
    void* handle = dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* why = dlerror();
      return {nullptr, candidate.string() + ": " + (why ? why : "cannot load")};
    }
    void* address = dlsym(handle, symbol);
    if (address == nullptr) return {nullptr, candidate.string() + ": not an acervo module"};
    return {address, ""};
  }
  return {nullptr, file + " not found in " + tried};
}

}  // namespace

ModuleSymbol LoadModuleSymbol(const std::string& file, const char* symbol,
                              const std::vector<std::filesystem::path>& extra) {
  static std::mutex mu;
  static auto* loaded = new std::map<std::pair<std::string, std::string>, ModuleSymbol>();
  std::lock_guard<std::mutex> lock(mu);
  auto key = std::make_pair(file, std::string(symbol));
  auto it = loaded->find(key);
  if (it == loaded->end()) it = loaded->emplace(key, Load(file, symbol, extra)).first;
  return it->second;
}

}  // namespace acervo
