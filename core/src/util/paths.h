// paths.h — where acervo finds its own files relative to the running executable.
#ifndef ACERVO_CORE_UTIL_PATHS_H_
#define ACERVO_CORE_UTIL_PATHS_H_

#include <filesystem>
#include <string>
#include <vector>

namespace acervo {

// The folder of the running executable ("" when it cannot be told).
std::filesystem::path ExecutableDir();

// "a:b::c" -> {"a", "b", "c"}.
std::vector<std::string> SplitPathList(const std::string& list);

}  // namespace acervo

#endif  // ACERVO_CORE_UTIL_PATHS_H_
