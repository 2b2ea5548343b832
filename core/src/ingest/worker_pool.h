// worker_pool.h — runs documents through worker processes, as Apache Tika's pipes do, so a
// parser that crashes, hangs or eats memory takes down one worker, never the batch.
//
// Each worker is the acervo binary run as `acervo __worker ARGS...`: it reads one request
// frame at a time on stdin and answers with progress frames and one result frame on stdout
// (see frame.h). The pool kills a worker whose document runs past its deadline (pushed back
// by each progress frame), reports a worker that died as a crash with its signal, limits each
// worker's address space, and replaces workers after a number of documents.
#ifndef ACERVO_CORE_INGEST_WORKER_POOL_H_
#define ACERVO_CORE_INGEST_WORKER_POOL_H_

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "acervo/status.h"

namespace acervo {

struct WorkerPoolOptions {
  std::filesystem::path executable;  // the acervo binary
  std::vector<std::string> args;     // after "__worker"
  int jobs = 1;
  std::chrono::milliseconds timeout{std::chrono::minutes(5)};  // per document, since progress
  size_t max_memory_mb = 0;  // address-space limit per worker; 0 = none
  int recycle_after = 100;   // documents per worker before it is replaced
  // Asked twice a second or more: once true, Run kills every worker, reports each job in
  // flight as failed "interrupted" and returns (`acervo work` on SIGTERM). Null: never.
  std::function<bool()> abort;
};

struct Job {
  size_t id = 0;
  nlohmann::json request;  // sent to the worker as is
};

// How a document ended. `failure` is "" on success, else "error" (the worker reported a
// Status), "crash", "timeout", "memory" or "interrupted" (WorkerPoolOptions::abort).
struct JobOutcome {
  size_t id = 0;
  std::string failure;
  nlohmann::json result;  // the worker's result frame when it answered
  Status status;          // why it failed
};

class WorkerPool {
 public:
  explicit WorkerPool(WorkerPoolOptions options);
  ~WorkerPool();  // kills and reaps every worker
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Gives each idle worker a job from `next`, and reports each dispatched job's outcome to
  // `done` exactly once. `next` may return nothing for now and a job later, once an outcome
  // has made one (a scanned document's pages): Run returns when `next` has nothing and no
  // job is in flight. `next` decides what a stop request means (worker_pool does not look).
  // Progress frames go to `progress`. Callbacks run on the calling thread.
  Status Run(const std::function<std::optional<Job>()>& next,
             const std::function<void(JobOutcome)>& done,
             const std::function<void(size_t id, const nlohmann::json&)>& progress);

  // Kills every worker now (a second Ctrl-C).
  void KillAll();

 private:
  struct Worker;
  Status Spawn(Worker* w);
  void Reap(Worker* w, int signal_to_send);

  WorkerPoolOptions options_;
  std::vector<Worker> workers_;
};

// "crash (SIGSEGV)" style description of a wait status.
std::string DescribeExit(int wait_status);

}  // namespace acervo

#endif  // ACERVO_CORE_INGEST_WORKER_POOL_H_
