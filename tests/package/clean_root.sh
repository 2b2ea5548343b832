#!/usr/bin/env bash
# clean_root.sh BUILD_DIR SOURCE_DIR — issue 25's first "done when": the package on a fresh
# Debian 12. Builds acervo_*.deb with tools/package, makes a minimal bookworm root with
# debootstrap (cached as BUILD_DIR/clean-root/bookworm-minbase.tar.gz, so a rerun only
# unpacks it) and, chrooted in it with /proc and /dev mounted:
#   apt install ./acervo_….deb     (the Depends come from the Debian mirror)
#   acervo plugins                 lists the four bundled plugins from /usr/lib/acervo/plugins
#   acervo ingest, acervo report   work on the samples (and the report in Spanish)
#   apt remove --purge acervo      leaves no file of it, nor any path naming acervo, behind
# Prints how long each step took. Exits 77 (CTest: skipped) when not root, without
# debootstrap, or without a reachable mirror. ACERVO_DEBIAN_MIRROR changes the mirror;
# ACERVO_TEST_DEB=FILE tests that package instead of building one.
set -euo pipefail
build=$(cd "$1" && pwd)
source=$(cd "$2" && pwd)
mirror=${ACERVO_DEBIAN_MIRROR:-http://deb.debian.org/debian}
skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*" >&2; exit 1; }
start=$SECONDS
last=$SECONDS
step() { echo "== [$((SECONDS - last))s, total $((SECONDS - start))s] $*"; last=$SECONDS; }

[[ $(id -u) == 0 ]] || skip "needs root (debootstrap and chroot)"
command -v debootstrap >/dev/null || skip "debootstrap is not installed (tools/setup installs it)"
host=$(sed -E 's|^[a-z]+://([^/:]+).*|\1|' <<<"$mirror")
timeout 10 bash -c "exec 3<>/dev/tcp/$host/80" 2>/dev/null || skip "no network: $host:80 unreachable"

cache=$build/clean-root
mkdir -p "$cache"
root=$(mktemp -d "${TMPDIR:-/tmp}/acervo-clean-root.XXXXXX")
mounted=()
cleanup() {
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[i]}" 2>/dev/null || true; done
  rm -rf --one-file-system "$root"
}
trap cleanup EXIT
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
  DEBIAN_FRONTEND=noninteractive OMP_THREAD_LIMIT=1 "$@"; }

if [[ -n ${ACERVO_TEST_DEB:-} ]]; then
  deb=$(cd "$(dirname "$ACERVO_TEST_DEB")" && pwd)/$(basename "$ACERVO_TEST_DEB")
  step "using $deb"
else
  step "tools/package"
  "$source/tools/package" "$build" "$cache/out" > "$cache/package.log" 2>&1 ||
    { cat "$cache/package.log"; fail "tools/package"; }
  version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
  deb=$cache/out/acervo_${version}_amd64.deb
fi
[[ -f $deb ]] || fail "no package $deb"

tarball=$cache/bookworm-minbase.tar.gz
if [[ -f $tarball ]]; then
  step "fresh Debian 12 root from the cached $(basename "$tarball")"
  tar -xzf "$tarball" -C "$root"
else
  step "debootstrap --variant=minbase bookworm (cached afterwards)"
  debootstrap --variant=minbase bookworm "$root" "$mirror" > "$cache/debootstrap.log" 2>&1 ||
    { tail -30 "$cache/debootstrap.log"; fail "debootstrap"; }
  tar -czf "$tarball.part" -C "$root" . && mv "$tarball.part" "$tarball"
fi
mount -t proc proc "$root/proc" && mounted+=("$root/proc")
mount --bind /dev "$root/dev" && mounted+=("$root/dev")
cp /etc/resolv.conf "$root/etc/resolv.conf"
mkdir -p "$root/tmp/work"
cp "$deb" "$root/tmp/work/"
cp -r "$source/corpora" "$root/tmp/work/corpora"

# Every path of the root but the scratch and kernel folders, to compare after the purge.
list_files() {
  in_root find / -xdev \( -path /proc -o -path /dev -o -path /tmp -o -path /sys \) -prune \
    -o -print | LC_ALL=C sort
}
list_files > "$cache/before.txt"

step "apt install ./$(basename "$deb")"
in_root apt-get update -qq > "$cache/apt.log" 2>&1 || { cat "$cache/apt.log"; fail "apt-get update"; }
in_root apt-get install -y -qq --no-install-recommends "/tmp/work/$(basename "$deb")" \
  >> "$cache/apt.log" 2>&1 || { tail -40 "$cache/apt.log"; fail "apt install of the package"; }
in_root dpkg -L acervo > "$cache/package-files.txt"

step "acervo plugins"
in_root acervo plugins > "$cache/plugins.txt" 2>&1 || { cat "$cache/plugins.txt"; fail "acervo plugins"; }
for p in es-date es-amount es-institution es-ods; do
  grep -q "/usr/lib/acervo/plugins/$p.so" "$cache/plugins.txt" ||
    { cat "$cache/plugins.txt"; fail "acervo plugins does not list $p from /usr/lib/acervo/plugins"; }
done

step "acervo ingest and report on the samples"
in_root sh -c 'cd /tmp/work && acervo ingest corpora/' > "$cache/ingest.log" 2>&1 ||
  { cat "$cache/ingest.log"; fail "acervo ingest"; }
in_root sh -c 'cd /tmp/work && acervo report' > "$cache/report.txt" 2>&1 ||
  { cat "$cache/report.txt"; fail "acervo report"; }
grep -q '^Records: [1-9]' "$cache/report.txt" || { cat "$cache/report.txt"; fail "no records"; }
in_root sh -c 'cd /tmp/work && LANG=es_MX.UTF-8 acervo report' > "$cache/informe.txt" 2>&1 ||
  { cat "$cache/informe.txt"; fail "acervo report in Spanish"; }
grep -q '^Registros: [1-9]' "$cache/informe.txt" ||
  { cat "$cache/informe.txt"; fail "the report is not in Spanish with LANG=es_MX.UTF-8"; }

step "apt remove --purge acervo"
in_root apt-get remove --purge -y -qq acervo > "$cache/purge.log" 2>&1 ||
  { cat "$cache/purge.log"; fail "apt remove --purge"; }
while read -r f; do
  [[ -d $root$f || ! -e $root$f ]] || fail "$f is left behind after the purge"
done < "$cache/package-files.txt"
list_files > "$cache/after.txt"
# What the purge left that was not there before: only apt's and dpkg's own records, the
# libraries apt brought for the Depends, and no path that names acervo.
left=$(comm -13 "$cache/before.txt" "$cache/after.txt" | grep -i acervo || true)
[[ -z $left ]] || fail "left behind after the purge: $left"
step "clean root: ok"
