#include "review/server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <unistd.h>

#include <thread>

#include "review/reviews.h"

namespace acervo::review {
namespace {

using nlohmann::json;

const std::string kText = "Taller <script>alert(1)</script> y <img src=x onerror=alert(2)> en 2024.\n";

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("acervo-server-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    std::filesystem::remove(path_);
    store_ = Store::Open(path_).value();
    Extraction x;
    x.document.info.id = "sha256:def";
    x.document.info.source = "/nonexistent/informe.pdf";
    Page p;
    p.text = kText;
    x.document.pages.push_back(p);
    x.pipeline = "test@1";
    x.records.push_back({{"id", "r-x"}, {"kind", "capacitacion"}, {"title", "Taller <script>"},
                         {"text", kText.substr(0, kText.size() - 1)}, {"page_start", 1},
                         {"page_end", 1}, {"dates", json::array()},
                         {"amounts", json::array({{{"amount", "100"}, {"currency", "USD"},
                                                   {"approximate", false}, {"role", nullptr}}})},
                         {"institutions", json::array()}, {"ods", json::array()},
                         {"confidence", 0.3}, {"status", "needs_review"}});
    ASSERT_TRUE(store_->PutExtraction(x).ok());
    ServerOptions o;
    o.port = 0;
    server_ = ReviewServer::Create(store_.get(), o).value();
    port_ = *server_->Bind();
    thread_ = std::thread([this] { (void)server_->Serve(); });
  }
  void TearDown() override {
    server_->Stop();
    thread_.join();
    server_.reset();
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }
  httplib::Result Post(const json& body, const std::string& token) {
    httplib::Client c("127.0.0.1", port_);
    httplib::Headers h;
    if (!token.empty()) h.emplace("X-Acervo-Token", token);
    return c.Post("/api/records/r-x", h, body.dump(), "application/json");
  }

  std::filesystem::path path_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<ReviewServer> server_;
  int port_ = 0;
  std::thread thread_;
};

TEST(ServerOptions, NonLoopbackHostNeedsAllowRemoteAndSecret) {
  ServerOptions o;
  EXPECT_TRUE(CheckServerOptions(o).ok());
  o.host = "0.0.0.0";
  EXPECT_FALSE(CheckServerOptions(o).ok());
  o.allow_remote = true;
  EXPECT_FALSE(CheckServerOptions(o).ok());
  o.secret = "a-long-shared-secret";
  EXPECT_TRUE(CheckServerOptions(o).ok());
  o.allow_remote = false;
  EXPECT_FALSE(CheckServerOptions(o).ok());
  EXPECT_TRUE(IsLoopbackHost("::1"));
  EXPECT_FALSE(IsLoopbackHost("192.168.1.4"));
}

TEST(ReviewServerTest, StopRightAfterStartingServeStillStops) {
  auto path = std::filesystem::temp_directory_path() /
              ("acervo-server-stop-" + std::to_string(::getpid()) + ".db");
  auto store = Store::Open(path).value();
  ServerOptions o;
  o.port = 0;
  for (int i = 0; i < 20; ++i) {  // a lost stop would hang here (CTest's timeout fails it)
    auto server = ReviewServer::Create(store.get(), o).value();
    ASSERT_TRUE(server->Bind().ok());
    std::thread serving([&] { EXPECT_TRUE(server->Serve().ok()); });
    server->Stop();
    serving.join();
  }
  store.reset();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

TEST_F(ServerTest, PageCarriesTokenAndStrictPolicy) {
  httplib::Client c("127.0.0.1", port_);
  auto res = c.Get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find(server_->token()), std::string::npos);
  std::string csp = res->get_header_value("Content-Security-Policy");
  EXPECT_NE(csp.find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
  EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
  auto js = c.Get("/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_EQ(js->body.find("innerHTML"), std::string::npos);  // text goes in as text only
}

TEST_F(ServerTest, DocumentTextTravelsAsJsonStringsNeverAsMarkup) {
  httplib::Client c("127.0.0.1", port_);
  auto res = c.Get("/api/records/r-x");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type").rfind("application/json", 0), 0u);
  json view = json::parse(res->body);
  EXPECT_EQ(view["record"]["title"], "Taller <script>");
  EXPECT_EQ(view["passage"]["spans"][0]["text"].get<std::string>().find("<script>"), 7u);
  EXPECT_EQ(view["page_image"], false);  // the PDF is not at its source path
  EXPECT_FALSE(view["page_image_note"].get<std::string>().empty());
}

TEST_F(ServerTest, PostsNeedTheSessionToken) {
  json body = {{"version", 0}, {"reviewer", "ana"}, {"changes", {{{"field", "accept"}}}}};
  auto res = Post(body, "");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  res = Post(body, "0000");
  EXPECT_EQ(res->status, 403);
  EXPECT_EQ(*store_->Count("corrections"), 0);
  res = Post(body, server_->token());
  EXPECT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(json::parse(res->body)["record"]["status"], "reviewed");
}

TEST_F(ServerTest, AStaleSaveGets409WithTheFreshValues) {
  auto first = Post({{"version", 0}, {"reviewer", "ana"},
                     {"changes", {{{"field", "amounts/0/amount"}, {"value", "150"}}}}},
                    server_->token());
  ASSERT_EQ(first->status, 200) << first->body;
  auto late = Post({{"version", 0}, {"reviewer", "luis"},
                    {"changes", {{{"field", "amounts/0/amount"}, {"value", "175"}}}}},
                   server_->token());
  ASSERT_EQ(late->status, 409);
  json fresh = json::parse(late->body);
  EXPECT_EQ(fresh["record"]["amounts"][0]["amount"], "150");
  EXPECT_NE(fresh["error"].get<std::string>().find("ana"), std::string::npos);
  auto bad = Post({{"version", fresh["version"]}, {"reviewer", "luis"},
                   {"changes", {{{"field", "amounts/0/amount"}, {"value", "1,5"}}}}},
                  server_->token());
  EXPECT_EQ(bad->status, 400);
}

TEST_F(ServerTest, RefusesForeignHostNames) {
  httplib::Client c("127.0.0.1", port_);
  auto res = c.Get("/", {{"Host", "attacker.example:80"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  EXPECT_EQ(res->body.find(server_->token()), std::string::npos);
}

}  // namespace
}  // namespace acervo::review
