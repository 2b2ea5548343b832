// file_system.h — the narrow interface through which acervo reads documents, so tests can
// make reads fail or return what they like.
#ifndef ACERVO_CORE_IO_FILE_SYSTEM_H_
#define ACERVO_CORE_IO_FILE_SYSTEM_H_

#include <filesystem>
#include <string>

#include "acervo/status.h"

namespace acervo {

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  // The whole file; NotFound, or Io with the OS's reason, naming the path.
  virtual Result<std::string> ReadFile(const std::filesystem::path& path) const = 0;

  // The real file system (stdin for "-").
  static const FileSystem& Default();
};

}  // namespace acervo

#endif  // ACERVO_CORE_IO_FILE_SYSTEM_H_
