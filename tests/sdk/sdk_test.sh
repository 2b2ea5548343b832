#!/usr/bin/env bash
# sdk_test.sh BUILD_DIR SOURCE_DIR — the plugin SDK end to end, as an author would use it:
# install acervo to a temporary prefix, create a plugin with tools/new-plugin, build it as an
# external project against that prefix, run its tests, then load it into the installed
# `acervo` through ACERVO_PLUGIN_PATH and check its sample's expected mentions come out.
set -euo pipefail

build=$1
source=$2
name=sdk-probe
tmp=$(mktemp -d "${TMPDIR:-/tmp}/acervo-sdk-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

step() { echo "== $*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

step "install $build to $tmp/prefix"
cmake --install "$build" --prefix "$tmp/prefix" > "$tmp/install.log" ||
  { cat "$tmp/install.log"; fail "cmake --install"; }
for f in bin/acervo include/acervo/plugin.h include/acervo/testing.h \
         share/acervo/pipelines/default.yaml share/acervo/data/loader lib/acervo/plugins/es-date.so \
         lib/libacervo_plugin_api.a lib/cmake/acervo/acervoConfig.cmake; do
  [[ -e $tmp/prefix/$f ]] || fail "the install has no $f"
done
[[ ! -e $tmp/prefix/include/acervo/engine.h ]] || fail "engine.h is not a plugin header"

step "tools/new-plugin $name"
"$source/tools/new-plugin" "$name" "$tmp" > /dev/null
plugin=$tmp/$name

step "build $name against the installed SDK"
cmake -S "$plugin" -B "$tmp/build" -DCMAKE_PREFIX_PATH="$tmp/prefix" \
  -DCMAKE_BUILD_TYPE=Release > "$tmp/configure.log" ||
  { cat "$tmp/configure.log"; fail "configuring the external plugin"; }
cmake --build "$tmp/build" -j2 > "$tmp/build.log" ||
  { cat "$tmp/build.log"; fail "building the external plugin"; }
! grep -q "warning:" "$tmp/build.log" || { cat "$tmp/build.log"; fail "the scaffold builds with warnings"; }
[[ -f $tmp/build/plugins/$name.so && -f $tmp/build/plugins/$name/prefixes.tsv ]] ||
  fail "no $name.so with its data folder in build/plugins"

step "the scaffold's own tests"
ctest --test-dir "$tmp/build" --output-on-failure > "$tmp/ctest.log" ||
  { cat "$tmp/ctest.log"; fail "the scaffold's tests"; }

# Run from elsewhere so nothing is found relative to the current folder.
cd "$tmp"
export ACERVO_PLUGIN_PATH=$tmp/build/plugins
acervo=$tmp/prefix/bin/acervo

step "acervo extract with the sample's pipeline"
"$acervo" extract "$plugin/sample/sample.txt" --pipeline "$plugin/sample/pipeline.yaml" \
  --compact > "$tmp/out.json" || fail "acervo extract"
python3 - "$tmp/out.json" "$plugin/sample/sample.json" <<'PY' || fail "expected mentions"
import json, sys
got = json.load(open(sys.argv[1]))["mentions"]
want = json.load(open(sys.argv[2]))["mentions"]
key = lambda m: (m["type"], m["text"], json.dumps(m["value"], sort_keys=True))
found = {key(m) for m in got}
missing = [m for m in want if key(m) not in found]
for m in missing:
    print("missing:", json.dumps(m, ensure_ascii=False), file=sys.stderr)
if missing or len(got) != len(want):
    print("got:", json.dumps(got, ensure_ascii=False), file=sys.stderr)
    sys.exit(1)
print(f"{len(want)} expected mentions found")
PY

step "acervo extract --only $name --explain with the installed default pipeline"
"$acervo" extract "$plugin/sample/sample.txt" --only "$name" --explain > "$tmp/explain.txt" ||
  fail "acervo extract --explain"
grep -q '^p1:5  project_code' "$tmp/explain.txt" || { cat "$tmp/explain.txt"; fail "no p1:5 line"; }
grep -qF 'convenio [CONV-2024-017] con' "$tmp/explain.txt" ||
  { cat "$tmp/explain.txt"; fail "no bracketed span in context"; }
grep -q '^project_code: 2$' "$tmp/explain.txt" || { cat "$tmp/explain.txt"; fail "no count"; }

step "the installed acervo alone runs its bundled plugins with their data"
env -u ACERVO_PLUGIN_PATH "$acervo" extract "$plugin/sample/sample.txt" --compact > "$tmp/bundled.json" ||
  fail "acervo extract with the default pipeline"
python3 - "$tmp/bundled.json" <<'PY' || fail "bundled plugins"
import json, sys
x = json.load(open(sys.argv[1]))
extractors = {m["extractor"].split("@")[0] for m in x["mentions"]}
if "es-date" not in extractors:  # "En marzo", under a 2024 title
    sys.exit(f"bundled plugins found nothing in the sample: {sorted(extractors)}")
PY

step "a loader plugin built against the installed SDK reads its own format"
mkdir -p "$tmp/load-demo"
cat > "$tmp/load-demo/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.25)
project(load-demo LANGUAGES CXX)
set(CMAKE_CXX_STANDARD 20)
find_package(acervo 0.1 REQUIRED)
acervo_add_plugin(load-demo SOURCES demo.cc)
CMAKE
cat > "$tmp/load-demo/demo.cc" <<'CC'
#include "acervo/loader_plugin.h"

class DemoLoader : public acervo::Loader {
 public:
  acervo::LoaderInfo Info() const override {
    acervo::LoaderInfo info;
    info.name = "demo";
    info.version = "0.1.0";
    info.reads = {{"application/x-acervo-demo", 0, {".demo"}}};
    return info;
  }
  acervo::Result<acervo::Document> Load(std::string_view bytes,
                                        const acervo::LoadContext&) const override {
    acervo::Page page;
    page.text = "Demo: " + std::string(bytes);
    page.blocks.push_back({acervo::SegmentKind::kParagraph, 0, page.text.size()});
    acervo::Document doc;
    doc.pages.push_back(std::move(page));
    return doc;
  }
};

ACERVO_LOADER_PLUGIN(DemoLoader);
CC
cmake -S "$tmp/load-demo" -B "$tmp/load-demo/build" -DCMAKE_PREFIX_PATH="$tmp/prefix" \
  -DCMAKE_BUILD_TYPE=Release > "$tmp/demo.log" && cmake --build "$tmp/load-demo/build" >> "$tmp/demo.log" ||
  { cat "$tmp/demo.log"; fail "building a loader plugin against the SDK"; }
printf 'un formato propio\n' > "$tmp/muestra.demo"
ACERVO_PLUGIN_PATH=$tmp/load-demo/build/plugins "$acervo" text "$tmp/muestra.demo" > "$tmp/demo.txt" ||
  fail "acervo text with the demo loader"
grep -q "^Demo: un formato propio" "$tmp/demo.txt" || { cat "$tmp/demo.txt"; fail "the demo loader did not read it"; }

echo "PASS"
