#!/usr/bin/env python3
"""Scores date mentions against the gold files: precision, recall and F1.

    score.py --gold GOLD_DIR PRED_DIR [PRED_DIR...]

Each PRED_DIR holds <doc stem>.json in the output contract's shape. A predicted date counts
when its value's start and end both equal those of a gold date mention of the same document
not matched yet (a multiset match per document; spans and confidence are ignored, as in
spec/annotation-guide.md). Mentions with "precision": "year" are not scored. Prints one JSON
line per PRED_DIR.
"""
import argparse
import collections
import json
import pathlib
import sys


def dates(mentions):
    out = collections.Counter()
    for m in mentions:
        v = m.get("value") or {}
        if m.get("type") != "date" or v.get("precision") == "year":
            continue
        if len(str(v.get("start", ""))) < 7:
            continue  # year precision is not a date mention
        out[(v.get("start"), v.get("end"))] += 1
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", required=True)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("pred", nargs="+")
    args = ap.parse_args()
    golds = sorted(pathlib.Path(args.gold).glob("*.json"))
    for pred_dir in args.pred:
        tp = fp = fn = 0
        for g in golds:
            gold = dates(json.loads(g.read_text())["mentions"])
            p = pathlib.Path(pred_dir) / g.name
            pred = dates(json.loads(p.read_text())["mentions"]) if p.exists() else collections.Counter()
            both = gold & pred
            tp += sum(both.values())
            fp += sum((pred - gold).values())
            fn += sum((gold - pred).values())
            if args.verbose:
                for k, n in (pred - gold).items():
                    print(f"  FP {g.stem[:3]} {k} x{n}", file=sys.stderr)
                for k, n in (gold - pred).items():
                    print(f"  FN {g.stem[:3]} {k} x{n}", file=sys.stderr)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        print(json.dumps({"pred": pred_dir, "tp": tp, "fp": fp, "fn": fn,
                          "precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4)}))


if __name__ == "__main__":
    main()
