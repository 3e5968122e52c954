#pragma once

#include "ingest/importer.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace backsight::test {

// A small synthetic tenant for GUI tests, written as a Graph signIns page at test time so every test
// knows exactly what it imported. Sign-in i (0-based):
//   user        user<i % kUsers>@contoso.com, display name "Analyst <i % kUsers>"
//   time        2024-11-01T00:00:00Z + i minutes (so the newest is the last)
//   country     kCountries[i % 5] with its city
//   interactive when i % 3 == 0
//   failure     when i % 10 == 0 (error 50126)
struct SignInFixture
{
    static constexpr int kUsers = 37;
    static constexpr int kCountries = 5;
    static QString upn(int i);
    static QString country(int i);
    static QString city(int i);
    static bool interactive(int i) { return i % 3 == 0; }
    static bool failure(int i) { return i % 10 == 0; }
    static qint64 createdMs(int i);

    // The JSON text of a page with sign-ins [first, first + count).
    static QByteArray page(int first, int count);
};

// Imports `paths` into the database at `databasePath` with the core importer, on this thread.
ImportReport importInto(const QString &databasePath, const QStringList &paths);

} // namespace backsight::test
