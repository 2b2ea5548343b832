// Fuzz target: the review server's request handling, end to end: each input is sent as the
// raw bytes of an HTTP exchange to a server on a loopback port, over a store holding one
// extracted sample. "@TOKEN@" in an input becomes this run's session token and "@RID@" a
// stored record id, so mutated POSTs get past the token check into the handlers.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <thread>

#include "acervo/engine.h"
#include "review/server.h"
#include "store/store.h"

namespace {

constexpr char kSample[] =
    "# Informe de actividades\n\n"
    "El 12 de marzo de 2023 la Secretaría de Salud entregó 1.200 becas por $ 350.000,00 "
    "en apoyo del ODS 4.\n";

// The store of this process, removed with its WAL files when the fuzzer exits, so that runs
// leave nothing behind in the temporary directory.
std::filesystem::path& StorePath() {
  static std::filesystem::path path;
  return path;
}

void RemoveStore() {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::filesystem::remove(StorePath().string() + suffix, ignored);
  }
}

struct Fixture {
  std::unique_ptr<acervo::Store> store;
  std::unique_ptr<acervo::review::ReviewServer> server;
  int port = 0;
  std::string record_id = "none";

  Fixture() {
    acervo::EngineOptions options;
    options.pipeline = ACERVO_SOURCE_DIR "/pipelines/default.yaml";
    options.plugin_dirs = {ACERVO_BUILD_PLUGIN_DIR};
    auto engine = acervo::Engine::Open(options);
    auto path = std::filesystem::temp_directory_path() /
                ("acervo-fuzz-review-" + std::to_string(::getpid()) + ".db");
    StorePath() = path;
    RemoveStore();
    std::atexit(RemoveStore);
    auto opened = acervo::Store::Open(path);
    if (!engine.ok() || !opened.ok()) std::abort();  // a broken build, not a finding
    store = std::move(opened.value());
    auto x = (*engine)->ProcessBytes(kSample, "muestra.md", acervo::Overrides());
    if (!x.ok() || !store->PutExtraction(*x).ok()) std::abort();
    if (!x->records.empty() && !x->records[0].id.empty()) record_id = x->records[0].id;
    acervo::review::ServerOptions server_options;
    server_options.port = 0;
    server = std::move(acervo::review::ReviewServer::Create(store.get(), server_options).value());
    port = *server->Bind();
    std::thread([s = server.get()] { (void)s->Serve(); }).detach();
  }
};

void Replace(std::string* s, const std::string& from, const std::string& to) {
  for (size_t at = s->find(from); at != std::string::npos; at = s->find(from, at + to.size())) {
    s->replace(at, from.size(), to);
  }
}

// A connection to the server. The client half-closes first (see below), so every connection
// leaves a TIME_WAIT entry for a minute; thousands a second from one source address exhaust the
// loopback's ephemeral ports and connect fails with EADDRNOTAVAIL (a harness limit, not a
// finding: it failed CI once after 66,000 runs). Each connection therefore comes from another
// address of 127.0.0.0/8, all of which are the loopback, and a failed connect is retried for a
// while before the harness gives up.
int Connect(int port) {
  static uint32_t next_source = 0;
  sockaddr_in server{};
  server.sin_family = AF_INET;
  server.sin_port = htons(static_cast<uint16_t>(port));
  server.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  for (int attempt = 0; attempt < 500; ++attempt) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) std::abort();
    sockaddr_in source{};
    source.sin_family = AF_INET;
    source.sin_addr.s_addr = htonl(0x7f010000u | (next_source++ % 0xfffeu + 1));  // 127.1.x.y
    if (bind(fd, reinterpret_cast<sockaddr*>(&source), sizeof source) == 0 &&
        connect(fd, reinterpret_cast<sockaddr*>(&server), sizeof server) == 0) {
      return fd;
    }
    std::perror("fuzz_review_server: connect (retrying)");
    close(fd);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::abort();  // ten seconds without a connection: the server is gone
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Fixture fixture;
  std::string request(reinterpret_cast<const char*>(data), size);
  Replace(&request, "@TOKEN@", fixture.server->token());
  Replace(&request, "@RID@", fixture.record_id);
  int fd = Connect(fixture.port);
  for (size_t at = 0; at < request.size();) {
    ssize_t n = send(fd, request.data() + at, request.size() - at, MSG_NOSIGNAL);
    if (n <= 0) break;
    at += static_cast<size_t>(n);
  }
  shutdown(fd, SHUT_WR);  // the end of the input ends the connection: no keep-alive wait
  char buf[4096];
  while (recv(fd, buf, sizeof buf, 0) > 0) {
  }
  close(fd);
  return 0;
}
