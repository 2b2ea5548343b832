#include "i18n/language.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace acervo {
namespace {

Language With(std::map<std::string, std::string> env) {
  return LanguageFromEnvironment([env = std::move(env)](const char* name) -> const char* {
    auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  });
}

TEST(LanguageTest, SpanishWhenTheLocaleIsSpanishEvenIfNotGenerated) {
  EXPECT_EQ(With({{"LANG", "es_MX.UTF-8"}}), Language::kSpanish);
  EXPECT_EQ(With({{"LANG", "es_CO"}}), Language::kSpanish);
  EXPECT_EQ(With({{"LANG", "C"}}), Language::kEnglish);
  EXPECT_EQ(With({{"LANG", "C.UTF-8"}}), Language::kEnglish);
  EXPECT_EQ(With({{"LANG", "en_US.UTF-8"}}), Language::kEnglish);
  EXPECT_EQ(With({}), Language::kEnglish);
}

TEST(LanguageTest, FollowsGettextPrecedence) {
  EXPECT_EQ(With({{"LC_ALL", "C"}, {"LANG", "es_MX.UTF-8"}}), Language::kEnglish);
  EXPECT_EQ(With({{"LC_MESSAGES", "es_AR.UTF-8"}, {"LANG", "en_US"}}), Language::kSpanish);
  EXPECT_EQ(With({{"LC_ALL", ""}, {"LANG", "es_MX"}}), Language::kSpanish);  // empty = unset
  EXPECT_EQ(With({{"LANGUAGE", "fr:es:en"}, {"LANG", "en_US"}}), Language::kSpanish);
  EXPECT_EQ(With({{"LANGUAGE", "en"}, {"LANG", "es_MX"}}), Language::kEnglish);
  EXPECT_EQ(With({{"ACERVO_LANG", "en"}, {"LANG", "es_MX"}}), Language::kEnglish);
  EXPECT_EQ(With({{"ACERVO_LANG", "es"}, {"LC_ALL", "C"}}), Language::kSpanish);
}

TEST(LanguageTest, LanguageIsIgnoredInThePlainCLocaleButNotInCUtf8) {
  EXPECT_EQ(With({{"LANGUAGE", "es"}, {"LC_ALL", "C"}}), Language::kEnglish);
  EXPECT_EQ(With({{"LANGUAGE", "es"}, {"LANG", "POSIX"}}), Language::kEnglish);
  EXPECT_EQ(With({{"LANGUAGE", "es"}, {"LANG", "C.UTF-8"}}), Language::kSpanish);
  EXPECT_EQ(With({{"LANGUAGE", "es"}}), Language::kSpanish);
}

}  // namespace
}  // namespace acervo
