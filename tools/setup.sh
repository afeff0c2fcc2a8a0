#!/usr/bin/env bash
# Installs what the project needs (Debian packages only), builds it, then runs one job:
#   tools/setup.sh example   the main job on the bundled example installation
#   tools/setup.sh test      every test (Catch2 through ctest), again under AddressSanitizer and
#                            UndefinedBehaviorSanitizer, then each libFuzzer target for
#                            CBAM_FUZZ_SECONDS (default 60)
#   tools/setup.sh build     build only
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
job=${1:-build}

packages=(build-essential cmake pkg-config libpugixml-dev libboost-dev libcsv-dev libfmt-dev catch2 libxml2-dev libxml2-utils libssl-dev libzip-dev
          nlohmann-json3-dev libcli11-dev curl unzip)
# npm fetches the chart library the HTML pages bundle (web/package-lock.json pins it); Debian's
# nodejs and npm unless a Node.js with npm is already there.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
# The test job also builds with sanitizers and runs the libFuzzer targets: clang and its runtimes;
# and opens the HTML pages in a real browser: Debian's chromium, with CJK fonts for the zh-TW pages.
# The set-up test clones the project and builds a zip of the schema: git and zip. LibreOffice Calc
# recalculates filled communication templates, the independent check of cbam's SEE against the
# Commission's own formulas (tests/e2e/communication_template_test.cpp).
[ "$job" = test ] && packages+=(clang libclang-rt-14-dev chromium fonts-noto-cjk git zip libreoffice-calc-nogui)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The chart library (Chart.js) bundled into the HTML pages, at the version and integrity that
# web/package-lock.json records; cbam also checks its SHA-256 (web/chart.js.sha256). Without it
# the pages are still written, with a notice instead of charts.
if ! npm ci --prefix web --no-audit --no-fund --ignore-scripts --loglevel=error; then
  [ "$job" = test ] && { echo "setup: could not install the chart library with npm" >&2; exit 1; }
  echo "setup: warning: could not install the chart library with npm: HTML pages will have no charts" >&2
fi
# The browser tests drive Debian's chromium through playwright-core (test-only; it downloads no browser).
[ "$job" = test ] && npm ci --prefix tests/browser --no-audit --no-fund --ignore-scripts --loglevel=error

build=${CBAM_BUILD_DIR:-build}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=${CBAM_BUILD_TYPE:-RelWithDebInfo} >/dev/null
cmake --build "$build" -j "$(nproc)"

case "$job" in
  example)
    # Finds or downloads the official schema (tools/schema.sh), then runs the examples.
    bash tools/example.sh "$build/cbam"
    ;;
  test)
    # The tests that check XML against the official schema need it (tools/schema.sh).
    bash tools/schema.sh >/dev/null || echo "setup: warning: without the official schema, the tests that need it fail" >&2
    ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
    echo "setup: the same tests under AddressSanitizer and UndefinedBehaviorSanitizer"
    cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCBAM_SANITIZE=ON >/dev/null
    cmake --build build-asan -j "$(nproc)"
    ctest --test-dir build-asan --output-on-failure -j "$(nproc)"
    echo "setup: fuzzing every importer and the QReport reader (${CBAM_FUZZ_SECONDS:-60} s each)"
    bash tools/fuzz.sh
    ;;
  build) ;;
  *) echo "setup: unknown job '$job' (expected example, test or build)" >&2; exit 2 ;;
esac
