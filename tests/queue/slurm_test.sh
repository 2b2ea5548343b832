#!/usr/bin/env bash
# slurm_test.sh ACERVO PLUGIN_DIR SOURCE_DIR [STORE] — a single-node Slurm cluster started
# here (munged with a generated key, slurmctld and slurmd in the foreground with a generated
# slurm.conf, all in a temporary folder, on free ports) runs tools/slurm/acervo-work.sbatch
# as a 3-task array against a store holding a queue, and the queue must drain: every
# document stored, nothing queued or leased.
#
# STORE: any --store location (default: a SQLite file in the temporary folder, which every
# task reaches since the node is this machine). Exits 77 (skipped) naming the reason when
# Slurm or munge is not installed, or when the daemons cannot start here (their logs say why).
set -euo pipefail

acervo=$1
plugins=$2
source_dir=$3
dir=$(mktemp -d /tmp/acervo-slurm-XXXXXX)
chmod 755 "$dir"
store=${4:-$dir/queue.db}
export ACERVO_PLUGIN_PATH=$plugins OMP_THREAD_LIMIT=1

daemons=()
cleanup() {
  for p in "${daemons[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${daemons[@]}"; do wait "$p" 2>/dev/null || true; done
  [[ -f $dir/munged.pid ]] && kill "$(cat "$dir/munged.pid")" 2>/dev/null || true
  # slurmstepd and munged may still be closing their files.
  for _ in 1 2 3 4 5; do rm -rf "$dir" 2>/dev/null && break; sleep 0.5; done
}
trap cleanup EXIT
skip() { echo "SKIP: $*" >&2; exit 77; }
fail() {
  echo "FAIL: $*" >&2
  for log in "$dir"/*.log; do echo "--- $log" >&2; tail -20 "$log" >&2; done
  exit 1
}

for tool in munged slurmctld slurmd sbatch sinfo jq; do
  command -v "$tool" >/dev/null || skip "$tool is not installed (tools/setup installs slurm-wlm, munge, jq)"
done
[[ $(id -u) == 0 ]] || skip "the test cluster runs its daemons as root (SlurmUser=root); run as root"

# A port nothing listens on (a connection to it is refused).
free_port() {
  local port
  while true; do
    port=$(( 20000 + RANDOM % 40000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# munge: its own key, socket, pid and log in $dir.
dd if=/dev/urandom of="$dir/munge.key" bs=1024 count=1 2>/dev/null
chmod 400 "$dir/munge.key"
munged --force --key-file="$dir/munge.key" --socket="$dir/munge.sock" \
  --pid-file="$dir/munged.pid" --log-file="$dir/munged.log" --seed-file="$dir/munge.seed" ||
  fail "munged did not start"

node=$(hostname -s)
cpus=$(getconf _NPROCESSORS_ONLN)

# slurm.conf for this attempt, on the given ports.
write_conf() {
  cat > "$dir/slurm.conf" <<CONF
ClusterName=acervotest
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$1
SlurmdPort=$2
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge.sock
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
SchedulerType=sched/builtin
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=1000 State=UNKNOWN
PartitionName=test Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
}
export SLURM_CONF=$dir/slurm.conf

stop_daemons() {
  for p in "${daemons[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${daemons[@]}"; do wait "$p" 2>/dev/null || true; done
  daemons=()
}

# One attempt: fresh state, two free ports, both daemons in the foreground. Returns 0 once
# the node is idle, 1 when a daemon exited at start (its log lines are kept in $why), 2 when
# the node never became idle.
start_slurm() {
  rm -rf "$dir/state" "$dir/spool" "$dir"/slurm*.log
  mkdir -p "$dir/state" "$dir/spool"
  local ctld_port d_port
  ctld_port=$(free_port)
  d_port=$(free_port)
  while [[ $d_port == "$ctld_port" ]]; do d_port=$(free_port); done
  write_conf "$ctld_port" "$d_port"
  slurmctld -D -i -f "$SLURM_CONF" >"$dir/slurmctld.out.log" 2>&1 &
  daemons+=($!)
  slurmd -D -f "$SLURM_CONF" -N "$node" >"$dir/slurmd.out.log" 2>&1 &
  daemons+=($!)
  for _ in $(seq 1 100); do
    for p in "${daemons[@]}"; do
      if ! kill -0 "$p" 2>/dev/null; then
        why=$(tail -q -n 3 "$dir"/slurm*.log 2>/dev/null | tr '\n' ' ')
        stop_daemons
        return 1
      fi
    done
    sinfo -h -o '%t' 2>/dev/null | grep -qx 'idle' && return 0
    sleep 0.2
  done
  why="slurmd says: $(tail -n 3 "$dir/slurmd.log" 2>/dev/null | tr '\n' ' ')"
  stop_daemons
  return 2
}

# A port can be taken by another program between free_port and the daemon's bind (a full
# test run starts many servers): try other ports before concluding that Slurm cannot run.
attempts=5
for try in $(seq 1 $attempts); do
  rc=0
  start_slurm || rc=$?
  (( rc == 0 )) && break
  echo "slurm_test: attempt $try: a Slurm daemon did not come up ($why)" >&2
  if (( try == attempts )); then
    if (( rc == 1 )); then
      skip "a Slurm daemon exited at start $attempts times, on different ports each time; last log: $why"
    fi
    skip "the Slurm node did not become idle in 20 s, $attempts times; $why"
  fi
done

# A queue of documents, then the job array drains it.
mkdir "$dir/docs"
for i in $(seq 1 12); do
  printf '# Informe %s\n\nEl acervo número %s recibió $ %s.000 el 3 de marzo de 2021.\n' \
    "$i" "$i" "$i" > "$dir/docs/informe-$i.md"
done
"$acervo" enqueue "$dir/docs" --store "$store" >"$dir/enqueue.out.log" 2>&1 ||
  fail "enqueue failed"

cd "$dir"
ACERVO=$acervo ACERVO_STORE=$store timeout 300 sbatch --wait --array=1-3 --cpus-per-task=1 \
  --mem=100M --time=10 --output="$dir/task-%a.log" \
  "$source_dir/tools/slurm/acervo-work.sbatch" --lease 5 >"$dir/sbatch.out.log" 2>&1 ||
  fail "sbatch --wait failed: $(cat "$dir/sbatch.out.log")"

status=$("$acervo" status --store "$store" --json)
[[ $(jq .documents <<<"$status") == 12 ]] || fail "not every document was stored: $status"
[[ $(jq .queued <<<"$status") == 0 && $(jq .leased <<<"$status") == 0 ]] ||
  fail "the queue did not drain: $status"
tasks=$(grep -l "acervo-work: task" "$dir"/task-*.log | wc -l)
[[ $tasks == 3 ]] || fail "$tasks of 3 array tasks ran"
echo "slurm_test: 3 array tasks under slurmctld/slurmd drained 12 documents into $store"
