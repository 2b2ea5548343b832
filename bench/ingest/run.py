#!/usr/bin/env python3
"""Whole-ingest benchmark: `acervo ingest` on a generated corpus, pages per second and peak
memory, median over repeated runs (each into a fresh store).

The corpus is generated in a temporary folder from the shared material: --copies copies of
each seed text and each born-digital PDF of shared/corpus-pdf, each copy made unique (a
numbered line appended to a text, a comment after a PDF's %%EOF) so that ingest cannot skip
it as already stored. Pages are counted with `acervo text` (form feeds), once.

  python3 bench/ingest/run.py [--build build-eval] [--copies 10] [--runs 3]
"""

import argparse
import glob
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import common  # noqa: E402


def generate(out_dir, copies):
    sources = sorted(glob.glob(os.path.join(common.SHARED, "seeds", "*.txt")))
    sources += sorted(f for f in glob.glob(os.path.join(common.SHARED, "corpus-pdf", "*.pdf"))
                      if not f.endswith((".scan.pdf", ".mixed.pdf")))
    if not sources:
        common.die(f"no sources under {common.SHARED}")
    made = []
    for src in sources:
        with open(src, "rb") as f:
            data = f.read()
        stem, ext = os.path.splitext(os.path.basename(src))
        for n in range(copies):
            suffix = (f"\n%% bench copy {n}\n" if ext == ".pdf" else f"\n\nCopia {n}.\n").encode()
            path = os.path.join(out_dir, f"{stem}-{n:03d}{ext}")
            with open(path, "wb") as f:
                f.write(data + suffix)
            made.append((src, path))
    return sources, made


def count_pages(acervo, sources, env):
    pages = {}
    for src in sources:
        text = subprocess.run([acervo, "text", src], capture_output=True, env=env, check=True).stdout
        pages[src] = text.count(b"\f") + 1
    return pages


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--build", help="build folder (default $ACERVO_BUILD or build/)")
    p.add_argument("--copies", type=int, default=10)
    p.add_argument("--runs", type=int, default=3)
    a = p.parse_args()

    acervo = common.find_acervo(a.build)
    env = common.omp_env()
    if subprocess.run([acervo, "ingest", "--help"], capture_output=True).returncode != 0:
        common.die("this acervo has no 'ingest' command yet")
    with tempfile.TemporaryDirectory(prefix="acervo-ingest-bench-") as work:
        corpus = os.path.join(work, "corpus")
        os.makedirs(corpus)
        sources, made = generate(corpus, a.copies)
        pages_of = count_pages(acervo, sources, env)
        pages = sum(pages_of[src] for src, _ in made)
        size_mb = sum(os.path.getsize(path) for _, path in made) / 1e6

        results = []  # (wall s, cpu s, peak RSS KiB) per counted run
        for run in range(a.runs + 1):  # the first run is a warm-up
            store = os.path.join(work, f"store-{run}.db")
            out = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", acervo, "ingest", corpus,
                                  "--store", store], capture_output=True, env=env)
            if out.returncode not in (0, 3):  # 3: some documents failed, the rest stored
                common.die(f"acervo ingest exited {out.returncode}: {out.stderr.decode()[-300:]}")
            wall, user, system, peak = out.stderr.decode().strip().splitlines()[-1].split()
            if run > 0:
                results.append((float(wall), float(user) + float(system), int(peak)))
        walls = sorted(r[0] for r in results)
        cpus = sorted(r[1] for r in results)
        med = walls[len(walls) // 2]
        print(f"# ingest — {common.machine()}")
        print(f"# corpus: {len(made)} files ({len(sources)} sources x {a.copies}), {pages} pages, "
              f"{size_mb:.1f} MB; {a.runs} counted runs after 1 warm-up")
        print(f"wall median {med:.2f} s ({walls[0]:.2f}-{walls[-1]:.2f}); {pages / med:.1f} pages/s; "
              f"cpu median {cpus[len(cpus) // 2]:.2f} s; peak RSS {max(r[2] for r in results) / 1024:.0f} MiB")

if __name__ == "__main__":
    main()
