// enqueue_files.h — queueing files in the store (store/work_queue.h) as `acervo enqueue`
// and `acervo ingest --queue` do: each by absolute path, size and SHA-256.
#ifndef ACERVO_TOOLS_ENQUEUE_FILES_H_
#define ACERVO_TOOLS_ENQUEUE_FILES_H_

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "store/store.h"

namespace acervo::cli {

struct EnqueueSummary {
  std::map<EnqueueOutcome, int64_t> outcomes;
  int64_t unreadable = 0;  // each named on stderr

  // "3 queued, 0 already queued, 1 already stored, 0 failed before (...)".
  std::string Line() const;
};

// Queues `documents` for workers running `pipeline` (a pipeline id). A store error stops it.
Result<EnqueueSummary> EnqueueFiles(Store* store,
                                    const std::vector<std::filesystem::path>& documents,
                                    const std::string& pipeline);

}  // namespace acervo::cli

#endif  // ACERVO_TOOLS_ENQUEUE_FILES_H_
