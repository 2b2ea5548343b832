// test_util.h — helpers shared by the integration tests: temporary folders and running the
// real `acervo` binary.
#ifndef ACERVO_TESTS_TEST_UTIL_H_
#define ACERVO_TESTS_TEST_UTIL_H_

#include <sqlite3.h>
#include <sys/wait.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace acervo::test {

// The CLI speaks the language of the environment (docs/i18n.md); these tests assert its
// English messages, so every `acervo` they start runs in the C locale.
inline const bool kEnglishMessages = [] {
  setenv("LC_ALL", "C", 1);
  unsetenv("LANGUAGE");
  unsetenv("ACERVO_LANG");
  return true;
}();

// A fresh folder under the system temp dir, removed when the object goes.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "acervo-test-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path Write(const std::string& name, const std::string& content) const {
    std::filesystem::path p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }

 private:
  std::filesystem::path path_;
};

struct RunResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together, unless stderr was redirected
};

// Runs a shell command line; `env` is prefixed as-is ("ACERVO_PLUGIN_PATH=... ").
inline RunResult RunCommand(const std::string& command) {
  RunResult r;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) r.output.append(buf, n);
  int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// The first column of the first row of `sql` on the SQLite file `db`, -1 when none.
inline int64_t QueryInt(const std::filesystem::path& db, const std::string& sql) {
  sqlite3* h = nullptr;
  sqlite3_open(db.c_str(), &h);
  sqlite3_stmt* st = nullptr;
  int64_t v = -1;
  if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW) {
    v = sqlite3_column_int64(st, 0);
  }
  sqlite3_finalize(st);
  sqlite3_close(h);
  return v;
}

inline std::string Quote(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

}  // namespace acervo::test

#endif  // ACERVO_TESTS_TEST_UTIL_H_
