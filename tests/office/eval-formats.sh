#!/bin/sh
# usage: eval-formats.sh ACERVO SOURCE_DIR
# `acervo eval` on corpora/ rendered by pandoc as DOCX, ODT and HTML (make-fixtures.py)
# must give every document the same scores as its markdown source, and so must the markdown
# pandoc was given (pages joined). Exit 77: pandoc missing.
set -eu
acervo=$1
src=$2
command -v pandoc >/dev/null || { echo "pandoc not installed: skipping"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$src/tests/office/make-fixtures.py" --titles-from "$acervo" "$tmp" "$src"/corpora/*.md

# Per-document scores and the micro average, without the file names.
scores() {
  "$acervo" eval --gold "$src/corpora/gold" --run --source "$1" --json |
    python3 -c 'import json, sys
r = json.load(sys.stdin)
for d in r["documents"]: print(d["doc"], json.dumps(d["scores"], sort_keys=True))
print("micro", json.dumps(r["micro"], sort_keys=True))'
}

scores "$src/corpora" > "$tmp/md.txt"
status=0
for fmt in md docx odt html; do
  scores "$tmp/$fmt" > "$tmp/$fmt.txt"
  if cmp -s "$tmp/md.txt" "$tmp/$fmt.txt"; then
    echo "$fmt: the same scores as the markdown"
  else
    echo "$fmt: scores differ from the markdown:"
    diff "$tmp/md.txt" "$tmp/$fmt.txt" || true
    status=1
  fi
done
exit $status
