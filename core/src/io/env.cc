#include "io/env.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <iostream>
#include <sstream>

#include "i18n/i18n.h"

namespace acervo {
namespace {

Status Errno(const std::filesystem::path& path, const std::string& what) {
  return IoError(path.string() + ": " + what + ": " + std::strerror(errno));
}

// Appends everything `fd` has left to `out` (a size from fstat is only a first guess: the
// file may grow, or be a pipe). False, with errno set, when a read fails.
bool ReadAll(int fd, std::string* out) {
  struct stat st;
  // +1: the read that finds the end goes into the same buffer when the size was right.
  size_t chunk =
      ::fstat(fd, &st) == 0 && st.st_size > 0 ? static_cast<size_t>(st.st_size) + 1 : 64 * 1024;
  size_t used = out->size();
  for (;;) {
    if (out->size() - used < chunk) out->resize(used + chunk);
    ssize_t n = ::read(fd, out->data() + used, out->size() - used);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      out->resize(used);
      return n == 0;
    }
    used += static_cast<size_t>(n);
  }
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
    // read(2) in chunks of the file's size, not a stream copied byte by byte (through
    // istreambuf_iterator a 100 KB PDF cost 1.6 M instructions).
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Errno(path, _("cannot open"));
    std::string bytes;
    bool read = ReadAll(fd, &bytes);
    int read_errno = errno;
    ::close(fd);
    errno = read_errno;
    if (!read) return Errno(path, _("read failed"));
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

std::filesystem::path TemporaryBeside(const Env& env, const std::filesystem::path& path) {
  char host[256] = "";
  gethostname(host, sizeof host - 1);
  const std::string prefix = path.filename().string() + ".tmp-";
  const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : ".";
  if (Result<std::vector<std::filesystem::path>> entries = env.ListDirectory(dir); entries.ok()) {
    for (const std::filesystem::path& entry : *entries) {
      const std::string name = entry.filename().string();
      if (name.compare(0, prefix.size(), prefix) != 0) continue;
      // "<host>-<pid>"; a bare "<pid>" is what acervo wrote before naming the host.
      const std::string rest = name.substr(prefix.size());
      const size_t dash = rest.rfind('-');
      const std::string owner = dash == std::string::npos ? host : rest.substr(0, dash);
      const std::string digits = dash == std::string::npos ? rest : rest.substr(dash + 1);
      if (owner != host || digits.empty() || digits.size() > 9 ||
          digits.find_first_not_of("0123456789") != std::string::npos) {
        continue;
      }
      const pid_t pid = static_cast<pid_t>(std::stol(digits));
      if (pid == ::getpid() || pid <= 0 || kill(pid, 0) == 0 || errno != ESRCH) continue;
      (void)env.RemoveFile(entry);  // best effort: another process may remove it first
    }
  }
  std::filesystem::path tmp = path;
  tmp += ".tmp-" + std::string(host) + "-" + std::to_string(::getpid());
  return tmp;
}

Status WriteFileAtomically(const Env& env, const std::filesystem::path& path,
                           std::string_view contents) {
  const std::filesystem::path tmp = TemporaryBeside(env, path);
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
