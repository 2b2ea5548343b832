// reviews.h — the review workflow over a store: the queue, one record with its corrections,
// saving a reviewer's decision, and keeping reviewed records across re-extraction.
//
// Saves are optimistic: a record's version is the id of its latest correction (0 when it has
// none). A Decision carries the version the reviewer saw; when another reviewer saved in
// between, Save stores nothing and returns the fresh record with `stale` set. The check and
// the inserts run in one BEGIN IMMEDIATE transaction, so two processes on the same store
// cannot both win.
//
// Not thread-safe: callers that share one Reviews (or one Store) across threads serialise.
#ifndef ACERVO_CORE_REVIEW_REVIEWS_H_
#define ACERVO_CORE_REVIEW_REVIEWS_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "acervo/document.h"
#include "acervo/status.h"
#include "io/env.h"
#include "review/corrections.h"
#include "store/store.h"

namespace acervo::review {

struct QueueFilter {
  std::string status = "needs_review";  // needs_review (and second looks), reviewed, all
  std::string document;                 // a document id, or part of its source path
  std::string kind;                     // the effective kind
  std::string field;                    // only records with something in this field
  double min_confidence = 0;
  double max_confidence = 1;
};

// One record as a reviewer sees it.
struct ReviewedRecord {
  std::string id;
  std::string document_id;
  std::string source;
  Record extracted;          // as the latest extraction gave it (the last one, if orphaned)
  nlohmann::json effective;  // with the corrections applied
  int64_t version = 0;
  bool orphaned = false;     // the latest extraction of its document no longer has it
  bool second_look = false;  // orphaned and not looked at since
  std::vector<Correction> corrections;

  // Sets `version` and `effective` from `extracted` and `corrections`.
  void Recompute();

  // {id, document_id, source, record, extracted, version, orphaned, second_look, corrections}
  nlohmann::json ToJson() const;
};

nlohmann::json ToJson(const Correction& c);

struct Change {
  std::string field;  // a path or an action (corrections.h)
  nlohmann::json after;
};

struct Decision {
  std::string record_id;
  int64_t base_version = -1;  // the version the reviewer saw; -1 = whatever is current
  std::string reviewer;
  std::string comment;
  std::vector<Change> changes;  // stored in order, one correction each
};

struct SaveResult {
  bool stale = false;     // nothing was stored: `record` holds the fresh values
  ReviewedRecord record;  // after the save
};

// Merging record `from` into record `into`: `into` gains `from`'s dates, amounts,
// institutions and goals; `from` is marked "merged_into". Both versions are checked.
struct MergeDecision {
  std::string into, from;
  int64_t into_version = -1;
  int64_t from_version = -1;
  std::string reviewer;
  std::string comment;
};

struct MergeResult {
  bool stale = false;
  ReviewedRecord into;
  ReviewedRecord from;
};

struct AdjacentRecords {
  std::optional<ReviewedRecord> previous, next;
};

struct PassageRegion {
  Box box;                // empty when unknown
  double page_width = 0;  // the page's size in points; 0 when unknown
  double page_height = 0;
};

class Reviews {
 public:
  // Times of decisions come from `env`, which must outlive this.
  explicit Reviews(Store* store, const Env& env = Env::Default()) : store_(store), env_(env) {}

  // Records matching `filter`, lowest effective confidence first (then by id).
  Result<std::vector<ReviewedRecord>> Queue(const QueueFilter& filter);

  // NotFound when no extraction or review has such a record.
  Result<ReviewedRecord> Get(const std::string& record_id);

  // InvalidArgument for a bad change, an empty reviewer, an undo of another record's
  // correction or a "merge" (a merge changes two records: Merge).
  Result<SaveResult> Save(const Decision& decision);

  // Both corrections in one transaction. A split is a Save of {"split", {parts: [...]}}.
  Result<MergeResult> Merge(const MergeDecision& decision);

  // The records just before and just after `record` in its document's extraction order,
  // leaving out those rejected or merged into another: what a reviewer may merge it with.
  // Neither for an orphaned record (it has no place in the latest extraction).
  Result<AdjacentRecords> Adjacent(const ReviewedRecord& record);

  // The record's passage split at its mentions, for highlighting:
  // {"page_start", "page_end", "spans": [{"text"}, {"text", "type", "value"}, ...]}.
  Result<nlohmann::json> Passage(const ReviewedRecord& record);

  // Where the record's passage sits on page `page` (one of its pages): the union of the
  // boxes of the blocks its lines fall in, in PDF points from the page's top left. The box is
  // empty when the store knows none there (a text source, an OCR page without boxes, a store
  // older than block boxes, a passage no longer found on the page).
  Result<PassageRegion> Region(const ReviewedRecord& record, int page);

  // Names of the institutions found in the store, for choosing one when correcting.
  Result<std::vector<std::string>> InstitutionNames();

 private:
  Store* store_;
  const Env& env_;
};

// What re-extraction calls after storing a document's new records: reviewed records the new
// extraction no longer has keep their last reviewed version and are flagged for a second
// look; those it has again are unflagged.
Status FlagOrphanedReviews(Store* store, const std::string& document_id,
                           const Env& env = Env::Default());

}  // namespace acervo::review

#endif  // ACERVO_CORE_REVIEW_REVIEWS_H_
