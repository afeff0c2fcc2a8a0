#!/usr/bin/env bash
# Benchmarks (not tests): wall time and peak memory of the two main jobs on synthetic inputs.
#   tools/bench.sh [BUILD_DIR]
# 1. cbam calc on an installation with 1,000 source streams and 200 purchased precursors;
# 2. cbam report on 1,000,000 customs lines (about 78 MB of CSV).
set -euo pipefail
build=${1:-build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/gen_installation" "$work/inst" 1000 200
"$build/gen_customs" "$work/imports" 1000000
run() {
    local label=$1; shift
    /usr/bin/time -f "$label: wall %e s, user %U s, peak RSS %M KiB" "$@" > /dev/null 2> "$work/time" || { cat "$work/time"; exit 1; }
    tail -1 "$work/time"
}
run "calc, 1000 streams + 200 precursors" "$build/cbam" calc "$work/inst"
run "calc --explain all, same installation" "$build/cbam" calc "$work/inst" --explain all
run "report, 1,000,000 customs lines" "$build/cbam" report "$work/imports" --period 2025Q3 -o "$work/report.xml"
