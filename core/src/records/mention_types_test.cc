#include "records/mention_types.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace acervo {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

MentionTypeInfo Code() { return {"project_code", "project_codes", {"code"}, {"code", "kind"}}; }

TEST(MentionTypesTest, KeepsWhatPluginsDeclareAndSetsTheContractsApart) {
  MentionTypes types;
  ASSERT_TRUE(types.Add("es-date@1", {{"date", "dates", {"start", "end"}, {}}}).ok());
  ASSERT_TRUE(types.Add("codes@0.1", {Code()}).ok());
  ASSERT_TRUE(types.Add("codes-again@0.1", {Code()}).ok());  // the same declaration twice
  EXPECT_EQ(types.all().size(), 2u);
  EXPECT_EQ(types.ByField("project_codes"), types.ByName("project_code"));
  ASSERT_EQ(types.Extra().size(), 1u);
  EXPECT_EQ(types.Extra()[0]->name, "project_code");
}

TEST(MentionTypesTest, RefusesClashesNamingThePlugin) {
  MentionTypes types;
  ASSERT_TRUE(types.Add("a@1", {Code()}).ok());
  Status s = types.Add("b@1", {{"project_code", "codes", {"code"}, {}}});
  EXPECT_THAT(s.message(), HasSubstr("plugin b@1"));
  s = types.Add("c@1", {{"contract_code", "project_codes", {"code"}, {}}});
  EXPECT_THAT(s.message(), HasSubstr("both fill the record field \"project_codes\""));
  EXPECT_FALSE(types.Add("d@1", {{"heading", "title", {}, {}}}).ok());
  EXPECT_FALSE(types.Add("e@1", {{"odd", "Odd Field", {}, {}}}).ok());
  EXPECT_FALSE(types.Add("f@1", {{"", "things", {}, {}}}).ok());
}

TEST(MentionTypesTest, KeysAndColumnsComeFromTheDeclaration) {
  MentionTypeInfo code = Code();
  nlohmann::json v = {{"code", "CONV-2024-017"}, {"kind", "convenio"}, {"year", 2024}};
  EXPECT_EQ(MentionTypes::Key(code, v), "CONV-2024-017");
  EXPECT_EQ(MentionTypes::Key(code, {{"kind", "convenio"}}), "");  // no key field
  MentionTypeInfo whole{"tag", "tags", {}, {}};
  EXPECT_EQ(MentionTypes::Key(whole, "x"), "\"x\"");
  EXPECT_THAT(MentionTypes::ColumnNames(code),
              ElementsAre("project_codes.code", "project_codes.kind"));
  EXPECT_THAT(MentionTypes::ColumnNames(whole), ElementsAre("tags"));
}

TEST(DeclaredValuesTest, OnePerKeyAndAnEmptyListWhenNoneWasFound) {
  MentionTypes types;
  ASSERT_TRUE(types.Add("codes@0.1", {Code(), {"tag", "tags", {}, {}}}).ok());
  DeclaredValues values(types);
  values.Add("project_code", {{"code", "A-2024-1"}, {"kind", "convenio"}});
  values.Add("project_code", {{"code", "A-2024-1"}, {"kind", "otro"}});
  values.Add("date", {{"start", "2024"}});  // not a declared extra type: ignored
  Record record;
  values.WriteTo(&record);
  ASSERT_EQ(record.declared.size(), 2u);
  EXPECT_EQ(record.declared["project_codes"].size(), 1u);
  EXPECT_EQ(record.declared["project_codes"][0]["kind"], "convenio");
  EXPECT_EQ(record.declared["tags"], nlohmann::json::array());
  EXPECT_TRUE(record.dates.empty());
}

}  // namespace
}  // namespace acervo
