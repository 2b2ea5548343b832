// The Store contract (store.h), run on every engine: SQLite and PostgreSQL.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "store/store.h"
#include "support/store_engines.h"

namespace acervo {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class StoreContractTest : public test::StoreEngineTest {
 protected:
  std::unique_ptr<Store> Open() {
    auto store = OpenStore();
    EXPECT_TRUE(store.ok()) << store.status().message();
    return store.ok() ? std::move(*store) : nullptr;
  }
};

int64_t Count(Store& s, const char* table) { return *s.Count(table); }

TEST_P(StoreContractTest, StoringTheSameDocumentTwiceKeepsOneCopy) {
  auto store = Open();
  ASSERT_TRUE(store);
  EXPECT_EQ(store->schema_version(), kStoreSchemaVersion);
  ASSERT_TRUE(store->PutExtraction(test::SampleExtraction("aaa", 2)).ok());
  ASSERT_TRUE(store->PutExtraction(test::SampleExtraction("aaa", 3)).ok());
  EXPECT_EQ(Count(*store, "documents"), 1);
  EXPECT_EQ(Count(*store, "pages"), 2);
  EXPECT_EQ(Count(*store, "records"), 3);
  EXPECT_TRUE(*store->HasDocument("sha256:aaa", "test@1"));
  EXPECT_FALSE(*store->HasDocument("sha256:aaa", "test@2"));
  EXPECT_FALSE(*store->HasDocument("sha256:bbb"));
  EXPECT_FALSE(store->Count("sqlite_master").ok());
}

TEST_P(StoreContractTest, AFailedTransactionStoresNothing) {
  auto store = Open();
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->PutExtraction(test::SampleExtraction("aaa", 2)).ok());
  Status s = store->Transact([&]() -> Status {
    ACERVO_RETURN_IF_ERROR(store->PutFailure({"bad.pdf", "abc", "corrupt", "truncated", ""}));
    Correction c{0, "r-aaa-0", "kind", "evento", "reunion", "ana", "2026-01-01T00:00:00Z", ""};
    ACERVO_RETURN_IF_ERROR(store->AppendCorrection(c).status());
    return IoError("the worker died");
  });
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("the worker died"));
  EXPECT_EQ(Count(*store, "failures"), 0);
  EXPECT_EQ(Count(*store, "corrections"), 0);
  // The store works after it.
  ASSERT_TRUE(store->PutExtraction(test::SampleExtraction("bbb", 1)).ok());
  EXPECT_EQ(Count(*store, "documents"), 2);
}

TEST_P(StoreContractTest, GivesBackDocumentsPagesAndMentionsAsStored) {
  auto store = Open();
  ASSERT_TRUE(store);
  Extraction x = test::SampleExtraction("aaa", 1);
  ASSERT_TRUE(store->PutExtraction(x).ok());

  Result<Document> d = store->LoadDocument("sha256:aaa");
  ASSERT_TRUE(d.ok()) << d.status().message();
  ASSERT_EQ(d->pages.size(), 2u);
  EXPECT_EQ(d->pages[1].text, x.document.pages[1].text);
  EXPECT_TRUE(d->pages[1].ocr);
  EXPECT_EQ(store->LoadDocument("sha256:zzz").status().code(), Code::kNotFound);

  auto pages = store->LoadPages("sha256:aaa", 2, 9);
  ASSERT_TRUE(pages.ok());
  ASSERT_EQ(pages->size(), 1u);
  EXPECT_EQ(pages->at(2).text, x.document.pages[1].text);

  auto mentions = store->MentionsOnPage("sha256:aaa", 2);
  ASSERT_TRUE(mentions.ok());
  ASSERT_EQ(mentions->size(), 1u);
  EXPECT_EQ((*mentions)[0].start, 18u);
  EXPECT_EQ((*mentions)[0].end, 37u);
  EXPECT_EQ((*mentions)[0].type, "institution");
  EXPECT_EQ(*store->MentionValues("institution", "name"),
            std::vector<std::string>{"Secretaría de Salud"});

  std::vector<std::string> docs, warnings;
  ASSERT_TRUE(store
                  ->ForEachDocument([&](const std::string& id, const std::string& pipeline,
                                        const std::string& source) {
                    docs.push_back(id + " " + pipeline + " " + source);
                  })
                  .ok());
  EXPECT_THAT(docs, ElementsAre("sha256:aaa test@1 aaa.txt"));
  ASSERT_TRUE(store
                  ->ForEachDocumentWarning([&](const std::string& source, const std::string& w) {
                    warnings.push_back(source + ": " + w);
                  })
                  .ok());
  EXPECT_THAT(warnings, ElementsAre("aaa.txt: página 2: texto de OCR"));
}

TEST_P(StoreContractTest, ListsRecordsInOrderAndFailures) {
  auto store = Open();
  ASSERT_TRUE(store);
  Extraction x = test::SampleExtraction("bbb", 3);
  x.records[1].status = "auto";
  x.records[2].confidence = 0.25;
  ASSERT_TRUE(store->PutExtraction(x).ok());
  ASSERT_TRUE(store->PutExtraction(test::SampleExtraction("aaa", 1)).ok());
  std::vector<std::string> ids;
  ASSERT_TRUE(
      store->ForEachRecord({true, ""}, [&](const nlohmann::json& r) { ids.push_back(r["id"]); })
          .ok());
  EXPECT_THAT(ids, ElementsAre("r-bbb-2", "r-aaa-0", "r-bbb-0"));  // by confidence, then id
  ids.clear();
  ASSERT_TRUE(store
                  ->ForEachRecord({false, ""},
                                  [&](const nlohmann::json& r) {
                                    ids.push_back(r["id"].get<std::string>() + "@" +
                                                  r["source"].get<std::string>());
                                  })
                  .ok());
  EXPECT_THAT(
      ids, ElementsAre("r-aaa-0@aaa.txt", "r-bbb-0@bbb.txt", "r-bbb-1@bbb.txt", "r-bbb-2@bbb.txt"));

  ASSERT_TRUE(store->PutFailure({"bad.pdf", "abc", "corrupt", "bad.pdf: truncated", ""}).ok());
  ASSERT_TRUE(store->PutFailure({"bad.pdf", "abc", "corrupt", "bad.pdf: still bad", ""}).ok());
  EXPECT_TRUE(*store->HasFailure("abc"));
  std::vector<std::string> failed;
  ASSERT_TRUE(store->ForEachFailure([&](const Failure& f) { failed.push_back(f.message); }).ok());
  EXPECT_THAT(failed, ElementsAre("bad.pdf: still bad"));
  // Storing the bytes later clears their failure.
  Extraction fixed = test::SampleExtraction("abc", 1);
  fixed.document.info.source = "bad.pdf";
  ASSERT_TRUE(store->PutExtraction(fixed).ok());
  EXPECT_FALSE(*store->HasFailure("abc"));
}

// More records than one batch of a streamed read (PgConnection::ForEachBatch reads 500 at a
// time), with a record's corrections straddling two batches: every record once, in order,
// with all its corrections; and the records awaiting review counted without reading them.
TEST_P(StoreContractTest, ReadsEveryRecordOfALargeStoreInOrderWithItsCorrections) {
  auto store = Open();
  ASSERT_TRUE(store);
  constexpr int kRecords = 1203;
  Extraction x = test::SampleExtraction("big", kRecords);
  x.records[7].status = "auto";
  ASSERT_TRUE(store->PutExtraction(x).ok());
  EXPECT_EQ(*store->CountNeedingReview(), kRecords - 1);
  for (int i = 0; i < 3; ++i) {
    Correction c{0, "r-big-498", "kind", "evento", "reunion", "ana", "2026-01-01T00:00:00Z", ""};
    ASSERT_TRUE(store->AppendCorrection(c).ok());
  }
  std::vector<std::string> expected, seen;
  for (int i = 0; i < kRecords; ++i) expected.push_back("r-big-" + std::to_string(i));
  std::map<std::string, size_t> corrections;
  ASSERT_TRUE(store
                  ->ForEachRecordWithCorrections(
                      "",
                      [&](const StoredRecord& r, const std::vector<Correction>& found) {
                        seen.push_back(r.id);
                        corrections[r.id] = found.size();
                      })
                  .ok());
  EXPECT_EQ(seen, expected);
  EXPECT_EQ(corrections["r-big-498"], 3u);
  EXPECT_EQ(corrections["r-big-499"], 0u);
  seen.clear();
  ASSERT_TRUE(
      store->ForEachRecord({false, ""}, [&](const nlohmann::json& r) { seen.push_back(r["id"]); })
          .ok());
  EXPECT_EQ(seen, expected);
}

TEST_P(StoreContractTest, CorrectionsAreAppendOnlyAndSurviveReextraction) {
  auto store = Open();
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->PutExtraction(test::SampleExtraction("aaa", 1)).ok());
  EXPECT_EQ(RawExec("INSERT INTO corrections(record_id, field, before, after, reviewer, at) "
                    "VALUES('r-aaa-0', 'kind', '\"evento\"', '\"reunion\"', 'ana', 'now')"),
            "");
  EXPECT_THAT(RawExec("UPDATE corrections SET after = 'otro'"), HasSubstr("append-only"));
  EXPECT_THAT(RawExec("DELETE FROM corrections"), HasSubstr("append-only"));
  Correction c{0, "r-aaa-0", "confidence", 0.5, 0.9, "luis", "2026-01-02T00:00:00Z", "ok"};
  Result<int64_t> id = store->AppendCorrection(c);
  ASSERT_TRUE(id.ok()) << id.status().message();
  ASSERT_TRUE(store->PutExtraction(test::SampleExtraction("aaa", 1)).ok());
  EXPECT_EQ(Count(*store, "corrections"), 2);
  auto of = store->CorrectionsOf("r-aaa-0");
  ASSERT_TRUE(of.ok());
  ASSERT_EQ(of->size(), 2u);
  EXPECT_EQ((*of)[0].after, "reunion");
  EXPECT_EQ((*of)[1].id, *id);
  EXPECT_EQ((*of)[1].after, 0.9);
  EXPECT_EQ((*of)[1].comment, "ok");
  EXPECT_EQ(store->AllCorrections()->at("r-aaa-0").size(), 2u);
}

// A reviewed record the next extraction lacks becomes an orphan, flagged for a second look;
// review and export still find it, after the records of the latest extraction.
TEST_P(StoreContractTest, ReviewedRecordsOutliveReextractionAsOrphans) {
  auto store = Open();
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->PutExtraction(test::SampleExtraction("aaa", 3)).ok());
  nlohmann::json extracted = {{"id", "r-aaa-2"}, {"kind", "evento"}};
  Correction c{0, "r-aaa-2", "kind", "evento", "reunion", "ana", "2026-01-01T00:00:00Z", ""};
  Result<int64_t> version = store->AppendCorrection(c);
  ASSERT_TRUE(version.ok());
  ASSERT_TRUE(store
                  ->PutReviewSnapshot({"r-aaa-2",
                                       "sha256:aaa",
                                       test::RecordOf(extracted),
                                       {{"id", "r-aaa-2"}, {"kind", "reunion"}},
                                       *version})
                  .ok());
  EXPECT_EQ(*store->NeighbourIds("sha256:aaa", "r-aaa-1", true),
            std::vector<std::string>{"r-aaa-0"});
  EXPECT_EQ(*store->NeighbourIds("sha256:aaa", "r-aaa-1", false),
            std::vector<std::string>{"r-aaa-2"});

  ASSERT_TRUE(store->PutExtraction(test::SampleExtraction("aaa", 2)).ok());
  ASSERT_TRUE(store->MarkOrphans("sha256:aaa", "2026-02-01T00:00:00Z").ok());
  auto found = store->FindRecord("r-aaa-2");
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found->has_value());
  EXPECT_TRUE((*found)->orphaned);
  EXPECT_TRUE((*found)->second_look);
  EXPECT_EQ((*found)->record, test::RecordOf(extracted));
  EXPECT_FALSE(store->FindRecord("r-zzz")->has_value());

  std::vector<std::string> reviewable;
  ASSERT_TRUE(store
                  ->ForEachReviewable("aaa.t",
                                      [&](StoredRecord r) {
                                        reviewable.push_back(r.id + (r.orphaned ? " orphan" : ""));
                                      })
                  .ok());
  EXPECT_THAT(reviewable, ElementsAre("r-aaa-0", "r-aaa-1", "r-aaa-2 orphan"));

  std::vector<std::string> exported;
  ASSERT_TRUE(store
                  ->ForEachRecordWithCorrections(
                      "",
                      [&](const StoredRecord& r, const std::vector<Correction>& cs) {
                        exported.push_back(r.id + ":" + std::to_string(cs.size()));
                      })
                  .ok());
  EXPECT_THAT(exported, ElementsAre("r-aaa-0:0", "r-aaa-1:0", "r-aaa-2:1"));
  exported.clear();
  ASSERT_TRUE(
      store
          ->ForEachRecordWithCorrections(
              "2999-01-01", [&](const StoredRecord& r,
                                const std::vector<Correction>&) { exported.push_back(r.id); })
          .ok());
  EXPECT_TRUE(exported.empty());

  // Extracted again with the record: no longer an orphan.
  ASSERT_TRUE(store->PutExtraction(test::SampleExtraction("aaa", 3)).ok());
  ASSERT_TRUE(store->MarkOrphans("sha256:aaa", "2026-03-01T00:00:00Z").ok());
  EXPECT_FALSE((*store->FindRecord("r-aaa-2"))->orphaned);
}

TEST_P(StoreContractTest, RefusesAStoreWithANewerSchema) {
  ASSERT_TRUE(Open());
  EXPECT_EQ(RawExec(postgres() ? "INSERT INTO acervo_schema(version) VALUES(99)"
                               : "PRAGMA user_version = 99"),
            "");
  auto future = OpenStore();
  ASSERT_FALSE(future.ok());
  EXPECT_EQ(future.status().code(), Code::kVersionMismatch);
  EXPECT_THAT(future.status().message(), HasSubstr("schema version 99"));
}

TEST_P(StoreContractTest, ASecondConnectionSeesWhatTheFirstStored) {
  auto first = Open();
  auto second = Open();
  ASSERT_TRUE(first && second);
  ASSERT_TRUE(first->PutExtraction(test::SampleExtraction("aaa", 2)).ok());
  EXPECT_TRUE(*second->HasDocument("sha256:aaa"));
  EXPECT_EQ(Count(*second, "records"), 2);
}

ACERVO_STORE_ENGINES(StoreContractTest);

}  // namespace
}  // namespace acervo
