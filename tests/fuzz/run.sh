#!/usr/bin/env bash
# tests/fuzz/run.sh — build the fuzz targets with clang (libFuzzer, ASan, UBSan) in
# build-fuzz/ and run every fuzz_* test for a bounded time.
#
#   tests/fuzz/run.sh              ACERVO_FUZZ_SECONDS (default 30) per target, 7 targets
#   FUZZ_SECONDS=300 tests/fuzz/run.sh   longer runs, by hand
#
# A crash leaves its input as build-fuzz/tests/fuzz/fuzz_NAME-crash-*; fix the bug and copy
# the input into tests/fuzz/regressions/fuzz_NAME/ so every build replays it.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${ACERVO_FUZZ_BUILD_DIR:-$here/build-fuzz}
seconds=${FUZZ_SECONDS:-30}
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DACERVO_FUZZ=ON -DACERVO_BUILD_BENCH=OFF -DACERVO_FUZZ_SECONDS="$seconds" "${launcher[@]}"
targets=(fuzz_pdf_loader fuzz_text_loader fuzz_recognizers fuzz_pipeline_yaml fuzz_worker_frame
         fuzz_gold_reader fuzz_review_server)
cmake --build "$build" -j"${JOBS:-2}" --target "${targets[@]}" es-date es-amount es-institution es-ods
# The pipelines' data is looked up beside the binaries' build tree, as for the other tests.
export OMP_THREAD_LIMIT=1 ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
ctest --test-dir "$build" -R '^fuzz_' --output-on-failure
