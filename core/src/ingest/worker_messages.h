// worker_messages.h — what the ingest coordinator and a worker process say to each other
// (worker_pool.h carries them as frames, frame.h): a request to extract one file, progress
// while its pages load, and the reply. Each side builds and reads these structs; their JSON
// field names are spelled only in worker_messages.cc.
#ifndef ACERVO_CORE_INGEST_WORKER_MESSAGES_H_
#define ACERVO_CORE_INGEST_WORKER_MESSAGES_H_

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "acervo/engine.h"
#include "acervo/status.h"

namespace acervo {

// Extract the file at `path` with these per-document settings (Overrides::progress and
// Overrides::source are not sent: the worker reports progress itself). PDF passwords travel
// here, on the worker's stdin, never on its command line (where `ps` would show them).
struct WorkerRequest {
  std::string path;
  Overrides overrides;

  nlohmann::json ToJson() const;
  static WorkerRequest FromJson(const nlohmann::json& j);  // missing fields are empty
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
  std::optional<Extraction> extraction;  // when ok

  nlohmann::json ToJson() const;
  // Corrupt when the reply says ok but its extraction cannot be read.
  static Result<WorkerReply> FromJson(const nlohmann::json& j);
};

}  // namespace acervo

#endif  // ACERVO_CORE_INGEST_WORKER_MESSAGES_H_
