#include "load/loader_data.h"

#include <cstdlib>
#include <vector>

#include "util/paths.h"

namespace acervo {

std::filesystem::path FindLoaderData(const std::string& name) {
  std::vector<std::filesystem::path> dirs;
  if (const char* env = std::getenv("ACERVO_LOADER_DATA")) dirs.emplace_back(env);
  std::filesystem::path exe = ExecutableDir();
  if (!exe.empty()) {
    dirs.push_back(exe / "data" / "loader");
    dirs.push_back(exe.parent_path() / "share" / "acervo" / "data" / "loader");
  }
  std::error_code ec;
  for (const auto& dir : dirs) {
    if (std::filesystem::exists(dir / name, ec)) return dir / name;
  }
  return {};
}

}  // namespace acervo
