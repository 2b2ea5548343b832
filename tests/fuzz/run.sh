#!/usr/bin/env bash
# tests/fuzz/run.sh — build the fuzz targets with clang (libFuzzer, ASan, UBSan) in
# build-fuzz/ and run every fuzz_* test for a bounded time.
#
#   tests/fuzz/run.sh                    FUZZ_SECONDS (default 30) per target, 7 targets
#   FUZZ_SECONDS=300 tests/fuzz/run.sh   longer runs, by hand
#   FUZZ_SEED=0 tests/fuzz/run.sh        a new random seed (default 1: CI's runs are repeatable)
#   tests/fuzz/run.sh --unit             first build the unit tests (label `unit`) in the same
#                                        tree and run them under ASan+UBSan (CI does this)
#
# A crash leaves its input as build-fuzz/tests/fuzz/fuzz_NAME-crash-*; fix the bug and copy
# the input into tests/fuzz/regressions/fuzz_NAME/ so every build replays it.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${ACERVO_FUZZ_BUILD_DIR:-$here/build-fuzz}
seconds=${FUZZ_SECONDS:-30}
seed=${FUZZ_SEED:-1}
unit=false
for arg in "$@"; do
  case $arg in
    --unit) unit=true ;;
    -h | --help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "tests/fuzz/run.sh: unknown argument '$arg' (--unit or --help)" >&2; exit 2 ;;
  esac
done
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DACERVO_FUZZ=ON -DACERVO_BUILD_BENCH=OFF -DACERVO_FUZZ_SECONDS="$seconds" -DACERVO_FUZZ_SEED="$seed" "${launcher[@]}"
targets=(acervo_fuzz_targets)
$unit && targets+=(acervo_tests_unit)
cmake --build "$build" -j"${JOBS:-2}" --target "${targets[@]}"
# The pipelines' data is looked up beside the binaries' build tree, as for the other tests.
# Leaks are not looked for: the targets keep a fixture alive on purpose (review server).
export OMP_THREAD_LIMIT=1 ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
if $unit; then
  ctest --test-dir "$build" -L '^unit$' -j"${JOBS:-2}" --output-on-failure
fi
ctest --test-dir "$build" -R '^fuzz_' --output-on-failure
