#!/usr/bin/env bash
# Benchmarks (not tests): wall time, user time and peak memory of the main jobs on synthetic inputs.
#   tools/bench.sh [BUILD_DIR] [calc] [report] [validate]      (default: all three)
# calc:     cbam calc on an installation with 1,000 source streams and 200 purchased precursors;
# report:   cbam report on 1,000,000 customs lines (about 78 MB of CSV);
# validate: cbam validate on a valid QReport of about 85 MB (5,900 goods of 4 emissions entries,
#           written by tools/gen_qreport), side by side with libxml2's own
#           `xmllint --noout --schema` on the same file. Each is run 3 times and the run with the
#           least user time is shown: other processes on the machine change wall times, user time
#           much less.
set -euo pipefail
build=${1:-build}
shift || true
jobs=("$@")
[ ${#jobs[@]} -eq 0 ] && jobs=(calc report validate)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wants() { [[ " ${jobs[*]} " == *" $1 "* ]]; }

# Runs a command under /usr/bin/time; prints "wall user peak" (seconds, seconds, KiB).
measure() {
    /usr/bin/time -f "%e %U %M" "$@" > /dev/null 2> "$work/time" || { cat "$work/time"; exit 1; }
    tail -1 "$work/time"
}
run() {
    local label=$1; shift
    read -r wall user peak < <(measure "$@")
    echo "$label: wall $wall s, user $user s, peak RSS $peak KiB"
}
# The run with the least user time of 3.
best_of_3() {
    local best=""
    for _ in 1 2 3; do
        local m; m=$(measure "$@")
        if [ -z "$best" ] || awk -v a="$m" -v b="$best" 'BEGIN { split(a, x, " "); split(b, y, " "); exit !(x[2] < y[2]) }'; then best=$m; fi
    done
    echo "$best"
}

if wants calc; then
    "$build/gen_installation" "$work/inst" 1000 200
    run "calc, 1000 streams + 200 precursors" "$build/cbam" calc "$work/inst"
    run "calc --explain all, same installation" "$build/cbam" calc "$work/inst" --explain all
fi
if wants report; then
    "$build/gen_customs" "$work/imports" 1000000
    run "report, 1,000,000 customs lines" "$build/cbam" report "$work/imports" --period 2025Q3 -o "$work/report.xml"
fi
if wants validate; then
    schema_dir=${CBAM_SCHEMA_DIR:-$(dirname "$0")/../../shared/schemas}
    "$build/gen_qreport" "$work/q.xml" 5900 4
    size=$(awk -v b="$(stat -c %s "$work/q.xml")" 'BEGIN { printf "%.0f", b / 1e6 }')
    echo "validate, a valid QReport of $size MB (5,900 goods x 4 emissions entries), best of 3 runs by user time:"
    read -r lw lu lp < <(best_of_3 xmllint --noout --schema "$schema_dir/QReport_ver23.00.xsd" "$work/q.xml")
    read -r cw cu cp < <(best_of_3 "$build/cbam" validate "$work/q.xml" --schema-dir "$schema_dir")
    printf '  %-28s wall %6s s, user %6s s, peak RSS %8s KiB\n' "xmllint --noout --schema" "$lw" "$lu" "$lp"
    printf '  %-28s wall %6s s, user %6s s, peak RSS %8s KiB\n' "cbam validate" "$cw" "$cu" "$cp"
    awk -v cu="$cu" -v lu="$lu" -v cw="$cw" -v lw="$lw" -v cp="$cp" -v lp="$lp" \
        'BEGIN { printf "  cbam / xmllint:              user %.2fx, wall %.2fx, peak RSS %.2fx\n", cu / lu, cw / lw, cp / lp }'
fi
