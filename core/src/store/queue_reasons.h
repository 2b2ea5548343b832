// queue_reasons.h — the words both store engines store when a lease expires, so a failure
// reads the same whatever engine kept the queue (these are stored: English, docs/i18n.md).
#ifndef ACERVO_CORE_STORE_QUEUE_REASONS_H_
#define ACERVO_CORE_STORE_QUEUE_REASONS_H_

#include <cstdint>
#include <string>

namespace acervo::store {

// The note kept on a queue entry whose lease `worker` let expire.
inline std::string LeaseExpiredNote(const std::string& worker) {
  return "its worker (" + worker + ") let the lease expire";
}

// The failure recorded when the last of `attempts` attempts at `path` ended so.
inline std::string GivenUpReason(const std::string& path, int64_t attempts,
                                 const std::string& worker) {
  return path + ": given up after " + std::to_string(attempts) + " attempts; the last ended when " +
         LeaseExpiredNote(worker) + " (killed, or lost its host)";
}

// The failure code of a file given up so.
inline constexpr const char* kLostLeaseCode = "lost";

}  // namespace acervo::store

#endif  // ACERVO_CORE_STORE_QUEUE_REASONS_H_
