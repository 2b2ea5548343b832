#!/usr/bin/env python3
"""Bulk-ingest benchmark (issue 9): `acervo ingest` on a generated corpus against the bare
libraries doing the same work, in one run.

The corpus is generated in a temporary folder from the repository's own corpora/*.md (plus
one long "compendio" joining them all with page breaks), through tools/make-fixtures:

  - born-digital PDFs, each copy made unique by a PDF comment after %%EOF (ingest keys a
    document by the SHA-256 of its bytes, so identical copies would be skipped);
  - a few scanned PDFs (image-only, 200 ppi gray; OCR costs about 1.2-2 s a page);
  - a few broken ones: zero bytes, truncated, not a PDF, encrypted.

Scanned and broken documents are spread evenly through the list, and both sides take the
documents in that same order. Each measurement is one process tree, timed from outside:

  ingest    acervo ingest @LIST --jobs J --json-progress --store FRESH.db  (load, extract,
            store; broken documents fail and are recorded)
  bare      xargs -P J over the same list: `pdftotext F /dev/null` for a born-digital PDF;
            for each page N of a scanned one `pdftoppm -f N -l N -singlefile -r DPI -gray F |
            tesseract stdin stdout -l spa` (pages spread over the processes, as acervo
            ingest OCRs a document's pages in parallel since issue 27; the model is loaded
            once a page, acervo once a worker). Broken documents are left out: the bare tools
            do no work for them.

Three workloads, each at every --jobs value: the whole corpus, only its born-digital part
(ingest vs pdftotext) and only its scanned part (ingest vs pdftoppm + tesseract). Then the
whole corpus again at a smaller size (--small documents, same mix) to show whether peak
memory grows with the corpus. OMP_THREAD_LIMIT=1 everywhere (see shared/notes/baselines.md).

Peak memory is the largest sum of RSS over the whole process tree (coordinator, workers,
xargs and its children), sampled from /proc every 50 ms; shared pages (the acervo binary,
libraries) are counted once per process, so it is an upper bound. The largest single
process is shown too. CPU is user + system of the whole tree.

One warm-up round, then --runs counted rounds; in each round the two sides of a comparison
run one after the other, so load from other jobs falls on both. Figures are medians with
(min-max). Ratios are median(ingest) / median(bare): 1.00 is as fast as the bare tools.

  python3 bench/ingest/run.py [--build DIR] [--docs 500] [--scanned 10] [--broken 6]
                              [--jobs 1,2] [--runs 3] [--warmup 1] [--small 250]
                              [--keep DIR] [--quick]

OCR dominates the time (each scanned document is OCRed 8 times a round): by estimate a default
run takes about 20 minutes on a quiet 2-CPU machine and over an hour on a loaded one; --quick
took 3 minutes on a loaded one.
"""

import argparse
import glob
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import common  # noqa: E402

PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024
POLL_S = 0.05

# One task of the bare side: a text PDF through pdftotext; one page ("FILE:N") of a scanned
# one rendered at the scan's resolution and OCRed by its own tesseract process, so the bare
# tools spread a document's pages over the processes as acervo does (they load the model
# once a page, acervo once a worker).
BARE_ONE = r"""#!/bin/sh
case "$1" in
  *.scan.pdf:*)
    f=${1%:*}; n=${1##*:}
    pdftoppm -f "$n" -l "$n" -singlefile -r "$ACERVO_BENCH_DPI" -gray "$f" |
      tesseract stdin stdout -l spa --dpi "$ACERVO_BENCH_DPI" > /dev/null 2>&1 ;;
  *) exec pdftotext "$1" /dev/null ;;
esac
"""


# --- corpus -----------------------------------------------------------------------------

def make_fixtures(work):
    """Runs tools/make-fixtures on corpora/*.md and a compendio of them all. Returns the
    fixtures folder and the source names."""
    sources = sorted(glob.glob(os.path.join(common.REPO, "corpora", "*.md")))
    if not sources:
        common.die("no corpora/*.md in the repository")
    texts = []
    for src in sources:
        with open(src, encoding="utf-8") as f:
            texts.append(f.read().rstrip("\n"))
    compendio = os.path.join(work, "compendio.md")
    with open(compendio, "w", encoding="utf-8") as f:
        f.write("\n\f\n".join(texts) + "\n")
    fixtures = os.path.join(work, "fixtures")
    names = [os.path.splitext(os.path.basename(s))[0] for s in sources + [compendio]]
    if all(os.path.exists(os.path.join(fixtures, n + ".scan.pdf")) for n in names):
        return fixtures, names  # kept from an earlier run (--keep)
    tool = os.path.join(common.REPO, "tools", "make-fixtures")
    done = subprocess.run([tool, fixtures] + sources + [compendio], capture_output=True)
    if done.returncode != 0:
        common.die(f"tools/make-fixtures failed: {done.stderr.decode(errors='replace')[-400:]}")
    return fixtures, names


def pdf_pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    common.die(f"pdfinfo gives no page count for {path}")


def read(path):
    with open(path, "rb") as f:
        return f.read()


def spread(n_total, n_special):
    """n_special distinct positions spread evenly over n_total slots, in order."""
    return [int((i + 0.5) * n_total / n_special) for i in range(n_special)]


def build_corpus(fixtures, names, corpus, docs, scanned, broken):
    """Writes docs unique files into corpus/. Returns the ordered list of documents, each a
    dict with path, kind (born, scan, broken) and pages (0 for broken)."""
    born = docs - scanned - broken
    if born < 1:
        common.die("--docs must exceed --scanned + --broken")
    shutil.rmtree(corpus, ignore_errors=True)
    os.makedirs(corpus)
    text = {n: read(os.path.join(fixtures, n + ".pdf")) for n in names}
    scan = {n: read(os.path.join(fixtures, n + ".scan.pdf")) for n in names}
    pages = {n: pdf_pages(os.path.join(fixtures, n + ".pdf")) for n in names}
    broken_kinds = ["truncated", "notpdf", "encrypted", "empty"]

    def unique_pdf(data, i):
        return data + f"\n%% acervo bench copy {i}\n".encode()

    # Scanned and broken documents take evenly spread slots, interleaved with each other.
    special = sorted([((i + 0.5) / scanned, "scan") for i in range(scanned)] +
                     [((i + 0.5) / broken, "broken") for i in range(broken)])
    order = ["born"] * docs
    for pos, (_, kind) in zip(spread(docs, len(special)), special):
        order[pos] = kind

    made, counters = [], {"born": 0, "scan": 0, "broken": 0}
    for i, kind in enumerate(order):
        k = counters[kind]
        counters[kind] += 1
        name = names[k % len(names)]
        if kind == "born":
            path, data, n_pages = f"{i:05d}-{name}.pdf", unique_pdf(text[name], i), pages[name]
        elif kind == "scan":
            path, data, n_pages = f"{i:05d}-{name}.scan.pdf", unique_pdf(scan[name], i), pages[name]
        else:
            what = broken_kinds[k % len(broken_kinds)]
            if what == "empty" and k >= len(broken_kinds):
                what = "truncated"  # zero-byte files all have one hash: make only one
            if what == "truncated":  # the first half, then the comment that makes it unique
                data = unique_pdf(text[name][: len(text[name]) // 2], i)
            elif what == "notpdf":
                data = read(os.path.join(fixtures, name + ".notpdf.pdf")) + f"\nCopia {i}.\n".encode()
            elif what == "encrypted":
                data = unique_pdf(read(os.path.join(fixtures, name + ".encrypted.pdf")), i)
            else:
                data = b""
            path, n_pages = f"{i:05d}-{name}.{what}.pdf", 0
        path = os.path.join(corpus, path)
        with open(path, "wb") as f:
            f.write(data)
        made.append({"path": path, "kind": kind, "pages": n_pages})
    return made


def subset(documents, count):
    """The first documents of each kind, in proportion, keeping the corpus order."""
    if count >= len(documents):
        return list(documents)
    want = {}
    for kind in ("scan", "broken"):
        n = sum(d["kind"] == kind for d in documents)
        want[kind] = min(n, max(1 if n else 0, round(n * count / len(documents))))
    want["born"] = count - want["scan"] - want["broken"]
    taken, out = {"born": 0, "scan": 0, "broken": 0}, []
    for d in documents:
        if taken[d["kind"]] < want[d["kind"]]:
            taken[d["kind"]] += 1
            out.append(d)
    return out


# --- measuring a process tree ------------------------------------------------------------

def tree_rss_kib(root):
    """(sum of RSS over root and all its descendants, largest single RSS), in KiB."""
    children, rss = {}, {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue  # gone meanwhile
        fields = stat[stat.rfind(b")") + 2:].split()
        pid = int(name)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21]) * PAGE_KIB
    total, largest, stack = 0, 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        largest = max(largest, rss.get(pid, 0))
        stack.extend(children.get(pid, ()))
    return total, largest


def run_tree(cmd, env, stdin_path=None, stdout_path=os.devnull, ok_codes=(0,)):
    """Runs cmd, sampling its process tree's memory every POLL_S. Returns a dict: wall and cpu
    seconds, peak (largest summed RSS of the tree) and peak_one (largest process), in KiB."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = peak_one = 0
    with open(stdin_path or os.devnull, "rb") as stdin, open(stdout_path, "wb") as out, \
            tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=stdin, stdout=out, stderr=err, env=env)
        while proc.poll() is None:
            total, one = tree_rss_kib(proc.pid)
            peak, peak_one = max(peak, total), max(peak_one, one)
            time.sleep(POLL_S)
        wall = time.perf_counter() - start
        if proc.returncode not in ok_codes:
            err.seek(0)
            common.die(f"{' '.join(cmd[:6])} ... exited {proc.returncode}: "
                       f"{err.read().decode(errors='replace')[-400:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, "peak": peak, "peak_one": peak_one,
            "load": os.getloadavg()[0]}


class Sides:
    """The two sides of every comparison, on a list of documents."""

    def __init__(self, acervo, work, dpi):
        self.acervo, self.work, self.stores = acervo, work, 0
        self.env = common.omp_env()
        self.env["ACERVO_BENCH_DPI"] = str(dpi)
        self.bare_one = os.path.join(work, "bare-one.sh")
        with open(self.bare_one, "w") as f:
            f.write(BARE_ONE)
        os.chmod(self.bare_one, 0o755)

    def _list(self, documents, name, kinds):
        path = os.path.join(self.work, name)
        with open(path, "w") as f:
            f.writelines(d["path"] + "\n" for d in documents if d["kind"] in kinds)
        return path

    def ingest(self, documents, name, jobs):
        """`acervo ingest` of every document into a fresh store; adds the summary's counts."""
        self.stores += 1
        store = os.path.join(self.work, f"store-{self.stores}.db")
        listing = self._list(documents, name + ".ingest.txt", ("born", "scan", "broken"))
        out = os.path.join(self.work, "ingest.out")
        r = run_tree([self.acervo, "ingest", "@" + listing, "--jobs", str(jobs),
                      "--json-progress", "--store", store],
                     self.env, stdout_path=out, ok_codes=(0, 3))  # 3: some documents failed
        summary = None
        with open(out) as f:
            for line in f:
                if line.startswith("{") and json.loads(line).get("type") == "summary":
                    summary = json.loads(line)
        if summary is None:
            common.die("acervo ingest printed no JSON summary")
        r.update({k: summary.get(k, 0) for k in ("stored", "failed", "pages", "ocr_pages")})
        r["store_mb"] = os.path.getsize(store) / 1e6
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(store + suffix):
                os.remove(store + suffix)
        return r

    def bare(self, documents, name, jobs):
        """xargs -P jobs over the born-digital documents and the scanned ones' pages, in the
        same order."""
        listing = os.path.join(self.work, name + ".bare.txt")
        with open(listing, "w") as f:
            for d in documents:
                if d["kind"] == "born":
                    f.write(d["path"] + "\n")
                elif d["kind"] == "scan":
                    f.writelines(f"{d['path']}:{n}\n" for n in range(1, d["pages"] + 1))
        if any(d["kind"] == "scan" for d in documents):
            cmd = ["xargs", "-d", "\n", "-P", str(jobs), "-n", "1", self.bare_one]
        else:  # text PDFs only: no shell in between
            cmd = ["xargs", "-d", "\n", "-P", str(jobs), "-I", "{}", "pdftotext", "{}", "/dev/null"]
        return run_tree(cmd, self.env, stdin_path=listing)


# --- report -------------------------------------------------------------------------------

def stats(samples, key):
    v = [s[key] for s in samples]
    return statistics.median(v), min(v), max(v)


def fmt(samples, key, unit="s", scale=1.0, digits=2):
    med, lo, hi = stats(samples, key)
    return f"{med * scale:.{digits}f} {unit} ({lo * scale:.{digits}f}–{hi * scale:.{digits}f})"


def mib(samples, key):
    return fmt(samples, key, "MiB", 1 / 1024, 0)


def rate(pages, seconds):
    x = pages / seconds
    return f"{x:.2f}" if x < 10 else f"{x:.1f}"


def pages_of(documents):
    return sum(d["pages"] for d in documents), sum(d["pages"] for d in documents if d["kind"] == "scan")


def describe(documents):
    parts = []
    for kind, label in (("born", "born-digital"), ("scan", "scanned"), ("broken", "broken")):
        docs = [d for d in documents if d["kind"] == kind]
        if docs:
            pages = sum(d["pages"] for d in docs)
            parts.append(f"{len(docs)} {label}" + (f" ({pages} pages)" if kind != "broken" else ""))
    return ", ".join(parts)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--build", help="build folder holding acervo (default $ACERVO_BUILD or build/)")
    p.add_argument("--docs", type=int, default=500, help="documents in the corpus (default 500)")
    p.add_argument("--scanned", type=int, default=10, help="scanned PDFs among them (default 10)")
    p.add_argument("--broken", type=int, default=6, help="broken files among them (default 6)")
    p.add_argument("--small", type=int, default=None,
                   help="documents in the smaller corpus of the memory check (default docs/2)")
    p.add_argument("--jobs", default="1,2", help="comma-separated --jobs values (default 1,2)")
    p.add_argument("--runs", type=int, default=3, help="counted rounds (default 3)")
    p.add_argument("--warmup", type=int, default=1, help="warm-up rounds before them (default 1)")
    p.add_argument("--dpi", type=int, default=200,
                   help="render resolution of the bare OCR side (the scans are 200 ppi, as acervo renders)")
    p.add_argument("--only", default="whole,born,scanned",
                   help="workloads to measure, comma-separated (default whole,born,scanned); "
                        "the memory check needs whole")
    p.add_argument("--quick", action="store_true",
                   help="smoke run: 40 documents (2 scanned, 4 broken), 1 round, no warm-up")
    p.add_argument("--keep", metavar="DIR",
                   help="work in DIR and keep it; the fixtures already there are reused")
    a = p.parse_args()
    warmup = a.warmup
    if a.quick:
        a.docs, a.scanned, a.broken, a.runs, warmup = 40, 2, 4, 1, 0
    jobs = [int(j) for j in a.jobs.split(",") if j.strip()]
    small = a.small if a.small is not None else a.docs // 2

    acervo = common.find_acervo(a.build)
    for tool in ("pdftotext", "pdftoppm", "pdfinfo", "tesseract", "xargs"):
        common.require_tool(tool)
    head = subprocess.run(["git", "-C", common.REPO, "rev-parse", "--short", "HEAD"],
                          capture_output=True, text=True).stdout.strip() or "unknown"

    work = a.keep or tempfile.mkdtemp(prefix="acervo-ingest-bench-")
    os.makedirs(work, exist_ok=True)
    try:
        print(f"# ingest — {common.machine()}")
        with open("/proc/loadavg") as f:
            print(f"# /proc/loadavg at start: {f.read().strip()}")
        print(f"# acervo: {acervo} (repository at {head}); OMP_THREAD_LIMIT=1; "
              f"{warmup} warm-up + {a.runs} counted rounds", flush=True)
        fixtures, names = make_fixtures(work)
        corpus = build_corpus(fixtures, names, os.path.join(work, "corpus"), a.docs, a.scanned,
                              a.broken)
        smaller = subset(corpus, small)
        size_mb = sum(os.path.getsize(d["path"]) for d in corpus) / 1e6
        print(f"# corpus: {len(corpus)} documents, {size_mb:.1f} MB: {describe(corpus)}; "
              f"smaller corpus: {len(smaller)} documents: {describe(smaller)}", flush=True)

        workloads = [("whole corpus", corpus),
                     ("born-digital part", [d for d in corpus if d["kind"] == "born"]),
                     ("scanned part", [d for d in corpus if d["kind"] == "scan"])]
        only = {w.strip() for w in a.only.split(",")}
        workloads = [(n, docs) for n, docs in workloads if docs and n.split()[0].split("-")[0] in only]
        if not workloads:
            common.die("--only leaves no workload with documents (whole, born, scanned)")
        measure_memory = "whole" in only and len(smaller) < len(corpus)
        sides = Sides(acervo, work, a.dpi)
        results = {}  # (workload, jobs, side) -> counted samples
        memory = {"small": [], "full": []}
        for rnd in range(warmup + a.runs):
            counted = rnd >= warmup
            for j in jobs:
                for name, docs in workloads:
                    tag = name.split()[0]
                    order = [("ingest", sides.ingest), ("bare", sides.bare)]
                    if rnd % 2:
                        order.reverse()  # alternate which side goes first
                    for side, fn in order:
                        r = fn(docs, f"{tag}-j{j}", j)
                        print(f"# round {rnd}{'' if counted else ' (warm-up)'}: {name}, "
                              f"jobs {j}, {side}: {r['wall']:.2f} s wall, {r['cpu']:.2f} s cpu, "
                              f"peak {r['peak'] / 1024:.0f} MiB, load {r['load']:.1f}",
                              file=sys.stderr, flush=True)
                        if counted:
                            results.setdefault((name, j, side), []).append(r)
            if measure_memory:
                r = sides.ingest(smaller, "small", max(jobs))
                print(f"# round {rnd}: smaller corpus, jobs {max(jobs)}, ingest: "
                      f"{r['wall']:.2f} s, peak {r['peak'] / 1024:.0f} MiB",
                      file=sys.stderr, flush=True)
                if counted:
                    memory["small"].append(r)

        loads = [r["load"] for rs in results.values() for r in rs]
        with open("/proc/loadavg") as f:
            print(f"# /proc/loadavg at end: {f.read().strip()}; 1-min load average after each "
                  f"counted measurement: {min(loads):.1f}–{max(loads):.1f} on {os.cpu_count()} CPUs")
        print()
        targets = {"born-digital part": 1.5, "scanned part": 1.1}
        print("| workload | jobs | pages | acervo ingest, wall | cpu | pages/s | peak RSS, tree "
              "| bare tools, wall | cpu | pages/s | peak RSS, tree | wall ratio | cpu ratio | target |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        checks = []
        for name, docs in workloads:
            pages, ocr = pages_of(docs)
            for j in jobs:
                ing, bare = results[(name, j, "ingest")], results[(name, j, "bare")]
                iw, bw = stats(ing, "wall")[0], stats(bare, "wall")[0]
                ic, bc = stats(ing, "cpu")[0], stats(bare, "cpu")[0]
                target = targets.get(name)
                verdict = "–" if target is None else \
                    f"≤ {target} ({'met' if iw / bw <= target else 'not met'})"
                print(f"| {name} | {j} | {pages} | {fmt(ing, 'wall')} | {ic:.2f} s | "
                      f"{rate(pages, iw)} | {mib(ing, 'peak')} | {fmt(bare, 'wall')} | {bc:.2f} s | "
                      f"{rate(pages, bw)} | {mib(bare, 'peak')} | {iw / bw:.2f} | {ic / bc:.2f} | "
                      f"{verdict} |")
                for r in ing:
                    broken = sum(d["kind"] == "broken" for d in docs)
                    if (r["pages"], r["ocr_pages"], r["failed"]) != (pages, ocr, broken):
                        checks.append(f"{name}, jobs {j}: ingest reported {r['pages']} pages, "
                                      f"{r['ocr_pages']} OCR, {r['failed']} failed; expected "
                                      f"{pages}, {ocr}, {broken}")
        print()
        if len(jobs) > 1:
            lo, hi = min(jobs), max(jobs)
            print(f"Scaling from {lo} to {hi} jobs (wall at {lo} / wall at {hi}; "
                  f"{hi / lo:.1f} is linear; the bare tools show what the machine allows):")
            print()
            print("| workload | acervo ingest | bare tools |")
            print("|---|---:|---:|")
            for name, _ in workloads:
                s = [stats(results[(name, lo, side)], "wall")[0] /
                     stats(results[(name, hi, side)], "wall")[0] for side in ("ingest", "bare")]
                print(f"| {name} | {s[0]:.2f}x | {s[1]:.2f}x |")
            print()
        if not measure_memory:
            rows = []
        else:
            rows = [("smaller corpus", smaller, memory["small"]),
                    ("whole corpus", corpus, results[("whole corpus", max(jobs), "ingest")])]
        for c in checks:
            print(f"warning: {c}\n")
        if not rows:
            return
        print(f"Peak memory against corpus size (acervo ingest, jobs {max(jobs)}):")
        print()
        print("| corpus | documents | pages | peak RSS, whole tree | largest process | store |")
        print("|---|---:|---:|---:|---:|---:|")
        for label, docs, samples in rows:
            print(f"| {label} | {len(docs)} | {pages_of(docs)[0]} | {mib(samples, 'peak')} | "
                  f"{mib(samples, 'peak_one')} | {stats(samples, 'store_mb')[0]:.1f} MB |")
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
