#include "store/analyst_roles.h"

#include "store/database.h"
#include "store/detection_run_repository.h"
#include "store/sql_query.h"

#include <QSqlDriver>
#include <QSqlError>

namespace backsight {

Status grantAnalystRole(Database &db, const QString &role)
{
    if (db.dialect() != SqlDialect::PostgreSQL)
        return Error::badInput(QStringLiteral("%1 is a case file: its analysts are the people who can open the file; "
                                              "roles belong to a case on a PostgreSQL server")
                                   .arg(db.path()));
    const QString doing = QStringLiteral("granting %1 an analyst's rights").arg(role);
    {
        SqlQuery exists(db);
        if (Status s = exists.run(QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ?"), {role}, doing); !s)
            return s;
        if (!exists.next())
            return Error::notFound(QStringLiteral("no database role named %1 on this server (CREATE ROLE … LOGIN first)").arg(role));
    }
    // A role name cannot be a bound parameter in GRANT: it is checked to exist above and quoted by the driver as an
    // identifier (double quotes, inner quotes doubled), never spliced in as written.
    const QString who = db.connection().driver()->escapeIdentifier(role, QSqlDriver::TableName);
    const QStringList statements = {
        QStringLiteral("GRANT USAGE ON SCHEMA public TO %1").arg(who),
        QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %1").arg(who),
        QStringLiteral("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO %1").arg(who),
        QStringLiteral("REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM %1").arg(who),
        QStringLiteral("REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_version FROM %1").arg(who),
    };
    if (!db.connection().transaction())
        return Error::storage(Database::describe(doing, db.connection().lastError()));
    for (const QString &sql : statements) {
        SqlQuery q(db);
        if (Status s = q.run(sql, doing); !s) {
            db.connection().rollback();
            return s;
        }
    }
    // Indexes are the owner's to make: the ones detection makes at its first run are made now.
    if (Status s = DetectionRunRepository(db).ensureAddressIndex(); !s) {
        db.connection().rollback();
        return s;
    }
    if (!db.connection().commit()) {
        const Error failed = Error::storage(Database::describe(doing, db.connection().lastError()));
        db.connection().rollback();
        return failed;
    }
    return {};
}

} // namespace backsight
