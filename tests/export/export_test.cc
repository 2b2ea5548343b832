// Export and report over a known store: every exported record validates against
// schemas/record.schema.json, reviewers' corrections are applied, money is summed exactly
// and per currency, and the filters (--reviewed-only, --since) select what they say.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <sstream>

#include "export/effective_records.h"
#include "export/exporter.h"
#include "export/report.h"
#include "export/summary.h"
#include "i18n/local_format.h"
#include "records/test_record.h"
#include "review/reviews.h"
#include "schema_validator.h"
#include "store/store.h"
#include "test_util.h"

namespace acervo::exporting {
namespace {

using nlohmann::json;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

json Schema() {
  std::ifstream in(ACERVO_SOURCE_DIR "/schemas/record.schema.json");
  return json::parse(in);
}

json Amount(const char* value, json currency, const char* role = nullptr,
            bool approximate = false) {
  return {{"amount", value},
          {"currency", currency},
          {"approximate", approximate},
          {"role", role ? json(role) : json()}};
}

json Record(const std::string& id, const char* kind, json dates, json amounts,
            json ods = json::array(), json institutions = json::array(),
            const char* status = "auto") {
  return {{"id", id},
          {"kind", kind},
          {"title", "Actividad " + id},
          {"anchor", "Actividad"},
          {"text", "Texto de la actividad."},
          {"page_start", 1},
          {"page_end", 1},
          {"form", "paragraph"},
          {"dates", dates},
          {"amounts", amounts},
          {"institutions", institutions},
          {"ods", ods},
          {"confidence", status == std::string("auto") ? 0.9 : 0.4},
          {"status", status}};
}

json Day(const char* start) { return json::array({{{"start", start}, {"end", start}}}); }

Extraction Document(const std::string& hex_digit, const std::string& source, json records) {
  Extraction x;
  x.pipeline = "test@1";
  x.document.info.id = "sha256:" + std::string(64, hex_digit[0]);
  x.document.info.source = source;
  Page page;
  page.number = 1;
  page.text = "Texto de la página.";
  x.document.pages.push_back(page);
  for (const json& r : records) x.records.push_back(test::RecordOf(r));
  return x;
}

// Two documents, six records: contributions in MXN, a USD record whose stated total must
// replace its parts, EUR cents that floating point would get wrong, an amount without a
// currency, a COP record a reviewer rejects, and an MXN amount a reviewer corrects.
class KnownStore : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Store::Open(dir_.path() / "known.db");
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    store_ = std::move(*opened);
    json a = json::array(
        {Record("r-1", "financiamiento", Day("2024-03-05"),
                {Amount("1500000.50", "MXN", "aporte"), Amount("250000", "MXN", "contrapartida")},
                {{{"goal", 11}, {"explicit", true}}, {{"goal", 13}, {"explicit", false}}},
                {{{"name", "Agencia Francesa de Desarrollo"}, {"acronym", "AFD"}}}),
         Record("r-2", "financiamiento", Day("2024-03"),
                {Amount("100", "USD", "aporte"), Amount("200", "USD", "contrapartida"),
                 Amount("300", "USD", "total")},
                {{{"goal", 13}, {"explicit", true}}},
                {{{"name", "Agencia Francesa de Desarrollo"}, {"acronym", "AFD"}},
                 {{"name", "Gobierno <de> la \"Ciudad\""}, {"acronym", nullptr}}}),
         Record("r-3", "evento", Day("2023-11-20"),
                {Amount("0.10", "EUR", nullptr, true), Amount("0.20", "EUR")}, json::array(),
                json::array(), "needs_review"),
         Record("r-4", "evento", Day("2024-01-10"), {Amount("999", "COP")}, json::array(),
                json::array(), "needs_review"),
         Record("r-5", "reunion", json::array(), {Amount("5", nullptr)}, json::array(),
                json::array(), "needs_review")});
    json b =
        json::array({Record("r-6", "capacitacion", Day("2024-05-02"), {Amount("1000000", "MXN")})});
    doc_a_ = a;
    ASSERT_TRUE(store_->PutExtraction(Document("a", "a.txt", a)).ok());
    ASSERT_TRUE(store_->PutExtraction(Document("b", "b.txt", b)).ok());

    review::Reviews reviews(store_.get());
    review::Decision reject{"r-4", -1, "ana", "no es una actividad", {{"reject", nullptr}}};
    ASSERT_TRUE(reviews.Save(reject).ok());
    review::Decision fix{"r-6", -1, "luis", "", {{"amounts/0/amount", "2000000"}}};
    auto saved = reviews.Save(fix);
    ASSERT_TRUE(saved.ok()) << saved.status().message();
  }

  std::string Export(ExportFormat format, const EffectiveFilter& filter = {}) {
    std::ostringstream out;
    Status s = ExportRecords(store_.get(), filter, format, out);
    EXPECT_TRUE(s.ok()) << s.message();
    return out.str();
  }

  std::vector<json> Lines(const std::string& jsonl) {
    std::vector<json> out;
    std::istringstream in(jsonl);
    for (std::string line; std::getline(in, line);) out.push_back(json::parse(line));
    return out;
  }

  std::vector<std::string> Ids(const std::vector<json>& records) {
    std::vector<std::string> out;
    for (const json& r : records) out.push_back(r["id"]);
    return out;
  }

  // Re-extracts document a as a newer pipeline would that no longer finds record `gone`.
  void ReextractWithout(const std::string& gone) {
    json kept = json::array();
    for (const json& r : doc_a_) {
      if (r["id"] != gone) kept.push_back(r);
    }
    ASSERT_TRUE(store_->PutExtraction(Document("a", "a.txt", kept)).ok());
    ASSERT_TRUE(review::FlagOrphanedReviews(store_.get(), "sha256:" + std::string(64, 'a')).ok());
  }

  test::TempDir dir_;
  std::unique_ptr<Store> store_;
  json doc_a_;
};

TEST(SchemaValidatorTest, RejectsWhatTheSchemaForbids) {
  json schema = Schema();
  json good = Record("r-9", "evento", Day("2024-02"), {Amount("12.5", "MXN")});
  good["document_id"] = "sha256:" + std::string(64, 'c');
  good["source"] = "c.txt";
  EXPECT_THAT(test::Validate(schema, good), IsEmpty());

  json bad = good;
  bad["kind"] = "fiesta";
  bad["amounts"][0]["amount"] = "12,5";
  bad["ods"] = {{{"goal", 18}, {"explicit", true}}};
  bad["surprise"] = 1;
  bad.erase("status");
  EXPECT_EQ(test::Validate(schema, bad).size(), 5u);
}

TEST_F(KnownStore, EveryExportedRecordValidatesAgainstTheSchema) {
  json schema = Schema();
  std::vector<json> records = Lines(Export(ExportFormat::kJsonLines));
  ASSERT_EQ(records.size(), 5u);
  for (const json& r : records) {
    EXPECT_THAT(test::Validate(schema, r), IsEmpty()) << r.dump();
  }
  json array = json::parse(Export(ExportFormat::kJson));
  ASSERT_TRUE(array.is_array());
  EXPECT_EQ(array.size(), 5u);
  for (const json& r : array) EXPECT_THAT(test::Validate(schema, r), IsEmpty()) << r.dump();
}

TEST_F(KnownStore, ExportsTheReviewedValuesAndLeavesRejectedRecordsOut) {
  std::vector<json> records = Lines(Export(ExportFormat::kJsonLines));
  EXPECT_THAT(Ids(records), ElementsAre("r-1", "r-2", "r-3", "r-5", "r-6"));
  const json& fixed = records.back();
  EXPECT_EQ(fixed["amounts"][0]["amount"], "2000000");
  EXPECT_EQ(fixed["status"], "reviewed");
  EXPECT_EQ(fixed["reviewed_by"], "luis");
  EXPECT_EQ(fixed["source"], "b.txt");
}

TEST_F(KnownStore, AReviewedRecordTheNewExtractionLacksIsExportedAsReviewedAndFlagged) {
  review::Reviews reviews(store_.get());
  review::Decision fix{
      "r-3", 0, "eva", "", {{"amounts/0/amount", "0.15"}, {"kind", "capacitacion"}}};
  ASSERT_TRUE(reviews.Save(fix).ok());
  ReextractWithout("r-3");
  ASSERT_TRUE(reviews.Get("r-3")->orphaned);

  // After its document's other records, with the reviewer's values, valid against the schema.
  std::vector<json> records = Lines(Export(ExportFormat::kJsonLines));
  EXPECT_THAT(Ids(records), ElementsAre("r-1", "r-2", "r-5", "r-3", "r-6"));
  const json& orphan = records[3];
  EXPECT_EQ(orphan["orphaned"], true);
  EXPECT_EQ(orphan["status"], "reviewed");
  EXPECT_EQ(orphan["reviewed_by"], "eva");
  EXPECT_EQ(orphan["kind"], "capacitacion");
  EXPECT_EQ(orphan["amounts"][0]["amount"], "0.15");
  EXPECT_EQ(orphan["amounts"][1]["amount"], "0.20");
  EXPECT_EQ(orphan["document_id"], "sha256:" + std::string(64, 'a'));
  EXPECT_EQ(orphan["source"], "a.txt");
  EXPECT_FALSE(records[2].contains("orphaned"));
  json schema = Schema();
  for (const json& r : records) EXPECT_THAT(test::Validate(schema, r), IsEmpty()) << r.dump();
  EXPECT_EQ(json::parse(Export(ExportFormat::kJson))[3], orphan);

  // CSV: the last column says so.
  std::istringstream csv(Export(ExportFormat::kCsv));
  std::vector<std::string> rows;
  for (std::string row; std::getline(csv, row);) rows.push_back(row);
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_THAT(rows[0], ::testing::EndsWith(",reviewed_at,orphaned\r"));
  EXPECT_THAT(rows[4], ::testing::StartsWith("r-3,"));
  EXPECT_THAT(rows[4], ::testing::EndsWith(",reviewed,eva," +
                                           orphan["reviewed_at"].get<std::string>() + ",true\r"));
  EXPECT_THAT(rows[3], ::testing::EndsWith(",\r"));
  EffectiveFilter reviewed;
  reviewed.reviewed_only = true;
  EXPECT_THAT(Ids(Lines(Export(ExportFormat::kJsonLines, reviewed))), ElementsAre("r-3", "r-6"));

  // The report counts it, and its reviewed money: EUR 0.15 + 0.20.
  auto s = Summarize(store_.get());
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->records, 5);
  EXPECT_EQ(s->orphaned, 1);
  EXPECT_EQ(s->money.at("EUR").ToString(), "0.35");
  std::ostringstream text;
  RenderTextReport(*s, {"known.db", 50}, text);
  EXPECT_THAT(text.str(), HasSubstr("no longer found by the latest extraction"));

  // With its review undone nothing is left of it to export.
  std::vector<review::Change> undo_all;
  auto current = reviews.Get("r-3");
  ASSERT_TRUE(current.ok());
  for (const review::Correction& c : current->corrections) {
    undo_all.push_back({"undo:" + std::to_string(c.id), nullptr});
  }
  auto undo = reviews.Save({"r-3", -1, "eva", "", undo_all});
  ASSERT_TRUE(undo.ok()) << undo.status().message();
  EXPECT_THAT(Ids(Lines(Export(ExportFormat::kJsonLines))),
              ElementsAre("r-1", "r-2", "r-5", "r-6"));
}

TEST_F(KnownStore, AnOrphanAReviewerRejectedStaysOut) {
  review::Reviews reviews(store_.get());
  ASSERT_TRUE(reviews.Save({"r-5", 0, "eva", "", {{"reject", nullptr}}}).ok());
  ReextractWithout("r-5");
  EXPECT_THAT(Ids(Lines(Export(ExportFormat::kJsonLines))),
              ElementsAre("r-1", "r-2", "r-3", "r-6"));
  EffectiveCounts counts;
  std::ostringstream out;
  ASSERT_TRUE(ExportRecords(store_.get(), {}, ExportFormat::kJsonLines, out, &counts).ok());
  EXPECT_EQ(counts.skipped, 2);  // r-4 and r-5, both rejected
  EXPECT_EQ(counts.orphaned, 0);
}

TEST_F(KnownStore, AnEmptyJsonExportIsAnEmptyArray) {
  EffectiveFilter none;
  none.stored_since = "2999-01-01";
  EXPECT_EQ(json::parse(Export(ExportFormat::kJson, none)), json::array());
  EXPECT_THAT(Export(ExportFormat::kJsonLines, none), IsEmpty());
}

TEST_F(KnownStore, CsvHasOneRowPerRecordWithParallelAmountColumns) {
  std::string csv = Export(ExportFormat::kCsv);
  std::vector<std::string> rows;
  std::istringstream in(csv);
  for (std::string row; std::getline(in, row);) rows.push_back(row);
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[0],
            "id,document_id,source,kind,title,anchor,page_start,page_end,dates,amounts,"
            "currencies,roles,approximate,institutions,ods,confidence,status,reviewed_by,"
            "reviewed_at,orphaned\r");
  EXPECT_THAT(rows[1], HasSubstr(",2024-03-05/2024-03-05,1500000.50 | 250000,MXN | MXN,"
                                 "aporte | contrapartida,false | false,"
                                 "Agencia Francesa de Desarrollo,11 | 13*,"));
  // A field with a quote is quoted, its quotes doubled.
  EXPECT_THAT(rows[2], HasSubstr(",\"Agencia Francesa de Desarrollo | Gobierno <de> la "
                                 "\"\"Ciudad\"\"\","));
  EXPECT_THAT(rows[4], HasSubstr(",5,,,false,"));  // no currency, no role
  EXPECT_THAT(rows[5], HasSubstr(",reviewed,luis,"));
}

TEST_F(KnownStore, ReviewedOnlyKeepsRecordsAReviewerDecided) {
  EffectiveFilter reviewed;
  reviewed.reviewed_only = true;
  EXPECT_THAT(Ids(Lines(Export(ExportFormat::kJsonLines, reviewed))), ElementsAre("r-6"));
}

TEST_F(KnownStore, SinceSelectsByTheDayTheDocumentWasStored) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(store_->location().c_str(), &db), SQLITE_OK);  // as another program would
  sqlite3_exec(db,
               "UPDATE documents SET stored_at = '2031-06-01T10:00:00Z' WHERE source = 'b.txt';"
               "UPDATE documents SET stored_at = '2031-05-31T23:59:59Z' WHERE source = 'a.txt';",
               nullptr, nullptr, nullptr);
  sqlite3_close(db);
  EffectiveFilter since;
  since.stored_since = "2031-06-01";
  EXPECT_THAT(Ids(Lines(Export(ExportFormat::kJsonLines, since))), ElementsAre("r-6"));
  since.stored_since = "2031-05-31";
  EXPECT_EQ(Lines(Export(ExportFormat::kJsonLines, since)).size(), 5u);

  std::ostringstream out;
  since.stored_since = "2031-02-30";
  EXPECT_EQ(ExportRecords(store_.get(), since, ExportFormat::kJsonLines, out).code(),
            Code::kInvalidArgument);
}

TEST_F(KnownStore, SumsMoneyExactlyAndPerCurrency) {
  auto s = Summarize(store_.get());
  ASSERT_TRUE(s.ok()) << s.status().message();
  std::map<std::string, std::string> money;
  for (const auto& [currency, sum] : s->money) money[currency] = sum.Canonical().ToString();
  // MXN: 1500000.50 + 250000 + 2000000 (the reviewed value, not the extracted 1000000).
  // USD: the stated total 300, not 100 + 200 + 300. EUR: 0.10 + 0.20, exactly.
  // COP: only in the rejected record. "": the amount without a currency, kept apart.
  EXPECT_EQ(money, (std::map<std::string, std::string>{
                       {"", "5"}, {"EUR", "0.3"}, {"MXN", "3750000.5"}, {"USD", "300"}}));
  EXPECT_EQ(s->documents, 2);
  EXPECT_EQ(s->pages, 2);
  EXPECT_EQ(s->records, 5);
  EXPECT_EQ(s->excluded, 1);
  EXPECT_EQ(s->needs_review, 2);
  EXPECT_EQ(s->reviewed, 1);
  EXPECT_EQ(s->approximate_amounts, 1);
  EXPECT_EQ(s->by_kind.at("financiamiento").records, 2);
  EXPECT_EQ(s->by_year.at("2024").records, 3);
  EXPECT_EQ(s->by_year.at("2023").records, 1);
  EXPECT_EQ(s->by_year.at("").records, 1);
  EXPECT_EQ(s->by_month.at("2024-03").records, 2);
  EXPECT_EQ(s->by_goal.at(13).money.at("MXN").Canonical().ToString(), "1750000.5");
  EXPECT_EQ(s->by_goal.at(13).money.at("USD").ToString(), "300");
  EXPECT_EQ(s->by_goal.count(11), 1u);
  EXPECT_EQ(s->by_institution.at("Agencia Francesa de Desarrollo").records, 2);
}

TEST_F(KnownStore, ReportsNameTheSumsAndEscapeTheText) {
  auto s = Summarize(store_.get());
  ASSERT_TRUE(s.ok());
  std::ostringstream text, html;
  RenderTextReport(*s, {"known.db", 50}, text);
  EXPECT_THAT(text.str(), HasSubstr("MXN: 3,750,000.5"));
  EXPECT_THAT(text.str(), HasSubstr("Records: 5 (2 awaiting review, 1 reviewed;"));
  RenderHtmlReport(*s, {"known.db", 50}, html);
  EXPECT_THAT(html.str(), HasSubstr("Gobierno &lt;de&gt; la &quot;Ciudad&quot;"));
  EXPECT_THAT(html.str(), Not(HasSubstr("<de>")));
  EXPECT_THAT(html.str(), HasSubstr("<svg"));
  EXPECT_THAT(html.str(), Not(HasSubstr("<script")));
  EXPECT_THAT(html.str(), Not(HasSubstr("http://")));
}

TEST(SignedAmounts, ANegativeModificationReducesTheTotalAndExportsWithItsSign) {
  test::TempDir dir;
  auto opened = Store::Open(dir.path() / "signed.db");
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  std::unique_ptr<Store> store = std::move(*opened);
  json records =
      json::array({Record("r-1", "financiamiento", Day("2024-12"),
                          {Amount("5283000000.00", "CLP"), Amount("-1250000.50", "CLP")})});
  ASSERT_TRUE(store->PutExtraction(Document("d", "d.txt", records)).ok());

  auto s = Summarize(store.get());
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->money.at("CLP").ToString(), "5281749999.50");
  EXPECT_EQ(s->unreadable_amounts, 0);

  std::ostringstream jsonl, csv;
  ASSERT_TRUE(ExportRecords(store.get(), {}, ExportFormat::kJsonLines, jsonl).ok());
  json exported = json::parse(jsonl.str());
  EXPECT_EQ(exported["amounts"][1]["amount"], "-1250000.50");
  EXPECT_THAT(test::Validate(Schema(), exported), IsEmpty()) << exported.dump();
  ASSERT_TRUE(ExportRecords(store.get(), {}, ExportFormat::kCsv, csv).ok());
  EXPECT_THAT(csv.str(), HasSubstr("5283000000.00 | -1250000.50"));
}

TEST(LocalNumberTest, GroupsTheIntegerPartOnly) {
  EXPECT_EQ(LocalNumber("3750000.5"), "3,750,000.5");
  EXPECT_EQ(LocalNumber("-1234"), "-1,234");
  EXPECT_EQ(LocalNumber("999"), "999");
  EXPECT_EQ(LocalNumber("0.12345"), "0.12345");
}

}  // namespace
}  // namespace acervo::exporting
