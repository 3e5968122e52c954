#pragma once

#include <QString>
#include <QStringList>

namespace backsight::test {

// A case database for the investigation views: the SignInFixture's sign-ins (imported through the real
// importer, then given coordinates by country) and kAnomalies anomalies stored with insertAnomalies().
// Anomaly i (0-based) is about sign-in 10 * i:
//   severity  1 + i % 4 (so kAnomalies / 4 of each), kind kKinds[i % 3], user SignInFixture::upn(10 * i)
//   summary   "Finding <i> for <upn>", score i / kAnomalies
struct CaseFixture
{
    static constexpr int kSignIns = 400;
    static constexpr int kAnomalies = 24;
    static QString kind(int i);
    static QString eventId(int signIn);
    static QString anomalyId(int i);

    // Writes the sign-ins page under `folder`, imports it into `databasePath` and stores the anomalies.
    // Empty on success, else what failed.
    static QString build(const QString &databasePath, const QString &folder);
};

} // namespace backsight::test
