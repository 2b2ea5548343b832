// The HTML report in Debian's headless chromium: it renders to a screenshot and the
// browser logs no console error (a missing resource, a blocked load, a script error).
// Skips when chromium is missing, unless CI=true, where missing chromium is a failure.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "test_util.h"

namespace acervo {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kChromium = "/usr/bin/chromium";

std::string Acervo(const std::string& args) { return test::Quote(ACERVO_BINARY) + " " + args; }

TEST(ReportBrowserTest, HtmlReportRendersWithoutConsoleErrors) {
  const char* ci = std::getenv("CI");
  if (!std::filesystem::exists(kChromium)) {
    if (ci && std::string(ci) == "true") FAIL() << kChromium << " is missing and CI=true";
    GTEST_SKIP() << kChromium << " is missing";
  }
  test::TempDir dir;
  std::string files;
  for (const auto& e : std::filesystem::directory_iterator(ACERVO_SOURCE_DIR "/corpora")) {
    if (e.is_regular_file() && e.path().extension() == ".md") files += " " + test::Quote(e.path());
  }
  std::filesystem::path store = dir.path() / "s.db";
  auto ingest = test::RunCommand(Acervo("ingest" + files + " --store " + test::Quote(store)));
  ASSERT_EQ(ingest.exit_code, 0) << ingest.output;
  std::filesystem::path html = dir.path() / "report.html";
  auto report = test::RunCommand(
      Acervo("report --format html --store " + test::Quote(store) + " -o " + test::Quote(html)));
  ASSERT_EQ(report.exit_code, 0) << report.output;

  std::filesystem::path shot = dir.path() / "report.png";
  auto browser = test::RunCommand(
      std::string("timeout 120 ") + kChromium +
      " --headless --no-sandbox --disable-gpu --disable-background-networking"
      " --no-first-run --user-data-dir=" +
      test::Quote(dir.path() / "profile") +
      " --enable-logging=stderr --v=0 --window-size=1200,2400 --screenshot=" + test::Quote(shot) +
      " " + test::Quote("file://" + html.string()));
  ASSERT_EQ(browser.exit_code, 0) << browser.output;
  ASSERT_TRUE(std::filesystem::exists(shot)) << browser.output;
  std::ifstream png(shot, std::ios::binary);
  char magic[8] = {};
  png.read(magic, sizeof magic);
  EXPECT_EQ(std::string(magic + 1, 3), "PNG");
  EXPECT_GT(std::filesystem::file_size(shot), 10000u) << "a blank page compresses smaller";
  // Chromium logs page console messages as "CONSOLE(<line>)" / ":CONSOLE"; failed loads
  // as net::ERR_*.
  EXPECT_THAT(browser.output, Not(HasSubstr("CONSOLE"))) << browser.output;
  EXPECT_THAT(browser.output, Not(HasSubstr("ERR_"))) << browser.output;
  if (const char* keep = std::getenv("ACERVO_KEEP_SCREENSHOT")) {
    std::filesystem::copy_file(shot, keep, std::filesystem::copy_options::overwrite_existing);
  }
}

}  // namespace
}  // namespace acervo
