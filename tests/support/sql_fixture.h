#pragma once
// Fixture rows written with plain SQL: tests are exempt from the store-only rule (docs/storage.md), for rows the store
// does not write itself or that a test needs exactly so.

#include "store/database.h"

#include <QSqlQuery>
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

} // namespace backsight::test
