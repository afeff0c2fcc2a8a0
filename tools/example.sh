#!/usr/bin/env bash
# The example job of tools/setup.sh: cbam on the bundled fictional examples, written to out/.
#   tools/example.sh [CBAM]      CBAM: the cbam binary (default: $CBAM_BUILD_DIR/cbam, else build/cbam)
# The quarterly report needs the official schema (tools/schema.sh). Without it, everything else
# still runs, and the job ends with exit code 5 (set-up) after saying what to download.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
cbam=${1:-${CBAM_BUILD_DIR:-build}/cbam}
[[ "$cbam" = /* ]] || cbam="$here/$cbam"

schema=""
if found=$(bash tools/schema.sh); then
  schema=$found
  export CBAM_SCHEMA_DIR=$schema
fi

mkdir -p out
# The fastener maker's figures and page, and its filled communication template when the blank is
# there (the Commission's workbook is not part of this project: docs/communication-template.md).
# No LibreOffice needed: Excel or LibreOffice computes the template's results when it opens it.
blank="${CBAM_TEMPLATE_DIR:-../shared/templates}/CBAM Communication template for installations_en_20241213.xlsx"
if [ -f "$blank" ]; then
  "$cbam" calc fixtures/fastener-tw -o out/fastener-tw-see.csv --html out/fastener-tw.html \
    --template "$blank" --template-out out/fastener-tw-template.xlsx
else
  "$cbam" calc fixtures/fastener-tw -o out/fastener-tw-see.csv --html out/fastener-tw.html
  echo "example: out/fastener-tw-template.xlsx is not written: the blank communication template is not at $blank" >&2
fi
echo
if [ -n "$schema" ]; then
  "$cbam" report fixtures/importer-nl --period 2024Q2 -o out/importer-nl-2024Q2.xml --html out/importer-nl-2024Q2.html
else
  echo "example: the quarterly report of fixtures/importer-nl is skipped: it needs the official schema (see above)" >&2
fi
echo
"$cbam" declare fixtures/warehouse-de --year 2026 -o out/warehouse-de-2026.xml \
  --html out/warehouse-de-2026.zh-TW.html --lang zh-TW
[ -n "$schema" ] || exit 5
