#include "ingest/lease_heartbeat.h"

#include <algorithm>

namespace acervo {

LeaseHeartbeat::LeaseHeartbeat(const QueueFeed* feed, std::unique_ptr<Store> store,
                               std::chrono::seconds lease,
                               std::function<void(const std::string&)> on_error)
    : feed_(feed), store_(std::move(store)), lease_(lease), on_error_(std::move(on_error)) {
  thread_ = std::thread([this] { Loop(); });
}

LeaseHeartbeat::~LeaseHeartbeat() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void LeaseHeartbeat::Loop() {
  const auto every =
      std::max<std::chrono::milliseconds>(std::chrono::milliseconds(500), lease_ / 3);
  std::unique_lock<std::mutex> lock(mu_);
  while (!wake_.wait_for(lock, every, [this] { return stop_; })) {
    lock.unlock();
    for (const Lease& lease : feed_->Leases()) {
      Status s = store_->Renew(lease, lease_);
      if (s.ok()) continue;
      if (s.code() == Code::kAborted) {
        // Lost, unless the feed let go of it meanwhile (stored, failed, released).
        std::vector<Lease> held = feed_->Leases();
        bool still = std::any_of(held.begin(), held.end(),
                                 [&](const Lease& l) { return l.token == lease.token; });
        if (!still || !lost_.insert(lease.item).second) continue;
      }
      if (on_error_) on_error_(s.message());
    }
    lock.lock();
  }
}

}  // namespace acervo
