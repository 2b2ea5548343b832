#include "enqueue_files.h"

#include <iostream>

#include "i18n/i18n.h"
#include "io/env.h"
#include "util/sha256.h"

namespace acervo::cli {

std::string EnqueueSummary::Line() const {
  auto n = [&](EnqueueOutcome o) {
    auto it = outcomes.find(o);
    return it == outcomes.end() ? int64_t{0} : it->second;
  };
  std::string line =
      _f("{} queued, {} already queued, {} already stored, {} failed before (not "
         "queued; see --retry-failed)",
         n(EnqueueOutcome::kQueued), n(EnqueueOutcome::kAlreadyQueued),
         n(EnqueueOutcome::kAlreadyStored), n(EnqueueOutcome::kAlreadyFailed));
  if (unreadable > 0) line += _f(", {} unreadable", unreadable);
  return line;
}

Result<EnqueueSummary> EnqueueFiles(Store* store,
                                    const std::vector<std::filesystem::path>& documents,
                                    const std::string& pipeline) {
  EnqueueSummary summary;
  for (const std::filesystem::path& p : documents) {
    std::error_code ec;
    std::filesystem::path absolute = std::filesystem::absolute(p, ec).lexically_normal();
    Result<std::string> bytes = Env::Default().ReadFile(absolute);
    if (!bytes.ok()) {
      ++summary.unreadable;
      std::cerr << "acervo: " << absolute.string() << ": " << bytes.status().message() << "\n";
      continue;
    }
    QueuedFile file{absolute.string(), static_cast<int64_t>(bytes->size()),
                    "sha256:" + Sha256Hex(*bytes), pipeline};
    Result<EnqueueOutcome> outcome = store->Enqueue(file);
    if (!outcome.ok()) return outcome.status();
    ++summary.outcomes[*outcome];
  }
  return summary;
}

}  // namespace acervo::cli
