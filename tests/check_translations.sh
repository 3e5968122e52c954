#!/usr/bin/env bash
# CTest check_translations: runs lupdate over the sources into a temporary copy of translations/*.ts (the tree
# stays untouched) and fails when a message is unfinished (a new or changed tr() string nobody translated),
# vanished or obsolete (a translated string whose source is gone), or lost a placeholder. Fix with
# translations/update.sh [--prune] and a translator (docs/translations.md).
# Usage: check_translations.sh SOURCE_DIR LUPDATE
set -euo pipefail
src=$1
lupdate=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/translations"
cp "$src"/translations/backsight_*.ts "$tmp/translations/"
cd "$src"
for ts in "$tmp"/translations/backsight_*.ts; do
  "$lupdate" -silent -locations none ui app -ts "$ts"
done
python3 "$src/translations/ts_check.py" --summary "$tmp"/translations/backsight_*.ts
