// The loader host (plugin/loader_host.h) and registry (load/loader_registry.h) with the test
// loaders of tests/plugins/test_loader.cc beside the bundled ones.
#include "plugin/loader_host.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "load/loader_registry.h"
#include "test_util.h"

namespace acervo {
namespace {

using ::testing::HasSubstr;

const std::filesystem::path kDir = ACERVO_TEST_LOADER_DIR;

TEST(LoaderHostTest, LoadsALoaderAndReadsItsInfo) {
  auto loader = LoadLoaderPlugin(kDir / "load-test.so");
  ASSERT_TRUE(loader.ok()) << loader.status().message();
  EXPECT_EQ((*loader)->id(), "test@0.0.1");
  EXPECT_EQ((*loader)->info().origin, "tests/plugins/test_loader.cc");
  LoadOptions options;
  Result<Document> doc = (*loader)->Load("abc", LoadContext{"x", {}, "text/plain", options});
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->pages[0].text, "read by the test loader as text/plain: abc");
}

TEST(LoaderHostTest, RefusesALoaderBuiltForAnotherApiVersion) {
  auto loader = LoadLoaderPlugin(kDir / "load-test-old-api.so");
  ASSERT_FALSE(loader.ok());
  EXPECT_EQ(loader.status().code(), Code::kVersionMismatch);
  EXPECT_THAT(loader.status().message(), HasSubstr("loader API version 0"));
}

TEST(LoaderHostTest, WhatALoaderThrowsBecomesAnError) {
  auto loader = LoadLoaderPlugin(kDir / "load-test-throwing.so");
  ASSERT_TRUE(loader.ok()) << loader.status().message();
  LoadOptions options;
  Result<Document> doc = (*loader)->Load("abc", LoadContext{"x", {}, "text/plain", options});
  ASSERT_FALSE(doc.ok());
  EXPECT_THAT(doc.status().message(), HasSubstr("loader test@0.0.1 threw: boom"));
}

TEST(LoaderHostTest, ExtractorPluginsAreNotLoaders) {
  EXPECT_TRUE(IsLoaderPluginFile("/x/load-pdf.so"));
  EXPECT_FALSE(IsLoaderPluginFile("/x/es-date.so"));
  EXPECT_FALSE(IsLoaderPluginFile("/x/load-pdf"));
}

// This process's scratch folder, removed at exit: fixed names under /tmp would collide when
// two builds run their tests at once, and would be left behind.
const test::TempDir& Scratch() {
  static const test::TempDir dir;
  return dir;
}

// A copy of the test loader in a folder of its own, with `manifest` beside it when not empty.
std::filesystem::path PluginWithManifest(const std::string& folder, const std::string& manifest) {
  std::filesystem::path dir = Scratch().path() / folder;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(kDir / "load-test.so", dir / "load-test.so");
  if (!manifest.empty()) std::ofstream(LoaderManifestPath(dir / "load-test.so")) << manifest;
  return dir / "load-test.so";
}

TEST(LoaderHostTest, AManifestNamesWhatALoaderReadsWithoutLoadingIt) {
  LoaderInfo info;
  info.name = "test";
  info.version = "0.0.1";
  info.reads = {{"application/x-from-manifest", 2, {".fm"}}};
  std::filesystem::path plugin =
      PluginWithManifest("acervo-manifest-test", LoaderManifestJson(info));
  auto deferred = DeferLoaderPlugin(plugin);
  ASSERT_TRUE(deferred.ok()) << deferred.status().message();
  ASSERT_EQ((*deferred)->info().reads.size(), 1u);
  EXPECT_EQ((*deferred)->info().reads[0].media_type, "application/x-from-manifest");
  EXPECT_EQ((*deferred)->info().reads[0].extensions, std::vector<std::string>{".fm"});
  // Loaded on first use, then it reads as the plugin itself does.
  LoadOptions options;
  Result<Document> doc = (*deferred)->Load("abc", LoadContext{"x", {}, "text/plain", options});
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->pages[0].text, "read by the test loader as text/plain: abc");

  auto registry = LoaderRegistry::Open({plugin.parent_path()});
  ASSERT_NE(registry->For("application/x-from-manifest"), nullptr);
  EXPECT_EQ(registry->TypeOfExtension(".fm"), "application/x-from-manifest");
}

TEST(LoaderHostTest, WithoutAUsableManifestTheLoaderIsLoadedAtOnce) {
  EXPECT_FALSE(DeferLoaderPlugin(PluginWithManifest("acervo-manifest-none", "")).ok());
  EXPECT_FALSE(
      DeferLoaderPlugin(PluginWithManifest("acervo-manifest-old", R"({"loader_api": 0})")).ok());
  EXPECT_FALSE(DeferLoaderPlugin(PluginWithManifest("acervo-manifest-bad", "{")).ok());
  auto registry = LoaderRegistry::Open({Scratch().path() / "acervo-manifest-bad"});
  ASSERT_NE(registry->For("application/x-acervo-test"), nullptr);  // from the plugin itself
}

TEST(LoaderRegistryTest, TheHighestPriorityWinsAndBrokenPluginsAreListed) {
  auto registry = LoaderRegistry::Open({kDir, ACERVO_BUILD_PLUGIN_DIR});
  ASSERT_NE(registry->For("text/plain"), nullptr);
  EXPECT_EQ(registry->For("text/plain")->info().name, "test");     // priority 1
  EXPECT_EQ(registry->For("text/markdown")->info().name, "text");  // only the bundled one
  EXPECT_EQ(registry->For("application/x-acervo-test")->info().name, "test");
  EXPECT_EQ(registry->TypeOfExtension(".acervotest"), "application/x-acervo-test");
  EXPECT_EQ(registry->For("image/gif"), nullptr);
  ASSERT_EQ(registry->errors().size(), 1u);
  EXPECT_THAT(registry->errors()[0], HasSubstr("load-test-old-api.so"));
}

}  // namespace
}  // namespace acervo
