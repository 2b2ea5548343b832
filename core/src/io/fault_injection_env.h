// fault_injection_env.h — (for tests) an Env that fails on purpose: file writes that stop
// midway, renames that fail, database writes refused from the Nth on. Everything else goes to
// the Env it wraps. Errors name the file, as real ones do.
//
// Thread-safe: the switches are atomics and may be flipped while another thread writes.
#ifndef ACERVO_CORE_IO_FAULT_INJECTION_ENV_H_
#define ACERVO_CORE_IO_FAULT_INJECTION_ENV_H_

#include <atomic>
#include <cstdint>
#include <limits>

#include "io/env.h"

namespace acervo {

class FaultInjectionEnv : public EnvWrapper {
 public:
  explicit FaultInjectionEnv(const Env& target = Env::Default()) : EnvWrapper(target) {}

  // WritableFiles accept `bytes` more bytes in all, write what fits of the append that
  // crosses the limit, and fail it and every append after it.
  void FailWritesAfterBytes(int64_t bytes) { write_budget_ = bytes; }
  // Renames fail (the files stay as they were).
  void FailRenames(bool fail) { fail_renames_ = fail; }
  // Database writes (Env::BeforeDatabaseWrite) are allowed `writes` more times, then refused.
  void FailDatabaseWritesAfter(int64_t writes) { database_budget_ = writes; }
  // Everything succeeds again.
  void Heal();

  // How many database writes were asked for since construction.
  int64_t database_writes() const { return database_writes_; }

  Result<std::unique_ptr<WritableFile>> NewWritableFile(
      const std::filesystem::path& path) const override;
  Status RenameFile(const std::filesystem::path& from,
                    const std::filesystem::path& to) const override;
  Status BeforeDatabaseWrite(const std::filesystem::path& file) const override;

 private:
  static constexpr int64_t kUnlimited = std::numeric_limits<int64_t>::max();
  friend class FaultyWritableFile;

  mutable std::atomic<int64_t> write_budget_{kUnlimited};
  mutable std::atomic<int64_t> database_budget_{kUnlimited};
  mutable std::atomic<int64_t> database_writes_{0};
  std::atomic<bool> fail_renames_{false};
};

}  // namespace acervo

#endif  // ACERVO_CORE_IO_FAULT_INJECTION_ENV_H_
