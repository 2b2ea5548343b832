// lease_heartbeat.h — keeps a worker's leases alive while their documents are extracted:
// a thread that renews every lease a QueueFeed holds, every third of the lease time, through
// a store connection of its own (a Store is not shared across threads).
//
// A renewal refused because the lease was lost is told to `on_error` once per lease; storing
// that document will then be refused too (QueueFeed::Store), so nothing is stored twice.
#ifndef ACERVO_CORE_INGEST_LEASE_HEARTBEAT_H_
#define ACERVO_CORE_INGEST_LEASE_HEARTBEAT_H_

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "ingest/queue_feed.h"
#include "store/store.h"

namespace acervo {

class LeaseHeartbeat {
 public:
  // Starts renewing `feed`'s leases for `lease` each, through `store` (owned).
  LeaseHeartbeat(const QueueFeed* feed, std::unique_ptr<Store> store, std::chrono::seconds lease,
                 std::function<void(const std::string&)> on_error);
  ~LeaseHeartbeat();  // stops and joins the thread
  LeaseHeartbeat(const LeaseHeartbeat&) = delete;
  LeaseHeartbeat& operator=(const LeaseHeartbeat&) = delete;

 private:
  void Loop();

  const QueueFeed* feed_;
  std::unique_ptr<Store> store_;
  std::chrono::seconds lease_;
  std::function<void(const std::string&)> on_error_;
  std::set<int64_t> lost_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace acervo

#endif  // ACERVO_CORE_INGEST_LEASE_HEARTBEAT_H_
