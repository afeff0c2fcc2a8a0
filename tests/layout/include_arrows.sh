#!/usr/bin/env bash
# The folders of src/ depend on each other in one direction only (docs/architecture.md): readers
# and writers meet in the model, the calculator never sees a reader, and the registry of codes and
# factors needs nothing above it. This lists every #include "folder/..." that leaves the folders a
# folder may use, and fails on the first such arrow pointing up.
set -euo pipefail
src="${1:?usage: include_arrows.sh SRC_DIR}"
declare -A allowed=(
  [core]="core"
  [io]="core io"
  [model]="core model"
  [registry]="core io model registry"
  [calc]="core model registry calc"
  [importers]="core io model registry importers"
  [validate]="core io model registry importers validate"
  [writers]="core io model registry calc writers"
  [audit]="core io model registry calc writers audit"
  [cli]="core io model registry calc importers validate writers audit cli"
)
bad=0
for dir in "$src"/*/; do
  folder=$(basename "$dir")
  if [[ -z "${allowed[$folder]+x}" ]]; then
    echo "src/$folder: a folder this check does not know: add it to tests/layout/include_arrows.sh with what it may include"
    bad=1
    continue
  fi
  while IFS=: read -r file line text; do
    target=$(sed -E 's/.*#include "([a-z_]+)\/.*/\1/' <<<"$text")
    if [[ " ${allowed[$folder]} " != *" $target "* ]]; then
      echo "${file#"$src"/}:$line: src/$folder may not include $target/ (it may include: ${allowed[$folder]})"
      bad=1
    fi
  done < <(grep -rnE '^#include "[a-z_]+/' "$dir" || true)
done
exit $bad
