#include "io/file_system.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace acervo {
namespace {

class RealFileSystem : public FileSystem {
 public:
  Result<std::string> ReadFile(const std::filesystem::path& path) const override {
    if (path == "-") {
      std::ostringstream ss;
      ss << std::cin.rdbuf();
      return ss.str();
    }
    std::error_code ec;
    auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) {
      return NotFound(path.string() + ": no such file");
    }
    if (std::filesystem::is_directory(status)) {
      return InvalidArgument(path.string() + ": is a directory, not a file");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return IoError(path.string() + ": cannot open: " + std::strerror(errno));
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return IoError(path.string() + ": read failed: " + std::strerror(errno));
    return bytes;
  }
};

}  // namespace

const FileSystem& FileSystem::Default() {
  static const RealFileSystem fs;
  return fs;
}

}  // namespace acervo
