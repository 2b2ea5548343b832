#include "i18n/local_format.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "i18n/i18n.h"

namespace acervo {
namespace {

// The catalogs compiled into the build tree (po/CMakeLists.txt).
class LocalFormatTest : public ::testing::Test {
 protected:
  void SetUp() override { setenv("ACERVO_LOCALE_DIR", ACERVO_BINARY_DIR "/locale", 1); }
  void TearDown() override { SetLanguage(Language::kEnglish); }
};

TEST_F(LocalFormatTest, English) {
  SetLanguage(Language::kEnglish);
  EXPECT_EQ(LocalNumber("1250000.50"), "1,250,000.50");
  EXPECT_EQ(LocalNumber("-1234"), "-1,234");
  EXPECT_EQ(LocalNumber(int64_t{1000}), "1,000");
  EXPECT_EQ(LocalDate("2024-03-03"), "March 3, 2024");
  EXPECT_EQ(LocalDate("2024-11"), "November 2024");
  EXPECT_EQ(LocalDate("2024"), "2024");
}

TEST_F(LocalFormatTest, Spanish) {
  SetLanguage(Language::kSpanish);
  EXPECT_EQ(LocalNumber("1250000.50"), "1.250.000,50");
  EXPECT_EQ(LocalNumber("999.5"), "999,5");
  EXPECT_EQ(LocalDate("2024-03-03"), "3 de marzo de 2024");
  EXPECT_EQ(LocalDate("2024-11"), "noviembre de 2024");
  EXPECT_EQ(_("Store: a SQLite file or a postgresql:// URI (default: $ACERVO_STORE, else "
              "./acervo.db)"),
            std::string("Almacén: un archivo SQLite o un URI postgresql:// (por omisión: "
                        "$ACERVO_STORE, si no ./acervo.db)"));
}

TEST_F(LocalFormatTest, LeavesAnythingElseAlone) {
  SetLanguage(Language::kSpanish);
  EXPECT_EQ(LocalNumber("1e5"), "1e5");
  EXPECT_EQ(LocalNumber(""), "");
  EXPECT_EQ(LocalNumber("12.3.4"), "12.3.4");
  EXPECT_EQ(LocalDate("2024-13"), "2024-13");
  EXPECT_EQ(LocalDate("sometime"), "sometime");
}

}  // namespace
}  // namespace acervo
