#include "review/server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <fstream>
#include <thread>

#include "load/loader.h"
#include "load/test_pdf.h"
#include "records/test_record.h"
#include "review/page_image.h"
#include "review/reviews.h"
#include "review/test_png.h"

namespace acervo::review {
namespace {

using nlohmann::json;

const std::string kText =
    "Taller <script>alert(1)</script> y <img src=x onerror=alert(2)> en 2024.\n";
const std::string kSecond = "Segundo taller en 2025.";

acervo::Record MakeRecord(const std::string& id, const std::string& title, const std::string& text,
                          const std::string& amount, const std::string& currency) {
  return test::RecordOf({{"id", id},
                         {"kind", "capacitacion"},
                         {"title", title},
                         {"text", text},
                         {"page_start", 1},
                         {"page_end", 1},
                         {"dates", json::array()},
                         {"amounts", json::array({{{"amount", amount},
                                                   {"currency", currency},
                                                   {"approximate", false},
                                                   {"role", nullptr}}})},
                         {"institutions", json::array()},
                         {"ods", json::array()},
                         {"confidence", 0.3},
                         {"status", "needs_review"}});
}

httplib::Headers WithToken(const std::string& token) {
  httplib::Headers h;
  if (!token.empty()) h.emplace("X-Acervo-Token", token);
  return h;
}

// A review server over `store` on a free loopback port, serving from its own thread until
// it is destroyed.
class RunningServer {
 public:
  explicit RunningServer(Store* store) {
    ServerOptions o;
    o.port = 0;
    server_ = ReviewServer::Create(store, o).value();
    port_ = *server_->Bind();
    thread_ = std::thread([this] { (void)server_->Serve(); });
  }
  ~RunningServer() {
    server_->Stop();
    thread_.join();
  }
  int port() const { return port_; }
  const std::string& token() const { return server_->token(); }

 private:
  std::unique_ptr<ReviewServer> server_;
  int port_ = 0;
  std::thread thread_;
};

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
    p.text = kText + kSecond + "\n";
    x.document.pages.push_back(p);
    x.pipeline = "test@1";
    x.records.push_back(
        MakeRecord("r-x", "Taller <script>", kText.substr(0, kText.size() - 1), "100", "USD"));
    x.records.push_back(MakeRecord("r-y", "Segundo taller", kSecond, "200", "EUR"));
    ASSERT_TRUE(store_->PutExtraction(x).ok());
    http_ = std::make_unique<RunningServer>(store_.get());
  }
  void TearDown() override {
    http_.reset();
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path_.string() + suffix);
  }
  httplib::Result Post(const json& body, const std::string& token,
                       const std::string& path = "/api/records/r-x") {
    httplib::Client c("127.0.0.1", http_->port());
    return c.Post(path, WithToken(token), body.dump(), "application/json");
  }
  json GetJson(const std::string& path) {
    httplib::Client c("127.0.0.1", http_->port());
    auto res = c.Get(path);
    return res && res->status == 200 ? json::parse(res->body) : json();
  }

  std::filesystem::path path_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<RunningServer> http_;
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
  httplib::Client c("127.0.0.1", http_->port());
  auto res = c.Get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find(http_->token()), std::string::npos);
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
  httplib::Client c("127.0.0.1", http_->port());
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
  res = Post(body, http_->token());
  EXPECT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(json::parse(res->body)["record"]["status"], "reviewed");
}

TEST_F(ServerTest, AStaleSaveGets409WithTheFreshValues) {
  auto first = Post({{"version", 0},
                     {"reviewer", "ana"},
                     {"changes", {{{"field", "amounts/0/amount"}, {"value", "150"}}}}},
                    http_->token());
  ASSERT_EQ(first->status, 200) << first->body;
  auto late = Post({{"version", 0},
                    {"reviewer", "luis"},
                    {"changes", {{{"field", "amounts/0/amount"}, {"value", "175"}}}}},
                   http_->token());
  ASSERT_EQ(late->status, 409);
  json fresh = json::parse(late->body);
  EXPECT_EQ(fresh["record"]["amounts"][0]["amount"], "150");
  EXPECT_NE(fresh["error"].get<std::string>().find("ana"), std::string::npos);
  auto bad = Post({{"version", fresh["version"]},
                   {"reviewer", "luis"},
                   {"changes", {{{"field", "amounts/0/amount"}, {"value", "1,5"}}}}},
                  http_->token());
  EXPECT_EQ(bad->status, 400);
}

TEST_F(ServerTest, RefusesForeignHostNames) {
  httplib::Client c("127.0.0.1", http_->port());
  auto res = c.Get("/", {{"Host", "attacker.example:80"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  EXPECT_EQ(res->body.find(http_->token()), std::string::npos);
}

TEST_F(ServerTest, MergesTheNextRecordIntoThisOne) {
  json view = GetJson("/api/records/r-x");
  ASSERT_TRUE(view["next"].is_object()) << view.dump();
  EXPECT_EQ(view["next"]["id"], "r-y");
  EXPECT_EQ(view["next"]["version"], 0);
  EXPECT_TRUE(view["previous"].is_null());

  json merge = {{"version", 0},
                {"from", "r-y"},
                {"from_version", 0},
                {"reviewer", "ana"},
                {"comment", "el mismo taller"}};
  EXPECT_EQ(Post(merge, "", "/api/records/r-x/merge")->status, 403);
  EXPECT_EQ(*store_->Count("corrections"), 0);
  auto res = Post(merge, http_->token(), "/api/records/r-x/merge");
  ASSERT_EQ(res->status, 200) << res->body;
  json saved = json::parse(res->body);
  EXPECT_EQ(saved["record"]["merged_from"], json::array({"r-y"}));
  EXPECT_EQ(saved["record"]["amounts"].size(), 2u);
  EXPECT_TRUE(saved["next"].is_null());  // r-y is no longer an activity of its own

  // The store: both sides recorded, by the reviewer, with the comment.
  Reviews reviews(store_.get());
  auto from = reviews.Get("r-y");
  EXPECT_EQ(from->effective["merged_into"], "r-x");
  EXPECT_EQ(from->corrections.back().reviewer, "ana");
  EXPECT_EQ(from->corrections.back().comment, "el mismo taller");
  EXPECT_EQ(reviews.Get("r-x")->effective["amounts"][1]["currency"], "EUR");
  EXPECT_EQ(*store_->Count("corrections"), 2);
}

TEST_F(ServerTest, AMergeFromAStaleViewGets409AndStoresNothing) {
  auto fix = Post({{"version", 0},
                   {"reviewer", "luis"},
                   {"changes", {{{"field", "title"}, {"value", "Segundo taller de datos"}}}}},
                  http_->token(), "/api/records/r-y");
  ASSERT_EQ(fix->status, 200) << fix->body;
  auto late = Post({{"version", 0}, {"from", "r-y"}, {"from_version", 0}, {"reviewer", "ana"}},
                   http_->token(), "/api/records/r-x/merge");
  ASSERT_EQ(late->status, 409) << late->body;
  json fresh = json::parse(late->body);
  EXPECT_NE(fresh["error"].get<std::string>().find("not merged"), std::string::npos);
  EXPECT_EQ(fresh["next"]["title"], "Segundo taller de datos");  // the fresh values
  EXPECT_EQ(fresh["next"]["version"], json::parse(fix->body)["version"]);
  EXPECT_EQ(*store_->Count("corrections"), 1);
}

TEST_F(ServerTest, BadMergesAreClearJsonErrors) {
  auto check = [&](const json& body, const std::string& path, int status, const char* says) {
    auto res = Post(body, http_->token(), path);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, status) << res->body;
    json error = json::parse(res->body, nullptr, false);
    ASSERT_TRUE(error.is_object()) << res->body;
    EXPECT_NE(error.value("error", "").find(says), std::string::npos) << res->body;
  };
  json ok = {{"version", 0}, {"from", "r-y"}, {"from_version", 0}, {"reviewer", "ana"}};
  check({{"version", 0}, {"reviewer", "ana"}}, "/api/records/r-x/merge", 400, "from");
  json no_versions = ok;
  no_versions.erase("from_version");
  check(no_versions, "/api/records/r-x/merge", 400, "versions");
  json self = ok;
  self["from"] = "r-x";
  check(self, "/api/records/r-x/merge", 400, "itself");
  json unknown = ok;
  unknown["from"] = "r-nope";
  check(unknown, "/api/records/r-x/merge", 404, "r-nope");
  json nobody = ok;
  nobody["reviewer"] = "";
  check(nobody, "/api/records/r-x/merge", 400, "reviewer");
  // A merge written on one record alone would leave the other an activity of its own.
  check({{"version", 0},
         {"reviewer", "ana"},
         {"changes", {{{"field", "merge"}, {"value", {{"into", "r-y"}}}}}}},
        "/api/records/r-x", 400, "merge");
  EXPECT_EQ(*store_->Count("corrections"), 0);
}

// A field of the wrong type is the client's mistake: a 400 naming it, not a 500.
TEST_F(ServerTest, WrongTypedFieldsAreBadRequests) {
  auto check = [&](const json& body, const std::string& path, const char* says) {
    auto res = Post(body, http_->token(), path);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << res->body;
    json error = json::parse(res->body, nullptr, false);
    ASSERT_TRUE(error.is_object()) << res->body;
    EXPECT_NE(error.value("error", "").find(says), std::string::npos) << res->body;
  };
  json change = {{{"field", "title"}, {"value", "Otro título"}}};
  check({{"version", "0"}, {"reviewer", "ana"}, {"changes", change}}, "/api/records/r-x",
        "version");
  check({{"version", 0}, {"reviewer", 7}, {"changes", change}}, "/api/records/r-x", "reviewer");
  check({{"version", 0}, {"reviewer", "ana"}, {"comment", {1}}, {"changes", change}},
        "/api/records/r-x", "comment");
  check({{"version", 0}, {"from", "r-y"}, {"from_version", 1.5}, {"reviewer", "ana"}},
        "/api/records/r-x/merge", "from_version");
  EXPECT_EQ(*store_->Count("corrections"), 0);
}

TEST_F(ServerTest, SplitsARecordIntoValidParts) {
  json parts = json::array(
      {{{"title", "Taller <script>"},
        {"kind", "capacitacion"},
        {"text", "Taller"},
        {"amounts",
         {{{"amount", "100"}, {"currency", "USD"}, {"approximate", false}, {"role", nullptr}}}}},
       {{"title", "Feria"},
        {"kind", "evento"},
        {"text", "y feria en 2024."},
        {"dates", {{{"start", "2024"}, {"end", "2024"}}}}}});
  json bad = parts;
  bad[1]["kind"] = "fiesta";
  auto refused = Post({{"version", 0},
                       {"reviewer", "ana"},
                       {"changes", {{{"field", "split"}, {"value", {{"parts", bad}}}}}}},
                      http_->token());
  ASSERT_EQ(refused->status, 400) << refused->body;
  EXPECT_NE(json::parse(refused->body)["error"].get<std::string>().find("split/parts/1: kind"),
            std::string::npos);
  auto res = Post({{"version", 0},
                   {"reviewer", "ana"},
                   {"changes", {{{"field", "split"}, {"value", {{"parts", parts}}}}}}},
                  http_->token());
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(json::parse(res->body)["record"]["split_into"], parts);
  EXPECT_EQ(Reviews(store_.get()).Get("r-x")->effective["split_into"][1]["title"], "Feria");
}

// A born-digital PDF of our own, loaded by the real loader, so the blocks carry the boxes
// poppler gave them: a heading and a paragraph (one record), and far below, under another
// heading, a line that also occurs inside that paragraph (a second record).
class PdfServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("acervo-server-pdf-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    pdf_ = dir_ / "informe.pdf";
    std::ofstream(pdf_, std::ios::binary)
        << testing_pdf::MakePdf({{{72, 100, "Foro regional de movilidad", 14, true},
                                  {72, 300, "El foro reunió a la red de ciudades y a sus socios"},
                                  {72, 314, "durante tres días de marzo de 2024."},
                                  {72, 560, "Reunión de la red", 14, true},
                                  {72, 600, "la red de ciudades"}}});
    LoadOptions never;
    never.ocr = OcrMode::kNever;
    auto doc = LoadDocument(pdf_, never);
    ASSERT_TRUE(doc.ok()) << doc.status().message();
    doc_ = std::move(*doc);
    const Page& page = doc_.pages[0];
    ASSERT_EQ(page.blocks.size(), 4u) << page.text;
    std::string hash = doc_.info.id.substr(7, 12);
    first_ = "r-" + hash + "-001-0000";
    second_ = "r-" + hash + "-001-0003";
    store_ = Store::Open(dir_ / "store.db").value();
    ASSERT_TRUE(store_->PutExtraction(Extract(doc_)).ok());
    http_ = std::make_unique<RunningServer>(store_.get());
  }
  void TearDown() override {
    http_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::string BlockText(const Document& d, size_t i) const {
    const Block& b = d.pages[0].blocks[i];
    return d.pages[0].text.substr(b.begin, b.end - b.begin);
  }
  Extraction Extract(const Document& d) const {
    Extraction x;
    x.document = d;
    x.pipeline = "test@1";
    x.records.push_back(MakeRecord(first_, "Foro regional de movilidad",
                                   BlockText(d, 0) + "\n" + BlockText(d, 1), "100", "USD"));
    x.records.push_back(MakeRecord(second_, "la red de ciudades", BlockText(d, 3), "5", "USD"));
    return x;
  }
  httplib::Result Get(const std::string& path) {
    httplib::Client c("127.0.0.1", http_->port());
    return c.Get(path);
  }
  static void ExpectBox(const Box& got, const Box& want) {
    EXPECT_NEAR(got.x0, want.x0, 0.01);
    EXPECT_NEAR(got.y0, want.y0, 0.01);
    EXPECT_NEAR(got.x1, want.x1, 0.01);
    EXPECT_NEAR(got.y1, want.y1, 0.01);
  }

  std::filesystem::path dir_, pdf_;
  Document doc_;
  std::string first_, second_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<RunningServer> http_;
};

TEST_F(PdfServerTest, TheRegionIsTheUnionOfTheBoxesOfThePassagesBlocks) {
  const std::vector<Block>& blocks = doc_.pages[0].blocks;
  Reviews reviews(store_.get());
  auto first = reviews.Region(*reviews.Get(first_), 1);
  ASSERT_TRUE(first.ok()) << first.status().message();
  ExpectBox(first->box, Box{std::min(blocks[0].box.x0, blocks[1].box.x0), blocks[0].box.y0,
                            std::max(blocks[0].box.x1, blocks[1].box.x1), blocks[1].box.y1});
  EXPECT_EQ(first->page_width, 612);
  EXPECT_EQ(first->page_height, 792);
  // The second record's text also occurs inside the first's paragraph; its id says where it
  // starts, so its region is its own line far down the page.
  auto second = reviews.Region(*reviews.Get(second_), 1);
  ExpectBox(second->box, blocks[3].box);
  EXPECT_TRUE(reviews.Region(*reviews.Get(second_), 2)->box.empty());  // not one of its pages
}

TEST_F(PdfServerTest, ThePageImageIsThePassagesRegionAtAReadableDpi) {
  json view = json::parse(Get("/api/records/" + first_)->body);
  EXPECT_EQ(view["page_image"], true);
  EXPECT_EQ(view["page_image_note"], "");
  ASSERT_EQ(view["page_regions"].size(), 1u) << view.dump();
  const json& b = view["page_regions"][0]["box"];
  ASSERT_TRUE(b.is_array()) << view.dump();
  Reviews reviews(store_.get());
  auto known = reviews.Region(*reviews.Get(first_), 1);
  Box padded = PadRegion(known->box, kRegionMargin, 612, 792);
  ExpectBox(Box{b[0], b[1], b[2], b[3]}, padded);
  EXPECT_NEAR(padded.y0, known->box.y0 - 12, 0.01);

  auto region = Get("/api/records/" + first_ + "/page/1");
  ASSERT_EQ(region->status, 200) << region->body;
  EXPECT_EQ(region->get_header_value("Content-Type"), "image/png");
  EXPECT_EQ(region->get_header_value("X-Acervo-Image"), "region");
  int dpi = RegionDpi(padded);
  PixelRect want = ToPixels(padded, dpi);
  testing_png::Decoded png = testing_png::Decode(region->body);
  ASSERT_TRUE(png.ok);
  EXPECT_EQ(png.width, want.width);
  EXPECT_EQ(png.height, want.height);
  EXPECT_GT(dpi, kPageDpi);  // the crop is drawn finer than the whole page
  EXPECT_LT(png.height, 792 * dpi / 72 / 2);
  EXPECT_GT(png.ink, 0);

  auto whole = Get("/api/records/" + first_ + "/page/1?whole=1");
  ASSERT_EQ(whole->status, 200);
  EXPECT_EQ(whole->get_header_value("X-Acervo-Image"), "page");
  testing_png::Decoded page = testing_png::Decode(whole->body);
  EXPECT_EQ(page.width, ToPixels(Box{0, 0, 612, 792}, kPageDpi).width);
  EXPECT_EQ(page.height, ToPixels(Box{0, 0, 612, 792}, kPageDpi).height);
}

TEST_F(PdfServerTest, WithoutBoxesTheWholePageIsShownAndThePageSaysSo) {
  // A store written before blocks had boxes.
  Document old = doc_;
  for (Block& b : old.pages[0].blocks) b.box = Box{};
  ASSERT_TRUE(store_->PutExtraction(Extract(old)).ok());
  json view = json::parse(Get("/api/records/" + first_)->body);
  EXPECT_EQ(view["page_image"], true);
  EXPECT_TRUE(view["page_regions"][0]["box"].is_null()) << view.dump();
  EXPECT_NE(view["page_image_note"].get<std::string>().find("the whole page is shown"),
            std::string::npos);
  auto image = Get("/api/records/" + first_ + "/page/1");
  ASSERT_EQ(image->status, 200);
  EXPECT_EQ(image->get_header_value("X-Acervo-Image"), "page");
  EXPECT_EQ(testing_png::Decode(image->body).width, ToPixels(Box{0, 0, 612, 792}, kPageDpi).width);
}

}  // namespace
}  // namespace acervo::review
