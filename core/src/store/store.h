// store.h — the SQLite store: documents, their pages, mentions and records, reviewers'
// corrections and failed documents, in one file.
//
// Documents are keyed by the SHA-256 of their bytes, so the same file stored twice (under any
// name) is one document. Each Put is one transaction: a crash mid-document leaves the store as
// it was. Corrections live in their own append-only table (triggers refuse UPDATE and
// DELETE) that re-extraction never touches. The schema is versioned (PRAGMA user_version)
// and migrated forward on open; a store from a newer acervo is refused.
#ifndef ACERVO_CORE_STORE_STORE_H_
#define ACERVO_CORE_STORE_STORE_H_

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "acervo/engine.h"
#include "acervo/status.h"

struct sqlite3;

namespace acervo {

inline constexpr int kStoreSchemaVersion = 2;

struct RecordFilter {
  bool needs_review_only = false;
  std::string document_id;  // "" = all
};

struct Failure {
  std::string source;
  std::string sha256;  // "" when the file could not be read
  std::string code;    // CodeName of the error
  std::string message;
  std::string at;      // ISO 8601 UTC
};

class Store {
 public:
  // Opens (creating when missing) and migrates the store at `file`.
  static Result<std::unique_ptr<Store>> Open(const std::filesystem::path& file);
  // The same for commands that only read or review: a missing file is NotFound, not created.
  static Result<std::unique_ptr<Store>> OpenExisting(const std::filesystem::path& file);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  int schema_version() const;

  // Whether document `id` is stored, extracted by pipeline `pipeline` ("" = any pipeline).
  Result<bool> HasDocument(const std::string& id, const std::string& pipeline = "");

  // Stores one extraction, replacing an earlier extraction of the same document (its pages,
  // mentions and records; never its corrections). Clears a recorded failure of its source.
  Status PutExtraction(const Extraction& x);

  // A stored document as loaded (pages with their structure, tables, metadata), for
  // re-extraction without reading the file again.
  Result<Document> LoadDocument(const std::string& id);
  // Stored document ids with the pipeline that extracted them, in source order.
  Status ForEachDocument(const std::function<void(const std::string& id,
                                                  const std::string& pipeline,
                                                  const std::string& source)>& fn);

  Status PutFailure(const Failure& failure);
  // Whether a document with these bytes failed before (and was not stored since).
  Result<bool> HasFailure(const std::string& sha256);
  Status ForEachFailure(const std::function<void(const Failure&)>& fn);

  // Records in the contract's shape plus "document_id" and "source", in document order.
  Status ForEachRecord(const RecordFilter& filter,
                       const std::function<void(const nlohmann::json&)>& fn);

  Result<int64_t> Count(const std::string& table);

  // The SQLite handle, for core modules that own queries over these tables (review, export).
  // Not for plugins or tools; keep each module's SQL in that module.
  sqlite3* handle() const { return db_; }
  const std::filesystem::path& file() const { return file_; }

  // For tests: the next PutExtraction fails after writing its document row, inside its
  // transaction, as a crash would.
  void FailNextPutForTesting() { fail_next_put_ = true; }

 private:
  explicit Store(sqlite3* db, std::filesystem::path file) : db_(db), file_(std::move(file)) {}
  Status Exec(const std::string& sql);
  Status Migrate();

  sqlite3* db_;
  std::filesystem::path file_;
  bool fail_next_put_ = false;
};

// The store file: --store if given, else $ACERVO_STORE, else acervo.db in the working folder.
std::filesystem::path DefaultStorePath(const std::string& flag);

}  // namespace acervo

#endif  // ACERVO_CORE_STORE_STORE_H_
