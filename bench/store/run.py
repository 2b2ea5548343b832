#!/usr/bin/env python3
"""Store benchmark (issue 23): `acervo ingest` of the born-digital samples at one job into a
fresh SQLite file against a fresh PostgreSQL database, in one run.

The samples are the born-digital PDFs of ../shared/corpus-pdf (*.pdf without .scan/.mixed)
and the text samples of corpora/ (*.md), each copied --copies times, every copy made unique
(a comment after the PDF's %%EOF, a trailing HTML comment in the markdown) so that ingest
stores each one (it keys documents by the SHA-256 of their bytes).

  sqlite    acervo ingest @LIST --jobs 1 --store FRESH.db
  postgres  acervo ingest @LIST --jobs 1 --store postgresql://.../FRESH  (a new database on
            the server each run, created beforehand and not timed; the schema migration is
            timed, as SQLite's creating its file is)

The PostgreSQL server is a throwaway one started by tests/support/pg_server.sh in a temporary
folder (fsync off, as in the tests; on a real server each commit waits for the disk, as
SQLite's does here in WAL mode with synchronous=NORMAL), unless --uri names a server
whose user may create databases. One warm-up, then --runs rounds; in each round the two
sides run one after the other (alternating), so load from other jobs falls on both. Figures
are medians with (min-max); the overhead is median(postgres) / median(sqlite) - 1.

  python3 bench/store/run.py [--build DIR] [--runs 5] [--copies 4] [--uri postgresql://...]
"""

import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import common  # noqa: E402

PG_SERVER = os.path.join(common.REPO, "tests", "support", "pg_server.sh")


def samples(folder, copies):
    """Writes the unique copies into folder; returns their paths."""
    pdfs = [p for p in sorted(glob.glob(os.path.join(common.SHARED, "corpus-pdf", "*.pdf")))
            if ".scan." not in p and ".mixed." not in p]
    texts = sorted(glob.glob(os.path.join(common.REPO, "corpora", "*.md")))
    if not pdfs and not texts:
        common.die("no samples: neither ../shared/corpus-pdf/*.pdf nor corpora/*.md")
    out = []
    for n in range(copies):
        for src in pdfs + texts:
            base, ext = os.path.splitext(os.path.basename(src))
            dst = os.path.join(folder, f"{base}.{n}{ext}")
            with open(src, "rb") as f:
                data = f.read()
            mark = (f"\n%bench copy {n}\n" if ext == ".pdf" else f"\n<!-- copy {n} -->\n")
            with open(dst, "wb") as f:
                f.write(data + mark.encode())
            out.append(dst)
    return out, len(pdfs), len(texts)


def psql(uri, sql):
    subprocess.run(["psql", uri, "-qAtc", sql], check=True, stdout=subprocess.DEVNULL)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--copies", type=int, default=4)
    ap.add_argument("--uri", help="a PostgreSQL server to use (its user may CREATE DATABASE)")
    args = ap.parse_args()
    acervo = common.find_acervo(args.build)
    common.require_tool("psql")
    print(common.machine())

    work = tempfile.mkdtemp(prefix="acervo-bench-store-")
    os.chmod(work, 0o755)  # the postgres user must reach the server folder when we are root
    server_dir = os.path.join(work, "pg")
    try:
        admin = args.uri
        if not admin:
            started = subprocess.run([PG_SERVER, "start", server_dir], capture_output=True,
                                     text=True)
            if started.returncode != 0:
                common.die(f"the PostgreSQL server did not start: {started.stderr.strip()}")
            admin = started.stdout.strip()
        docs_dir = os.path.join(work, "docs")
        os.makedirs(docs_dir)
        files, n_pdf, n_text = samples(docs_dir, args.copies)
        listing = os.path.join(work, "list.txt")
        with open(listing, "w") as f:
            f.write("\n".join(files) + "\n")
        print(f"{len(files)} documents ({n_pdf} born-digital PDFs and {n_text} text samples, "
              f"{args.copies} copies each), --jobs 1, {args.runs} runs + {args.warmup} warm-up")

        counter = [0]
        env = common.omp_env()

        def ingest(store):
            cmd = [acervo, "ingest", "@" + listing, "--jobs", "1", "--store", store]
            wall, cpu, _ = common.run_timed(cmd, env=env)
            return wall, cpu

        def sqlite():
            counter[0] += 1
            return ingest(os.path.join(work, f"run{counter[0]}.db"))

        def postgres():
            counter[0] += 1
            name = f"bench{counter[0]}"
            psql(admin, f"CREATE DATABASE {name}")
            return ingest(admin[: admin.rfind("/") + 1] + name)

        (lw, lc), (pw, pc) = common.median_pair(sqlite, postgres, args.runs, args.warmup)
        print()
        print("| store | wall | cpu (acervo's processes) |")
        print("|---|---:|---:|")
        print(f"| SQLite file | {common.fmt_range(lw)} | {common.fmt_range(lc)} |")
        print(f"| PostgreSQL (local server) | {common.fmt_range(pw)} | {common.fmt_range(pc)} |")
        print()
        print(f"PostgreSQL overhead: wall {100 * (pw[0] / lw[0] - 1):+.1f}%, "
              f"cpu {100 * (pc[0] / lc[0] - 1):+.1f}% (target: at most +10% wall)")
    finally:
        if not args.uri:
            subprocess.run([PG_SERVER, "stop", server_dir], capture_output=True)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
