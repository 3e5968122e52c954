#include "store/detection_queries.h"

#include "model/sign_in_result.h"
#include "store/database.h"
#include "store/predicates.h"
#include "store/sql_query.h"

#include <QtGlobal>

namespace backsight {

DetectionQueries::DetectionQueries(Database &db)
    : db_(db),
      sharedAddress_(db, QStringLiteral("SELECT COUNT(*) FROM (SELECT DISTINCT upn FROM signins WHERE ip = ? AND created_ms >= ? "
                                        "AND created_ms < ? AND %1 LIMIT ?) AS sharing")
                             .arg(predicate::succeededSignIn())),
      accountCreated_(db, QStringLiteral("SELECT 1 FROM audits WHERE activity = 'Add user' AND time_ms <= ? "
                                         "AND lower(targets) LIKE ? LIMIT 1")),
      // `+created_ms` keeps SQLite's planner off the index on time (without statistics it took signins_created and
      // walked every sign-in of the period, for each address): the address range is the narrow one.
      fromAddresses_(db, QStringLiteral("SELECT id, upn, ip, city, country, created_ms, error_code FROM signins "
                                        "WHERE ip >= ? AND ip < ? AND +created_ms >= ? AND +created_ms <= ? ORDER BY created_ms, id")),
      failuresFromAddresses_(db, QStringLiteral("SELECT ip, upn, created_ms FROM signins WHERE ip >= ? AND ip < ? "
                                                "AND +created_ms >= ? AND +created_ms <= ? AND %1 ORDER BY created_ms")
                                     .arg(predicate::credentialFailure())),
      sprayReported_(db, QStringLiteral("SELECT 1 FROM anomalies WHERE subject = ? AND kind = 'password_spray' AND "
                                        "COALESCE(end_ms, time_ms) >= ? AND time_ms <= ? LIMIT 1")),
      priorAnomalies_(db, QStringLiteral("SELECT id, kind, summary, severity_rank, time_ms FROM anomalies WHERE user_upn = ? "
                                         "AND time_ms >= ? AND time_ms <= ? AND event_table = 'signins' ORDER BY time_ms"))
{
}

Result<int> DetectionQueries::usersWithSuccessFrom(const QString &ip, qint64 fromMs, qint64 toMs, int limit)
{
    if (Status s = sharedAddress_.run({ip, fromMs, toMs, limit}, QStringLiteral("counting the users signing in from %1").arg(ip)); !s)
        return s.error();
    const int n = sharedAddress_.next() ? sharedAddress_.value(0).toInt() : 0;
    sharedAddress_.finish();
    return n;
}

Result<bool> DetectionQueries::accountCreatedBefore(const QString &upn, qint64 beforeMs)
{
    // A plain substring of the lower-cased targets, as the account-age check has always matched it.
    if (Status s = accountCreated_.run({beforeMs, QString(QStringLiteral("%") + upn.toLower() + QStringLiteral("%"))},
                                       QStringLiteral("looking for the creation of %1").arg(upn));
        !s)
        return s.error();
    const bool found = accountCreated_.next();
    accountCreated_.finish();
    return found;
}

Result<std::vector<DetectionQueries::FailureSource>> DetectionQueries::credentialFailureSources(qint64 fromRowId, qint64 toRowId)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT ip, MIN(created_ms), MAX(created_ms) FROM signins WHERE rowid > ? AND rowid <= ? "
                                        "AND %1 AND ip IS NOT NULL GROUP BY ip")
                             .arg(predicate::credentialFailure()),
                         {fromRowId, toRowId}, QStringLiteral("finding the sources of new failed sign-ins"));
        !s)
        return s.error();
    std::vector<FailureSource> out;
    while (q.next())
        out.push_back({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong()});
    return out;
}

namespace {

// The text range [low, high) of the addresses of `prefix`: for an IPv4 /24 "a.b.c." up to "a.b.c/" ('/' follows
// '.'), which the index on ip answers; other prefixes from the prefix up to the prefix followed by '~'.
std::pair<QString, QString> addressRange(const QString &prefix)
{
    if (!prefix.endsWith(QStringLiteral(".0/24")))
        return {prefix, prefix + QLatin1Char('~')};
    const QString low = prefix.left(prefix.size() - 4);
    QString high = low;
    if (!high.isEmpty())
        high[high.size() - 1] = QChar(high.back().unicode() + 1);
    return {low, high};
}

} // namespace

Result<std::vector<detect::SourceSignIn>> DetectionQueries::signInsFromPrefix(const QString &prefix, qint64 fromMs, qint64 toMs)
{
    const auto [low, high] = addressRange(prefix);
    if (Status s = fromAddresses_.run({low, high, fromMs, toMs}, QStringLiteral("reading the sign-ins from %1").arg(prefix)); !s)
        return s.error();
    std::vector<detect::SourceSignIn> out;
    while (fromAddresses_.next()) {
        detect::SourceSignIn s;
        s.id = fromAddresses_.value(0).toString();
        s.upn = fromAddresses_.value(1).toString();
        s.ip = fromAddresses_.value(2).toString();
        const QString city = fromAddresses_.value(3).toString(), country = fromAddresses_.value(4).toString();
        s.place = city.isEmpty() ? country : city + QStringLiteral(", ") + country;
        s.timeMs = fromAddresses_.value(5).toLongLong();
        s.result = classifyErrorCode(fromAddresses_.value(6).toLongLong());
        out.push_back(std::move(s));
    }
    return out;
}

Result<std::vector<detect::SourceSignIn>> DetectionQueries::credentialFailuresFromPrefix(const QString &prefix, qint64 fromMs,
                                                                                        qint64 toMs)
{
    const auto [low, high] = addressRange(prefix);
    if (Status s = failuresFromAddresses_.run({low, high, fromMs, toMs},
                                              QStringLiteral("reading the failed sign-ins from %1").arg(prefix));
        !s)
        return s.error();
    std::vector<detect::SourceSignIn> out;
    while (failuresFromAddresses_.next()) {
        detect::SourceSignIn s;
        s.ip = failuresFromAddresses_.value(0).toString();
        s.upn = failuresFromAddresses_.value(1).toString();
        s.timeMs = failuresFromAddresses_.value(2).toLongLong();
        s.result = ResultClass::CredentialFailure; // or AccountLocked: the same to the spray search
        out.push_back(std::move(s));
    }
    return out;
}

Result<bool> DetectionQueries::sprayReported(const QString &subject, qint64 fromMs, qint64 toMs)
{
    if (Status s = sprayReported_.run({subject, fromMs, toMs}, QStringLiteral("looking for earlier sprays")); !s)
        return s.error();
    const bool found = sprayReported_.next();
    sprayReported_.finish();
    return found;
}

Result<std::vector<detect::AuditRecord>> DetectionQueries::audits(qint64 fromRowId, qint64 toRowId)
{
    return readAuditRecords(db_, fromRowId, toRowId);
}

Result<std::vector<detect::AuditRecord>> readAuditRecords(Database &db, qint64 fromRowId, qint64 toRowId)
{
    SqlQuery q(db);
    if (Status s = q.run(QStringLiteral("SELECT id, time_ms, activity, initiator_upn, initiator_ip, targets, result FROM audits "
                                        "WHERE rowid > ? AND rowid <= ? ORDER BY time_ms, id"),
                         {fromRowId, toRowId}, QStringLiteral("reading new audit records"));
        !s)
        return s.error();
    std::vector<detect::AuditRecord> out;
    while (q.next()) {
        detect::AuditRecord a;
        a.id = q.value(0).toString();
        a.timeMs = q.value(1).toLongLong();
        a.activity = q.value(2).toString();
        a.initiatorUpn = q.value(3).toString();
        a.initiatorIp = q.value(4).toString();
        a.targets = q.value(5).toString();
        a.result = q.value(6).toString();
        out.push_back(std::move(a));
    }
    return out;
}

Result<std::vector<detect::PriorAnomaly>> DetectionQueries::signInAnomaliesOf(const QString &upn, qint64 fromMs, qint64 toMs)
{
    if (Status s = priorAnomalies_.run({upn, fromMs, toMs}, QStringLiteral("looking for anomalies before an audit record")); !s)
        return s.error();
    std::vector<detect::PriorAnomaly> out;
    while (priorAnomalies_.next())
        out.push_back({priorAnomalies_.value(0).toString(), priorAnomalies_.value(1).toString(),
                       priorAnomalies_.value(2).toString(), detect::Severity(qBound(1, priorAnomalies_.value(3).toInt(), 4)),
                       priorAnomalies_.value(4).toLongLong()});
    return out;
}

} // namespace backsight
