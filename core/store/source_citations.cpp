#include "store/source_citations.h"

#include "store/database.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

namespace backsight {

Result<std::vector<SourceFileRow>> sourcesOfEvents(Database &db, const QStringList &eventIds)
{
    QSet<qint64> ids;
    for (const char *table : {"signins", "service_signins", "audits", "backup_sessions"}) {
        QSqlQuery q(db.connection());
        q.setForwardOnly(true);
        if (!q.prepare(QStringLiteral("SELECT source_id FROM %1 WHERE id = ?").arg(QLatin1String(table))))
            return Error::storage(Database::describe(QStringLiteral("cannot look up event sources in %1").arg(db.path()), q.lastError()));
        for (const QString &event : eventIds) {
            q.bindValue(0, event);
            if (!q.exec())
                return Error::storage(Database::describe(QStringLiteral("cannot look up the source of event %1").arg(event), q.lastError()));
            while (q.next())
                ids.insert(q.value(0).toLongLong());
        }
    }
    std::vector<SourceFileRow> out;
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, path, container, sha256, reader, size_bytes, records_read, records_new, "
                             "records_rejected FROM sources WHERE id = ?"));
    for (const qint64 id : ids) {
        q.bindValue(0, id);
        if (!q.exec())
            return Error::storage(Database::describe(QStringLiteral("cannot read source file %1").arg(id), q.lastError()));
        if (q.next())
            out.push_back({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                           q.value(4).toString(), q.value(5).toLongLong(), q.value(6).toLongLong(), q.value(7).toLongLong(),
                           q.value(8).toLongLong()});
    }
    std::sort(out.begin(), out.end(), [](const SourceFileRow &a, const SourceFileRow &b) {
        return std::tie(a.path, a.id) < std::tie(b.path, b.id);
    });
    return out;
}

} // namespace backsight
