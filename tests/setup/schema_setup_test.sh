#!/usr/bin/env bash
# Set-up anywhere (docs/setup.md). A clone of the project with no ../shared beside it:
#   1. without any copy of the official schema, the example job runs what needs no schema and ends
#      with exit code 5 and the paragraph that says what to download; cbam validate likewise;
#   2. with the Commission's zip at a file:// address (built here from ../shared/schemas, its types
#      file named stypes_ver23.00.xsd as the Commission's zip may name it), tools/schema.sh puts
#      the schema in the per-user cache and the example job exits 0; cbam then finds the schema in
#      the cache by itself;
#   3. a tampered copy fails the digest check, in tools/schema.sh and in cbam; so does a zip whose
#      files are not the published ones.
# No second build: the clone's scripts and data run with the cbam binary under test.
# Usage: schema_setup_test.sh SOURCE_DIR CBAM_BINARY
set -euo pipefail
src=$1
bin=$2
shared="$src/../shared/schemas"
if [ ! -f "$shared/QReport_ver23.00.xsd" ] || ! command -v zip >/dev/null || ! command -v git >/dev/null; then
  echo "SKIP: needs ../shared/schemas (to build the zip from), zip and git"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
check() {  # check DESCRIPTION COMMAND...: the command must succeed
  local what=$1
  shift
  if "$@"; then echo "ok: $what"; else echo "FAILED: $what"; failures=$((failures + 1)); fi
}
# contains FILE TEXT: TEXT occurs in FILE, whose paragraphs may wrap anywhere (line ends read as spaces).
contains() { tr '\n' ' ' <"$1" | grep -qF -- "$2"; }

git clone -q "$src" "$tmp/clone"
clone="$tmp/clone"
[ ! -e "$clone/../shared" ] || { echo "FAILED: $clone/../shared exists"; exit 1; }
# Everything below sees only the clone: its data, no schema folder set, a private cache.
unset CBAM_SCHEMA_DIR
export CBAM_DATA_DIR="$clone" HOME="$tmp/home" XDG_CACHE_HOME="$tmp/cache"
mkdir -p "$HOME"
cache="$tmp/cache/cbam/schemas"

# 1. No copy anywhere, and the address unreachable.
set +e
CBAM_SCHEMA_URL="file://$tmp/no-such.zip" bash "$clone/tools/example.sh" "$bin" >"$tmp/1.out" 2>"$tmp/1.err"
rc=$?
set -e
check "no schema: the example job exits 5 (set-up)" test "$rc" -eq 5
check "no schema: the paragraph names the Commission's zip" contains "$tmp/1.err" '"CBAM XSD Version 23.00.zip"'
check "no schema: the paragraph says where to put it" contains "$tmp/1.err" "put two of its files in $cache"
check "no schema: the paragraph names CBAM_SCHEMA_DIR" contains "$tmp/1.err" "set CBAM_SCHEMA_DIR to that folder"
check "no schema: the calculation ran" test -s "$clone/out/fastener-tw-see.csv"
check "no schema: the declaration ran" test -s "$clone/out/warehouse-de-2026.xml"
check "no schema: no report was written" test ! -e "$clone/out/importer-nl-2024Q2.xml"
set +e
"$bin" validate "$shared/example-minimal.xml" >"$tmp/1v.out" 2>"$tmp/1v.err"
rc=$?
set -e
check "no schema: cbam validate exits 5" test "$rc" -eq 5
check "no schema: cbam says where it looked" contains "$tmp/1v.err" "the official QReport schema was not found (looked in $tmp/shared/schemas, $cache)"
check "no schema: cbam gives the same paragraph" contains "$tmp/1v.err" "put two of its files in $cache"
check "no schema: not an internal error" bash -c "! grep -q 'internal error' '$tmp/1v.err'"

# 2. The Commission's zip at a file:// address.
mkdir "$tmp/zip"
cp "$shared/QReport_ver23.00.xsd" "$tmp/zip/"
cp "$shared/stypes.xsd" "$tmp/zip/stypes_ver23.00.xsd"
(cd "$tmp/zip" && zip -q "$tmp/CBAM XSD Version 23.00.zip" QReport_ver23.00.xsd stypes_ver23.00.xsd)
export CBAM_SCHEMA_URL="file://$tmp/CBAM%20XSD%20Version%2023.00.zip"
set +e
bash "$clone/tools/example.sh" "$bin" >"$tmp/2.out" 2>"$tmp/2.err"
rc=$?
set -e
check "zip: the example job exits 0" test "$rc" -eq 0
check "zip: the schema is in the cache, its types file named stypes.xsd" cmp -s "$cache/stypes.xsd" "$shared/stypes.xsd"
check "zip: QReport_ver23.00.xsd is in the cache" cmp -s "$cache/QReport_ver23.00.xsd" "$shared/QReport_ver23.00.xsd"
check "zip: the report was written and valid" contains "$tmp/2.err" "importer-nl-2024Q2.xml (valid: schema and registry rules)"
check "cache: cbam finds the schema there by itself" "$bin" validate "$clone/out/importer-nl-2024Q2.xml"
check "cache: tools/schema.sh finds it without downloading" bash -c "CBAM_SCHEMA_URL=file:///nowhere bash '$clone/tools/schema.sh' | grep -qx '$cache'"

# 3. Tampered copies.
mkdir "$tmp/tampered"
cp "$cache/QReport_ver23.00.xsd" "$tmp/tampered/"
sed 's/maxLength value="512"/maxLength value="513"/' "$cache/stypes.xsd" >"$tmp/tampered/stypes.xsd"
check "tampered: the copy differs" bash -c "! cmp -s '$tmp/tampered/stypes.xsd' '$cache/stypes.xsd'"
set +e
CBAM_SCHEMA_DIR="$tmp/tampered" bash "$clone/tools/schema.sh" >/dev/null 2>"$tmp/3.err"
rc=$?
CBAM_SCHEMA_DIR="$tmp/tampered" "$bin" validate "$clone/out/importer-nl-2024Q2.xml" >/dev/null 2>"$tmp/3v.err"
rcv=$?
"$bin" validate --schema-dir "$tmp/tampered" "$clone/out/importer-nl-2024Q2.xml" >/dev/null 2>"$tmp/3o.err"
rco=$?
set -e
check "tampered: tools/schema.sh exits 5" test "$rc" -eq 5
check "tampered: tools/schema.sh names the file" contains "$tmp/3.err" "$tmp/tampered/stypes.xsd is not the published file of QReport 23.00"
check "tampered: cbam exits 5" test "$rcv" -eq 5
check "tampered: cbam names the file and its digest" contains "$tmp/3v.err" "$tmp/tampered/stypes.xsd is not the published file of QReport 23.00: its SHA-256 is $(sha256sum "$tmp/tampered/stypes.xsd" | cut -d' ' -f1)"
check "tampered: --schema-dir is checked too" test "$rco" -eq 5
# A zip whose files are not the published ones is refused, and nothing is put in the cache.
cp "$tmp/tampered/stypes.xsd" "$tmp/zip/stypes_ver23.00.xsd"
(cd "$tmp/zip" && zip -q "$tmp/bad.zip" QReport_ver23.00.xsd stypes_ver23.00.xsd)
set +e
XDG_CACHE_HOME="$tmp/cache2" CBAM_SCHEMA_URL="file://$tmp/bad.zip" bash "$clone/tools/schema.sh" >/dev/null 2>"$tmp/4.err"
rc=$?
set -e
check "bad zip: tools/schema.sh exits 5" test "$rc" -eq 5
check "bad zip: it says the zip does not hold the published files" contains "$tmp/4.err" "does not hold the published files of QReport 23.00"
check "bad zip: nothing was put in the cache" test ! -e "$tmp/cache2/cbam/schemas/QReport_ver23.00.xsd"

if [ "$failures" -ne 0 ]; then
  for f in 1.err 1v.err 2.err 3.err 3v.err 4.err; do echo "--- $f"; cat "$tmp/$f"; done
  exit 1
fi
