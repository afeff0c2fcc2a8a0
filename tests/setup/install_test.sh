#!/usr/bin/env bash
# Installing like a tool (docs/install.md): cmake --install puts cbam, its data, its man page and its
# bash completion in place, and the installed cbam finds its data beside itself, from any folder,
# with no CBAM_DATA_DIR; cpack builds a .deb holding the same files.
# Uses the build under test (no second build).  Usage: install_test.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
check() {  # check DESCRIPTION COMMAND...: the command must succeed
  local what=$1
  shift
  if "$@"; then echo "ok: $what"; else echo "FAILED: $what"; failures=$((failures + 1)); fi
}

cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
p=$tmp/prefix
check "cbam is in bin/" test -x "$p/bin/cbam"
check "its data is in share/cbam" test -f "$p/share/cbam/cn_codes/tables.csv"
check "the record of the official schema is in share/cbam" test -f "$p/share/cbam/schemas/qreport-23.00.sha256"
check "the language catalogues are in share/cbam" test -f "$p/share/cbam/i18n/zh-TW.json"
check "the man page is in share/man/man1" test -f "$p/share/man/man1/cbam.1.gz"
check "the bash completion is in share/bash-completion" test -f "$p/share/bash-completion/completions/cbam"

# The installed cbam, moved elsewhere (as a package puts it under /usr), run from another folder
# with no CBAM_DATA_DIR: it reads the data installed beside it.
mv "$p" "$tmp/moved"
p=$tmp/moved
cd "$tmp"
unset CBAM_DATA_DIR
check "the installed cbam classifies a code with its installed data" bash -c "'$p/bin/cbam' classify 73181590 | grep -q 'in CBAM scope: *yes'"
check "--version names the installed data folder" bash -c "'$p/bin/cbam' --version | grep -qF '$p/share/cbam'"

# The man page: every command has its section, with the help 'cbam help COMMAND' prints.
man=$(zcat "$p/share/man/man1/cbam.1.gz")
for c in $("$p/bin/cbam" --help | awk '/^Commands:/ {on=1; next} on && /^  [a-z]/ {print $1} on && /^$/ {exit}'); do
  check "man page: a section for cbam $c" grep -qx ".SS cbam $c" <<<"$man"
done
check "man page: the usage line of cbam report" grep -qF "$("$p/bin/cbam" help report | head -1)" <<<"$man"
if command -v groff >/dev/null; then
  check "man page: groff renders it without a warning" bash -c "zcat '$p/share/man/man1/cbam.1.gz' | groff -man -Tutf8 -ww -z 2>&1 | (! grep .)"
fi

# The completion: commands after cbam, that command's options after it.
complete_words() {  # complete_words WORD...: what the completion offers for the last word
  bash -c "source '$p/share/bash-completion/completions/cbam'; COMP_WORDS=($*); COMP_CWORD=$(($# - 1)); _cbam; echo \"\${COMPREPLY[*]}\""
}
check "completion: 're' offers report and rerun" test "$(complete_words cbam re)" = "report rerun"
check "completion: report's options include --period and --schema-dir" bash -c "[[ ' $(complete_words cbam report --)' == *' --period '* && ' $(complete_words cbam report --) ' == *' --schema-dir '* ]]"
check "completion: report does not offer certificates' --held" bash -c "[[ ' $(complete_words cbam report --) ' != *' --held '* ]]"
check "completion: 'cbam help ve' offers verify" test "$(complete_words cbam help ve)" = "verify"

# The .deb: the same files under /usr, and the libraries it needs as dependencies.
if command -v dpkg-deb >/dev/null && command -v dpkg-shlibdeps >/dev/null; then
  (cd "$build" && cpack -G DEB -B "$tmp/pkg" >/dev/null)
  deb=$(ls "$tmp"/pkg/*.deb)
  contents=$(dpkg-deb -c "$deb")
  for f in ./usr/bin/cbam ./usr/share/cbam/cn_codes/tables.csv ./usr/share/man/man1/cbam.1.gz ./usr/share/bash-completion/completions/cbam; do
    check ".deb holds $f" grep -qF " $f" <<<"$contents"
  done
  check ".deb depends on libxml2 and libzip" bash -c "dpkg-deb -f '$deb' Depends | grep -q libxml2 && dpkg-deb -f '$deb' Depends | grep -q libzip"
fi
[ "$failures" -eq 0 ]
