// store_engines.h — run one store contract test on every engine: a fixture parameterized by
// engine name ("sqlite", "postgresql") that gives each test a fresh, empty store location (a
// file in a temporary folder, or a new database on the test PostgreSQL server) and a way to
// run SQL behind the store's back, as another program would.
//
//   class MyTest : public test::StoreEngineTest {};
//   TEST_P(MyTest, Something) { auto store = OpenStore(); ... }
//   ACERVO_STORE_ENGINES(MyTest);
//
// Also SampleExtraction, a small document to store.
// A PostgreSQL test is skipped, with the reason, when the server binaries are not installed.
#ifndef ACERVO_TESTS_SUPPORT_STORE_ENGINES_H_
#define ACERVO_TESTS_SUPPORT_STORE_ENGINES_H_

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <memory>
#include <string>

#include "records/test_record.h"
#include "store/pg_connection.h"
#include "store/store.h"
#include "support/pg_test_server.h"
#include "test_util.h"

namespace acervo::test {

// A one-document extraction: two pages (the second OCR'd, with a mention), a warning, and
// `records` records needing review; its id is "sha256:<id>", its source "<id>.txt".
inline Extraction SampleExtraction(const std::string& id, int records) {
  Extraction x;
  x.pipeline = "test@1";
  x.document.info.id = "sha256:" + id;
  x.document.info.source = id + ".txt";
  Page page;
  page.text = "Texto de la página.";
  x.document.pages.push_back(page);
  page.number = 2;
  page.text = "El 3 de marzo la Secretaría de Salud invirtió $1.500,00.";
  page.ocr = true;
  x.document.pages.push_back(page);
  x.warnings.push_back("página 2: texto de OCR");
  PlacedMention m;
  m.type = "institution";
  m.text = "Secretaría de Salud";
  m.value = {{"name", "Secretaría de Salud"}};
  m.page = 2;
  m.start = 18;
  m.end = 37;
  m.confidence = 0.875;
  m.extractor = "es-institution@1";
  x.mentions.push_back(m);
  for (int i = 0; i < records; ++i) {
    x.records.push_back(test::RecordOf({{"id", "r-" + id + "-" + std::to_string(i)},
                                        {"kind", "evento"},
                                        {"confidence", 0.5},
                                        {"status", "needs_review"}}));
  }
  return x;
}

class StoreEngineTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (postgres()) {
      std::string why;
      PgTestServer* pg = PgTestServer::Get(&why);
      if (!pg) GTEST_SKIP() << why;
      location_ = pg->NewDatabase();
      ASSERT_FALSE(location_.empty()) << "cannot create a test database";
    } else {
      location_ = (dir_.path() / "s.db").string();
    }
  }

  bool postgres() const { return GetParam() == "postgresql"; }
  const std::string& location() const { return location_; }
  Result<std::unique_ptr<Store>> OpenStore() { return Store::Open(location_); }

  // Runs `sql` on the store directly, as another program would; the engine's error ("" ok).
  std::string RawExec(const std::string& sql) const {
    if (postgres()) {
      auto db = store::PgConnection::Connect(location_);
      if (!db.ok()) return db.status().message();
      return (*db)->Script(sql).message();
    }
    sqlite3* db;
    sqlite3_open(location_.c_str(), &db);
    char* err = nullptr;
    sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    std::string msg = err ? err : "";
    sqlite3_free(err);
    sqlite3_close(db);
    return msg;
  }

  TempDir dir_;
  std::string location_;
};

}  // namespace acervo::test

// Instantiates the TEST_Ps of `suite` once per store engine.
#define ACERVO_STORE_ENGINES(suite)                                                   \
  INSTANTIATE_TEST_SUITE_P(Engines, suite, ::testing::Values("sqlite", "postgresql"), \
                           [](const ::testing::TestParamInfo<std::string>& i) { return i.param; })

#endif  // ACERVO_TESTS_SUPPORT_STORE_ENGINES_H_
