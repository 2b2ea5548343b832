// A worker that prints garbage, a wrong-typed message or half a frame costs its document a
// clear failure and nothing more: the pool never throws and the batch goes on.
#include "ingest/worker_pool.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

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
