// acervo_bench_queue STORE_DIR [SIZES...] — the work queue's operations at growing queue
// lengths (default 1000 and 100000 queued files): for each size, a fresh SQLite store is filled
// with that many synthetic files, then Enqueue (one more file), Take, Renew, Finish and Fail
// (back to the queue) are timed one by one, 500 times each, and their medians printed in
// microseconds. Flat figures across sizes mean no operation scans the queue.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "store/store.h"

namespace {

using Clock = std::chrono::steady_clock;
constexpr int kSamples = 500;

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

acervo::QueuedFile Synthetic(int64_t i) {
  char sha[80];
  std::snprintf(sha, sizeof sha, "sha256:%064lx", static_cast<long>(i));
  return {"/archive/box-" + std::to_string(i / 1000) + "/report-" + std::to_string(i) + ".pdf",
          100000 + i, sha, "bench@1"};
}

template <typename F>
double Micros(F&& f) {
  auto t0 = Clock::now();
  f();
  return std::chrono::duration<double, std::micro>(Clock::now() - t0).count();
}

int Run(const std::filesystem::path& dir, int64_t size) {
  std::filesystem::path file = dir / ("queue-" + std::to_string(size) + ".db");
  std::filesystem::remove(file);
  auto opened = acervo::Store::Open(file);
  if (!opened.ok()) {
    std::fprintf(stderr, "%s\n", opened.status().message().c_str());
    return 1;
  }
  acervo::Store& store = **opened;
  auto fill_start = Clock::now();
  acervo::Status filled = store.Transact([&] {
    for (int64_t i = 0; i < size; ++i) {
      if (auto r = store.Enqueue(Synthetic(i)); !r.ok()) return r.status();
    }
    return acervo::Status::Ok();
  });
  if (!filled.ok()) {
    std::fprintf(stderr, "%s\n", filled.message().c_str());
    return 1;
  }
  double fill_s = std::chrono::duration<double>(Clock::now() - fill_start).count();
  std::vector<double> enqueue, take, renew, finish, fail;
  const auto lease = std::chrono::seconds(300);
  for (int i = 0; i < kSamples; ++i) {
    enqueue.push_back(Micros([&] { (void)store.Enqueue(Synthetic(size + i)); }));
    std::optional<acervo::Lease> a, b;
    take.push_back(Micros([&] { a = *store.Take("bench:1", lease, 1000000); }));
    b = *store.Take("bench:1", lease, 1000000);
    if (!a || !b) return std::fprintf(stderr, "the queue ran dry\n"), 1;
    renew.push_back(Micros([&] { (void)store.Renew(*a, lease); }));
    finish.push_back(Micros([&] { (void)store.Finish(*a, 1); }));
    fail.push_back(Micros([&] { (void)store.Fail(*b, "error", "bench", false, 1000000); }));
  }
  std::printf(
      "%9lld queued (filled in %.1f s): enqueue %.0f  take %.0f  renew %.0f  finish %.0f"
      "  fail %.0f  (median us of %d)\n",
      static_cast<long long>(size), fill_s, Median(enqueue), Median(take), Median(renew),
      Median(finish), Median(fail), kSamples);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: acervo_bench_queue STORE_DIR [SIZES...]\n");
    return 2;
  }
  std::vector<int64_t> sizes;
  for (int i = 2; i < argc; ++i) sizes.push_back(std::stoll(argv[i]));
  if (sizes.empty()) sizes = {1000, 100000};
  std::filesystem::create_directories(argv[1]);
  for (int64_t size : sizes) {
    if (int rc = Run(argv[1], size)) return rc;
  }
  return 0;
}
