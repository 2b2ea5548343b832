// acervo __worker — one ingest worker process (see core/src/ingest/worker_pool.h). Not for
// people: `acervo ingest` starts these. Reads request frames on stdin, answers on stdout.
#include <unistd.h>

#include <iostream>
#include <new>

#include "command.h"
#include "engine_options.h"
#include "ingest/frame.h"
#include "ingest/worker_messages.h"

namespace acervo::cli {
namespace {

int RunWorker(const EngineFlags& flags) {
  // The protocol owns the real stdout; anything a library prints goes to stderr instead.
  int out = dup(1);
  dup2(2, 1);
  Result<std::unique_ptr<Engine>> engine = Engine::Open(flags.engine);
  while (true) {
    Result<nlohmann::json> request = ReadFrame(0);
    if (!request.ok()) return request.status().code() == Code::kNotFound ? kExitOk : kExitFailure;
    WorkerReply reply;
    try {
      if (!engine.ok()) {
        reply.message = engine.status().message();
      } else {
        WorkerRequest r = WorkerRequest::FromJson(*request);
        r.overrides.progress = [out](int pages_done, int pages) {
          WriteFrame(out, WorkerProgress{pages_done, pages}.ToJson());
        };
        Result<Extraction> x = (*engine)->Process(r.path, r.overrides);
        if (x.ok()) {
          reply.ok = true;
          reply.extraction = std::move(*x);
        } else {
          reply.code = CodeName(x.status().code());
          reply.message = x.status().message();
        }
      }
    } catch (const std::bad_alloc&) {
      reply = WorkerReply{};
      reply.failure = "memory";
      reply.message = "ran out of memory (worker memory limit reached)";
    } catch (const std::exception& e) {
      reply.message = std::string("internal error: ") + e.what();
    }
    if (!WriteFrame(out, reply.ToJson()).ok()) return kExitFailure;
    if (reply.failure == "memory") return kExitFailure;  // start afresh
  }
}

Registration reg({"__worker", "", 1000, [](CLI::App& app) -> RunFn {
                    app.group("");  // hidden from --help
                    auto flags = std::make_shared<EngineFlags>();
                    flags->AddTo(app);
                    return [flags] { return RunWorker(*flags); };
                  }});

}  // namespace
}  // namespace acervo::cli
