#include "review/reviews.h"

#include <gtest/gtest.h>

#include "records/test_record.h"
#include "support/store_engines.h"

namespace acervo::review {
namespace {

using nlohmann::json;

// A page of our own: "Día" makes code points and bytes differ before the mentions.
const std::string kPage =
    "Día de la movilidad\n"
    "El 12 de marzo de 2024 la Secretaría de Movilidad aportó 250 mil pesos al foro.\n"
    "Taller <script>alert(1)</script> de datos abiertos.\n";

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

PlacedMention Mention(const std::string& type, const std::string& text, json value) {
  PlacedMention m;
  m.type = type;
  m.text = text;
  m.value = std::move(value);
  m.byte_start = kPage.find(text);
  m.byte_end = m.byte_start + text.size();
  m.start = CodePoints(kPage.substr(0, m.byte_start));
  m.end = m.start + CodePoints(text);
  m.confidence = 0.7;
  m.extractor = "test@1";
  return m;
}

Record Rec(const std::string& id, const std::string& text, double confidence) {
  return test::RecordOf({{"id", id},
                         {"kind", "evento"},
                         {"title", text.substr(0, 20)},
                         {"text", text},
                         {"page_start", 1},
                         {"page_end", 1},
                         {"dates", json::array()},
                         {"amounts", json::array({{{"amount", "250000"},
                                                   {"currency", "MXN"},
                                                   {"approximate", false},
                                                   {"role", nullptr}}})},
                         {"institutions", json::array()},
                         {"ods", json::array()},
                         {"confidence", confidence},
                         {"status", confidence < 0.6 ? "needs_review" : "auto"}});
}

Extraction MakeExtraction(bool with_second_record) {
  Extraction x;
  x.document.info.id = "sha256:abc";
  x.document.info.source = "/nonexistent/informe.md";
  x.document.info.media_type = "text/markdown";
  Page p;
  p.text = kPage;
  x.document.pages.push_back(p);
  x.pipeline = "test@1";
  x.mentions = {
      Mention("date", "12 de marzo de 2024", {{"start", "2024-03-12"}, {"end", "2024-03-12"}}),
      Mention("institution", "Secretaría de Movilidad", {{"name", "Secretaría de Movilidad"}}),
      Mention("amount", "250 mil pesos", {{"amount", "250000"}, {"currency", "MXN"}})};
  x.records.push_back(
      Rec("r-a", "El 12 de marzo de 2024 la Secretaría de Movilidad aportó 250 mil pesos al foro.",
          0.4));
  if (with_second_record) {
    x.records.push_back(Rec("r-b", "Taller <script>alert(1)</script> de datos abiertos.", 0.3));
  }
  x.records.push_back(Rec("r-c", "Día de la movilidad", 0.9));
  return x;
}

// On every store engine (SQLite, PostgreSQL).
class ReviewsTest : public test::StoreEngineTest {
 protected:
  void SetUp() override {
    StoreEngineTest::SetUp();
    if (IsSkipped()) return;
    auto s = OpenStore();
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(*s);
    ASSERT_TRUE(store_->PutExtraction(MakeExtraction(true)).ok());
  }
  SaveResult Save(const std::string& id, int64_t base, std::vector<Change> changes,
                  Store* store = nullptr) {
    Reviews reviews(store ? store : store_.get());
    auto r = reviews.Save({id, base, "ana", "", std::move(changes)});
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? *r : SaveResult{};
  }
  std::unique_ptr<Store> store_;
};

TEST_P(ReviewsTest, QueueIsNeedsReviewLowestConfidenceFirstAndFilterable) {
  Reviews reviews(store_.get());
  auto q = reviews.Queue({});
  ASSERT_TRUE(q.ok());
  ASSERT_EQ(q->size(), 2u);
  EXPECT_EQ((*q)[0].id, "r-b");
  EXPECT_EQ((*q)[1].id, "r-a");
  QueueFilter f;
  f.min_confidence = 0.35;
  EXPECT_EQ(reviews.Queue(f)->size(), 1u);
  f = {};
  f.status = "all";
  f.document = "informe.md";
  EXPECT_EQ(reviews.Queue(f)->size(), 3u);
  f.kind = "reunion";
  EXPECT_EQ(reviews.Queue(f)->size(), 0u);
  f = {};
  f.field = "dates";
  EXPECT_EQ(reviews.Queue(f)->size(), 0u);
}

TEST_P(ReviewsTest, ACorrectionIsAppendOnlyAndMakesTheRecordReviewed) {
  SaveResult r = Save("r-a", 0, {{"amounts/0/amount", "300000"}});
  EXPECT_FALSE(r.stale);
  EXPECT_EQ(r.record.effective["amounts"][0]["amount"], "300000");
  EXPECT_EQ(r.record.effective["status"], "reviewed");
  ASSERT_EQ(r.record.corrections.size(), 1u);
  EXPECT_EQ(r.record.corrections[0].before, "250000");
  EXPECT_EQ(r.record.version, r.record.corrections[0].id);
  EXPECT_EQ(Reviews(store_.get()).Queue({})->size(), 1u);  // left the queue
}

TEST_P(ReviewsTest, InvalidChangesAreRefusedAndStoreNothing) {
  Reviews reviews(store_.get());
  EXPECT_FALSE(reviews.Save({"r-a", 0, "ana", "", {{"amounts/0/amount", "mucho"}}}).ok());
  EXPECT_FALSE(reviews.Save({"r-a", 0, "ana", "", {{"amounts/4/amount", "5"}}}).ok());
  EXPECT_FALSE(reviews.Save({"r-a", 0, "", "", {{"accept", nullptr}}}).ok());
  EXPECT_FALSE(reviews.Save({"r-zz", 0, "ana", "", {{"accept", nullptr}}}).ok());
  EXPECT_EQ(*store_->Count("corrections"), 0);
}

TEST_P(ReviewsTest, UndoIsANewCorrection) {
  SaveResult r = Save("r-a", 0, {{"kind", "reunion"}});
  int64_t first = r.record.version;
  r = Save("r-a", first, {{"undo:" + std::to_string(first), nullptr}});
  EXPECT_EQ(r.record.effective["kind"], "evento");
  EXPECT_EQ(r.record.effective["status"], "needs_review");
  EXPECT_EQ(*store_->Count("corrections"), 2);
  Reviews reviews(store_.get());
  // Undoing another record's correction is refused.
  EXPECT_FALSE(
      reviews.Save({"r-b", -1, "ana", "", {{"undo:" + std::to_string(first), nullptr}}}).ok());
}

TEST_P(ReviewsTest, AStaleSaveFromASecondReviewerIsRefusedWithFreshValues) {
  auto other = OpenStore();  // a second process on the same store
  ASSERT_TRUE(other.ok());
  Reviews mine(store_.get());
  int64_t seen = mine.Get("r-a")->version;
  Save("r-a", seen, {{"amounts/0/amount", "300000"}}, other->get());
  auto late = mine.Save({"r-a", seen, "luis", "", {{"amounts/0/amount", "275000"}}});
  ASSERT_TRUE(late.ok());
  EXPECT_TRUE(late->stale);
  EXPECT_EQ(late->record.effective["amounts"][0]["amount"], "300000");
  EXPECT_EQ(*store_->Count("corrections"), 1);
  // Saving again on the fresh version works.
  auto again =
      mine.Save({"r-a", late->record.version, "luis", "", {{"amounts/0/amount", "275000"}}});
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->stale);
}

TEST_P(ReviewsTest, CorrectionsSurviveReextractionAndOrphansAreFlagged) {
  Save("r-a", 0, {{"amounts/0/amount", "300000"}});
  Save("r-b", 0, {{"title", "Taller de datos abiertos"}});
  Save("r-c", 0, {{"accept", nullptr}});

  // A newer plugin reads r-c's title differently and no longer finds r-b.
  Extraction again = MakeExtraction(false);
  again.records[1].title = "Otra lectura";
  ASSERT_TRUE(store_->PutExtraction(again).ok());
  ASSERT_TRUE(FlagOrphanedReviews(store_.get(), "sha256:abc").ok());

  Reviews reviews(store_.get());
  auto a = reviews.Get("r-a");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->effective["amounts"][0]["amount"], "300000");
  EXPECT_EQ(reviews.Get("r-c")->effective["title"], "Día de la movilidad");
  auto b = reviews.Get("r-b");
  ASSERT_TRUE(b.ok());
  EXPECT_TRUE(b->orphaned);
  EXPECT_TRUE(b->second_look);
  EXPECT_EQ(b->effective["title"], "Taller de datos abiertos");
  auto q = reviews.Queue({});
  ASSERT_EQ(q->size(), 1u);  // r-a is reviewed; r-b is back for a second look
  EXPECT_EQ((*q)[0].id, "r-b");

  // Looking at it again clears the flag; a later extraction that finds it again unorphans it.
  Save("r-b", b->version, {{"accept", nullptr}});
  EXPECT_TRUE(reviews.Queue({})->empty());
  ASSERT_TRUE(store_->PutExtraction(MakeExtraction(true)).ok());
  ASSERT_TRUE(FlagOrphanedReviews(store_.get(), "sha256:abc").ok());
  EXPECT_FALSE(reviews.Get("r-b")->orphaned);
}

TEST_P(ReviewsTest, PassageSpansHighlightMentionsAndKeepMarkupAsText) {
  Reviews reviews(store_.get());
  auto a = reviews.Get("r-a");
  auto p = reviews.Passage(*a);
  ASSERT_TRUE(p.ok()) << p.status().message();
  std::vector<std::string> marked;
  std::string joined;
  for (const json& s : (*p)["spans"]) {
    joined += s["text"].get<std::string>();
    if (s.contains("type"))
      marked.push_back(s["type"].get<std::string>() + ":" + s["text"].get<std::string>());
  }
  EXPECT_EQ(joined, a->effective["text"]);
  EXPECT_EQ(marked, (std::vector<std::string>{"date:12 de marzo de 2024",
                                              "institution:Secretaría de Movilidad",
                                              "amount:250 mil pesos"}));
  auto b = reviews.Passage(*reviews.Get("r-b"));
  EXPECT_EQ((*b)["spans"][0]["text"], "Taller <script>alert(1)</script> de datos abiertos.");
}

TEST_P(ReviewsTest, MergeMovesTheOtherRecordsFieldsInAndMarksIt) {
  Reviews reviews(store_.get());
  auto m = reviews.Merge({"r-a", "r-b", 0, 0, "ana", "el mismo taller"});
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_FALSE(m->stale);
  EXPECT_EQ(m->from.effective["merged_into"], "r-a");
  EXPECT_EQ(m->into.effective["merged_from"], json::array({"r-b"}));
  EXPECT_EQ(m->into.effective["amounts"].size(), 1u);  // the same amount is not repeated
  EXPECT_EQ(*store_->Count("corrections"), 2);
  // A second merge from a stale view is refused; undoing the mark is a correction too.
  auto again = reviews.Merge({"r-c", "r-b", 0, 0, "luis", ""});
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->stale);
  EXPECT_FALSE(reviews.Merge({"r-a", "r-a", -1, -1, "ana", ""}).ok());
}

TEST_P(ReviewsTest, AdjacentRecordsAreTheNeighboursStillActivitiesOfTheirOwn) {
  Reviews reviews(store_.get());
  auto b = reviews.Adjacent(*reviews.Get("r-b"));
  ASSERT_TRUE(b.ok()) << b.status().message();
  ASSERT_TRUE(b->previous && b->next);
  EXPECT_EQ(b->previous->id, "r-a");
  EXPECT_EQ(b->next->id, "r-c");
  EXPECT_FALSE(reviews.Adjacent(*reviews.Get("r-a"))->previous);
  // A rejected record is skipped, and past it there is nothing.
  Save("r-c", 0, {{"reject", nullptr}});
  EXPECT_FALSE(reviews.Adjacent(*reviews.Get("r-b"))->next);
  // A record merged into another is skipped: r-c's neighbour before it is then r-a.
  Save("r-c", -1, {{"undo:1", nullptr}});
  ASSERT_TRUE(reviews.Merge({"r-a", "r-b", -1, -1, "ana", ""}).ok());
  auto c = reviews.Adjacent(*reviews.Get("r-c"));
  ASSERT_TRUE(c->previous);
  EXPECT_EQ(c->previous->id, "r-a");
  // A merge is refused as a plain save: it would record one side only.
  auto one_sided = reviews.Save({"r-c", -1, "ana", "", {{"merge", {{"into", "r-a"}}}}});
  EXPECT_EQ(one_sided.status().code(), Code::kInvalidArgument);
}

ACERVO_STORE_ENGINES(ReviewsTest);

}  // namespace
}  // namespace acervo::review
