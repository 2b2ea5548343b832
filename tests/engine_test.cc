#include "acervo/engine.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_util.h"

namespace acervo {
namespace {

using ::testing::HasSubstr;

// A pipeline running the test plugins, written to a temporary folder.
class EngineTest : public ::testing::Test {
 protected:
  Result<std::unique_ptr<Engine>> Open(const std::string& extractors) {
    auto file = dir_.Write("test.yaml", "name: test\nversion: 3\nextractors:\n" + extractors);
    EngineOptions options;
    options.pipeline = file.string();
    options.plugin_dirs = {ACERVO_TEST_PLUGIN_DIR};
    return Engine::Open(options);
  }
  test::TempDir dir_;
};

TEST_F(EngineTest, PlacesMentionsInPageTextByCodePoints) {
  auto engine = Open("  - plugin: test-good\n");
  ASSERT_TRUE(engine.ok()) << engine.status().message();
  EXPECT_EQ((*engine)->PipelineId(), "test@3");
  // "Año" has a two-byte character before the mention: start counts code points.
  auto x = (*engine)->ProcessBytes("# Año del acervo\n\nOtro acervo aquí.\n", "doc.md", {});
  ASSERT_TRUE(x.ok()) << x.status().message();
  ASSERT_EQ(x->mentions.size(), 2u);
  const PlacedMention& m = x->mentions[0];
  EXPECT_EQ(m.text, "acervo");
  EXPECT_EQ(m.page, 1);
  EXPECT_EQ(m.start, 8u);
  EXPECT_EQ(m.end, 14u);
  EXPECT_EQ(m.extractor, "test-good@0.0.1");
  EXPECT_EQ(x->document.pages[0].text.substr(m.byte_start, m.byte_end - m.byte_start), "acervo");

  nlohmann::json j = ToContractJson(*x);
  EXPECT_THAT(j["document"]["id"].get<std::string>(), HasSubstr("sha256:"));
  EXPECT_EQ(j["document"]["pipeline"], "test@3");
  EXPECT_EQ(j["document"]["source"], "doc.md");
  for (const char* field :
       {"type", "text", "value", "page", "start", "end", "confidence", "extractor"}) {
    EXPECT_TRUE(j["mentions"][0].contains(field)) << field;
  }
  EXPECT_TRUE(j["records"].is_array());
}

TEST_F(EngineTest, AFaultyPluginDoesNotStopTheOthers) {
  auto engine = Open("  - plugin: test-throwing\n  - plugin: test-good\n");
  ASSERT_TRUE(engine.ok()) << engine.status().message();
  auto x = (*engine)->ProcessBytes("El acervo.\n", "doc.txt", {});
  ASSERT_TRUE(x.ok());
  EXPECT_EQ(x->mentions.size(), 1u);
  EXPECT_THAT(x->warnings,
              ::testing::Contains(HasSubstr("test-throwing@0.0.1 threw: deliberate failure")));
}

TEST_F(EngineTest, RefusesAPipelineNamingAnOldPlugin) {
  auto engine = Open("  - plugin: test-old-api\n");
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), Code::kVersionMismatch);
}

TEST_F(EngineTest, ReportsUnknownPluginsAndPipelines) {
  auto engine = Open("  - plugin: nope\n");
  ASSERT_FALSE(engine.ok());
  EXPECT_THAT(engine.status().message(), HasSubstr("unknown plugin 'nope'"));
  EXPECT_THAT(engine.status().message(), HasSubstr("test.yaml"));

  EngineOptions options;
  options.pipeline = "no-such-pipeline";
  auto missing = Engine::Open(options);
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.status().message(), HasSubstr("unknown pipeline 'no-such-pipeline'"));
}

TEST_F(EngineTest, BadDocumentsGetErrorsNamingThem) {
  auto engine = Open("  - plugin: test-good\n");
  ASSERT_TRUE(engine.ok());
  auto latin1 = (*engine)->ProcessBytes("a\xF1o", "latin1.txt", {});
  ASSERT_FALSE(latin1.ok());
  EXPECT_THAT(latin1.status().message(), HasSubstr("latin1.txt: not UTF-8"));
  auto empty = (*engine)->ProcessBytes("", "empty.txt", {});
  EXPECT_THAT(empty.status().message(), HasSubstr("empty.txt: empty file"));
  auto blank = (*engine)->ProcessBytes(" \n\n \n", "blank.txt", {});
  EXPECT_THAT(blank.status().message(), HasSubstr("blank.txt: no text"));
  // The bytes decide what a file is, not its name (load/detect.h).
  auto fake_pdf = (*engine)->ProcessBytes("GIF89a an image", "report.pdf", {});
  EXPECT_THAT(fake_pdf.status().message(),
              HasSubstr("report.pdf: is image/gif, not a PDF; no loader reads image/gif"));
  auto other = (*engine)->ProcessBytes("GIF89a an image", "sheet.xlsx", {});
  EXPECT_THAT(other.status().message(), HasSubstr("no loader reads image/gif"));
}

TEST_F(EngineTest, RecordIdsAreStableAcrossRuns) {
  auto engine = Open("  - plugin: test-good\n");
  ASSERT_TRUE(engine.ok());
  std::string text = "## Sesión del acervo\n\nEl acervo se reunió.\n";
  auto a = (*engine)->ProcessBytes(text, "a.md", {});
  auto b = (*engine)->ProcessBytes(text, "b.md", {});
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->records, b->records);
}

}  // namespace
}  // namespace acervo
