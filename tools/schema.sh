#!/usr/bin/env bash
# Sets up the official CBAM quarterly report schema, QReport 23.00, which cbam never ships
# (docs/setup.md). Looks for it in $CBAM_SCHEMA_DIR, then ../shared/schemas beside the project, then
# the per-user cache ${XDG_CACHE_HOME:-~/.cache}/cbam/schemas; otherwise downloads the Commission's
# zip ($CBAM_SCHEMA_URL, by default the address recorded in schemas/qreport-23.00.sha256) into that
# cache. Both files must have the SHA-256 recorded there; the zip's files are matched by content,
# since the zip may name the types file stypes_ver23.00.xsd while QReport_ver23.00.xsd includes it
# as stypes.xsd.
#
# Prints the folder that holds the schema and exits 0. Otherwise says what is wrong and what to
# download and where to put it, on standard error, and exits 5 (cbam's set-up exit code).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
record="$here/schemas/qreport-23.00.sha256"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/cbam/schemas"
url=${CBAM_SCHEMA_URL:-$(awk '$1 == "url" { print $2 }' "$record")}
published() { awk -v f="$1" '$1 == "sha256" && $2 == f { print $3 }' "$record"; }
want_qreport=$(published QReport_ver23.00.xsd)
want_stypes=$(published stypes.xsd)

digest() { sha256sum "$1" | cut -d' ' -f1; }
setup_help() {
  local text
  text=$(<"$here/schemas/qreport-23.00-setup.txt")
  text=${text//"{url}"/"$url"}
  text=${text//"{cache}"/"$cache"}
  printf '%s\n' "$text" >&2
}
fail() {
  echo "schema: $*" >&2
  setup_help
  exit 5
}

# The first folder holding QReport_ver23.00.xsd is the one used (as cbam does): both its files must
# be the published ones.
check() {
  local dir=$1 name want
  for name in QReport_ver23.00.xsd stypes.xsd; do
    want=$want_qreport; [ "$name" = stypes.xsd ] && want=$want_stypes
    [ -f "$dir/$name" ] || fail "$dir/$name is missing beside QReport_ver23.00.xsd"
    [ "$(digest "$dir/$name")" = "$want" ] ||
      fail "$dir/$name is not the published file of QReport 23.00: its SHA-256 is $(digest "$dir/$name"), the published file's is $want ($record)"
  done
}
for dir in ${CBAM_SCHEMA_DIR:+"$CBAM_SCHEMA_DIR"} "$here/../shared/schemas" "$cache"; do
  if [ -f "$dir/QReport_ver23.00.xsd" ]; then
    check "$dir"
    (cd "$dir" && pwd)
    exit 0
  fi
done

command -v curl >/dev/null && command -v unzip >/dev/null || fail "curl and unzip are needed to download the schema"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "schema: downloading $url" >&2
curl -fsSL --max-time 120 -o "$tmp/schema.zip" "$url" 2>"$tmp/curl.err" || fail "could not download $url: $(tr '\n' ' ' <"$tmp/curl.err")"
mkdir "$tmp/zip"
unzip -q -j -o "$tmp/schema.zip" '*.xsd' -d "$tmp/zip" 2>/dev/null || fail "$url is not a zip holding .xsd files"
for f in "$tmp"/zip/*.xsd; do
  case $(digest "$f") in
    "$want_qreport") cp "$f" "$tmp/QReport_ver23.00.xsd" ;;
    "$want_stypes") cp "$f" "$tmp/stypes.xsd" ;;
  esac
done
[ -f "$tmp/QReport_ver23.00.xsd" ] && [ -f "$tmp/stypes.xsd" ] ||
  fail "the zip from $url does not hold the published files of QReport 23.00: no .xsd in it has the SHA-256 recorded in $record"
mkdir -p "$cache"
# stypes.xsd first: a QReport_ver23.00.xsd in the cache means both are there.
for name in stypes.xsd QReport_ver23.00.xsd; do
  cp "$tmp/$name" "$cache/.$name.tmp" && mv -f "$cache/.$name.tmp" "$cache/$name"
done
echo "schema: the official QReport 23.00 schema is in $cache (SHA-256 checked)" >&2
echo "$cache"
