#pragma once
// Fixture rows written with plain SQL: tests are exempt from the store-only rule (docs/storage.md), for rows the store
// does not write itself or that a test needs exactly so.

#include "store/database.h"

#include <QMap>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QTest>
#include <QVariantList>

namespace backsight::test {

// Runs one statement with its bound values; fails the current test function when it cannot.
inline void exec(Database &db, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(db.connection());
    QVERIFY2(q.prepare(sql), qPrintable(sql));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    QVERIFY2(q.exec(), qPrintable(sql));
}

// Every row of each of `tables` as text, on either engine: rows sorted, each row its cells as name=value joined by
// '|'. With `only`, just its tables and, of each, its columns (what an older schema had, read back after an upgrade).
inline QMap<QString, QStringList> dumpTables(const QSqlDatabase &db, const QStringList &tables,
                                             const QMap<QString, QStringList> &only = {})
{
    QMap<QString, QStringList> out;
    for (const QString &table : tables) {
        if (!only.isEmpty() && !only.contains(table))
            continue;
        QSqlQuery rows(db);
        rows.exec(QStringLiteral("SELECT * FROM \"%1\"").arg(table)); // some SQLite tables are WITHOUT ROWID
        QStringList lines;
        while (rows.next()) {
            const QSqlRecord rec = rows.record();
            QStringList cells;
            for (int c = 0; c < rec.count(); ++c) {
                if (!only.isEmpty() && !only.value(table).contains(rec.fieldName(c)))
                    continue;
                cells << rec.fieldName(c) + QLatin1Char('=') + rec.value(c).toString();
            }
            lines << cells.join(QLatin1Char('|'));
        }
        lines.sort();
        out.insert(table, lines);
    }
    return out;
}

} // namespace backsight::test
