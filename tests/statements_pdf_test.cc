// The two sample statements of corpora/statements (a budget execution statement and a
// balance of sums and balances, money columns without currency marks, negative and
// parenthesized cells) printed to PDF by tools/make-fixtures and read back by `acervo eval`: the
// amounts found in the born-digital PDFs against the gold of their sources. Skips when the Debian
// tools the generator needs are missing. About 40 s on a loaded machine (make-fixtures also
// renders the scans, which this test does not read: OCR is the loader tests' business).
#include <gtest/gtest.h>

#include <filesystem>

#include "test_util.h"

namespace acervo {
namespace {

namespace fs = std::filesystem;
using test::Quote;
using test::RunCommand;

constexpr const char* kStatements[] = {"municipio-ejecucion-presupuestaria-2023",
                                       "municipio-balance-sumas-saldos-2024"};

TEST(StatementsPdf, AmountsOfBornDigitalStatements) {
  test::TempDir dir;
  const fs::path corpora = ACERVO_SOURCE_DIR "/corpora/statements";
  fs::create_directories(dir.path() / "gold");
  std::string sources;
  for (const char* name : kStatements) {
    sources += " " + Quote(corpora / (std::string(name) + ".md"));
    fs::copy_file(corpora / "gold" / (std::string(name) + ".json"),
                  dir.path() / "gold" / (std::string(name) + ".json"));
  }
  auto made = RunCommand(Quote(ACERVO_SOURCE_DIR "/tools/make-fixtures") + " " +
                         Quote(dir.path() / "pdf") + sources + " 2>&1");
  if (made.exit_code != 0) GTEST_SKIP() << "tools/make-fixtures could not run: " << made.output;

  auto eval =
      RunCommand(Quote(ACERVO_BINARY) + " eval --only es-amount --gold " +
                 Quote(dir.path() / "gold") + " --run --source " + Quote(dir.path() / "pdf") +
                 " --fail-under amounts=0.98 --fail-under amount_values=0.98 2>&1");
  EXPECT_EQ(eval.exit_code, 0) << eval.output;
}

}  // namespace
}  // namespace acervo
