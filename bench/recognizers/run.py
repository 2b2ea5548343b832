#!/usr/bin/env python3
"""Recognizer benchmark: each extractor plugin's throughput in MB/s of page text.

Runs acervo_bench_recognizers (built with -DACERVO_BUILD_BENCH=ON) on the shared seed texts:
the documents are loaded once, then each plugin alone processes all of them --runs times;
the median wall time gives MB/s. A baseline pipeline without extractors measures
segmentation and record assembly, which every run includes; `plugin-only` subtracts it.

Then the npm peers (chrono; Recognizers-Text dates + currency + numbers) run on the same files
in the same run (peers.js; `npm ci` here on first use; skipped without node). A row
"(all together)" runs the four plugins in one engine, as `acervo extract` does, record
assembly included. The last lines compare it with each peer: the ratio of the medians.
Recognizers-Text takes minutes per pass over the seeds, so it gets its own, smaller
--slow-peer-runs.

  python3 bench/recognizers/run.py [--build build] [--runs 7] [--peer-runs 5]
                                   [--slow-peer-runs 1] [FILE ...]
"""

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import common  # noqa: E402


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--build", help="build folder (default $ACERVO_BUILD or build/)")
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--peer-runs", type=int, default=5, help="passes of chrono")
    p.add_argument("--slow-peer-runs", type=int, default=1,
                   help="passes of Recognizers-Text (minutes per pass)")
    p.add_argument("--plugin", action="append", help="plugin to time (repeatable; default: all four)")
    p.add_argument("files", nargs="*", help="documents (default: shared/seeds/*.txt)")
    a = p.parse_args()

    acervo = common.find_acervo(a.build)
    bench = os.path.join(os.path.dirname(acervo), "acervo_bench_recognizers")
    if not os.access(bench, os.X_OK):
        common.die(f"no {bench}: configure with -DACERVO_BUILD_BENCH=ON and build "
                   "the target acervo_bench_recognizers")
    files = a.files or sorted(glob.glob(os.path.join(common.SHARED, "seeds", "*.txt")))
    if not files:
        common.die("no input files")
    cmd = [bench, "--runs", str(a.runs), "--baseline", os.path.join(HERE, "baseline.yaml")]
    for plugin in a.plugin or []:
        cmd += ["--plugin", plugin]
    print(f"# recognizers — {common.machine()}")
    print(f"# {' '.join(cmd)} <{len(files)} files>")
    sys.stdout.flush()
    done = subprocess.run(cmd + files, env=common.omp_env(), capture_output=True, text=True)
    sys.stdout.write(done.stdout)
    sys.stderr.write(done.stderr)
    if done.returncode != 0:
        sys.exit(done.returncode)
    rows = [line.split("\t") for line in done.stdout.splitlines()]
    together = next((float(r[5]) for r in rows if r[0] == "(all together)"), None)

    # The npm peers on the same files, in the same run (bench/recognizers/peers.js).
    if shutil.which("node") is None:
        print("# npm peers: node is not installed; skipped")
        return
    if not os.path.isdir(os.path.join(HERE, "node_modules")):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True,
                       stdout=subprocess.DEVNULL)
    print("peer\tMB\truns\tmedian_s\tMB_per_s\tresults")
    sys.stdout.flush()
    done = subprocess.run(["node", os.path.join(HERE, "peers.js"), "--runs", str(a.peer_runs),
                           "--slow-runs", str(a.slow_peer_runs)] + files,
                          capture_output=True, text=True, check=True)
    peers = [json.loads(line) for line in done.stdout.splitlines()]
    for r in peers:
        print(f"{r['peer']}\t{r['bytes'] / 1e6:.3f}\t{r['runs']}\t{r['median_seconds']:.4f}\t"
              f"{r['mb_per_s']:.4f}\t{r['results']}")
    if together:
        for r in peers:
            print(f"# acervo, the four together with records: {together:.2f} MB/s, "
                  f"{together / r['mb_per_s']:.1f}x {r['peer']}")


if __name__ == "__main__":
    main()
