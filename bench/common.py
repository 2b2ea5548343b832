"""Shared helpers of the bench/ scripts: timing commands, medians, machine facts."""

import datetime
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("ACERVO_SHARED", os.path.join(os.path.dirname(REPO), "shared"))


def die(message):
    print(f"bench: {message}", file=sys.stderr)
    sys.exit(1)


def find_acervo(build_dir):
    """The `acervo` binary of a build folder (argument, $ACERVO_BUILD, else build/)."""
    build = build_dir or os.environ.get("ACERVO_BUILD") or os.path.join(REPO, "build")
    exe = os.path.join(build, "acervo")
    if not os.access(exe, os.X_OK):
        die(f"no acervo in {build}: build it first (see bench/README.md)")
    return exe


def require_tool(name):
    if shutil.which(name) is None:
        die(f"'{name}' is not installed (see bench/README.md)")


def run_timed(cmd, env=None):
    """Runs cmd once, output discarded. Returns (wall seconds, cpu seconds, peak RSS in KiB
    of the largest child process so far). Raises when the command fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {done.returncode}: "
                           f"{done.stderr.decode(errors='replace')[-300:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss


def median_runs(fn, runs, warmup=1):
    """Calls fn() warmup + runs times; returns (median, min, max) of the counted results."""
    for _ in range(warmup):
        fn()
    values = [fn() for _ in range(runs)]
    return statistics.median(values), min(values), max(values)


def median_pair(fn_a, fn_b, runs, warmup=1):
    """Times two commands alternately (a, b, a, b, ...) so that load from other jobs on the
    machine falls on both alike. Each fn returns (wall, cpu) seconds. Returns, for a and for
    b, ((wall median, min, max), (cpu median, min, max))."""
    for _ in range(warmup):
        fn_a()
        fn_b()
    a, b = [], []
    for _ in range(runs):
        a.append(fn_a())
        b.append(fn_b())

    def stats(samples):
        out = []
        for i in range(2):
            v = [s[i] for s in samples]
            out.append((statistics.median(v), min(v), max(v)))
        return tuple(out)

    return stats(a), stats(b)


def omp_env():
    env = dict(os.environ)
    env["OMP_THREAD_LIMIT"] = "1"
    return env


def machine():
    """One line naming the machine, for the figures' header."""
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    load = os.getloadavg()[0]
    return (f"{now}; {platform.system()} {platform.release()}; {os.cpu_count()} CPUs "
            f"({model}); load average at start {load:.2f}")


def fmt_range(stats, unit="s", scale=1.0):
    med, lo, hi = stats
    return f"{med * scale:.3f} {unit} ({lo * scale:.3f}-{hi * scale:.3f})"
