#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, with AddressSanitizer and UndefinedBehaviorSanitizer), seeds
# each from the fixtures, and runs each for CBAM_FUZZ_SECONDS (default 60). Exits non-zero on the
# first finding; the input that caused it is kept in build-fuzz/findings/.
#   tools/fuzz.sh [SECONDS]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
seconds=${1:-${CBAM_FUZZ_SECONDS:-60}}
build=${CBAM_FUZZ_BUILD_DIR:-build-fuzz}

CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCBAM_FUZZ=ON -DCBAM_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j "$(nproc)" --target fuzz_installation fuzz_customs fuzz_supplier fuzz_settings fuzz_declaration_data fuzz_qreport

seeds="$build/seeds"
rm -rf "$seeds" && mkdir -p "$seeds"
# fuzz_installation: first byte = index of the file replaced (see tests/fuzz/fuzz_installation.cpp)
files=(installation.csv processes.csv source_streams.csv measurements.csv pfc.csv heat.csv waste_gases.csv electricity.csv precursors.csv suppliers.csv)
mkdir -p "$seeds/fuzz_installation"
for fx in fixtures/fastener-tw fixtures/cement-vn fixtures/fertiliser-eg fixtures/aluminium-smelter fixtures/hydrogen-plant fixtures/power-plant; do
  for i in "${!files[@]}"; do
    [ -f "$fx/${files[$i]}" ] || continue
    { printf "\\x$(printf %02x "$i")"; cat "$fx/${files[$i]}"; } > "$seeds/fuzz_installation/$(basename "$fx")-$i"
  done
done
mkdir -p "$seeds/fuzz_customs" "$seeds/fuzz_supplier" "$seeds/fuzz_settings" "$seeds/fuzz_declaration_data" "$seeds/fuzz_qreport"
cp fixtures/importer-nl/customs.csv "$seeds/fuzz_customs/importer-nl"
cp fixtures/warehouse-de/customs.csv "$seeds/fuzz_customs/warehouse-de"
for f in fixtures/importer-nl/suppliers/*.csv fixtures/warehouse-de/suppliers/*.csv; do cp "$f" "$seeds/fuzz_supplier/$(basename "$(dirname "$(dirname "$f")")")-$(basename "$f")"; done
{ printf '\x80'; cat fixtures/importer-nl/settings.csv; printf 'eori,name,country,city\nBE0000000001,Other (fictional),BE,Antwerp\n'; } > "$seeds/fuzz_settings/importer-nl"
{ printf '\x01'; cat fixtures/warehouse-de/certificate_prices.csv; } > "$seeds/fuzz_declaration_data/prices"
{ printf '\x00'; cat fixtures/warehouse-de/carbon_prices_paid.csv; } > "$seeds/fuzz_declaration_data/carbon"
schema_dir=${CBAM_SCHEMA_DIR:-$here/../shared/schemas}
cp "$schema_dir/example-minimal.xml" "$seeds/fuzz_qreport/example-minimal.xml"
cp tests/corpus/xml/*.xml "$seeds/fuzz_qreport/"
# What the fuzzers found once, kept as seeds so that each run tries it again (tests/corpus/fuzz/TARGET/).
for d in tests/corpus/fuzz/*/; do cp "$d"* "$seeds/$(basename "$d")/"; done

mkdir -p "$build/findings"
status=0
for t in fuzz_installation fuzz_customs fuzz_supplier fuzz_settings fuzz_declaration_data fuzz_qreport; do
  mkdir -p "$build/corpus/$t"
  echo "fuzz: $t for ${seconds}s"
  if ! "$build/$t" "$build/corpus/$t" "$seeds/$t" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 \
        -timeout=10 -artifact_prefix="$build/findings/$t-" -print_final_stats=1 > "$build/$t.log" 2>&1; then
    echo "fuzz: $t FOUND A PROBLEM; last lines of $build/$t.log:"
    tail -40 "$build/$t.log"
    status=1
    break
  fi
  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$build/$t.log" | sed "s/^/fuzz: $t /"
done
exit $status
