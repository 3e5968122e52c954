#!/bin/sh
# Fails when SQL appears in a source file outside core/store (tests excepted): a QSqlQuery, a sqlite3_ call, or a
# string literal that holds an SQL statement. Files named in tests/sql_allowlist.txt are skipped (see that file).
# Fails too when core/ml names the Database, Qt SQL or core/store: the models' math gets plain values.
# Usage: check_sql_in_store.sh SOURCE_DIR
set -eu
root=${1:-.}
cd "$root"
allow=tests/sql_allowlist.txt
pattern='QSqlQuery|sqlite3_[a-z_]+ *\(|"[^"]*\b(SELECT [^"]*FROM|INSERT (OR [A-Z]+ )?INTO|UPDATE [a-z_]+ SET|DELETE FROM|CREATE (UNIQUE )?(TABLE|INDEX|TRIGGER|VIEW)|DROP (TABLE|INDEX)|ALTER TABLE|PRAGMA [a-z_]+|BEGIN (IMMEDIATE|TRANSACTION)|SAVEPOINT [a-z_]+)\b'
allowed() {
    [ -f "$allow" ] && grep -v '^[[:space:]]*#' "$allow" | grep -qxF "$1"
}
found=0
for f in $(find core ui app -type f \( -name '*.cpp' -o -name '*.h' \) ! -path 'core/store/*' | sort); do
    if grep -En "$pattern" "$f" >/dev/null; then
        if allowed "$f"; then
            continue
        fi
        echo "SQL outside core/store in $f:"
        grep -En "$pattern" "$f" | head -5 | sed 's/^/    /'
        found=1
    fi
done
if [ "$found" -ne 0 ]; then
    echo "Move these statements into a repository under core/store and call it (docs/storage.md)."
    exit 1
fi
# core/ml is the math: it gets its rows and models handed in (core/detect reads and stores them).
if grep -rEn '\bDatabase\b|QSql|"store/' core/ml >/dev/null; then
    echo "core/ml reaches the case database:"
    grep -rEn '\bDatabase\b|QSql|"store/' core/ml | head -5 | sed 's/^/    /'
    echo "Read and store in core/detect (detect/sign_in_model_training.h) and hand core/ml plain values."
    exit 1
fi
# grep -c prints 0 and fails when no line is allowlisted.
listed=$(grep -cv '^[[:space:]]*#\|^$' "$allow" 2>/dev/null) || listed=0
echo "no SQL outside core/store (allowlisted: $listed files)"
