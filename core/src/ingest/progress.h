// progress.h — what an ingest has done so far, shown as a live bar on a terminal, as plain
// periodic lines otherwise, or as JSON lines for machines; and the closing summary.
#ifndef ACERVO_CORE_INGEST_PROGRESS_H_
#define ACERVO_CORE_INGEST_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

namespace acervo {

struct IngestCounts {
  int64_t documents = 0;  // documents found to consider
  int64_t stored = 0;
  int64_t skipped = 0;         // already stored by the same pipeline
  int64_t skipped_failed = 0;  // failed before; not retried without --retry-failed
  int64_t failed = 0;
  std::map<std::string, int64_t> failed_by_reason;  // "error", "crash", "timeout", "memory"
  int64_t other_files = 0;                          // files in folders that are not documents
  int64_t pages = 0;
  int64_t ocr_pages = 0;
  int64_t records = 0;
  int64_t needs_review = 0;

  int64_t finished() const { return stored + skipped + skipped_failed + failed; }
  nlohmann::json ToJson() const;
};

class ProgressReporter {
 public:
  enum class Mode { kBar, kLines, kJson };
  // Bar and lines go to `human` (stderr); JSON lines to `machine` (stdout).
  ProgressReporter(Mode mode, std::ostream& human, std::ostream& machine);

  // Shows progress; rate-limited, so call it as often as anything changes.
  void Update(const IngestCounts& counts, bool force = false);
  // Clears the bar and prints the summary.
  void Finish(const IngestCounts& counts, const std::string& store, bool interrupted);

 private:
  double Elapsed() const;
  std::string Line(const IngestCounts& c) const;

  Mode mode_;
  std::ostream& human_;
  std::ostream& machine_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
  bool drawn_ = false;
};

}  // namespace acervo

#endif  // ACERVO_CORE_INGEST_PROGRESS_H_
