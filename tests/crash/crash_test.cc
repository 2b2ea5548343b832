// Every writer survives `kill -9`: review decisions (the CLI and the review server's POST),
// `acervo reextract` and `acervo export --output` are killed at random points, and after each
// kill the store passes SQLite's integrity_check, every stored document is as it was, every
// decision that was acknowledged is there, and an export file is the previous whole file.
//
// The store is a parameter: ACERVO_CRASH_STORE is a store location for `--store`, with "{}"
// standing for the name of the test's phase ("review-cli", "review-server", "reextract",
// "export"); each phase needs its own empty store. Unset, each phase uses a fresh SQLite file.
// ACERVO_CRASH_KILLS (default 20) is how many kills each phase makes; ACERVO_CRASH_SEED fixes
// the random points (the seed used is printed).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "test_util.h"

namespace acervo {
namespace {

using nlohmann::json;
using test::Quote;

int Kills() {
  const char* k = std::getenv("ACERVO_CRASH_KILLS");
  return k ? std::max(1, std::atoi(k)) : 20;
}

std::mt19937& Random() {
  static std::mt19937 random = [] {
    const char* s = std::getenv("ACERVO_CRASH_SEED");
    unsigned seed = s ? static_cast<unsigned>(std::atol(s)) : std::random_device()();
    std::cerr << "crash_test: ACERVO_CRASH_SEED=" << seed << "\n";
    return std::mt19937(seed);
  }();
  return random;
}

std::chrono::milliseconds RandomDelay(int max_ms) {
  return std::chrono::milliseconds(std::uniform_int_distribution<int>(0, max_ms)(Random()));
}

// Runs `command` under sh in its own process group and kills the group with SIGKILL after
// `delay`, unless it ended first. True when it was killed.
bool RunAndKill(const std::string& command, std::chrono::milliseconds delay) {
  pid_t pid = fork();
  if (pid == 0) {
    setpgid(0, 0);
    execl("/bin/sh", "sh", "-c", command.c_str(), nullptr);
    _exit(127);
  }
  setpgid(pid, pid);
  auto until = std::chrono::steady_clock::now() + delay;
  int status = 0;
  while (std::chrono::steady_clock::now() < until) {
    if (waitpid(pid, &status, WNOHANG) == pid) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  kill(-pid, SIGKILL);  // as a power cut would: no chance to clean up
  waitpid(pid, &status, 0);
  return true;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

std::string ReadText(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

class CrashTest : public ::testing::Test {
 protected:
  // The store for this phase, and the documents it starts with: the samples of corpora/ and
  // enough generated notes that a reextract or an export takes a while to kill.
  void Open(const std::string& phase) {
    const char* tmpl = std::getenv("ACERVO_CRASH_STORE");
    store_ = tmpl ? std::string(tmpl) : (dir_.path() / (phase + ".db")).string();
    if (size_t at = store_.find("{}"); at != std::string::npos) store_.replace(at, 2, phase);
    for (const auto& e : std::filesystem::directory_iterator(ACERVO_SOURCE_DIR "/corpora")) {
      if (e.path().extension() == ".md") {
        std::filesystem::copy_file(e.path(), dir_.path() / "docs" / e.path().filename());
      }
    }
    for (int i = 0; i < 60; ++i) {
      dir_.Write("docs/nota-" + std::to_string(i) + ".md",
                 "# Nota " + std::to_string(i) + "\n\nEl " + std::to_string(i % 28 + 1) +
                     " de marzo de 2023 la Secretaría de Salud entregó " + std::to_string(i) +
                     " becas por $ " + std::to_string(1000 + i) +
                     ",00 (ODS 4).\n\n"
                     "El 2 de abril de 2023 el Ministerio de Educación firmó un convenio.\n");
    }
    auto r = Acervo("ingest docs --jobs 2");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    stored_ = Snapshot("records");
    ASSERT_GT(stored_.size(), 100u);
  }
  void SetUp() override { std::filesystem::create_directories(dir_.path() / "docs"); }

  std::string Command(const std::string& args) const {
    return "cd " + Quote(dir_.path()) + " && " + Quote(ACERVO_BINARY) + " " + args + " --store '" +
           store_ + "'";
  }
  test::RunResult Acervo(const std::string& args) const { return test::RunCommand(Command(args)); }

  // `acervo records` or `acervo export` as sorted lines: the stored extractions, or the
  // records as reviewed.
  std::vector<std::string> Snapshot(const std::string& what) const {
    auto r = test::RunCommand(Command(what + " --format jsonl") + " 2>/dev/null");
    EXPECT_EQ(r.exit_code, 0) << what << ": " << r.output;
    std::vector<std::string> lines = Lines(r.output);
    std::sort(lines.begin(), lines.end());
    return lines;
  }

  // The store is sound: SQLite's own check (for a SQLite store), and every stored document
  // with the records extracted from it.
  void ExpectIntact(const std::string& when) const {
    if (store_.find("://") == std::string::npos) {
      sqlite3* h = nullptr;
      ASSERT_EQ(sqlite3_open(store_.c_str(), &h), SQLITE_OK);
      // A process killed mid-write leaves a WAL to recover: the first reader may wait for it.
      sqlite3_busy_timeout(h, 30000);
      sqlite3_stmt* st = nullptr;
      ASSERT_EQ(sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, nullptr), SQLITE_OK)
          << when << ": " << sqlite3_errmsg(h);
      ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
      EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "ok") << when;
      sqlite3_finalize(st);
      sqlite3_close(h);
    }
    EXPECT_EQ(Snapshot("records"), stored_) << when << ": the stored documents changed";
  }

  std::vector<std::string> RecordIds() const {
    std::vector<std::string> ids;
    for (const std::string& line : stored_) ids.push_back(json::parse(line).at("id"));
    return ids;
  }

  test::TempDir dir_;
  std::string store_;
  std::vector<std::string> stored_;
};

// A decision on record `i` of `ids`, by turns: accept, a new title, reject. Each is
// idempotent on the record as reviewed, so one cut short may simply run again.
struct Decision {
  std::string id;
  int kind;  // 0 accept, 1 title, 2 reject
  std::string title() const { return "Revisado " + id; }
};

// Decisions on the first 45 records (enough to be cut short at any point of a round).
std::vector<Decision> Decisions(const std::vector<std::string>& ids) {
  std::vector<Decision> out;
  for (size_t i = 0; i < ids.size() && i < 45; ++i) {
    out.push_back({ids[i], static_cast<int>(i % 3)});
  }
  return out;
}

// Each decision acknowledged is in the export: a title where it was set, a rejected record
// left out, an accepted one there as reviewed.
void ExpectDecided(const std::vector<std::string>& exported, const std::vector<Decision>& done,
                   const std::string& when) {
  std::map<std::string, json> by_id;
  for (const std::string& line : exported) {
    json r = json::parse(line);
    by_id[r.at("id")] = r;
  }
  for (const Decision& d : done) {
    auto it = by_id.find(d.id);
    if (d.kind == 2) {
      EXPECT_EQ(it, by_id.end()) << when << ": rejected " << d.id << " is exported";
      continue;
    }
    ASSERT_NE(it, by_id.end()) << when << ": " << d.id << " is missing";
    EXPECT_EQ(it->second.value("status", ""), "reviewed") << when << ": " << d.id;
    if (d.kind == 1) {
      EXPECT_EQ(it->second.value("title", ""), d.title()) << when;
    }
  }
}

std::string CliDecision(const Decision& d) {
  switch (d.kind) {
    case 0:
      return "review accept --reviewer crash " + d.id;
    case 1:
      return "review set --reviewer crash " + d.id + " title " + Quote(d.title());
    default:
      return "review reject --reviewer crash " + d.id;
  }
}

TEST_F(CrashTest, ReviewDecisionsFromTheCommandLine) {
  ASSERT_NO_FATAL_FAILURE(Open("review-cli"));
  std::vector<Decision> all = Decisions(RecordIds());
  size_t next = 0;  // the first decision not known to be done
  std::vector<Decision> done;
  for (int round = 0; round < Kills(); ++round) {
    // One shell runs the decisions in turn and notes each one done.
    std::string script = ":";
    for (size_t i = next; i < all.size(); ++i) {
      script += " && " + Command(CliDecision(all[i])) + " >/dev/null 2>&1 && echo done >> done.log";
    }
    std::filesystem::remove(dir_.path() / "done.log");
    RunAndKill(script, RandomDelay(600));
    size_t finished = Lines(ReadText(dir_.path() / "done.log")).size();
    done.insert(done.end(), all.begin() + next, all.begin() + next + finished);
    next += finished;
    std::string when = "kill " + std::to_string(round) + " after " + std::to_string(next);
    ASSERT_NO_FATAL_FAILURE(ExpectIntact(when));
    ExpectDecided(Snapshot("export"), done, when);
    if (next == all.size()) next = 0;  // round again: the same decisions, as often as needed
  }
  // The rest, uninterrupted: then every decision is there.
  for (size_t i = next; i < all.size(); ++i) {
    auto r = Acervo(CliDecision(all[i]));
    ASSERT_EQ(r.exit_code, 0) << CliDecision(all[i]) << ": " << r.output;
  }
  ExpectDecided(Snapshot("export"), all, "at the end");
}

// The review page's POST /api/records/ID, against a server killed while it saves.
TEST_F(CrashTest, ReviewDecisionsThroughTheServer) {
  ASSERT_NO_FATAL_FAILURE(Open("review-server"));
  std::vector<Decision> all = Decisions(RecordIds());
  std::vector<Decision> done;
  size_t next = 0;
  for (int round = 0; round < Kills(); ++round) {
    std::filesystem::remove(dir_.path() / "serve.out");
    pid_t pid = fork();
    if (pid == 0) {
      setpgid(0, 0);  // one kill reaches the shell and the server
      std::string serve = Command("review serve --port 0") + " > serve.out 2>&1";
      execl("/bin/sh", "sh", "-c", serve.c_str(), nullptr);
      _exit(127);
    }
    setpgid(pid, pid);
    int port = 0;
    for (int i = 0; i < 500 && port == 0; ++i) {
      std::string out = ReadText(dir_.path() / "serve.out");
      if (size_t at = out.find("http://127.0.0.1:"); at != std::string::npos) {
        port = std::atoi(out.c_str() + at + 17);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ASSERT_GT(port, 0) << ReadText(dir_.path() / "serve.out");
    httplib::Client c("127.0.0.1", port);
    auto page = c.Get("/");
    ASSERT_TRUE(page && page->status == 200);
    const std::string mark = "name=\"acervo-token\" content=\"";
    size_t at = page->body.find(mark) + mark.size();
    httplib::Headers token = {{"X-Acervo-Token", page->body.substr(at, 64)}};
    // A thread kills the server at a random moment while decisions are posted.
    std::thread killer([pid, delay = RandomDelay(400)] {
      std::this_thread::sleep_for(delay);
      kill(-pid, SIGKILL);
    });
    for (; next < all.size(); ++next) {
      const Decision& d = all[next];
      auto view = c.Get("/api/records/" + d.id);
      if (!view || view->status != 200) break;
      json change = d.kind == 1
                        ? json{{"field", "title"}, {"value", d.title()}}
                        : json{{"field", d.kind == 0 ? "accept" : "reject"}, {"value", nullptr}};
      json body = {{"version", json::parse(view->body).at("version")},
                   {"reviewer", "crash"},
                   {"changes", json::array({change})}};
      auto res = c.Post("/api/records/" + d.id, token, body.dump(), "application/json");
      if (!res) break;  // killed while saving: this decision may or may not be there
      EXPECT_EQ(res->status, 200) << res->body;
      if (res->status != 200) break;
      done.push_back(d);
    }
    killer.join();
    int status;
    waitpid(pid, &status, 0);
    std::string when = "kill " + std::to_string(round) + " after " + std::to_string(done.size());
    ASSERT_NO_FATAL_FAILURE(ExpectIntact(when));
    ExpectDecided(Snapshot("export"), done, when);
    if (next == all.size()) next = 0;
  }
  EXPECT_GT(done.size(), all.size() / 2) << "too few decisions saved between the kills";
}

TEST_F(CrashTest, Reextract) {
  ASSERT_NO_FATAL_FAILURE(Open("reextract"));
  // Some corrections first: a reextract must keep them.
  std::vector<Decision> some = Decisions(RecordIds());
  some.resize(30);
  for (const Decision& d : some) {
    auto r = Acervo(CliDecision(d));
    ASSERT_EQ(r.exit_code, 0) << CliDecision(d) << ": " << r.output;
  }
  std::vector<std::string> exported = Snapshot("export");
  auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(Acervo("reextract --all").exit_code, 0);
  int full_ms = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                     std::chrono::steady_clock::now() - start)
                                     .count());
  int killed = 0;
  for (int round = 0; round < Kills(); ++round) {
    killed +=
        RunAndKill(Command("reextract --all") + " >/dev/null 2>&1", RandomDelay(full_ms * 11 / 10));
    std::string when = "kill " + std::to_string(round);
    ASSERT_NO_FATAL_FAILURE(ExpectIntact(when));
    EXPECT_EQ(Snapshot("export"), exported) << when << ": the corrections changed";
  }
  EXPECT_GT(killed, Kills() / 2) << "most runs should end by a kill, not on their own";
}

TEST_F(CrashTest, ExportReplacesItsFileWholeOrNotAtAll) {
  ASSERT_NO_FATAL_FAILURE(Open("export"));
  auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(Acervo("export --format json --output out.json").exit_code, 0);
  int full_ms = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                     std::chrono::steady_clock::now() - start)
                                     .count());
  const std::string good = ReadText(dir_.path() / "out.json");
  ASSERT_TRUE(json::accept(good));
  for (int round = 0; round < Kills(); ++round) {
    RunAndKill(Command("export --format json --output out.json") + " 2>/dev/null",
               RandomDelay(full_ms * 11 / 10));
    ASSERT_EQ(ReadText(dir_.path() / "out.json"), good) << "kill " << round;
    ASSERT_NO_FATAL_FAILURE(ExpectIntact("kill " + std::to_string(round)));
  }
}

}  // namespace
}  // namespace acervo
