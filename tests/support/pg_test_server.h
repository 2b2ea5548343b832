// pg_test_server.h — a real PostgreSQL server for a test binary, started on first use by
// tests/support/pg_server.sh in a folder of its own on a free port and stopped (folder
// removed) when the binary exits; each test asks it for a fresh, empty database.
// When $ACERVO_TEST_PG_DIR names the folder of a server already running (CTest starts one
// for all the test processes: tests/CMakeLists.txt), that server is used and left running.
//
//   std::string why;
//   PgTestServer* pg = PgTestServer::Get(&why);
//   if (!pg) GTEST_SKIP() << why;           // PostgreSQL not installed here
//   std::string uri = pg->NewDatabase();    // "postgresql://acervo@127.0.0.1:PORT/t3"
//
// Thread-safe: Get and NewDatabase may be called from any test thread.
#ifndef ACERVO_TESTS_SUPPORT_PG_TEST_SERVER_H_
#define ACERVO_TESTS_SUPPORT_PG_TEST_SERVER_H_

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#include "store/pg_connection.h"

namespace acervo::test {

class PgTestServer {
 public:
  // The binary's server, started on the first call; null (and `why` says so) when the
  // PostgreSQL binaries are missing or the server would not start.
  static PgTestServer* Get(std::string* why) {
    static std::mutex mu;
    static std::unique_ptr<PgTestServer> server;
    static std::string failure;
    std::lock_guard<std::mutex> lock(mu);
    if (!server && failure.empty()) {
      auto started = std::unique_ptr<PgTestServer>(new PgTestServer());
      if (started->Start(&failure, /*may_share=*/true)) server = std::move(started);
    }
    if (!server && why) *why = failure;
    return server.get();
  }

  // A server of the caller's own, never shared (for tests that stop and restart it).
  static std::unique_ptr<PgTestServer> Own(std::string* why) {
    auto started = std::unique_ptr<PgTestServer>(new PgTestServer());
    if (!started->Start(why, /*may_share=*/false)) return nullptr;
    return started;
  }

  ~PgTestServer() {
    if (shared_) return;
    Script("stop");
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  // The server's own database, for administration.
  const std::string& admin_uri() const { return uri_; }

  // A new empty database on the server; its URI.
  std::string NewDatabase() {
    std::lock_guard<std::mutex> lock(mu_);
    // Unique across the processes sharing the server.
    std::string name = "t" + std::to_string(getpid()) + "_" + std::to_string(++databases_);
    auto admin = store::PgConnection::Connect(uri_);
    if (!admin.ok()) return "";
    // A name of our own making (t<N>): SQL identifiers cannot be parameters.
    if (!(*admin)->Script("CREATE DATABASE " + name).ok()) return "";
    return uri_.substr(0, uri_.rfind('/') + 1) + name;
  }

  // Stops and starts the server (same folder, maybe another port: returns the new base URI);
  // for reconnect tests. Connections open before it see the server go.
  bool Stop() { return Script("stop").first == 0; }
  bool StartAgain() {
    auto [rc, out] = Script("start");
    return rc == 0;
  }

  // Runs pg_server.sh `command` on this server's folder: exit code and stdout.
  std::pair<int, std::string> Script(const std::string& command) const {
    std::string line = "'" ACERVO_SOURCE_DIR "/tests/support/pg_server.sh' " + command + " '" +
                       dir_.string() + "' 2>>'" + (dir_ / "script.log").string() + "'";
    FILE* pipe = popen(line.c_str(), "r");
    if (!pipe) return {-1, ""};
    std::string out;
    char buf[512];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
    int status = pclose(pipe);
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
  }

 private:
  PgTestServer() = default;

  bool Start(std::string* why, bool may_share) {
    const char* shared = may_share ? std::getenv("ACERVO_TEST_PG_DIR") : nullptr;
    if (shared && *shared) {
      dir_ = shared;
      auto [rc, out] = Script("uri");
      if (rc == 0 && store::PgConnection::Connect(out).ok()) {
        uri_ = out;
        shared_ = true;
        return true;
      }
    }
    // Under /tmp (world-traversable), so the postgres user can reach it when we are root.
    std::string tmpl = "/tmp/acervo-pg-XXXXXX";
    if (!mkdtemp(tmpl.data())) {
      *why = "cannot create a folder for the test PostgreSQL server";
      return false;
    }
    dir_ = tmpl;
    chmod(dir_.c_str(), 0755);
    auto [rc, out] = Script("start");
    if (rc == 77) {
      *why = "PostgreSQL server binaries are not installed (tools/setup installs them)";
    } else if (rc != 0 || out.rfind("postgresql://", 0) != 0) {
      *why = "the test PostgreSQL server did not start (see " + (dir_ / "script.log").string() +
             " and server.log there)";
      return false;  // keep the folder for a look
    }
    if (rc != 0) {
      std::error_code ec;
      std::filesystem::remove_all(dir_, ec);
      return false;
    }
    uri_ = out;
    return true;
  }

  std::filesystem::path dir_;
  std::string uri_;
  bool shared_ = false;  // another process started it and stops it
  std::mutex mu_;
  int databases_ = 0;
};

}  // namespace acervo::test

#endif  // ACERVO_TESTS_SUPPORT_PG_TEST_SERVER_H_
