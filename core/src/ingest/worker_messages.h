// worker_messages.h — what the ingest coordinator and a worker process say to each other
// (worker_pool.h carries them as frames, frame.h): a request to extract one file, progress
// while its pages load, and the reply.
//
// A scanned PDF is read in three steps so that its pages are OCR'd in parallel: a request
// with `split_pages` is answered with the pages to OCR (`ocr_pages`) when there are any;
// each of those is a request with `page`, answered with its `words`; and a last request
// carries every page's words in `page_ocr` and is answered with the extraction. Each side builds
// and reads these structs; their JSON field names are spelled only in worker_messages.cc.
#ifndef ACERVO_CORE_INGEST_WORKER_MESSAGES_H_
#define ACERVO_CORE_INGEST_WORKER_MESSAGES_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "acervo/engine.h"
#include "acervo/status.h"
#include "load/layout.h"
#include "load/vector_graphics.h"

namespace acervo {

// One page's OCR as the coordinator passes it on: the words and ruling lines as the worker
// encoded them (WordsToJson, RulingsToJson), or why they could not be read.
struct WorkerPageOcr {
  int page = 0;  // 0-based
  std::string error;
  nlohmann::json words;
  nlohmann::json rulings;
};

// Extract the file at `path` with these per-document settings (Overrides::progress and
// Overrides::source are not sent: the worker reports progress itself). PDF passwords travel
// here, on the worker's stdin, never on its command line (where `ps` would show them).
struct WorkerRequest {
  std::string path;
  Overrides overrides;
  // Plan instead of OCR: answer with the pages to OCR, if any (else with the extraction).
  bool split_pages = false;
  // >= 0: only OCR this page (0-based) and answer with its words.
  int page = -1;
  // OCR done by other workers, for the extraction.
  std::vector<WorkerPageOcr> page_ocr;

  nlohmann::json ToJson() const;
  // Missing fields are empty; Corrupt when the message is not an object or a field has the
  // wrong type (never throws).
  static Result<WorkerRequest> FromJson(const nlohmann::json& j);
};

// Pages loaded so far; each one pushes the worker's deadline back.
struct WorkerProgress {
  int pages_done = 0;
  int pages = 0;

  nlohmann::json ToJson() const;
};

// The one answer to a request: the extraction, or why there is none.
struct WorkerReply {
  bool ok = false;
  std::string failure;  // "" or "memory" (the worker is spent and exits after replying)
  std::string code;     // CodeName of the error, when the engine reported one
  std::string message;
  std::optional<Extraction> extraction;  // when ok, unless one of the two below
  std::vector<int> ocr_pages;            // when ok: a split document's pages to OCR (0-based)
  nlohmann::json words;                  // when ok: a page request's words (WordsToJson)
  nlohmann::json rulings;                // ... and its ruling lines (RulingsToJson)

  nlohmann::json ToJson() const;
  // Corrupt when the reply says ok but its extraction cannot be read.
  static Result<WorkerReply> FromJson(const nlohmann::json& j);
};

// What the pool acts on in any frame from a worker, read without throwing: whether it is
// progress or the result, and the result's outcome. Corrupt for anything else (a worker that
// printed garbage), which the pool reports as that document's failure.
struct WorkerFrameHead {
  bool progress = false;
  bool ok = false;
  std::string failure;
  // The error's code as the worker named it (CodeName), so a failure is stored as what it
  // was ("unsupported", "not-found", ...); corrupt when the worker named none or an unknown.
  Code code = Code::kCorrupt;
  std::string message;

  static Result<WorkerFrameHead> FromJson(const nlohmann::json& j);
};

// Words as compact JSON and back; decimals round-trip exactly, so a document assembled from
// words that crossed a pipe is the one read in place.
nlohmann::json WordsToJson(const std::vector<Word>& words);
Result<std::vector<Word>> WordsFromJson(const nlohmann::json& j);
// Ruling lines likewise; null (a worker of an older build) reads as none.
nlohmann::json RulingsToJson(const std::vector<Ruling>& rulings);
Result<std::vector<Ruling>> RulingsFromJson(const nlohmann::json& j);

}  // namespace acervo

#endif  // ACERVO_CORE_INGEST_WORKER_MESSAGES_H_
