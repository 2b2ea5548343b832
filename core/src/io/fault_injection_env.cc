#include "io/fault_injection_env.h"

#include <algorithm>

namespace acervo {

// A WritableFile that spends its Env's write budget and stops where the budget ends.
class FaultyWritableFile : public WritableFile {
 public:
  FaultyWritableFile(std::unique_ptr<WritableFile> file, std::filesystem::path path,
                     const FaultInjectionEnv& env)
      : file_(std::move(file)), path_(std::move(path)), env_(env) {}

  Status Append(std::string_view data) override {
    int64_t budget = env_.write_budget_.load();
    if (budget >= static_cast<int64_t>(data.size())) {
      if (budget != FaultInjectionEnv::kUnlimited) env_.write_budget_ -= data.size();
      return file_->Append(data);
    }
    env_.write_budget_ = 0;
    size_t fits = static_cast<size_t>(std::max<int64_t>(budget, 0));
    ACERVO_RETURN_IF_ERROR(file_->Append(data.substr(0, fits)));
    return IoError(path_.string() + ": write failed (injected: no space left on device)");
  }
  Status Sync() override { return file_->Sync(); }
  Status Close() override { return file_->Close(); }

 private:
  std::unique_ptr<WritableFile> file_;
  std::filesystem::path path_;
  const FaultInjectionEnv& env_;
};

void FaultInjectionEnv::Heal() {
  write_budget_ = kUnlimited;
  database_budget_ = kUnlimited;
  fail_renames_ = false;
}

Result<std::unique_ptr<WritableFile>> FaultInjectionEnv::NewWritableFile(
    const std::filesystem::path& path) const {
  Result<std::unique_ptr<WritableFile>> file = target().NewWritableFile(path);
  if (!file.ok()) return file.status();
  return std::unique_ptr<WritableFile>(new FaultyWritableFile(std::move(*file), path, *this));
}

Status FaultInjectionEnv::RenameFile(const std::filesystem::path& from,
                                     const std::filesystem::path& to) const {
  if (fail_renames_) {
    return IoError(to.string() + ": cannot rename " + from.string() + " to it (injected failure)");
  }
  return target().RenameFile(from, to);
}

Status FaultInjectionEnv::BeforeDatabaseWrite(const std::filesystem::path& file) const {
  ++database_writes_;
  int64_t budget = database_budget_.load();
  if (budget == kUnlimited) return Status::Ok();
  if (budget <= 0) return IoError(file.string() + ": write failed (injected failure)");
  --database_budget_;
  return Status::Ok();
}

}  // namespace acervo
