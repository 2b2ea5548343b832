// worker_pool.h — runs documents through worker processes, as Apache Tika's pipes do, so a
// parser that crashes, hangs or eats memory takes down one worker, never the batch.
//
// Each worker is the acervo binary run as `acervo __worker ARGS...`: it reads one request
// frame at a time on stdin and answers with progress frames and one result frame on stdout
// (see frame.h). The pool kills a worker whose document runs past its deadline (pushed back
// by each progress frame), reports a worker that died as a crash with its signal, limits each
// worker's address space, and replaces workers after a number of documents.
//
// Dispatch ahead (`ahead`): a worker is sent its next job while it is still on the current
// one, so it starts the next the moment it answers instead of waiting while the coordinator
// stores the answer and picks the next document. The job it is on is the oldest it has not
// answered (it reads them in turn): that one alone is charged with a crash, a timeout or a
// memory failure; the jobs queued behind it never started and go to another worker as they
// are, with the same id. Every job `next` gave is reported to `done` exactly once.
//
// Threads: Run and KillAll on one thread; the callbacks run on it.
#ifndef ACERVO_CORE_INGEST_WORKER_POOL_H_
#define ACERVO_CORE_INGEST_WORKER_POOL_H_

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <deque>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "acervo/status.h"

namespace acervo {

struct WorkerFrameHead;

struct WorkerPoolOptions {
  std::filesystem::path executable;  // the acervo binary
  std::vector<std::string> args;     // after "__worker"
  int jobs = 1;
  std::chrono::milliseconds timeout{std::chrono::minutes(5)};  // per document, since progress
  size_t max_memory_mb = 0;  // address-space limit per worker; 0 = none
  int recycle_after = 100;   // documents per worker before it is replaced
  // Jobs sent to a worker beyond the one it is on (0: one at a time). A job sent ahead is
  // taken from `next` early: a feed that charges an attempt when it hands a document out
  // (the queue's leases) keeps 0, or a killed coordinator would charge documents that never
  // started.
  int ahead = 0;
  // Asked twice a second or more: once true, Run kills every worker, reports each job in
  // flight as failed "interrupted" and returns (`acervo work` on SIGTERM). Null: never.
  std::function<bool()> abort;
  // Asked as jobs are answered: once true (a first Ctrl-C), nothing more is sent ahead, and
  // a job queued behind the one just answered is reported "interrupted" (its worker is
  // stopped): a stop waits for the job each worker is on, as with no dispatch ahead, never
  // for one queued behind it. Null: never.
  std::function<bool()> stopping;
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

  // Gives each idle worker a job from `next` (then one more each, up to `ahead`), and reports
  // each dispatched job's outcome to `done` exactly once. A worker's next job is sent before
  // its answer goes to `done`. `next` may return nothing for now and a job later, once an
  // outcome has made one (a scanned document's pages): Run returns when `next` has nothing
  // and no job is in flight. `next` decides what a stop request means (besides `stopping`).
  // Progress frames go to `progress`. Callbacks run on the calling thread.
  Status Run(const std::function<std::optional<Job>()>& next,
             const std::function<void(JobOutcome)>& done,
             const std::function<void(size_t id, const nlohmann::json&)>& progress);

  // Kills every worker now (a second Ctrl-C).
  void KillAll();

 private:
  struct Worker;
  struct Calls;
  Status Spawn(Worker* w);
  void Reap(Worker* w, int signal_to_send);
  // Sends jobs (taken back ones first, then `next`'s) while workers have room; `starved`
  // when `next` had none.
  Status Fill(const Calls& calls, bool* starved);
  Status Send(Worker* w, Job job);  // starts the worker when needed
  void Flush(Worker* w);            // writes what the worker's stdin pipe takes
  void Read(Worker* w, const Calls& calls);
  void Answered(Worker* w, nlohmann::json msg, const WorkerFrameHead& head);
  // The worker is gone or is to be killed: its first job ends as `front` says, the jobs
  // behind it are taken back for another worker.
  void Lost(Worker* w, JobOutcome front, int signal_to_send);
  void Died(Worker* w);  // its stdout ended: reaps it and says why
  void Interrupt();      // every job held ends "interrupted"

  WorkerPoolOptions options_;
  std::vector<Worker> workers_;
  std::deque<Job> returned_;          // sent ahead to a worker that died before them
  std::vector<JobOutcome> outcomes_;  // answered this round, for `done` once work is sent
};

// "crash (SIGSEGV)" style description of a wait status.
std::string DescribeExit(int wait_status);

}  // namespace acervo

#endif  // ACERVO_CORE_INGEST_WORKER_POOL_H_
