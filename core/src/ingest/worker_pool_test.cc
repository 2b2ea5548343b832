// A worker that prints garbage, a wrong-typed message or half a frame costs its document a
// clear failure and nothing more: the pool never throws and the batch goes on.
#include "ingest/worker_pool.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdint>
#include <fstream>
#include <map>

#include "ingest/worker_messages.h"

namespace acervo {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

std::string Frame(const std::string& text) {
  uint32_t n = static_cast<uint32_t>(text.size());
  std::string out = {static_cast<char>(n & 0xff), static_cast<char>((n >> 8) & 0xff),
                     static_cast<char>((n >> 16) & 0xff), static_cast<char>(n >> 24)};
  return out + text;
}

class WorkerPoolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("acervo-worker-pool-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    // A stand-in worker: `worker __worker FILE [wait]` prints FILE's bytes as its answer to
    // anything, then exits or waits to be killed.
    std::ofstream(dir_ / "worker") << "#!/bin/sh\ncat \"$2\"\n"
                                      "[ \"$3\" = wait ] && exec sleep 60\nexit 0\n";
    chmod((dir_ / "worker").c_str(), 0755);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Runs `jobs` jobs through workers that all answer `answer` to their first request; the
  // outcomes by job id.
  std::map<size_t, JobOutcome> RunWith(const std::string& answer, bool wait, size_t jobs = 3) {
    std::ofstream(dir_ / "answer", std::ios::binary) << answer;
    WorkerPoolOptions options;
    options.executable = dir_ / "worker";
    options.args = {(dir_ / "answer").string()};
    if (wait) options.args.push_back("wait");
    options.timeout = std::chrono::seconds(20);
    WorkerPool pool(options);
    size_t next = 0;
    std::map<size_t, JobOutcome> outcomes;
    Status run = pool.Run(
        [&]() -> std::optional<Job> {
          if (next == jobs) return std::nullopt;
          return Job{next++, json{{"path", "x.md"}}};
        },
        [&](JobOutcome o) { outcomes[o.id] = std::move(o); }, [](size_t, const json&) {});
    EXPECT_TRUE(run.ok()) << run.message();
    EXPECT_EQ(outcomes.size(), jobs);
    return outcomes;
  }

  std::filesystem::path dir_;
};

TEST_F(WorkerPoolTest, GarbageFromAWorkerFailsEachDocumentAlone) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"hello, I am not a frame\n", "malformed message"},  // text on stdout
      {Frame("5"), "not a JSON object"},                   // JSON, not an object
      {Frame("[1,2]"), "not a JSON object"},
      {Frame("{\"type\":3}"), "\"type\" is not a string"},  // wrong-typed fields
      {Frame("{\"type\":\"result\",\"ok\":\"yes\"}"), "\"ok\" is not true or false"},
      {Frame("{\"type\":\"result\",\"message\":[]}"), "\"message\" is not a string"},
      {Frame("{\"type\":\"chatter\"}"), "unknown type"},
      {Frame("{not json"), "malformed message"},
  };
  for (const auto& [answer, why] : cases) {
    for (const auto& [id, o] : RunWith(answer, /*wait=*/true)) {
      EXPECT_EQ(o.failure, "crash") << answer;
      EXPECT_THAT(o.status.message(), HasSubstr(why)) << answer;
    }
  }
}

TEST_F(WorkerPoolTest, ATruncatedFrameIsTheWorkersCrash) {
  std::string half = Frame("{\"type\":\"result\",\"ok\":true}").substr(0, 12);
  for (const auto& [id, o] : RunWith(half, /*wait=*/false)) {
    EXPECT_EQ(o.failure, "crash");
    EXPECT_THAT(o.status.message(), HasSubstr("exited with status 0"));
  }
}

TEST_F(WorkerPoolTest, AFailureReplyWithWrongTypedExtrasIsStillTheReply) {
  // A well-formed failure: the document fails with the worker's message; `code` of the
  // wrong type is ignored by WorkerReply. (The worker stays for the next document, which
  // this stand-in would never answer: one job.)
  std::string answer = Frame(R"({"type":"result","ok":false,"message":"no text","code":7})");
  for (const auto& [id, o] : RunWith(answer, /*wait=*/true, /*jobs=*/1)) {
    EXPECT_EQ(o.failure, "error");
    EXPECT_EQ(o.status.message(), "no text");
  }
}

// Dispatch ahead. The stand-ins below read requests of a known size ({"path":"x.md"}, 19
// bytes framed) one byte at a time (`dd bs=1`), so that none reads past its own requests.
class DispatchAheadTest : public WorkerPoolTest {
 protected:
  static constexpr const char* kReadRequest = "dd bs=1 count=19 2>/dev/null | wc -c";

  // A stand-in worker `NAME __worker ANSWER ARG` with `body` as its script.
  std::filesystem::path Worker(const std::string& name, const std::string& body) {
    std::ofstream(dir_ / name) << "#!/bin/sh\n" << body;
    chmod((dir_ / name).c_str(), 0755);
    std::ofstream(dir_ / "answer", std::ios::binary) << Frame(R"({"type":"result","ok":true})");
    return dir_ / name;
  }

  // Runs `jobs` jobs (ids 0, 1, ...) through one worker `worker ARG`, sending one job ahead;
  // the outcomes in the order `done` had them. `stop_after`: `stopping` is true once `next`
  // has handed out that many jobs, and `next` then hands out no more.
  std::vector<JobOutcome> Run(const std::filesystem::path& worker, const std::string& arg,
                              size_t jobs, size_t stop_after = SIZE_MAX) {
    WorkerPoolOptions options;
    options.executable = worker;
    options.args = {(dir_ / "answer").string(), arg};
    options.timeout = std::chrono::seconds(20);
    options.ahead = 1;
    size_t next = 0;
    options.stopping = [&] { return next >= stop_after; };
    WorkerPool pool(options);
    std::vector<JobOutcome> outcomes;
    Status run = pool.Run(
        [&]() -> std::optional<Job> {
          if (next == jobs || next >= stop_after) return std::nullopt;
          return Job{next++, json{{"path", "x.md"}}};
        },
        [&](JobOutcome o) { outcomes.push_back(std::move(o)); }, [](size_t, const json&) {});
    EXPECT_TRUE(run.ok()) << run.message();
    return outcomes;
  }
};

TEST_F(DispatchAheadTest, AWorkerHasItsNextJobBeforeItsAnswerIsTaken) {
  // This worker answers a job only once the next one has arrived (the last one at once):
  // one job at a time, it would wait for the pool as the pool waits for it, until killed
  // for the timeout. Nothing here depends on timing.
  auto worker = Worker("ahead", std::string("read() { [ \"$(") + kReadRequest +
                                    ")\" -eq 19 ]; }\n"
                                    "read || exit 1\n"
                                    "i=1\n"
                                    "while [ $i -lt \"$3\" ]; do read || exit 1; cat \"$2\"; "
                                    "i=$((i + 1)); done\n"
                                    "cat \"$2\"\n");
  std::vector<JobOutcome> outcomes = Run(worker, "4", 4);
  ASSERT_EQ(outcomes.size(), 4u);
  for (size_t i = 0; i < outcomes.size(); ++i) {
    EXPECT_EQ(outcomes[i].id, i);
    EXPECT_EQ(outcomes[i].failure, "") << outcomes[i].status.message();
  }
}

TEST_F(DispatchAheadTest, AJobQueuedBehindACrashGoesToAnotherWorkerOnce) {
  // The first process takes two jobs and crashes on the first; the second answers each job.
  auto worker = Worker("crash-once", std::string("if [ ! -e \"$3\" ]; then\n"
                                                 "  : > \"$3\"\n"
                                                 "  dd bs=1 count=38 of=/dev/null 2>/dev/null\n"
                                                 "  kill -SEGV $$\n"
                                                 "fi\n"
                                                 "while [ \"$(") +
                                         kReadRequest + ")\" -eq 19 ]; do cat \"$2\"; done\n");
  std::vector<JobOutcome> outcomes = Run(worker, (dir_ / "crashed").string(), 4);
  std::map<size_t, std::string> by_id;
  for (const JobOutcome& o : outcomes) {
    EXPECT_TRUE(by_id.emplace(o.id, o.failure).second) << "job " << o.id << " reported twice";
    if (o.id == 0) {
      EXPECT_THAT(o.status.message(), HasSubstr("SIGSEGV"));
    }
  }
  EXPECT_EQ(by_id, (std::map<size_t, std::string>{{0, "crash"}, {1, ""}, {2, ""}, {3, ""}}));
}

TEST_F(DispatchAheadTest, AStopWaitsForTheJobAWorkerIsOnNotTheOneBehindIt) {
  // The stop comes with the second job handed out: the worker answers the first (once the
  // second is in hand, as above); the second, queued behind it, is interrupted.
  auto worker = Worker("ahead", std::string("[ \"$(") + kReadRequest + ")\" -eq 19 ] || exit 1\n" +
                                    "[ \"$(" + kReadRequest + ")\" -eq 19 ] || exit 1\n" +
                                    "cat \"$2\"\nexec sleep 60\n");
  std::vector<JobOutcome> outcomes = Run(worker, "", 5, /*stop_after=*/2);
  ASSERT_EQ(outcomes.size(), 2u);
  EXPECT_EQ(outcomes[0].id, 0u);
  EXPECT_EQ(outcomes[0].failure, "");
  EXPECT_EQ(outcomes[1].id, 1u);
  EXPECT_EQ(outcomes[1].failure, "interrupted");
}

TEST(WorkerRequestTest, WrongTypedFieldsAreCorruptNeverAnException) {
  for (const char* text :
       {R"(5)", R"("x")", R"([])", R"({"path":1})", R"({"passwords":"a"})", R"({"passwords":[1]})",
        R"({"page":"3"})", R"({"page":1e30})", R"({"page":-7})", R"({"split_pages":"yes"})",
        R"({"page_ocr":{}})", R"({"page_ocr":[1]})", R"({"page_ocr":[{"page":-1}]})",
        R"({"page_ocr":[{"page":0,"error":false}]})"}) {
    Result<WorkerRequest> r = WorkerRequest::FromJson(json::parse(text));
    EXPECT_EQ(r.status().code(), Code::kCorrupt) << text;
  }
  Result<WorkerRequest> fine = WorkerRequest::FromJson(
      json::parse(R"({"path":"a.pdf","page":null,"page_ocr":[{"page":2,"words":[]}]})"));
  ASSERT_TRUE(fine.ok()) << fine.status().message();
  EXPECT_EQ(fine->path, "a.pdf");
  EXPECT_EQ(fine->page, -1);
  ASSERT_EQ(fine->page_ocr.size(), 1u);
  EXPECT_EQ(fine->page_ocr[0].page, 2);
}

TEST(WorkerRequestTest, WordsOfTheWrongTypeAreCorrupt) {
  for (const char* text :
       {R"([["w","1",0,1,1,10,false,true,0.9]])", R"([["w",0,0,1,1,10,0,true,0.9]])",
        R"([["w",0,0,1,1,10,false,true,null]])"}) {
    EXPECT_EQ(WordsFromJson(json::parse(text)).status().code(), Code::kCorrupt) << text;
  }
}

TEST(WorkerRequestTest, RulingsRoundTripAndAbsentRulingsAreNone) {
  std::vector<Ruling> rulings = {{true, 100.25, 50, 400.5}, {false, 72, 100, 190}};
  Result<std::vector<Ruling>> back = RulingsFromJson(RulingsToJson(rulings));
  ASSERT_TRUE(back.ok()) << back.status().message();
  ASSERT_EQ(back->size(), 2u);
  EXPECT_TRUE((*back)[0].horizontal);
  EXPECT_EQ((*back)[0].at, 100.25);
  EXPECT_EQ((*back)[1].to, 190);
  EXPECT_TRUE(RulingsFromJson(json()).value().empty());  // a worker of an older build
  for (const char* text : {R"({})", R"([[true,1,2]])", R"([["h",1,2,3]])", R"([[true,1,2,"3"]])"}) {
    EXPECT_EQ(RulingsFromJson(json::parse(text)).status().code(), Code::kCorrupt) << text;
  }
}

}  // namespace
}  // namespace acervo
