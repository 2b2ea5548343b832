// store.h — where extractions and reviews live: documents, their pages, mentions and records,
// reviewers' corrections and review snapshots, failed documents, and the work queue
// (work_queue.h) that workers on many hosts drain.
//
// Store is the interface every other module uses; no query language or engine type appears
// in it. Store::Open takes a location: a libpq URI (postgresql://... or postgres://...) opens
// the PostgreSQL store (pg_store.h), shared by workers on many hosts; anything else is the
// SQLite store's file (sqlite_store.h), for one machine.
//
// The contract every implementation keeps:
//  - Documents are keyed by the SHA-256 of their bytes, so the same file stored twice (under
//    any name) is one document.
//  - Each PutExtraction (each Transact) is atomic: a crash or a failed write mid-document
//    leaves the store as it was, and the error names the file that failed.
//  - Corrections are append-only and re-extraction never touches them.
//  - The schema is versioned and migrated forward on open; a store from a newer acervo is
//    refused (VersionMismatch).
//
// Not thread-safe: callers that share one Store across threads serialise.
#ifndef ACERVO_CORE_STORE_STORE_H_
#define ACERVO_CORE_STORE_STORE_H_

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "acervo/document.h"
#include "acervo/extraction.h"
#include "acervo/status.h"
#include "io/env.h"
#include "store/rows.h"
#include "store/work_queue.h"

namespace acervo {

inline constexpr int kStoreSchemaVersion = 4;

class Store : public WorkQueue {
 public:
  // Opens (creating when missing) and migrates the store at `location`: a PostgreSQL URI or
  // a SQLite file. Every file access and the clock go through `env`, which must outlive the
  // store. Errors name the location, with any password hidden.
  static Result<std::unique_ptr<Store>> Open(const std::filesystem::path& location,
                                             const Env& env = Env::Default());
  // The same for commands that only read or review: a missing SQLite file is NotFound, not
  // created (a PostgreSQL database is migrated, as by Open: its server holds it either way).
  static Result<std::unique_ptr<Store>> OpenExisting(const std::filesystem::path& location,
                                                     const Env& env = Env::Default());
  virtual ~Store() = default;

  // Where the store lives, for messages: its file, or its URI with the password hidden.
  virtual const std::string& location() const = 0;
  virtual int schema_version() const = 0;

  // Runs `body` as one transaction that takes the write lock first: everything it stores is
  // kept when it returns Ok, nothing when it returns an error. Not nested; but every Store
  // method that writes may run inside it (PutExtraction, MarkOrphans and Finish together
  // store a document and take it off the queue in one transaction).
  virtual Status Transact(const std::function<Status()>& body) = 0;

  // --- Documents and their extraction (ingest, re-extraction) ---

  // Whether document `id` is stored, extracted by pipeline `pipeline` ("" = any pipeline).
  virtual Result<bool> HasDocument(const std::string& id, const std::string& pipeline = "") = 0;
  // Stores one extraction, replacing an earlier extraction of the same document (its pages,
  // mentions and records; never its corrections). Clears a recorded failure of its source.
  virtual Status PutExtraction(const Extraction& x) = 0;
  // A stored document as loaded (pages with their structure, tables, metadata), for
  // re-extraction without reading the file again.
  virtual Result<Document> LoadDocument(const std::string& id) = 0;
  // Stored document ids with the pipeline that extracted them, in source order.
  virtual Status ForEachDocument(
      const std::function<void(const std::string& id, const std::string& pipeline,
                               const std::string& source)>& fn) = 0;
  // Each warning stored with a document (a string of its "warnings"), in source order.
  virtual Status ForEachDocumentWarning(
      const std::function<void(const std::string& source, const std::string& warning)>& fn) = 0;
  // Pages `first`..`last` of a document as stored (text, blocks with their boxes, size),
  // by number. A page whose structure cannot be read keeps its text.
  virtual Result<std::map<int, Page>> LoadPages(const std::string& document_id, int first,
                                                int last) = 0;
  // The mentions stored on one page, by start.
  virtual Result<std::vector<StoredMention>> MentionsOnPage(const std::string& document_id,
                                                            int page) = 0;
  // The distinct strings at `value.<key>` of the stored mentions of `type`, sorted
  // ("institution", "name": the institutions' names).
  virtual Result<std::vector<std::string>> MentionValues(const std::string& type,
                                                         const std::string& key) = 0;

  // --- Failures ---

  virtual Status PutFailure(const Failure& failure) = 0;
  // Whether a document with these bytes failed before (and was not stored since).
  virtual Result<bool> HasFailure(const std::string& sha256) = 0;
  virtual Status ForEachFailure(const std::function<void(const Failure&)>& fn) = 0;

  // --- Records as extracted ---

  // Records in the contract's shape plus "document_id" and "source", in document order.
  virtual Status ForEachRecord(const RecordFilter& filter,
                               const std::function<void(const nlohmann::json&)>& fn) = 0;
  // Counts the rows of one of: documents, pages, mentions, records, corrections, failures.
  virtual Result<int64_t> Count(const std::string& table) = 0;
  // Counts the records awaiting review (status "needs_review") without reading them.
  virtual Result<int64_t> CountNeedingReview() = 0;

  // --- Review: corrections, snapshots, the queue ---

  // The record from the latest extraction, else its review snapshot (an orphan); nullopt
  // when neither has it.
  virtual Result<std::optional<StoredRecord>> FindRecord(const std::string& record_id) = 0;
  // The records of the latest extractions, then the orphans, of the documents whose id is
  // `document` or whose source contains it ("" = all). `json` may be null (not valid JSON).
  virtual Status ForEachReviewable(const std::string& document,
                                   const std::function<void(StoredRecord)>& fn) = 0;
  // The ids of the records before (`before`) or after `record_id` in its document's
  // extraction order, nearest first.
  virtual Result<std::vector<std::string>> NeighbourIds(const std::string& document_id,
                                                        const std::string& record_id,
                                                        bool before) = 0;
  // One record's corrections, oldest first; all corrections by record id.
  virtual Result<std::vector<Correction>> CorrectionsOf(const std::string& record_id) = 0;
  virtual Result<std::map<std::string, std::vector<Correction>>> AllCorrections() = 0;
  // Appends `c` (its id is ignored) and returns the id the store gave it.
  virtual Result<int64_t> AppendCorrection(const Correction& c) = 0;
  // Keeps (or replaces) what a reviewer last saw of a record; clears its second look.
  virtual Status PutReviewSnapshot(const ReviewSnapshot& snapshot) = 0;
  // After re-extracting `document_id`: snapshots of records it no longer has become orphans
  // (flagged for a second look when newly so, since `at`), those it has again stop being.
  virtual Status MarkOrphans(const std::string& document_id, const std::string& at) = 0;

  // --- Export: a cursor over records as exported ---

  // The latest extraction's records, then each document's orphans, ordered by source,
  // document, orphan-ness, extraction order and id, each with its corrections (oldest
  // first), of documents stored on or after day `stored_since` ("YYYY-MM-DD"; "" = all).
  // A record that is not valid JSON is Corrupt.
  virtual Status ForEachRecordWithCorrections(
      const std::string& stored_since,
      const std::function<void(const StoredRecord&, const std::vector<Correction>&)>& fn) = 0;

 protected:
  Store() = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
};

// The store's location: --store if given, else $ACERVO_STORE, else acervo.db in the working
// folder. May be a PostgreSQL URI; print StoreDisplayName of it, never the string itself.
std::filesystem::path DefaultStorePath(const std::string& flag);

// Whether a location names a PostgreSQL database (postgresql:// or postgres://).
bool IsPostgresLocation(const std::filesystem::path& location);

// A location as messages show it: a PostgreSQL URI with its password hidden, a file as is.
std::string StoreDisplayName(const std::filesystem::path& location);

}  // namespace acervo

#endif  // ACERVO_CORE_STORE_STORE_H_
