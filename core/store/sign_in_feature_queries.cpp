#include "store/sign_in_feature_queries.h"

#include "store/sql_query.h"

namespace backsight {
namespace {

using features::SignInRow;

const QString kSelect = QStringLiteral(
    "SELECT rowid, id, created_ms, lower(upn), app_name, os, browser, client_app, country, city, ip, latitude, "
    "longitude, error_code, interactive FROM signins ");

SignInRow readRow(RowCursor &q)
{
    SignInRow r;
    r.rowId = q.int64(0);
    r.id = q.text(1);
    r.createdMs = q.int64(2);
    r.upn = q.sharedText(3);
    r.app = q.sharedText(4);
    r.os = q.sharedText(5);
    r.browser = q.sharedText(6);
    r.clientApp = q.sharedText(7);
    r.country = q.sharedText(8);
    r.city = q.sharedText(9);
    r.ip = q.sharedText(10);
    r.hasLocation = !q.isNull(11) && !q.isNull(12);
    r.latitude = q.real(11);
    r.longitude = q.real(12);
    r.errorCode = int(q.int64(13));
    r.interactive = q.int64(14) != 0;
    return r;
}

Result<std::vector<SignInRow>> readAll(RowCursor &q, const QVariantList &binds, const QString &doing)
{
    if (Status s = q.run(binds, doing); !s)
        return s.error();
    std::vector<SignInRow> out;
    while (q.next())
        out.push_back(readRow(q));
    if (Status s = q.status(); !s)
        return s.error();
    return out;
}

Result<std::vector<SignInRow>> rows(Database &db, const QString &where, const QVariantList &binds, const QString &doing)
{
    RowCursor q(db, kSelect + where);
    return readAll(q, binds, doing);
}

} // namespace

SignInFeatureQueries::SignInFeatureQueries(Database &db)
    // UPNs are stored lowercased at import, so `upn = ?` uses signins_upn_created (lower(upn) scanned every
    // sign-in of the period once per user: the cost that grew with the number of users).
    : db_(db), ofUser_(db, kSelect + QStringLiteral("WHERE upn = ? AND created_ms >= ? AND created_ms <= ? ORDER BY created_ms, rowid"))
{
}

Result<QHash<QString, int>> SignInFeatureQueries::utcOffsets()
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT lower(upn), utc_offset_minutes FROM baselines ORDER BY window_end_ms, id"),
                         QStringLiteral("Reading the users' time zones"));
        !s)
        return s.error();
    QHash<QString, int> out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).isNull() ? 0 : q.value(1).toInt());
    return out;
}

Result<std::vector<SignInRow>> SignInFeatureQueries::ofUsersBetween(qint64 fromMs, qint64 toMs)
{
    return rows(db_, QStringLiteral("WHERE created_ms >= ? AND created_ms < ? AND upn IS NOT NULL AND upn <> '' "
                                    "ORDER BY lower(upn), created_ms, rowid"),
                {fromMs, toMs}, QStringLiteral("Reading the training window's sign-ins"));
}

Result<std::vector<SignInRow>> SignInFeatureQueries::ofUser(const QString &upn, qint64 fromMs, qint64 toMs)
{
    return readAll(ofUser_, {upn, fromMs, toMs}, QStringLiteral("Reading the recent sign-ins of %1").arg(upn));
}

} // namespace backsight
