#!/usr/bin/env bash
# Benchmarks (not tests): wall time, user time and peak memory of the main jobs on synthetic inputs.
#   tools/bench.sh [BUILD_DIR] [calc] [report] [declare] [declare-10m] [validate] [check-template]
#                  [fill-template]   (default: all but declare-10m)
# calc:     cbam calc on an installation with 1,000 source streams and 200 purchased precursors;
# report:   cbam report on 1,000,000 customs lines (about 78 MB of CSV, tools/gen_customs), side by
#           side with what a user could do instead on the same file: mawk summing the net mass by
#           CN code, origin and installation (none of the rules), and `wc -l` (reading the file);
#           also cbam report on one thread and with the general reading (CBAM_CUSTOMS_READING).
#           Each is run 3 times and the quickest run (least wall time) is shown;
# declare:  cbam declare -o on 1,000,000 and 5,000,000 customs lines of one year (every line's
#           status is written to FILE.lines.csv): wall, user and peak memory, which must not grow
#           with the number of lines; beside each, the same mawk group-by on the same file. The
#           quickest of 3 runs of each, cbam writing fresh outputs each time;
# declare-10m: the same on 10,000,000 lines (about 800 MB of CSV, 1 GB of line statuses), to show
#           that the cost grows linearly;
# validate: cbam validate on a valid QReport of about 85 MB (5,900 goods of 4 emissions entries,
#           written by tools/gen_qreport), side by side with libxml2's own
#           `xmllint --noout --schema` on the same file. Each is run 3 times and the run with the
#           least user time is shown: other processes on the machine change wall times, user time
#           much less.
# check-template: cbam check-template on the communication template filled as far as it goes
#           (10 processes, 20 purchased precursors, 100 products: tools/gen_template) and
#           recalculated by LibreOffice, so that all 600 figures are compared; when the blank
#           template ($CBAM_TEMPLATE_DIR, by default ../shared/templates) is there. Without
#           LibreOffice, cbam calc on the same workbook (reading it). Best of 3.
# fill-template: cbam calc --template-out on two fixtures, computing and filling a copy of the
#           Commission's communication template (when the blank is in ../shared/templates or
#           $CBAM_TEMPLATE_DIR), beside cbam calc alone: the difference is the filling. Best of 3.
set -euo pipefail
build=${1:-build}
shift || true
jobs=("$@")
[ ${#jobs[@]} -eq 0 ] && jobs=(calc report declare validate check-template fill-template)
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
# The best of 3 runs: the one with the least wall time (field 1: for side-by-side figures of
# programs on two threads and one) or the least user time (field 2).
best_of_3_by() {
    local field=$1 best=""
    shift
    for _ in 1 2 3; do
        local m; m=$(measure "$@")
        if [ -z "$best" ] || awk -v a="$m" -v b="$best" -v f="$field" 'BEGIN { split(a, x, " "); split(b, y, " "); exit !(x[f] < y[f]) }'; then best=$m; fi
    done
    echo "$best"
}
quickest_of_3() { best_of_3_by 1 "$@"; }
best_of_3() { best_of_3_by 2 "$@"; }

if wants calc; then
    "$build/gen_installation" "$work/inst" 1000 200
    run "calc, 1000 streams + 200 precursors" "$build/cbam" calc "$work/inst"
    run "calc --explain all, same installation" "$build/cbam" calc "$work/inst" --explain all
fi
if wants report; then
    "$build/gen_customs" "$work/imports" 1000000
    size=$(awk -v b="$(stat -c %s "$work/imports/customs.csv")" 'BEGIN { printf "%.0f", b / 1e6 }')
    echo "report, 1,000,000 customs lines ($size MB), side by side on the same file (each the quickest of 3 runs):"
    read -r cw cu cp < <(quickest_of_3 "$build/cbam" report "$work/imports" --period 2025Q3 -o "$work/report.xml")
    # The same on one thread (the quick reading without the second core), and the general reading.
    read -r qw qu qp < <(CBAM_CUSTOMS_READING=quick quickest_of_3 "$build/cbam" report "$work/imports" --period 2025Q3 -o "$work/report.xml")
    read -r gw gu gp < <(CBAM_CUSTOMS_READING=general quickest_of_3 "$build/cbam" report "$work/imports" --period 2025Q3 -o "$work/report.xml")
    # The quick alternative: net mass summed by CN code, origin and installation, no rules at all.
    read -r aw au ap < <(quickest_of_3 mawk -F, 'NR > 1 { m[$4 FS $5 FS $11] += $6 } END { for (k in m) print k, m[k] }' "$work/imports/customs.csv")
    read -r ww wu wp < <(quickest_of_3 wc -l "$work/imports/customs.csv")
    printf '  %-28s wall %6s s, user %6s s, peak RSS %8s KiB\n' "cbam report" "$cw" "$cu" "$cp"
    printf '  %-28s wall %6s s, user %6s s, peak RSS %8s KiB\n' "  one thread (quick)" "$qw" "$qu" "$qp"
    printf '  %-28s wall %6s s, user %6s s, peak RSS %8s KiB\n' "  general reading" "$gw" "$gu" "$gp"
    printf '  %-28s wall %6s s, user %6s s, peak RSS %8s KiB\n' "mawk group-by (no rules)" "$aw" "$au" "$ap"
    printf '  %-28s wall %6s s, user %6s s, peak RSS %8s KiB\n' "wc -l" "$ww" "$wu" "$wp"
    awk -v cw="$cw" -v aw="$aw" 'BEGIN { printf "  cbam report / mawk:          wall %.2fx\n", cw / (aw > 0 ? aw : 0.01) }'
    rm -rf "$work/imports" "$work/report.xml"
fi
declare_run() {
    local n=$1 label=$2 best="" m
    "$build/gen_customs" "$work/year" "$n" 2026
    # The quickest of 3 runs, each writing its outputs afresh: the previous run's are removed
    # first, outside the timing (replacing a line-status file of 90 MB would add the file system's
    # freeing of the old one, about 20 ms here, which is not the declaration's work).
    for _ in 1 2 3; do
        rm -rf "$work/year/out"
        mkdir -p "$work/year/out"
        m=$(measure "$build/cbam" declare "$work/year" --year 2026 -o "$work/year/out/d.csv")
        if [ -z "$best" ] || awk -v a="$m" -v b="$best" 'BEGIN { split(a, x, " "); split(b, y, " "); exit !(x[1] < y[1]) }'; then best=$m; fi
    done
    read -r cw cu cp <<< "$best"
    printf '  %-28s wall %6s s, user %6s s, peak RSS %8s KiB\n' "$label" "$cw" "$cu" "$cp"
    # The same quick alternative as for report, on the same file.
    read -r aw au ap < <(quickest_of_3 mawk -F, 'NR > 1 { m[$4 FS $5 FS $11] += $6 } END { for (k in m) print k, m[k] }' "$work/year/customs.csv")
    printf '  %-28s wall %6s s, user %6s s, peak RSS %8s KiB\n' "  mawk group-by (no rules)" "$aw" "$au" "$ap"
    awk -v cw="$cw" -v aw="$aw" 'BEGIN { printf "  cbam declare / mawk:         wall %.2fx\n", cw / (aw > 0 ? aw : 0.01) }'
    rm -rf "$work/year"
}
if wants declare || wants declare-10m; then
    echo "declare -o, customs lines of 2026 (all line statuses written):"
    if wants declare; then
        declare_run 1000000 "1,000,000 lines"
        declare_run 5000000 "5,000,000 lines"
    fi
    if wants declare-10m; then declare_run 10000000 "10,000,000 lines"; fi
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
if wants check-template; then
    blank="${CBAM_TEMPLATE_DIR:-$(dirname "$0")/../../shared/templates}/CBAM Communication template for installations_en_20241213.xlsx"
    if [ ! -f "$blank" ]; then
        echo "check-template: skipped, the blank template is not at $blank"
    else
        mkdir -p "$work/tpl/user"
        "$build/gen_template" "$blank" "$work/filled.xlsx"
        if command -v soffice >/dev/null; then
            # LibreOffice's default never recalculates an xlsx on load: a private profile that always does.
            cat > "$work/tpl/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU
            mkdir -p "$work/recalculated"
            soffice -env:UserInstallation="file://$work/tpl" --headless --norestore --convert-to 'xlsx:Calc MS Excel 2007 XML' \
                --outdir "$work/recalculated" "$work/filled.xlsx" > /dev/null 2>&1
            read -r w u p < <(best_of_3 "$build/cbam" check-template "$work/recalculated/filled.xlsx")
            printf 'check-template, a full template (100 products, 600 figures), best of 3: wall %s s, user %s s, peak RSS %s KiB\n' "$w" "$u" "$p"
        else
            read -r w u p < <(best_of_3 "$build/cbam" calc "$work/filled.xlsx")
            printf 'calc on a full template (100 products; LibreOffice absent: not checked), best of 3: wall %s s, user %s s, peak RSS %s KiB\n' "$w" "$u" "$p"
        fi
    fi
fi
if wants fill-template; then
    blank="${CBAM_TEMPLATE_DIR:-$(dirname "$0")/../../shared/templates}/CBAM Communication template for installations_en_20241213.xlsx"
    if [ -f "$blank" ]; then
        echo "fill-template, best of 3 runs by user time:"
        for f in fastener-tw aluminium-smelter; do
            read -r cw cu cp < <(best_of_3 "$build/cbam" calc "$(dirname "$0")/../fixtures/$f")
            read -r tw tu tp < <(best_of_3 "$build/cbam" calc "$(dirname "$0")/../fixtures/$f" --template "$blank" --template-out "$work/$f.xlsx")
            printf '  %-48s wall %6s s, user %6s s, peak RSS %8s KiB\n' "calc fixtures/$f" "$cw" "$cu" "$cp"
            printf '  %-48s wall %6s s, user %6s s, peak RSS %8s KiB\n' "calc fixtures/$f --template-out" "$tw" "$tu" "$tp"
        done
    else
        echo "fill-template: skipped, the blank template is not at $blank"
    fi
fi
