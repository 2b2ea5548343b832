#!/usr/bin/env bash
# measure-cer.sh — how well the loader reads the shared PDF corpus (issue 3).
#
#   tests/loaders/measure-cer.sh [BUILD_DIR] [--no-ocr]
#
# For each PDF in ../shared/corpus-pdf (MANIFEST.tsv), compares `acervo text FILE` with
# `acervo text` of its seed text (the seed's markup stripped the same way) and prints the
# character error rate (NFC, whitespace runs collapsed, Levenshtein / reference length), and
# the same with list markers ("- " at a line start) dropped on both sides, since the seeds
# spell bullets as text while the PDFs draw them.
# For mixed PDFs it also counts the text pages whose text differs from the born-digital
# PDF's same page. Scanned variants take about 2 s a page (OCR); --no-ocr skips them.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-$here/build}
[[ ${1:-} == --no-ocr ]] && build=$here/build
no_ocr=0
for a in "$@"; do [[ $a == --no-ocr ]] && no_ocr=1; done
shared=$here/../shared
corpus=$shared/corpus-pdf
[[ -d $corpus ]] || { echo "measure-cer: no $corpus" >&2; exit 1; }
acervo=$build/acervo
cer=$build/loader_cer
if [[ ! -x $cer ]]; then  # tests/loaders not in the build yet: compile the tool directly
  g++ -std=c++20 -O2 -o "$cer" "$here/tests/loaders/cer.cc" "$here/tests/loaders/cer_main.cc" \
    $(pkg-config --cflags --libs icu-uc)
fi
export OMP_THREAD_LIMIT=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

printf '%-34s %-6s %5s %8s %8s %-14s %s\n' file variant pages seconds CER edits/chars \
  CER-no-bullets
tail -n +2 "$corpus/MANIFEST.tsv" | sort -t$'\t' -k2,2r -k1,1 | while IFS=$'\t' read -r file variant pages _ _ scanned; do
  [[ $no_ocr == 1 && $variant != text ]] && continue
  id=${file%%.*}
  "$acervo" text "$shared/seeds/$id.txt" > "$tmp/$id.ref"
  start=$(date +%s.%N)
  "$acervo" text "$corpus/$file" > "$tmp/$file.txt" 2> "$tmp/$file.err" || true
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  r=$("$cer" "$tmp/$id.ref" "$tmp/$file.txt")
  l=$("$cer" --ignore-list-markers "$tmp/$id.ref" "$tmp/$file.txt")
  printf '%-34s %-6s %5s %8.1f %8s %-14s %s\n' "$file" "$variant" "$pages" "$secs" \
    "${r#*CER=}" "${r%% *}" "${l#*CER=}"
  if [[ $variant == mixed && -f $tmp/$id.pdf.txt ]]; then
    python3 - "$tmp/$id.pdf.txt" "$tmp/$file.txt" "$scanned" <<'PY'
import sys
a = open(sys.argv[1], encoding="utf-8").read().split("\f")
b = open(sys.argv[2], encoding="utf-8").read().split("\f")
scans = {int(x) for x in sys.argv[3].split(",") if x.isdigit()}
text_pages = [p for p in range(1, len(a) + 1) if p not in scans]
same = sum(1 for p in text_pages if p <= len(b) and a[p - 1] == b[p - 1])
print(f"  mixed: {same}/{len(text_pages)} text pages identical to the born-digital PDF's")
PY
  fi
done
