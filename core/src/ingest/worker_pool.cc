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

JobOutcome Interrupted(size_t id) {
  JobOutcome o;
  o.id = id;
  o.failure = "interrupted";
  o.status = Status(Code::kAborted, "interrupted");
  return o;
}

}  // namespace

using Clock = std::chrono::steady_clock;

struct WorkerPool::Worker {
  pid_t pid = -1;
  int to = -1;    // the worker's stdin (non-blocking: a full pipe never stalls the pool)
  int from = -1;  // the worker's stdout (non-blocking)
  FrameReader reader;
  // Jobs sent to this process and not answered yet, oldest first: it is on the first; the
  // others wait behind it, keeping their request to go to another worker if this one dies.
  std::deque<Job> jobs;
  std::string outbox;  // request bytes the pipe has not taken yet, from `written` on
  size_t written = 0;
  Clock::time_point deadline;  // of the first job
  int sent = 0;                // jobs sent to this process
};

struct WorkerPool::Calls {
  const std::function<std::optional<Job>()>& next;
  const std::function<void(size_t, const nlohmann::json&)>& progress;
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
  w->jobs.clear();
  w->outbox.clear();
  w->written = 0;
  w->sent = 0;
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
  fcntl(in[1], F_SETFL, fcntl(in[1], F_GETFL) | O_NONBLOCK);
  w->pid = pid;
  w->to = in[1];
  w->from = out[0];
  w->sent = 0;
  return Status::Ok();
}

Status WorkerPool::Send(Worker* w, Job job) {
  Result<std::string> frame = EncodeFrame(job.request);
  if (!frame.ok()) {  // a request too large to send fails alone; the worker never saw it
    JobOutcome o;
    o.id = job.id;
    o.failure = "error";
    o.status = frame.status();
    outcomes_.push_back(std::move(o));
    return Status::Ok();
  }
  if (w->pid < 0 || w->sent >= options_.recycle_after) {
    if (w->pid > 0) Reap(w, SIGTERM);
    ACERVO_RETURN_IF_ERROR(Spawn(w).Prefixed("starting a worker"));
  }
  // The job it starts on has its whole timeout from now; one queued behind, from when the
  // worker answers the one before.
  if (w->jobs.empty()) {
    w->deadline = Clock::now() + options_.timeout;
    job.request = nullptr;  // never sent again: a death now is this job's
  }
  w->outbox += *frame;
  w->jobs.push_back(std::move(job));
  ++w->sent;
  Flush(w);
  return Status::Ok();
}

void WorkerPool::Flush(Worker* w) {
  while (w->to >= 0 && w->written < w->outbox.size()) {
    ssize_t n = write(w->to, w->outbox.data() + w->written, w->outbox.size() - w->written);
    if (n > 0) {
      w->written += static_cast<size_t>(n);
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else if (n < 0 && errno == EAGAIN) {
      return;  // the pipe is full: poll says when it has room
    } else {
      // The worker is gone (EPIPE): the end of its stdout, read next, says how.
      close(w->to);
      w->to = -1;
    }
  }
  if (w->written == w->outbox.size()) {
    w->outbox.clear();
    w->written = 0;
  }
}

Status WorkerPool::Fill(const Calls& calls, bool* starved) {
  const bool stopping = options_.stopping && options_.stopping();
  if (stopping) {
    // Jobs whose worker died before starting them do not start now.
    for (const Job& job : returned_) outcomes_.push_back(Interrupted(job.id));
    returned_.clear();
  }
  // Every idle worker first, then one more job each, up to `ahead`.
  const size_t depth = 1 + static_cast<size_t>(stopping ? 0 : std::max(0, options_.ahead));
  for (size_t room = 1; room <= depth; ++room) {
    for (Worker& w : workers_) {
      if (w.jobs.size() >= room) continue;
      if (w.pid > 0 && w.to < 0) continue;  // dying: its stdout's end is still to be read
      // A process that has had its share takes no more; once it has answered, it is replaced.
      if (w.pid > 0 && w.sent >= options_.recycle_after && !w.jobs.empty()) continue;
      std::optional<Job> job;
      if (!returned_.empty()) {
        job = std::move(returned_.front());
        returned_.pop_front();
      } else {
        job = calls.next();
      }
      if (!job) {
        *starved = true;
        return Status::Ok();
      }
      ACERVO_RETURN_IF_ERROR(Send(&w, std::move(*job)));
    }
  }
  return Status::Ok();
}

void WorkerPool::Lost(Worker* w, JobOutcome front, int signal_to_send) {
  front.id = w->jobs.front().id;
  w->jobs.pop_front();
  // The jobs behind it never started: another worker takes them, first.
  for (auto job = w->jobs.rbegin(); job != w->jobs.rend(); ++job) {
    returned_.push_front(std::move(*job));
  }
  w->jobs.clear();
  Reap(w, signal_to_send);
  outcomes_.push_back(std::move(front));
}

void WorkerPool::Answered(Worker* w, nlohmann::json msg, const WorkerFrameHead& head) {
  JobOutcome o;
  bool memory = head.failure == "memory";
  if (!head.ok) {
    o.failure = memory ? "memory" : "error";
    o.status = Status(memory ? Code::kInternal : head.code,
                      head.message.empty() ? "the worker reported a failure" : head.message);
  }
  o.result = std::move(msg);
  if (memory) {  // a worker that ran out of memory may be in a bad state: replace it
    Lost(w, std::move(o), SIGKILL);
    return;
  }
  o.id = w->jobs.front().id;
  w->jobs.pop_front();
  outcomes_.push_back(std::move(o));
  if (w->jobs.empty()) return;
  // It is on the next one now, which will not be sent anywhere else.
  w->deadline = Clock::now() + options_.timeout;
  w->jobs.front().request = nullptr;
}

void WorkerPool::Died(Worker* w) {
  int status = 0;
  while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR) {
  }
  w->pid = -1;
  if (w->jobs.empty()) {
    Reap(w, 0);
    return;
  }
  JobOutcome o;
  bool killed_for_memory = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
  o.failure = killed_for_memory ? "memory" : "crash";
  o.status = Internal("worker " + DescribeExit(status) +
                      (killed_for_memory ? " (killed, likely out of memory)" : ""));
  Lost(w, std::move(o), 0);
}

void WorkerPool::Read(Worker* w, const Calls& calls) {
  char buf[1 << 16];
  bool eof = false;
  bool answered = false;
  while (true) {
    ssize_t n = read(w->from, buf, sizeof buf);
    if (n > 0) {
      w->reader.Feed(buf, static_cast<size_t>(n));
      continue;
    }
    if (n == 0) eof = true;
    break;  // EAGAIN: nothing more for now
  }
  while (!w->jobs.empty()) {
    Result<std::optional<nlohmann::json>> frame = w->reader.Next();
    if (frame.ok() && !frame->has_value()) break;
    Result<WorkerFrameHead> head = frame.ok() ? WorkerFrameHead::FromJson(**frame) : frame.status();
    if (!head.ok()) {
      // Garbage on the worker's stdout: this document fails, the worker is replaced.
      JobOutcome o;
      o.failure = "crash";
      o.status = Internal("worker sent a malformed message: " + head.status().message());
      Lost(w, std::move(o), SIGKILL);
      return;
    }
    if (head->progress) {
      w->deadline = Clock::now() + options_.timeout;
      calls.progress(w->jobs.front().id, **frame);
      continue;
    }
    Answered(w, std::move(**frame), *head);
    if (w->pid < 0) return;  // replaced
    answered = true;
  }
  if (answered && !w->jobs.empty() && options_.stopping && options_.stopping()) {
    // A stop waits for the job a worker was on, not for the ones queued behind it.
    for (const Job& job : w->jobs) outcomes_.push_back(Interrupted(job.id));
    w->jobs.clear();
    Reap(w, SIGKILL);
    return;
  }
  if (eof && w->pid > 0) Died(w);
}

void WorkerPool::Interrupt() {
  for (Worker& w : workers_) {
    for (const Job& job : w.jobs) outcomes_.push_back(Interrupted(job.id));
    Reap(&w, SIGKILL);
  }
  for (const Job& job : returned_) outcomes_.push_back(Interrupted(job.id));
  returned_.clear();
}

// The loop of a run: send work, wait for the workers, read what they said, send the
// answered ones their next job, and only then hand the answers to `done` (which stores
// them), so that no worker waits on the store.
Status WorkerPool::Run(const std::function<std::optional<Job>()>& next,
                       const std::function<void(JobOutcome)>& done,
                       const std::function<void(size_t, const nlohmann::json&)>& progress) {
  const Calls calls{next, progress};
  // Hands the outcomes gathered so far to `done`; true when there were any.
  auto deliver = [&] {
    std::vector<JobOutcome> out;
    out.swap(outcomes_);
    for (JobOutcome& o : out) done(std::move(o));
    return !out.empty();
  };
  Status failed;
  while (failed.ok()) {
    if (options_.abort && options_.abort()) {
      Interrupt();
      deliver();
      return Status::Ok();
    }
    // `next` may have nothing now and more later (the pages of a document still being
    // planned, or made by an outcome delivered here), so it is asked again each round.
    bool starved = false;
    failed = Fill(calls, &starved);
    bool delivered = deliver();
    if (!failed.ok()) break;

    std::vector<pollfd> fds;
    std::vector<std::pair<Worker*, bool>> polled;  // whose, and whether its stdin
    Clock::time_point soonest = Clock::now() + std::chrono::milliseconds(500);
    for (Worker& w : workers_) {
      if (w.jobs.empty()) continue;
      fds.push_back({w.from, POLLIN, 0});
      polled.emplace_back(&w, false);
      if (w.to >= 0 && w.written < w.outbox.size()) {
        fds.push_back({w.to, POLLOUT, 0});
        polled.emplace_back(&w, true);
      }
      soonest = std::min(soonest, w.deadline);
    }
    // Work comes only from `next` and from outcomes: with none in flight, it is all done.
    if (fds.empty()) {
      if (starved && !delivered && returned_.empty()) return Status::Ok();
      continue;
    }
    auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(soonest - Clock::now());
    int ready = poll(fds.data(), fds.size(), static_cast<int>(std::max<int64_t>(0, wait.count())));
    if (ready < 0 && errno != EINTR) return IoError(std::string("poll: ") + strerror(errno));

    for (size_t i = 0; i < fds.size(); ++i) {
      auto [w, stdin_side] = polled[i];
      if (fds[i].revents == 0 || w->jobs.empty()) continue;
      if (stdin_side) {
        if (w->to == fds[i].fd) Flush(w);
      } else if (w->from == fds[i].fd) {
        Read(w, calls);
      }
    }
    for (Worker& w : workers_) {
      if (w.jobs.empty() || Clock::now() < w.deadline) continue;
      JobOutcome o;
      o.failure = "timeout";
      o.status = Status(Code::kTimeout, "no progress for " +
                                            std::to_string(options_.timeout.count() / 1000) +
                                            " s: worker killed");
      Lost(&w, std::move(o), SIGKILL);
    }
    // The answered workers' next jobs go out before `done` stores their answers.
    failed = Fill(calls, &starved);
    deliver();
  }
  return failed;
}

}  // namespace acervo
