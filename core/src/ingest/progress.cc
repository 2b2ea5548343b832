#include "ingest/progress.h"

#include <cmath>
#include <cstdio>

namespace acervo {
namespace {

std::string Duration(double seconds) {
  char buf[32];
  int s = static_cast<int>(std::lround(seconds));
  if (s >= 3600) std::snprintf(buf, sizeof buf, "%dh%02dm", s / 3600, s / 60 % 60);
  else if (s >= 60) std::snprintf(buf, sizeof buf, "%dm%02ds", s / 60, s % 60);
  else std::snprintf(buf, sizeof buf, "%ds", s);
  return buf;
}

}  // namespace

nlohmann::json IngestCounts::ToJson() const {
  return {{"documents", documents}, {"stored", stored}, {"skipped", skipped},
          {"skipped_failed", skipped_failed}, {"failed", failed},
          {"failed_by_reason", failed_by_reason}, {"other_files", other_files},
          {"pages", pages}, {"ocr_pages", ocr_pages}, {"records", records},
          {"needs_review", needs_review}};
}

ProgressReporter::ProgressReporter(Mode mode, std::ostream& human, std::ostream& machine)
    : mode_(mode), human_(human), machine_(machine),
      start_(std::chrono::steady_clock::now()), last_(start_) {}

double ProgressReporter::Elapsed() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

std::string ProgressReporter::Line(const IngestCounts& c) const {
  double t = Elapsed();
  int64_t done = c.finished();
  char buf[256];
  std::snprintf(buf, sizeof buf, "%lld/%lld docs, %lld pages (%.1f pages/s, %lld OCR), %lld failed",
                static_cast<long long>(done), static_cast<long long>(c.documents),
                static_cast<long long>(c.pages), t > 0 ? c.pages / t : 0.0,
                static_cast<long long>(c.ocr_pages), static_cast<long long>(c.failed));
  std::string line = buf;
  if (done > 0 && done < c.documents) {
    line += ", ETA " + Duration(t / static_cast<double>(done) * static_cast<double>(c.documents - done));
  }
  return line;
}

void ProgressReporter::Update(const IngestCounts& c, bool force) {
  auto now = std::chrono::steady_clock::now();
  auto every = mode_ == Mode::kLines ? std::chrono::seconds(10) : std::chrono::seconds(1);
  if (!force && now - last_ < (mode_ == Mode::kBar ? std::chrono::milliseconds(200) : every)) return;
  last_ = now;
  switch (mode_) {
    case Mode::kBar: {
      constexpr int kWidth = 24;
      int filled = c.documents > 0 ? static_cast<int>(kWidth * c.finished() / c.documents) : 0;
      human_ << "\r\033[K[" << std::string(filled, '#') << std::string(kWidth - filled, '.')
             << "] " << Line(c) << std::flush;
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
  human_ << "acervo: " << (interrupted ? "interrupted: " : "") << c.stored << " stored, "
         << c.skipped << " already stored, " << c.failed << " failed";
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
    human_ << ", " << c.skipped_failed << " failed before (not retried; see --retry-failed)";
  }
  if (c.other_files > 0) human_ << ", " << c.other_files << " other files skipped";
  char rate[64];
  std::snprintf(rate, sizeof rate, "%.1f", t > 0 ? c.pages / t : 0.0);
  human_ << "; " << c.pages << " pages (" << c.ocr_pages << " OCR, " << rate << " pages/s), "
         << c.records << " records (" << c.needs_review << " need review) in " << Duration(t)
         << " -> " << store << "\n";
  if (mode_ == Mode::kJson) {
    nlohmann::json j = c.ToJson();
    j["type"] = "summary";
    j["interrupted"] = interrupted;
    j["elapsed_s"] = std::round(t * 10) / 10;
    machine_ << j.dump() << "\n" << std::flush;
  }
}

}  // namespace acervo
