#!/usr/bin/env bash
# tools/dev/move-contract-headers.sh — move acervo's own contract headers out of the plugin
# SDK's include folder into the modules that own them (docs/architecture.md), so that
# core/include is exactly what `cmake --install` ships:
#   core/include/acervo/record.h, extraction.h -> core/src/document/  (module document)
#   core/include/acervo/engine.h               -> core/src/engine/    (module engine)
# Their spellings ("acervo/record.h", ...) do not change: the modules' public include folders
# (cmake/AcervoModule.cmake) map them. Safe to run again: a header already moved is skipped;
# one that came back (a merge that kept both) is moved over the old copy after a diff check.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
moves=(
  "core/include/acervo/record.h core/src/document/record.h"
  "core/include/acervo/extraction.h core/src/document/extraction.h"
  "core/include/acervo/engine.h core/src/engine/engine.h"
)
for m in "${moves[@]}"; do
  read -r from to <<<"$m"
  [[ -e $from ]] || continue
  if [[ -e $to ]] && ! cmp -s "$from" "$to"; then
    echo "move-contract-headers: $from and $to both exist and differ; merge them by hand" >&2
    exit 1
  fi
  if [[ -e $to ]]; then git rm -q "$from"; else git mv "$from" "$to"; fi
  echo "moved $from -> $to"
done
