#include "soffice.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>
#include <vector>

#include "acervo/message_mark.h"
#include "acervo/tsv.h"

extern char** environ;

namespace acervo::legacy {
namespace {

// A folder of its own under the system's temporary folder, removed when done.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "acervo-soffice-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

Result<std::string> ReadAll(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return IoError("LibreOffice made no PDF");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Runs `args` in its own process group; kills the group after `timeout_seconds`.
Status RunWithTimeout(const std::vector<std::string>& args, int timeout_seconds) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attr, 0);
  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&files, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  int spawned = posix_spawn(&pid, argv[0], &files, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&files);
  posix_spawnattr_destroy(&attr);
  if (spawned != 0) return IoError("cannot run " + args[0]);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      return Status(Code::kTimeout, "LibreOffice did not finish the conversion in " +
                                        std::to_string(timeout_seconds) + " s");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return Corrupt("LibreOffice could not convert the document (exit status " +
                   std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")");
  }
  return Status::Ok();
}

}  // namespace

Result<std::filesystem::path> FindSoffice() {
  const char* path = std::getenv("PATH");
  for (const char* name : {"soffice", "libreoffice"}) {
    for (const std::string& dir : SplitField(path ? path : "", ':')) {
      if (dir.empty()) continue;
      std::filesystem::path candidate = std::filesystem::path(dir) / name;
      if (access(candidate.c_str(), X_OK) == 0) return candidate;
    }
  }
  return NotFound(
      N_("reading this format needs LibreOffice, and soffice is not on PATH: "
         "install the Debian package libreoffice-writer"));
}

Result<std::string> ConvertToPdf(const std::filesystem::path& soffice, std::string_view bytes,
                                 const std::string& extension, int timeout_seconds) {
  TempDir dir;
  if (dir.path().empty()) return IoError("cannot make a temporary folder for LibreOffice");
  std::filesystem::path input = dir.path() / ("document" + extension);
  {
    std::ofstream out(input, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return IoError("cannot write the document for LibreOffice");
  }
  Status ran = RunWithTimeout(
      {soffice.string(), "-env:UserInstallation=file://" + (dir.path() / "profile").string(),
       "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir.path().string(),
       input.string()},
      timeout_seconds);
  if (!ran.ok()) return ran;
  return ReadAll(dir.path() / "document.pdf");
}

}  // namespace acervo::legacy
