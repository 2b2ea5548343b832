#!/usr/bin/env python3
"""One big scanned document (issue 27): `acervo ingest` of a single scanned PDF at each
--jobs value, against the bare tools OCRing its pages on as many processes, in one run.

Before issue 27 one document used one worker whatever --jobs said; now its pages are OCR'd
by the pool in parallel and the document assembled from them. The figure that matters is
the wall time at --jobs 2 over the wall time at --jobs 1 (target <= 0.6 on two cores), and
the peak memory of the process tree, which must stay within --max-memory per worker: page
images are rendered in the worker that reads them.

Each round runs, for every --jobs value, ingest into a fresh store and the bare side
(bench/ingest/run.py's: one `pdftoppm | tesseract` a page, xargs -P J), alternating which
goes first. Figures are medians with (min-max); the machine is shared, so read the ratios.

  python3 bench/ingest/volume.py [PDF] [--build DIR] [--jobs 1,2] [--runs 3] [--warmup 1]

PDF defaults to the longest scanned PDF of the shared corpus (../shared/corpus-pdf/
*.scan.pdf: 000_73b68c31c64df112.scan.pdf, 39 pages); the 16-page report of issue 27 is
004_bd11ee5f1c02b3bf.scan.pdf.
"""

import argparse
import glob
import os
import statistics
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # importing run.py must leave no __pycache__ in the tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import common  # noqa: E402
import run  # noqa: E402


def default_pdf():
    scans = glob.glob(os.path.join(common.REPO, "..", "shared", "corpus-pdf", "*.scan.pdf"))
    if not scans:
        common.die("no PDF given and no ../shared/corpus-pdf/*.scan.pdf")
    return max(scans, key=run.pdf_pages)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("pdf", nargs="?", help="a scanned PDF (default: the shared corpus' longest)")
    p.add_argument("--build", help="build folder holding acervo (default $ACERVO_BUILD or build/)")
    p.add_argument("--jobs", default="1,2", help="comma-separated --jobs values (default 1,2)")
    p.add_argument("--runs", type=int, default=3, help="counted rounds (default 3)")
    p.add_argument("--warmup", type=int, default=1, help="warm-up rounds (default 1)")
    p.add_argument("--dpi", type=int, default=200, help="render resolution of the bare side")
    a = p.parse_args()
    jobs = [int(j) for j in a.jobs.split(",") if j.strip()]
    acervo = common.find_acervo(a.build)
    for tool in ("pdftoppm", "pdfinfo", "tesseract", "xargs"):
        common.require_tool(tool)
    pdf = os.path.abspath(a.pdf or default_pdf())
    doc = {"path": pdf, "kind": "scan", "pages": run.pdf_pages(pdf)}
    if not pdf.endswith(".scan.pdf"):
        common.die("the bare side takes pages of files named *.scan.pdf")

    work = tempfile.mkdtemp(prefix="acervo-volume-bench-")
    sides = run.Sides(acervo, work, a.dpi)
    print(f"# volume — {common.machine()}")
    print(f"# {os.path.basename(pdf)}: {doc['pages']} scanned pages; OMP_THREAD_LIMIT=1; "
          f"{a.warmup} warm-up + {a.runs} counted rounds", flush=True)
    results = {}
    for rnd in range(a.warmup + a.runs):
        for j in jobs:
            order = [("ingest", sides.ingest), ("bare", sides.bare)]
            if rnd % 2:
                order.reverse()
            for side, fn in order:
                r = fn([doc], f"volume-j{j}", j)
                print(f"# round {rnd}{'' if rnd >= a.warmup else ' (warm-up)'}: jobs {j}, "
                      f"{side}: {r['wall']:.2f} s wall, {r['cpu']:.2f} s cpu, peak "
                      f"{r['peak'] / 1024:.0f} MiB (largest process {r['peak_one'] / 1024:.0f}), "
                      f"load {r['load']:.1f}", file=sys.stderr, flush=True)
                if rnd >= a.warmup:
                    results.setdefault((j, side), []).append(r)
    subprocess.run(["rm", "-rf", work])

    print()
    print("| jobs | acervo ingest, wall | cpu | peak RSS, tree | largest process "
          "| bare tools, wall | cpu | wall ratio |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for j in jobs:
        ing, bare = results[(j, "ingest")], results[(j, "bare")]
        iw, bw = run.stats(ing, "wall")[0], run.stats(bare, "wall")[0]
        print(f"| {j} | {run.fmt(ing, 'wall')} | {run.stats(ing, 'cpu')[0]:.2f} s | "
              f"{run.mib(ing, 'peak')} | {run.mib(ing, 'peak_one')} | {run.fmt(bare, 'wall')} | "
              f"{run.stats(bare, 'cpu')[0]:.2f} s | {iw / bw:.2f} |")
    if len(jobs) > 1:
        lo, hi = min(jobs), max(jobs)
        med = {(j, s): statistics.median(r["wall"] for r in results[(j, s)])
               for j in (lo, hi) for s in ("ingest", "bare")}
        ratio = med[(hi, "ingest")] / med[(lo, "ingest")]
        bare_ratio = med[(hi, "bare")] / med[(lo, "bare")]
        print()
        print(f"Wall at {hi} jobs / wall at {lo}: acervo ingest {ratio:.2f} "
              f"(target <= 0.6: {'met' if ratio <= 0.6 else 'not met'}), bare tools "
              f"{bare_ratio:.2f}.")


if __name__ == "__main__":
    main()
