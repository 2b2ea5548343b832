#include "ingest/progress.h"

#include <cmath>
#include <cstdio>

#include "i18n/i18n.h"

namespace acervo {
namespace {

std::string Duration(double seconds) {
  char buf[32];
  int s = static_cast<int>(std::lround(seconds));
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%dh%02dm", s / 3600, s / 60 % 60);
  else if (s >= 60)
    std::snprintf(buf, sizeof buf, "%dm%02ds", s / 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%ds", s);
  return buf;
}

}  // namespace

nlohmann::json IngestCounts::ToJson() const {
  return {{"documents", documents},
          {"stored", stored},
          {"skipped", skipped},
          {"skipped_failed", skipped_failed},
          {"failed", failed},
          {"failed_by_reason", failed_by_reason},
          {"other_files", other_files},
          {"pages", pages},
          {"ocr_pages", ocr_pages},
          {"records", records},
          {"needs_review", needs_review}};
}

ProgressReporter::ProgressReporter(Mode mode, std::ostream& human, std::ostream& machine)
    : mode_(mode),
      human_(human),
      machine_(machine),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

double ProgressReporter::Elapsed() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

std::string ProgressReporter::Line(const IngestCounts& c) const {
  double t = Elapsed();
  int64_t done = c.finished();
  std::string line = _f("{}/{} docs, {} pages ({:.1f} pages/s, {} OCR), {} failed", done,
                        c.documents, c.pages, t > 0 ? c.pages / t : 0.0, c.ocr_pages, c.failed);
  if (done > 0 && done < c.documents) {
    line += _f(", ETA {}",
               Duration(t / static_cast<double>(done) * static_cast<double>(c.documents - done)));
  }
  return line;
}

void ProgressReporter::Update(const IngestCounts& c, bool force) {
  auto now = std::chrono::steady_clock::now();
  auto every = mode_ == Mode::kLines ? std::chrono::seconds(10) : std::chrono::seconds(1);
  if (!force && now - last_ < (mode_ == Mode::kBar ? std::chrono::milliseconds(200) : every))
    return;
  last_ = now;
  switch (mode_) {
    case Mode::kBar: {
      constexpr int kWidth = 24;
      int filled = c.documents > 0 ? static_cast<int>(kWidth * c.finished() / c.documents) : 0;
      human_ << "\r\033[K[" << std::string(filled, '#') << std::string(kWidth - filled, '.') << "] "
             << Line(c) << std::flush;
      drawn_ = true;
      break;
    }
    case Mode::kLines:
      human_ << "acervo: " << Line(c) << "\n" << std::flush;
      break;
    case Mode::kJson: {
      nlohmann::json j = c.ToJson();
      j["type"] = "progress";
      j["elapsed_s"] = std::round(Elapsed() * 10) / 10;
      machine_ << j.dump() << "\n" << std::flush;
      break;
    }
  }
}

void ProgressReporter::Finish(const IngestCounts& c, const std::string& store, bool interrupted) {
  if (drawn_) human_ << "\r\033[K";
  double t = Elapsed();
  human_ << "acervo: " << (interrupted ? _("interrupted: ") : "")
         << _f("{} stored, {} already stored, {} failed", c.stored, c.skipped, c.failed);
  if (!c.failed_by_reason.empty()) {
    human_ << " (";
    bool first = true;
    for (const auto& [reason, n] : c.failed_by_reason) {
      human_ << (first ? "" : ", ") << n << " " << reason;
      first = false;
    }
    human_ << ")";
  }
  if (c.skipped_failed > 0) {
    human_ << _f(", {} failed before (not retried; see --retry-failed)", c.skipped_failed);
  }
  if (c.other_files > 0) human_ << _f(", {} other files skipped", c.other_files);
  human_ << _f("; {} pages ({} OCR, {:.1f} pages/s), {} records ({} need review) in {} -> {}",
               c.pages, c.ocr_pages, t > 0 ? c.pages / t : 0.0, c.records, c.needs_review,
               Duration(t), store)
         << "\n";
  if (mode_ == Mode::kJson) {
    nlohmann::json j = c.ToJson();
    j["type"] = "summary";
    j["interrupted"] = interrupted;
    j["elapsed_s"] = std::round(t * 10) / 10;
    machine_ << j.dump() << "\n" << std::flush;
  }
}

}  // namespace acervo
