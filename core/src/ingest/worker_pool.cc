#include "ingest/worker_pool.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "ingest/frame.h"
#include "ingest/worker_messages.h"

namespace acervo {
namespace {
#ifdef ACERVO_SANITIZE
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
}  // namespace

using Clock = std::chrono::steady_clock;

struct WorkerPool::Worker {
  pid_t pid = -1;
  int to = -1;    // the worker's stdin
  int from = -1;  // the worker's stdout
  FrameReader reader;
  std::optional<size_t> job;  // the document it is working on
  Clock::time_point deadline;
  int done = 0;  // documents finished by this process
};

std::string DescribeExit(int status) {
  if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    const char* abbrev = sigabbrev_np(sig);
    return std::string("crashed (signal ") + std::to_string(sig) +
           (abbrev ? std::string(", SIG") + abbrev : "") + ")";
  }
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
  return "stopped";
}

WorkerPool::WorkerPool(WorkerPoolOptions options) : options_(std::move(options)) {
  options_.jobs = std::max(1, options_.jobs);
  workers_.resize(static_cast<size_t>(options_.jobs));
  signal(SIGPIPE, SIG_IGN);  // a dead worker's pipe must give EPIPE, not kill us
}

WorkerPool::~WorkerPool() { KillAll(); }

void WorkerPool::KillAll() {
  for (Worker& w : workers_) Reap(&w, SIGKILL);
}

void WorkerPool::Reap(Worker* w, int signal_to_send) {
  if (w->to >= 0) close(w->to);
  if (w->from >= 0) close(w->from);
  w->to = w->from = -1;
  if (w->pid > 0) {
    if (signal_to_send) kill(w->pid, signal_to_send);
    int status;
    while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  w->pid = -1;
  w->reader = FrameReader();
  w->job.reset();
  w->done = 0;
}

Status WorkerPool::Spawn(Worker* w) {
  int in[2], out[2];
  if (pipe2(in, O_CLOEXEC) != 0) return IoError(std::string("pipe: ") + strerror(errno));
  if (pipe2(out, O_CLOEXEC) != 0) {
    close(in[0]), close(in[1]);
    return IoError(std::string("pipe: ") + strerror(errno));
  }
  std::vector<std::string> argv_s = {options_.executable.string(), "__worker"};
  argv_s.insert(argv_s.end(), options_.args.begin(), options_.args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);

  pid_t pid = fork();
  if (pid < 0) return IoError(std::string("fork: ") + strerror(errno));
  if (pid == 0) {
    // Child: only async-signal-safe calls until exec.
    dup2(in[0], 0);
    dup2(out[1], 1);
    signal(SIGINT, SIG_IGN);  // Ctrl-C is the coordinator's to handle
    signal(SIGPIPE, SIG_DFL);
    // Under AddressSanitizer (ACERVO_SANITIZE) the shadow memory alone exceeds any limit.
    if (options_.max_memory_mb > 0 && !kSanitized) {
      rlim_t bytes = static_cast<rlim_t>(options_.max_memory_mb) << 20;
      struct rlimit limit = {bytes, bytes};
      setrlimit(RLIMIT_AS, &limit);
    }
    setenv("OMP_THREAD_LIMIT", "1", 1);  // tesseract's threads must not fight the pool's
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(in[0]);
  close(out[1]);
  fcntl(out[0], F_SETFL, fcntl(out[0], F_GETFL) | O_NONBLOCK);
  w->pid = pid;
  w->to = in[1];
  w->from = out[0];
  w->done = 0;
  return Status::Ok();
}

Status WorkerPool::Run(const std::function<std::optional<Job>()>& next,
                       const std::function<void(JobOutcome)>& done,
                       const std::function<void(size_t, const nlohmann::json&)>& progress) {
  auto finish = [&](Worker& w, JobOutcome outcome, bool reap, int sig) {
    outcome.id = *w.job;
    w.job.reset();
    if (reap) Reap(&w, sig);
    done(std::move(outcome));
  };

  while (true) {
    if (options_.abort && options_.abort()) {
      for (Worker& w : workers_) {
        if (!w.job) continue;
        JobOutcome o;
        o.failure = "interrupted";
        o.status = Status(Code::kAborted, "interrupted");
        finish(w, std::move(o), true, SIGKILL);
      }
      return Status::Ok();
    }
    // Hand out work to idle workers. `next` may have nothing now and more later (the pages
    // of a document still being planned), so it is asked again each round.
    bool starved = false;
    for (Worker& w : workers_) {
      if (w.job) continue;
      std::optional<Job> job = next();
      if (!job) {
        starved = true;
        break;
      }
      if (w.pid < 0 || w.done >= options_.recycle_after) {
        if (w.pid > 0) Reap(&w, SIGTERM);
        ACERVO_RETURN_IF_ERROR(Spawn(&w).Prefixed("starting a worker"));
      }
      w.job = job->id;
      w.deadline = Clock::now() + options_.timeout;
      Status s = WriteFrame(w.to, job->request);
      if (!s.ok()) {  // the worker died before taking it: its exit says why
        int status = 0;
        waitpid(w.pid, &status, 0);
        w.pid = -1;
        JobOutcome o;
        o.failure = "crash";
        o.status = Internal("worker " + DescribeExit(status) + " before taking the document");
        finish(w, std::move(o), true, 0);
      }
    }

    std::vector<pollfd> fds;
    std::vector<Worker*> polled;
    Clock::time_point soonest = Clock::now() + std::chrono::milliseconds(500);
    for (Worker& w : workers_) {
      if (!w.job) continue;
      fds.push_back({w.from, POLLIN, 0});
      polled.push_back(&w);
      soonest = std::min(soonest, w.deadline);
    }
    // Work comes only from `next` and from outcomes: with none in flight, it is all done.
    if (fds.empty()) {
      if (starved) return Status::Ok();
      continue;
    }
    auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(soonest - Clock::now());
    int ready = poll(fds.data(), fds.size(), static_cast<int>(std::max<int64_t>(0, wait.count())));
    if (ready < 0 && errno != EINTR) return IoError(std::string("poll: ") + strerror(errno));

    for (size_t i = 0; i < fds.size(); ++i) {
      Worker& w = *polled[i];
      if (fds[i].revents != 0) {
        char buf[1 << 16];
        bool eof = false;
        while (true) {
          ssize_t n = read(w.from, buf, sizeof buf);
          if (n > 0) {
            w.reader.Feed(buf, static_cast<size_t>(n));
            continue;
          }
          if (n == 0) eof = true;
          break;  // EAGAIN: nothing more for now
        }
        while (w.job) {
          Result<std::optional<nlohmann::json>> frame = w.reader.Next();
          if (frame.ok() && !frame->has_value()) break;
          Result<WorkerFrameHead> head =
              frame.ok() ? WorkerFrameHead::FromJson(**frame) : frame.status();
          if (!head.ok()) {
            // Garbage on the worker's stdout: this document fails, the worker is replaced.
            JobOutcome o;
            o.failure = "crash";
            o.status = Internal("worker sent a malformed message: " + head.status().message());
            finish(w, std::move(o), true, SIGKILL);
            break;
          }
          nlohmann::json& msg = **frame;
          if (head->progress) {
            w.deadline = Clock::now() + options_.timeout;
            progress(*w.job, msg);
            continue;
          }
          ++w.done;
          JobOutcome o;
          bool memory = head->failure == "memory";
          if (!head->ok) {
            o.failure = memory ? "memory" : "error";
            o.status =
                Status(memory ? Code::kInternal : head->code,
                       head->message.empty() ? "the worker reported a failure" : head->message);
          }
          o.result = std::move(msg);
          // A worker that ran out of memory may be in a bad state: replace it.
          finish(w, std::move(o), memory, SIGKILL);
        }
        if (eof && w.pid > 0) {
          int status = 0;
          while (waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
          }
          w.pid = -1;
          if (w.job) {
            JobOutcome o;
            bool killed_for_memory = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
            o.failure = killed_for_memory ? "memory" : "crash";
            o.status = Internal("worker " + DescribeExit(status) +
                                (killed_for_memory ? " (killed, likely out of memory)" : ""));
            finish(w, std::move(o), true, 0);
          } else {
            Reap(&w, 0);
          }
          continue;
        }
      }
      if (w.job && Clock::now() >= w.deadline) {
        JobOutcome o;
        o.failure = "timeout";
        o.status = Status(Code::kTimeout, "no progress for " +
                                              std::to_string(options_.timeout.count() / 1000) +
                                              " s: worker killed");
        finish(w, std::move(o), true, SIGKILL);
      }
    }
  }
}

}  // namespace acervo
