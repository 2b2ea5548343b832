#!/usr/bin/env python3
"""DOCX, ODT and HTML reading: `acervo text F` against `pandoc F -t plain`, in one run.

Fixtures: corpora/*.md rendered by pandoc (tests/office/make-fixtures.py), one small
document each, and one large document: every corpora/ file concatenated --repeat times
(about 1 MB of text at the default), so that reading dominates process start-up.

Each command is timed as a whole process (start-up included, output discarded): one
warm-up, then --runs counted runs, the two sides alternating; the figure is the median with
(min-max). The ratio is median(acervo) / median(pandoc) of wall and of CPU time: under 1.00
acervo is faster. The small documents are timed as one batch (all files, one process each).

  python3 bench/formats/run.py [--build build] [--runs 5] [--repeat 40]
"""

import argparse
import glob
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import common  # noqa: E402

MAKE_FIXTURES = os.path.join(common.REPO, "tests", "office", "make-fixtures.py")


def batch(cmds):
    """Runs each command once, in turn; returns (wall, cpu) seconds of the whole batch."""
    wall = cpu = 0.0
    for cmd in cmds:
        w, c, _ = common.run_timed(cmd)
        wall += w
        cpu += c
    return wall, cpu


def row(name, ours, theirs):
    (ow, oc), (pw, pc) = ours, theirs
    print(f"| {name} | {common.fmt_range(ow)} | {oc[0]:.3f} s | {common.fmt_range(pw)} | "
          f"{pc[0]:.3f} s | {ow[0] / pw[0]:.2f} | {oc[0] / pc[0]:.2f} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args()
    acervo = common.find_acervo(args.build)
    common.require_tool("pandoc")
    sources = sorted(glob.glob(os.path.join(common.REPO, "corpora", "*.md")))

    with tempfile.TemporaryDirectory() as tmp:
        large = os.path.join(tmp, "large", "corpora-x%d.md" % args.repeat)
        os.makedirs(os.path.dirname(large))
        with open(large, "w", encoding="utf-8") as out:
            for _ in range(args.repeat):
                for s in sources:
                    with open(s, encoding="utf-8") as f:
                        out.write(f.read().replace("\f", "\n\n") + "\n\n")
        subprocess.run([sys.executable, MAKE_FIXTURES, os.path.join(tmp, "small")] + sources,
                       check=True)
        subprocess.run([sys.executable, MAKE_FIXTURES, os.path.join(tmp, "large")] + [large],
                       check=True)

        print(common.machine())
        print(f"{args.runs} counted runs after one warm-up; medians (min-max)\n")
        print("| input | acervo text: wall | CPU | pandoc -t plain: wall | CPU | "
              "wall ratio | CPU ratio |")
        print("|---|---|---|---|---|---|---|")
        for fmt in ("docx", "html", "odt"):
            for size in ("small", "large"):
                files = sorted(glob.glob(os.path.join(tmp, size, fmt, "*." + fmt)))
                ours = [[acervo, "text", f] for f in files]
                theirs = [["pandoc", f, "-t", "plain"] for f in files]
                a, b = common.median_pair(lambda: batch(ours), lambda: batch(theirs), args.runs)
                label = (f"{len(files)} corpora/ files as {fmt.upper()}" if size == "small"
                         else f"corpora/ x{args.repeat} as one {fmt.upper()} "
                              f"({os.path.getsize(files[0]) // 1024} KB)")
                row(label, a, b)


if __name__ == "__main__":
    main()
