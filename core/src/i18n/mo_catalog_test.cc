#include "i18n/mo_catalog.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace acervo {
namespace {

// A little-endian .mo image of `entries` (msgid, msgstr), as msgfmt lays it out.
std::string MoImage(const std::vector<std::pair<std::string, std::string>>& entries) {
  auto word = [](std::string* out, uint32_t v) {
    for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>(v >> (8 * i)));
  };
  uint32_t n = static_cast<uint32_t>(entries.size());
  uint32_t originals = 28, translations = originals + 8 * n, strings = translations + 8 * n;
  std::string head, tables_o, tables_t, data;
  for (const auto& [id, str] : entries) {
    word(&tables_o, static_cast<uint32_t>(id.size()));
    word(&tables_o, strings + static_cast<uint32_t>(data.size()));
    data += id + '\0';
  }
  for (const auto& [id, str] : entries) {
    word(&tables_t, static_cast<uint32_t>(str.size()));
    word(&tables_t, strings + static_cast<uint32_t>(data.size()));
    data += str + '\0';
  }
  for (uint32_t v : {0x950412deu, 0u, n, originals, translations, 0u, 0u}) word(&head, v);
  return head + tables_o + tables_t + data;
}

TEST(MoCatalogTest, ReadsSingularAndPluralEntries) {
  std::string image = MoImage(
      {{"", "Content-Type: text/plain; charset=UTF-8\n"},
       {"Store file", "Archivo del almacén"},
       {std::string("{} record\0{} records", 20), std::string("{} registro\0{} registros", 24)}});
  Result<MoCatalog> c = MoCatalog::Parse(image, "test.mo");
  ASSERT_TRUE(c.ok()) << c.status().message();
  ASSERT_NE(c->Find("Store file"), nullptr);
  EXPECT_EQ(*c->Find("Store file"), "Archivo del almacén");
  EXPECT_EQ(c->Find("missing"), nullptr);
  EXPECT_EQ(c->Find(""), nullptr);  // the header is not a message
  ASSERT_NE(c->FindPlural("{} record", 1), nullptr);
  EXPECT_EQ(*c->FindPlural("{} record", 1), "{} registros");
  EXPECT_EQ(*c->FindPlural("{} record", 0), "{} registro");
  EXPECT_EQ(c->FindPlural("{} record", 2), nullptr);
}

TEST(MoCatalogTest, RejectsDamagedFilesWithTheirName) {
  Result<MoCatalog> bad = MoCatalog::Parse("not a catalog", "bad.mo");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("bad.mo"), std::string::npos);
  std::string image = MoImage({{"a", "b"}});
  image.resize(40);  // the strings cut off
  EXPECT_FALSE(MoCatalog::Parse(image, "cut.mo").ok());
  EXPECT_FALSE(MoCatalog::Parse(image.substr(0, 10), "short.mo").ok());
}

}  // namespace
}  // namespace acervo
