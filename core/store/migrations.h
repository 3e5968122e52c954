#pragma once

#include <QStringList>
#include <vector>

namespace backsight {

// Numbered schema migrations; migration N (1-based) brings a database from version N-1 to N.
// Never edit a released migration: append a new one.
const std::vector<QStringList> &schemaMigrations();

// What only a case on PostgreSQL runs at migration `version`, after schemaMigrations()'s statements of that
// version, in PostgreSQL's own words (plpgsql; not translated). A case file runs none of them but still records
// the version (sql_dialect.h, migrationStatements). Empty for most versions.
const QStringList &postgresOnlyStatements(int version);

// Columns of the two sign-in tables, in insert order (shared by the writer and the queries).
const QStringList &signInColumns();
const QStringList &auditColumns();
// Columns of backup_sessions, in insert order (BackupColumn in ingest/import_row.h).
const QStringList &backupSessionColumns();

} // namespace backsight
