#!/usr/bin/env bash
# work_crash_test.sh ACERVO PLUGIN_DIR SOURCE_DIR [STORE] — three `acervo work` processes drain a queue
# of good and broken documents while one of them, picked at random, is killed with -9 at
# random moments and replaced. At the end every good document is stored exactly once, every
# broken one failed with its reason, nothing is queued or leased, and no record is doubled.
#
# STORE is any store location `--store` takes (default: a fresh SQLite file); against a
# PostgreSQL store, pass its URI (tests/support/pg_server.sh start prints one). The store
# must be empty. ACERVO_CRASH_ROUNDS (default 3) rounds of ACERVO_CRASH_KILLS (7) kills.
set -euo pipefail

acervo=$1
plugins=$2
source_dir=$3
work=$(mktemp -d /tmp/acervo-crash-XXXXXX)
store=${4:-$work/queue.db}
rounds=${ACERVO_CRASH_ROUNDS:-3}
kills_per_round=${ACERVO_CRASH_KILLS:-7}
min_kills=${ACERVO_CRASH_MIN_KILLS:-20}
good=30
export ACERVO_PLUGIN_PATH=$plugins OMP_THREAD_LIMIT=1

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -9 -- "-$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cd "$work"
# The default pipeline, with the plugin that crashes or slows down on marked documents.
ln -s "$source_dir/pipelines/lexicons" lexicons
sed 's/^extractors:/extractors:\n  - plugin: test-faults/' "$source_dir/pipelines/default.yaml" > faults.yaml
mkdir docs
broken=(crash.txt empty.pdf not-really.pdf)
printf 'Este documento dice ACERVO-TEST-CRASH.\n' > docs/crash.txt
: > docs/empty.pdf
printf 'GIF89a this is an image' > docs/not-really.pdf

start_worker() {
  # Its own process group, so one kill -9 takes the coordinator and its workers, as a lost
  # host would.
  setsid "$acervo" work --store "$store" --pipeline faults.yaml --jobs 1 --until-empty \
    --lease 2 --max-attempts 3 --timeout 20 >>"$work/work.log" 2>&1 &
  pids+=($!)
}

total_kills=0
for round in $(seq 1 "$rounds"); do
  for i in $(seq 1 $good); do
    printf 'ACERVO-TEST-SLOW\n\nEl 3 de marzo de 2021 la alcaldía firmó el convenio %s-%s de cooperación por USD 12.500.\n' \
      "$round" "$i" > "docs/r$round-$i.txt"
  done
  "$acervo" enqueue docs --store "$store" --pipeline faults.yaml 2>>"$work/enqueue.log" ||
    fail "enqueue failed: $(cat "$work/enqueue.log")"
  pids=()
  for _ in 1 2 3; do start_worker; done
  kills=0
  while (( kills < kills_per_round )); do
    sleep "0.$(( RANDOM % 9 + 1 ))"
    victim=$(( RANDOM % ${#pids[@]} ))
    pid=${pids[$victim]}
    kill -0 "$pid" 2>/dev/null || break  # drained already: the round's kills are done
    kill -9 -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    kills=$(( kills + 1 ))
    pids[$victim]=""
    pids=(${pids[@]})
    start_worker
  done
  total_kills=$(( total_kills + kills ))
  # The rest drain the queue, taking back the killed workers' leases when they expire.
  for p in "${pids[@]}"; do
    for _ in $(seq 1 1200); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$p" 2>/dev/null && fail "a worker did not finish: $(tail -5 "$work/work.log")"
    wait "$p" || fail "a worker exited with $?: $(tail -5 "$work/work.log")"
  done
  pids=()
done

status=$("$acervo" status --store "$store" --json)
documents=$(jq .documents <<<"$status")
expected=$(( rounds * good ))
[[ $documents == "$expected" ]] || fail "$documents documents stored, expected $expected: $status"
[[ $(jq .queued <<<"$status") == 0 ]] || fail "files left queued: $status"
[[ $(jq .leased <<<"$status") == 0 ]] || fail "files left leased: $status"
[[ $(jq .failures <<<"$status") == "${#broken[@]}" ]] || fail "failures: $status"

failures=$("$acervo" failures --store "$store" --json)
reason() { jq -r --arg f "$work/docs/$1" 'select(.source == $f) | .code + ": " + .message' <<<"$failures"; }
[[ $(reason crash.txt) == crash:*"worker crashed"* || $(reason crash.txt) == lost:*"given up"* ]] ||
  fail "crash.txt: $(reason crash.txt)"
[[ $(reason empty.pdf) == *"empty file"* ]] || fail "empty.pdf: $(reason empty.pdf)"
[[ $(reason not-really.pdf) == *"not a PDF"* ]] || fail "not-really.pdf: $(reason not-really.pdf)"

records=$("$acervo" records --store "$store")
count=$(wc -l <<<"$records")
unique=$(jq -r .id <<<"$records" | sort -u | wc -l)
per_document=$(jq -r .document_id <<<"$records" | sort | uniq -c | awk '{print $1}' | sort -u)
[[ $count == "$unique" ]] || fail "$count records but $unique distinct ids"
[[ $per_document == 1 ]] || fail "records per document: $per_document (expected 1 each)"
[[ $(jq -r .document_id <<<"$records" | sort -u | wc -l) == "$expected" ]] ||
  fail "records of $(jq -r .document_id <<<"$records" | sort -u | wc -l) documents"
(( total_kills >= min_kills )) ||
  fail "only $total_kills kills: the workers drained the queue too fast to test anything"
echo "work_crash_test: $total_kills workers killed with -9 over $rounds rounds; $expected" \
     "documents stored once each, ${#broken[@]} failed with their reasons, queue empty"
