// work_loop.h — `acervo work`: drain the store's queue in isolated worker processes, on any
// host that reaches the store and the files. `acervo ingest` into a shared store runs it too,
// after queueing its paths.
//
// One coordinator per process takes files (QueueFeed), extracts them in the worker pool
// (IngestJob, as ingest does), renews its leases from a heartbeat thread, and stores each
// document with its lease finished in one transaction. SIGINT/SIGTERM stop it: workers are
// killed, held leases go back to the queue, and it exits 130.
#ifndef ACERVO_TOOLS_WORK_LOOP_H_
#define ACERVO_TOOLS_WORK_LOOP_H_

#include <string>

#include "engine_options.h"
#include "pool_flags.h"

namespace acervo::cli {

struct WorkSettings {
  std::string store;  // as given to --store ("" = the default)
  EngineFlags flags;
  PoolFlags pool;
  int lease_s = 300;
  int max_attempts = 3;
  bool until_empty = false;
  bool whole_documents = false;
  bool json_progress = false;
};

// Runs until the queue is empty (with until_empty) or a signal; returns the exit status.
int RunWork(const WorkSettings& s);

}  // namespace acervo::cli

#endif  // ACERVO_TOOLS_WORK_LOOP_H_
