#include "plugin/plugin_host.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_util.h"

namespace acervo {
namespace {

using ::testing::HasSubstr;

const std::filesystem::path kDir = ACERVO_TEST_PLUGIN_DIR;

TEST(PluginHostTest, LoadsAPluginAndReadsItsInfo) {
  auto plugin = LoadPlugin(kDir / "test-good.so");
  ASSERT_TRUE(plugin.ok()) << plugin.status().message();
  EXPECT_EQ((*plugin)->info().name, "test-good");
  EXPECT_EQ((*plugin)->id(), "test-good@0.0.1");
  EXPECT_EQ((*plugin)->data_dir(), kDir / "test-good");
}

TEST(PluginHostTest, RefusesAPluginBuiltForAnotherApiVersion) {
  auto plugin = LoadPlugin(kDir / "test-old-api.so");
  ASSERT_FALSE(plugin.ok());
  EXPECT_EQ(plugin.status().code(), Code::kVersionMismatch);
  EXPECT_THAT(plugin.status().message(), HasSubstr("test-old-api.so"));
  EXPECT_THAT(plugin.status().message(), HasSubstr("plugin API version 0"));
  EXPECT_THAT(plugin.status().message(),
              HasSubstr("provides version " + std::to_string(kPluginApiVersion)));
}

TEST(PluginHostTest, ReportsAFileThatIsNotAPlugin) {
  test::TempDir dir;
  auto fake = dir.Write("fake.so", "not an ELF file");
  auto plugin = LoadPlugin(fake);
  ASSERT_FALSE(plugin.ok());
  EXPECT_THAT(plugin.status().message(), HasSubstr(fake.string()));
  EXPECT_THAT(plugin.status().message(), HasSubstr("cannot load plugin"));

  // A real shared library that is not an acervo plugin.
  auto other = LoadPlugin("/usr/lib/x86_64-linux-gnu/libsqlite3.so.0");
  if (std::filesystem::exists("/usr/lib/x86_64-linux-gnu/libsqlite3.so.0")) {
    ASSERT_FALSE(other.ok());
    EXPECT_THAT(other.status().message(), HasSubstr("not an acervo plugin"));
  }
}

TEST(PluginHostTest, DiscoversAndFindsPluginsInTheSearchPath) {
  auto files = DiscoverPlugins({kDir});
  std::vector<std::string> names;
  for (const auto& f : files) names.push_back(f.stem().string());
  EXPECT_THAT(names, ::testing::IsSupersetOf({"test-good", "test-old-api", "test-throwing"}));

  auto found = FindPlugin("test-good", {"/nonexistent", kDir});
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(*found, kDir / "test-good.so");

  auto missing = FindPlugin("no-such-plugin", {kDir});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Code::kNotFound);
  EXPECT_THAT(missing.status().message(), HasSubstr("unknown plugin 'no-such-plugin'"));
}

TEST(PluginHostTest, PluginPathEnvironmentComesFirst) {
  setenv("ACERVO_PLUGIN_PATH", "/first:/second", 1);
  auto path = PluginSearchPath({"/extra"});
  unsetenv("ACERVO_PLUGIN_PATH");
  ASSERT_GE(path.size(), 3u);
  EXPECT_EQ(path[0], "/first");
  EXPECT_EQ(path[1], "/second");
  EXPECT_EQ(path[2], "/extra");
}

}  // namespace
}  // namespace acervo
