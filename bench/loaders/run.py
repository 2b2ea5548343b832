#!/usr/bin/env python3
"""Loader benchmark: `acervo text` against the bare tools it wraps, in one run.

Born-digital PDFs: `acervo text F` against `pdftotext F` (reading order, one process each).
Scanned PDFs: `acervo text --ocr always F` against the bare OCR pipeline it replaces:
`pdftoppm -r 200 -gray` to render every page, then `tesseract PAGE stdout -l spa` page after
page. acervo OCRs the pages of one document one after another, so both sides run with one
page at a time, and both with OMP_THREAD_LIMIT=1 (see shared/notes/baselines.md).

Each command is timed as a whole process (start-up included, output discarded): one warm-up,
then --runs counted runs, the two sides alternating; the figure is the median with (min-max). The ratio is
median(acervo) / median(bare tools), of wall time and of CPU time (user + system, which is
steadier when other jobs share the machine): 1.00 is as fast as the bare tools, 2.00 twice
as slow.

  python3 bench/loaders/run.py [--build build-eval] [--runs 5] [--ocr-runs 3]
                               [--text FILE.pdf ...] [--scan FILE.scan.pdf ...]
"""

import argparse
import glob
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import common  # noqa: E402


def timed(cmd, env):
    wall, cpu, _ = common.run_timed(cmd, env=env)
    return wall, cpu


def bare_ocr(pdf, workdir, env):
    """pdftoppm then tesseract on each page, one at a time; returns (wall, cpu) seconds."""
    prefix = os.path.join(workdir, "page")
    for old in glob.glob(prefix + "*"):
        os.remove(old)
    wall, cpu = timed(["pdftoppm", "-r", "200", "-gray", "-png", pdf, prefix], env)
    for image in sorted(glob.glob(prefix + "*.png")):
        w, c = timed(["tesseract", image, "stdout", "-l", "spa"], env)
        wall += w
        cpu += c
    return wall, cpu


def row(name, ours, bare_name, bare):
    (ow, oc), (bw, bc) = ours, bare
    print(f"| {name} | {common.fmt_range(ow)} | {oc[0]:.3f} s | {bare_name} {common.fmt_range(bw)} "
          f"| {bc[0]:.3f} s | {ow[0] / bw[0]:.2f} | {oc[0] / bc[0]:.2f} |", flush=True)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--build", help="build folder holding acervo (default $ACERVO_BUILD or build/)")
    p.add_argument("--runs", type=int, default=5, help="counted runs for text PDFs")
    p.add_argument("--ocr-runs", type=int, default=3, help="counted runs for scanned PDFs")
    p.add_argument("--ocr-warmup", type=int, default=1, help="warm-up runs for scanned PDFs")
    p.add_argument("--text", nargs="*", help="born-digital PDFs (default: shared/corpus-pdf/*[0-9a-f].pdf)")
    p.add_argument("--scan", nargs="*", help="scanned PDFs (default: shared/corpus-pdf/002_*.scan.pdf)")
    a = p.parse_args()

    acervo = common.find_acervo(a.build)
    for tool in ("pdftotext", "pdftoppm", "tesseract"):
        common.require_tool(tool)
    corpus = os.path.join(common.SHARED, "corpus-pdf")
    text_pdfs = a.text if a.text is not None else sorted(
        f for f in glob.glob(os.path.join(corpus, "*.pdf"))
        if not f.endswith((".scan.pdf", ".mixed.pdf")))
    scan_pdfs = a.scan if a.scan is not None else sorted(
        glob.glob(os.path.join(corpus, "002_*.scan.pdf")))
    env = common.omp_env()

    print(f"# loaders — {common.machine()}")
    print(f"# acervo: {acervo}")
    print("| input | acervo text, wall | cpu | bare tool, wall | cpu | wall ratio | cpu ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for pdf in text_pdfs:
        ours, bare = common.median_pair(lambda: timed([acervo, "text", pdf], env),
                                        lambda: timed(["pdftotext", pdf, "/dev/null"], env), a.runs)
        row(os.path.basename(pdf), ours, "pdftotext", bare)
    with tempfile.TemporaryDirectory(prefix="acervo-bench-") as work:
        for pdf in scan_pdfs:
            ours, bare = common.median_pair(
                lambda: timed([acervo, "text", "--ocr", "always", pdf], env),
                lambda: bare_ocr(pdf, work, env), a.ocr_runs, warmup=a.ocr_warmup)
            row(os.path.basename(pdf) + " (OCR)", ours, "pdftoppm+tesseract", bare)


if __name__ == "__main__":
    main()
