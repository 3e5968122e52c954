#pragma once

#include <QStringList>

namespace backsight {

// The two database engines a case can live in. The migrations are written once, in SQLite's words; the few
// things PostgreSQL says differently are translated here (docs/storage.md, "PostgreSQL (in progress)").
enum class SqlDialect { SQLite, PostgreSQL };

// One migration statement in the dialect's words: SQLite's text unchanged, or PostgreSQL's (one statement
// may become two: a RAISE(ABORT) trigger becomes a plpgsql function and its trigger).
QStringList translateStatement(const QString &sqliteStatement, SqlDialect dialect);

// Migration `version` (1-based, schemaMigrations()) in the dialect's words, ending with the statement that
// records the new schema version. PostgreSQL also runs that version's postgresOnlyStatements() (written in its
// own words, for what only a shared case needs, e.g. authors from the database role); SQLite runs none of them,
// so a case file's statements stay exactly schemaMigrations()'s.
QStringList migrationStatements(int version, SqlDialect dialect);

// Where PostgreSQL keeps the schema version (SQLite keeps it in PRAGMA user_version): a one-row table.
QStringList postgresVersionTableStatements();
QString schemaVersionQuery(SqlDialect dialect);

} // namespace backsight
