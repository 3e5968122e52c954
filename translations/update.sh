#!/usr/bin/env bash
# Refreshes translations/backsight_*.ts from the sources (ui/ and app/) with lupdate: new tr() strings arrive
# as unfinished messages, changed ones keep the old translation as unfinished. --prune also drops messages
# whose source string is gone (lupdate -no-obsolete). Then lists what still needs a translator
# (docs/translations.md); the check_translations test fails until that list is empty.
#
# Usage: translations/update.sh [--prune]        (LUPDATE=/path/to/lupdate to pick another lupdate)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
prune=()
case "${1:-}" in
  --prune) prune=(-no-obsolete) ;;
  "") ;;
  *) echo "usage: $0 [--prune]" >&2; exit 2 ;;
esac
if [ -z "${LUPDATE:-}" ]; then
  bins=$(qtpaths6 --query QT_HOST_BINS 2>/dev/null || echo /usr/lib/qt6/bin)
  LUPDATE="$bins/lupdate"
fi
cd "$root"
for ts in translations/backsight_*.ts; do
  lang=${ts#translations/backsight_}; lang=${lang%.ts}
  "$LUPDATE" -silent -locations none -target-language "$lang" "${prune[@]}" ui app -ts "$ts"
done
python3 translations/ts_check.py --summary translations/backsight_*.ts || true
