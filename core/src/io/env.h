// env.h — everything acervo asks of the world outside the process: reading, writing and
// renaming files, listing folders, the time. Modules that touch files take an Env, so a
// test can hand them one that fails on purpose (fault_injection_env.h), as LevelDB does.
//
// Env::Default() is the real file system and clock. An Env's methods do not change the Env
// itself (they are const) and are safe to call from several threads.
#ifndef ACERVO_CORE_IO_ENV_H_
#define ACERVO_CORE_IO_ENV_H_

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "acervo/status.h"

namespace acervo {

// A file being written from its start. Errors name the file.
class WritableFile {
 public:
  virtual ~WritableFile() = default;
  virtual Status Append(std::string_view data) = 0;
  virtual Status Sync() = 0;  // what was appended reaches the device
  virtual Status Close() = 0;
};

class Env {
 public:
  virtual ~Env() = default;

  // The whole file ("-" reads stdin); NotFound, InvalidArgument for a folder, or Io with the
  // system's reason, naming the path.
  virtual Result<std::string> ReadFile(const std::filesystem::path& path) const = 0;
  // Creates or truncates `path` for writing.
  virtual Result<std::unique_ptr<WritableFile>> NewWritableFile(
      const std::filesystem::path& path) const = 0;
  // Replaces `to` with `from` in one step (same file system).
  virtual Status RenameFile(const std::filesystem::path& from,
                            const std::filesystem::path& to) const = 0;
  virtual Status RemoveFile(const std::filesystem::path& path) const = 0;
  // The entries of a folder, sorted by name; NotFound when it is not a folder.
  virtual Result<std::vector<std::filesystem::path>> ListDirectory(
      const std::filesystem::path& dir) const = 0;
  virtual bool FileExists(const std::filesystem::path& path) const = 0;
  virtual bool IsDirectory(const std::filesystem::path& path) const = 0;
  virtual std::chrono::system_clock::time_point Now() const = 0;

  // Asked before each write to a file a database engine keeps open for random access (the
  // store's database, journal and log, which cannot go through WritableFile). The real Env
  // allows every write; a fault-injecting Env refuses chosen ones, as a full disk would.
  virtual Status BeforeDatabaseWrite(const std::filesystem::path& file) const = 0;

  // The real file system and clock.
  static const Env& Default();
};

// Forwards every call to another Env; derive from it to change a few (fault injection).
class EnvWrapper : public Env {
 public:
  explicit EnvWrapper(const Env& target) : target_(target) {}
  const Env& target() const { return target_; }

  Result<std::string> ReadFile(const std::filesystem::path& path) const override {
    return target_.ReadFile(path);
  }
  Result<std::unique_ptr<WritableFile>> NewWritableFile(
      const std::filesystem::path& path) const override {
    return target_.NewWritableFile(path);
  }
  Status RenameFile(const std::filesystem::path& from,
                    const std::filesystem::path& to) const override {
    return target_.RenameFile(from, to);
  }
  Status RemoveFile(const std::filesystem::path& path) const override {
    return target_.RemoveFile(path);
  }
  Result<std::vector<std::filesystem::path>> ListDirectory(
      const std::filesystem::path& dir) const override {
    return target_.ListDirectory(dir);
  }
  bool FileExists(const std::filesystem::path& path) const override {
    return target_.FileExists(path);
  }
  bool IsDirectory(const std::filesystem::path& path) const override {
    return target_.IsDirectory(path);
  }
  std::chrono::system_clock::time_point Now() const override { return target_.Now(); }
  Status BeforeDatabaseWrite(const std::filesystem::path& file) const override {
    return target_.BeforeDatabaseWrite(file);
  }

 private:
  const Env& target_;
};

// The name of a temporary file for writing `path` in this process: "<path>.tmp-<host>-<pid>".
// A process killed while writing leaves its temporary behind; this first removes the
// temporaries for `path` of processes of this host that no longer exist, so the next write
// to the same path cleans up after it. Another host's (a shared folder) are left alone: their
// process cannot be seen from here.
std::filesystem::path TemporaryBeside(const Env& env, const std::filesystem::path& path);

// Writes `contents` to a temporary file beside `path`, syncs it and renames it over `path`:
// a reader sees the old file or the new one, never part of one. On failure the temporary is
// removed and `path` is as it was; the error names the file.
Status WriteFileAtomically(const Env& env, const std::filesystem::path& path,
                           std::string_view contents);

// `t` as ISO 8601 UTC to the second: "2024-02-08T10:15:00Z".
std::string FormatUtc(std::chrono::system_clock::time_point t);

}  // namespace acervo

#endif  // ACERVO_CORE_IO_ENV_H_
