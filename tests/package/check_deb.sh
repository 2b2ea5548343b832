#!/usr/bin/env bash
# check_deb.sh BUILD_DIR SOURCE_DIR — the Debian packages as a user gets them: build them
# with tools/package, check their contents and Depends, run lintian when it is installed,
# then unpack acervo_*.deb into an empty root and run the unpacked binary on the samples:
# `acervo plugins` must list the four bundled plugins from the unpacked paths, `ingest` and
# `report` must work with nothing from the build tree.
#
# With ACERVO_TEST_DEB_INSTALL=1 (root, a throwaway machine) it also installs the package
# with apt, runs it from /usr/bin, removes it with `apt-get purge` and checks that no file of
# it is left behind.
set -euo pipefail
build=$1
source=$(cd "$2" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/acervo-deb-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
step() { echo "== $*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

step "tools/package"
"$source/tools/package" "$build" "$tmp/out" > "$tmp/package.log" 2>&1 ||
  { cat "$tmp/package.log"; fail "tools/package"; }
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
deb=$tmp/out/acervo_${version}_amd64.deb
dev=$tmp/out/acervo-dev_${version}_amd64.deb
[[ -f $deb && -f $dev ]] || { ls "$tmp/out"; fail "expected $(basename "$deb") and $(basename "$dev")"; }

step "contents"
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' > "$tmp/files"
for f in /usr/bin/acervo /usr/lib/acervo/plugins/es-date.so /usr/lib/acervo/plugins/es-amount.so \
         /usr/lib/acervo/plugins/es-institution.so /usr/lib/acervo/plugins/es-ods.so \
         /usr/lib/acervo/modules/ocr-tesseract.so /usr/lib/acervo/modules/store-postgres.so \
         /usr/lib/acervo/modules/review-server.so \
         /usr/share/acervo/pipelines/default.yaml /usr/share/man/man1/acervo.1.gz \
         /usr/share/bash-completion/completions/acervo /usr/share/doc/acervo/copyright \
         /usr/share/locale/es/LC_MESSAGES/acervo.mo /usr/share/locale/en/LC_MESSAGES/acervo.mo; do
  grep -qx "$f" "$tmp/files" || fail "acervo.deb has no $f"
done
! grep -q '^/usr/include/' "$tmp/files" || fail "headers belong to acervo-dev"
dpkg-deb -c "$dev" | awk '{print $6}' | sed 's|^\./|/|' > "$tmp/devfiles"
for f in /usr/include/acervo/plugin.h /usr/lib/cmake/acervo/acervoConfig.cmake; do
  grep -qx "$f" "$tmp/devfiles" || fail "acervo-dev.deb has no $f"
done

step "Depends"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
# libpoppler1NN (126 in Debian 12): the text layer links Poppler itself (load/pdf_text_layer.h).
# libpq5 and libcpp-httplib come from the modules (util/modules.h), read off them the same
# way; libmagic1, loaded with dlopen, is named by hand (cmake/AcervoDebian.cmake).
for lib in libpoppler-cpp libpoppler1 libtesseract tesseract-ocr-spa libicu libre2 libsqlite3 libyaml-cpp \
           libpq5 libcpp-httplib libmagic1; do
  [[ $depends == *"$lib"* ]] || fail "Depends does not name $lib"
done
[[ $depends != *-dev* ]] || fail "Depends names a -dev package: $depends"

if command -v lintian >/dev/null; then
  step "lintian"
  lintian --fail-on error --suppress-tags no-changelog,debian-changelog-file-missing \
    "$deb" "$dev" > "$tmp/lintian.log" 2>&1 || { cat "$tmp/lintian.log"; fail "lintian errors"; }
  grep -E '^[EW]:' "$tmp/lintian.log" || true
fi

step "unpacked binary on the samples"
dpkg-deb -x "$deb" "$tmp/root"
acervo=$tmp/root/usr/bin/acervo
env -u ACERVO_PLUGIN_PATH -u ACERVO_PIPELINE_PATH "$acervo" plugins > "$tmp/plugins.txt"
for p in es-date es-amount es-institution es-ods; do
  grep -q "$p" "$tmp/plugins.txt" || { cat "$tmp/plugins.txt"; fail "acervo plugins lacks $p"; }
done
grep -q "$tmp/root/usr/lib/acervo/plugins" "$tmp/plugins.txt" ||
  { cat "$tmp/plugins.txt"; fail "plugins are not loaded from the unpacked root"; }
(cd "$tmp" && OMP_THREAD_LIMIT=1 "$acervo" ingest "$source/corpora" --store "$tmp/a.db" > ingest.log 2>&1) ||
  { cat "$tmp/ingest.log"; fail "ingest"; }
"$acervo" report --store "$tmp/a.db" > "$tmp/report.txt" || fail "report"
grep -qi "record" "$tmp/report.txt" || { cat "$tmp/report.txt"; fail "report says nothing of records"; }
# The installed catalogs: Spanish with no es_MX locale generated (docs/i18n.md).
env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=es_MX.UTF-8 "$acervo" report --store "$tmp/a.db" > "$tmp/informe.txt" || fail "report in Spanish"
grep -q "^Registros: " "$tmp/informe.txt" ||
  { cat "$tmp/informe.txt"; fail "the report is not in Spanish with LANG=es_MX.UTF-8"; }

if [[ ${ACERVO_TEST_DEB_INSTALL:-0} == 1 ]]; then
  step "apt install, run, purge"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" > "$tmp/apt.log" 2>&1 ||
    { cat "$tmp/apt.log"; fail "apt install"; }
  /usr/bin/acervo plugins | grep -q /usr/lib/acervo/plugins/es-date.so || fail "installed plugins"
  (cd "$tmp" && /usr/bin/acervo ingest "$source/corpora" --store "$tmp/b.db" >/dev/null 2>&1) ||
    fail "installed ingest"
  DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq acervo > "$tmp/purge.log" 2>&1 ||
    { cat "$tmp/purge.log"; fail "apt purge"; }
  while read -r f; do
    [[ -d $f || ! -e $f ]] || fail "$f is left behind after purge"
  done < "$tmp/files"
fi
echo "deb package: ok"
