#!/usr/bin/env python3
"""Scores amount mentions against the gold files: precision, recall and F1.

    score.py --gold GOLD_DIR [--verbose] PRED_DIR [PRED_DIR...]

Each PRED_DIR holds <doc stem>.json in the output contract's shape. A predicted amount
counts when its key equals that of a gold amount mention of the same document not matched
yet (a multiset match per document; spans, approximate and confidence are ignored). Two
keys are scored: (value, currency) and value alone. Values are compared in canonical form:
trailing fractional zeros and a bare point dropped, so "100000" = "100000.00" and
"2.50" = "2.5" (the same rule as `acervo eval`). Prints one JSON line per PRED_DIR.
"""
import argparse
import collections
import json
import pathlib
import sys


def canonical(amount):
    s = str(amount).replace(",", ".")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    s = s.lstrip("0")
    if not s or s.startswith("."):
        s = "0" + s
    return s


def amounts(mentions, with_currency):
    out = collections.Counter()
    for m in mentions:
        v = m.get("value") or {}
        if m.get("type") != "amount":
            continue
        key = canonical(v.get("amount", ""))
        out[(key, v.get("currency")) if with_currency else key] += 1
    return out


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 3), round(r, 3), round(f, 3)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", required=True)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("pred", nargs="+")
    args = ap.parse_args()
    golds = sorted(pathlib.Path(args.gold).glob("*.json"))
    for pred_dir in args.pred:
        report = {"pred": pred_dir}
        for name, with_currency in (("value_currency", True), ("value", False)):
            tp = fp = fn = 0
            for g in golds:
                gold = amounts(json.loads(g.read_text())["mentions"], with_currency)
                p = pathlib.Path(pred_dir) / g.name
                pred = (amounts(json.loads(p.read_text())["mentions"], with_currency)
                        if p.exists() else collections.Counter())
                tp += sum((gold & pred).values())
                fp += sum((pred - gold).values())
                fn += sum((gold - pred).values())
                if args.verbose and with_currency:
                    for k, n in (pred - gold).items():
                        print(f"  FP {g.stem} {k} x{n}", file=sys.stderr)
                    for k, n in (gold - pred).items():
                        print(f"  FN {g.stem} {k} x{n}", file=sys.stderr)
            p_, r_, f_ = prf(tp, fp, fn)
            report[name] = {"tp": tp, "fp": fp, "fn": fn, "precision": p_, "recall": r_, "f1": f_}
        print(json.dumps(report))


if __name__ == "__main__":
    main()
