#!/usr/bin/env python3
"""One `acervo work` process against two draining the same queue: the speed-up.

Two mixes, generated as bench/ingest/run.py does (tools/make-fixtures on corpora/*.md):
a born-digital mix (text PDFs, each copy made unique) and a scanned mix (200 ppi scans of the
same). For each mix and each number of workers W (1, 2): a fresh SQLite store, `acervo
enqueue` of the mix, then W processes of `acervo work --until-empty --jobs 1` started together;
the time is from their start until the last one exits. Runs alternate W=1 and W=2 so that load
from other jobs falls on both; medians of --runs rounds (min-max).

    python3 bench/queue/drain.py [--build DIR] [--born 60] [--scanned 6] [--runs 3]
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "ingest"))
import common  # noqa: E402
import run as ingest_bench  # noqa: E402


def drain(acervo, docs, workers, work, env):
    store = os.path.join(work, f"drain-{workers}.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(store + suffix):
            os.remove(store + suffix)
    subprocess.run([acervo, "enqueue", "--store", store] + docs, check=True,
                   stderr=subprocess.DEVNULL, env=env)
    before = os.times()
    start = time.perf_counter()
    procs = [subprocess.Popen([acervo, "work", "--until-empty", "--jobs", "1", "--lease", "60",
                               "--store", store], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, env=env) for _ in range(workers)]
    codes = [p.wait() for p in procs]
    wall = time.perf_counter() - start
    after = os.times()
    if any(codes):
        common.die(f"acervo work exited {codes}")
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return wall, cpu


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build")
    ap.add_argument("--born", type=int, default=60)
    ap.add_argument("--scanned", type=int, default=6)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", help="work folder to keep (fixtures are reused)")
    args = ap.parse_args()
    acervo = common.find_acervo(args.build)
    env = common.omp_env()
    work = args.keep or tempfile.mkdtemp(prefix="acervo-drain-")
    os.makedirs(work, exist_ok=True)
    print(common.machine())
    fixtures, names = ingest_bench.make_fixtures(work)
    mixes = {
        "born-digital": ingest_bench.build_corpus(fixtures, names, os.path.join(work, "born"),
                                                  args.born, 0, 0),
        "scanned": [d for d in ingest_bench.build_corpus(
            fixtures, names, os.path.join(work, "scan"), args.scanned + 1, args.scanned, 0)
            if d["kind"] == "scan"],
    }
    for mix, documents in mixes.items():
        paths = [d["path"] for d in documents]
        pages = sum(d["pages"] for d in documents)
        walls = {1: [], 2: []}
        for _ in range(args.runs):
            for workers in (1, 2):
                walls[workers].append(drain(acervo, paths, workers, work, env))
        med = {w: sorted(x[0] for x in walls[w])[len(walls[w]) // 2] for w in walls}
        print(f"{mix}: {len(paths)} documents, {pages} pages")
        for w in (1, 2):
            lo, hi = min(x[0] for x in walls[w]), max(x[0] for x in walls[w])
            cpu = sorted(x[1] for x in walls[w])[len(walls[w]) // 2]
            print(f"  {w} worker(s): {med[w]:.2f} s ({lo:.2f}-{hi:.2f}), {pages / med[w]:.2f} pages/s,"
                  f" CPU {cpu:.1f} s")
        print(f"  speed-up: {med[1] / med[2]:.2f}x")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
