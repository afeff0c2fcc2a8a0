#!/usr/bin/env bash
# One browser test: cbam writes a page into a fresh folder, then check_page.mjs opens it in
# chromium, checks it and keeps a screenshot.
# Usage: run_page_test.sh CBAM SHOTS_DIR NAME -- CBAM_ARGS... -- CHECK_ARGS...
# In CBAM_ARGS, @PAGE@ is the page to write and @TMP@ the fresh folder (for other outputs).
# PAGE_TEST_PREPARE (environment): a command run first with @TMP@ replaced, to make cbam's input
# there; its exit code 77 skips the test (e.g. the blank communication template is not there).
# PAGE_TEST_EXIT: cbam's expected exit code when it is not 0 (check-template's 4: figures differ).
set -euo pipefail
cbam=$1 shots=$2 name=$3
shift 3
[ "${1:-}" = -- ] && shift
cbam_args=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do cbam_args+=("$1"); shift; done
[ $# -gt 0 ] && shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
page="$tmp/$name.html"
args=()
for a in "${cbam_args[@]}"; do a=${a//@PAGE@/$page}; args+=("${a//@TMP@/$tmp}"); done
if [ -n "${PAGE_TEST_PREPARE:-}" ]; then
  rc=0
  bash -c "${PAGE_TEST_PREPARE//@TMP@/$tmp}" || rc=$?
  [ $rc -eq 77 ] && exit 77
  [ $rc -ne 0 ] && { echo "run_page_test: preparing the input failed ($rc)" >&2; exit 1; }
fi
rc=0
"$cbam" "${args[@]}" >"$tmp/cbam.out" 2>&1 || rc=$?
if [ $rc -ne "${PAGE_TEST_EXIT:-0}" ]; then
  echo "run_page_test: cbam ${args[*]} exited $rc, expected ${PAGE_TEST_EXIT:-0}:" >&2
  cat "$tmp/cbam.out" >&2
  exit 1
fi
mkdir -p "$shots"
exec node "$(dirname "${BASH_SOURCE[0]}")/check_page.mjs" "$page" "$shots/$name.png" "$@"
