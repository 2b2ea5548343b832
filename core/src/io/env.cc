#include "io/env.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "i18n/i18n.h"

namespace acervo {
namespace {

Status Errno(const std::filesystem::path& path, const std::string& what) {
  return IoError(path.string() + ": " + what + ": " + std::strerror(errno));
}

class PosixWritableFile : public WritableFile {
 public:
  PosixWritableFile(int fd, std::filesystem::path path) : fd_(fd), path_(std::move(path)) {}
  ~PosixWritableFile() override {
    if (fd_ >= 0) ::close(fd_);
  }

  Status Append(std::string_view data) override {
    while (!data.empty()) {
      ssize_t n = ::write(fd_, data.data(), data.size());
      if (n < 0) {
        if (errno == EINTR) continue;
        return Errno(path_, _("write failed"));
      }
      data.remove_prefix(static_cast<size_t>(n));
    }
    return Status::Ok();
  }
  Status Sync() override { return ::fsync(fd_) == 0 ? Status::Ok() : Errno(path_, "sync failed"); }
  Status Close() override {
    int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0 ? Status::Ok() : Errno(path_, "close failed");
  }

 private:
  int fd_;
  std::filesystem::path path_;
};

class PosixEnv : public Env {
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
      return NotFound(_f("{}: no such file", path.string()));
    }
    if (std::filesystem::is_directory(status)) {
      return InvalidArgument(_f("{}: is a directory, not a file", path.string()));
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return Errno(path, _("cannot open"));
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return Errno(path, _("read failed"));
    return bytes;
  }

  Result<std::unique_ptr<WritableFile>> NewWritableFile(
      const std::filesystem::path& path) const override {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return Errno(path, _("cannot write"));
    return std::unique_ptr<WritableFile>(new PosixWritableFile(fd, path));
  }

  Status RenameFile(const std::filesystem::path& from,
                    const std::filesystem::path& to) const override {
    if (std::rename(from.c_str(), to.c_str()) != 0) {
      return Errno(to, "cannot rename " + from.string() + " to it");
    }
    return Status::Ok();
  }

  Status RemoveFile(const std::filesystem::path& path) const override {
    return ::unlink(path.c_str()) == 0 ? Status::Ok() : Errno(path, "cannot remove");
  }

  Result<std::vector<std::filesystem::path>> ListDirectory(
      const std::filesystem::path& dir) const override {
    std::error_code ec;
    std::vector<std::filesystem::path> out;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      out.push_back(entry.path());
    }
    if (ec) return NotFound(dir.string() + ": cannot list: " + ec.message());
    std::sort(out.begin(), out.end());
    return out;
  }

  bool FileExists(const std::filesystem::path& path) const override {
    std::error_code ec;
    return std::filesystem::exists(path, ec);
  }
  bool IsDirectory(const std::filesystem::path& path) const override {
    std::error_code ec;
    return std::filesystem::is_directory(path, ec);
  }
  std::chrono::system_clock::time_point Now() const override {
    return std::chrono::system_clock::now();
  }
  Status BeforeDatabaseWrite(const std::filesystem::path&) const override { return Status::Ok(); }
};

}  // namespace

const Env& Env::Default() {
  static const PosixEnv env;
  return env;
}

Status WriteFileAtomically(const Env& env, const std::filesystem::path& path,
                           std::string_view contents) {
  std::filesystem::path tmp = path;
  tmp += ".tmp-" + std::to_string(::getpid());
  Result<std::unique_ptr<WritableFile>> file = env.NewWritableFile(tmp);
  if (!file.ok()) return file.status();
  Status s = (*file)->Append(contents);
  if (s.ok()) s = (*file)->Sync();
  Status closed = (*file)->Close();
  if (s.ok()) s = closed;
  if (s.ok()) s = env.RenameFile(tmp, path);
  if (!s.ok()) env.RemoveFile(tmp);  // best effort: the error that matters is `s`
  return s;
}

std::string FormatUtc(std::chrono::system_clock::time_point t) {
  std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm;
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace acervo
