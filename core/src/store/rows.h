// rows.h — the plain values a Store hands out and takes in, besides documents and extractions:
// recorded failures, reviewers' corrections, stored records with where they came from, and
// the mentions of a page. Data only; no storage engine's types.
#ifndef ACERVO_CORE_STORE_ROWS_H_
#define ACERVO_CORE_STORE_ROWS_H_

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "acervo/record.h"

namespace acervo {

// Which records ForEachRecord visits.
struct RecordFilter {
  bool needs_review_only = false;
  std::string document_id;  // "" = all
};

// A document that could not be stored, and why.
struct Failure {
  std::string source;
  std::string sha256;  // "" when the file could not be read
  std::string code;    // CodeName of the error
  std::string message;
  std::string at;  // ISO 8601 UTC
};

// One reviewer's change to one record (review/corrections.h says what `field` may be).
// Corrections are append-only: once stored, never changed or removed.
struct Correction {
  int64_t id = 0;  // assigned by the store, increasing
  std::string record_id;
  std::string field;
  nlohmann::json before;  // null when there was no value
  nlohmann::json after;
  std::string reviewer;
  std::string at;  // ISO 8601 UTC
  std::string comment;
};

// A record as stored, with its document. An orphan is a reviewed record the latest
// extraction of its document no longer has; `record` is then its last extracted form, kept
// by the review snapshot (PutReviewSnapshot).
struct StoredRecord {
  std::string id;
  std::string document_id;
  std::string source;            // "" for an orphan whose document is gone
  std::optional<Record> record;  // nullopt when the stored text is not a valid record
  bool orphaned = false;
  bool second_look = false;  // an orphan not looked at since it became one
};

// What a reviewer last saw of a record: kept so the record survives re-extraction.
struct ReviewSnapshot {
  std::string record_id;
  std::string document_id;
  Record extracted;          // the record as last extracted
  nlohmann::json effective;  // after its latest correction
  int64_t version = 0;       // the id of that correction
};

// A stored mention of a page: code-point offsets into the page's text and the contract's
// mention object.
struct StoredMention {
  size_t start = 0;
  size_t end = 0;
  std::string type;
  nlohmann::json json;  // null when the stored text is not valid JSON
};

}  // namespace acervo

#endif  // ACERVO_CORE_STORE_ROWS_H_
