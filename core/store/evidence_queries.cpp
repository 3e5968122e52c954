#include "store/evidence_queries.h"

#include "store/database.h"
#include "store/sql_query.h"

#include <QJsonDocument>
#include <algorithm>

namespace backsight {
namespace {

std::optional<qint64> optionalLong(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

QList<qint64> sorted(const QSet<qint64> &ids)
{
    QList<qint64> out(ids.begin(), ids.end());
    std::sort(out.begin(), out.end());
    return out;
}

const QString kRunColumns = QStringLiteral("id, started_ms, finished_ms, events_examined, anomalies_added, parameters, status");

evidence::DetectionRun runOf(const SqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toLongLong(), optionalLong(q.value(2)), q.value(3).toLongLong(),
            q.value(4).toLongLong(), q.value(5).toString(),   q.value(6).toString()};
}

} // namespace

Result<std::vector<evidence::SourceFile>> EvidenceQueries::sources()
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT path, container, sha256, reader, size_bytes, records_read, records_new, "
                                        "records_rejected FROM sources ORDER BY path, id"),
                         QStringLiteral("cannot list the source files in %1").arg(db_.path()));
        !s)
        return s.error();
    std::vector<evidence::SourceFile> out;
    while (q.next())
        out.push_back({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                       q.value(4).toLongLong(), q.value(5).toLongLong(), q.value(6).toLongLong(), q.value(7).toLongLong()});
    return out;
}

Result<std::vector<evidence::ModelVersion>> EvidenceQueries::models(const QSet<qint64> &ids)
{
    std::vector<evidence::ModelVersion> out;
    SqlQuery q(db_);
    for (qint64 id : sorted(ids)) {
        if (Status s = q.run(QStringLiteral("SELECT id, scope, subject, kind, version, parameters, window_start_ms, window_end_ms, "
                                            "events_used, threshold, created_at_ms FROM models WHERE id = ?"),
                             {id}, QStringLiteral("cannot read model %1 from %2").arg(id).arg(db_.path()));
            !s)
            return s.error();
        if (!q.next())
            continue;
        evidence::ModelVersion m;
        m.id = q.value(0).toLongLong();
        m.scope = q.value(1).toString();
        m.subject = q.value(2).toString();
        m.kind = q.value(3).toString();
        m.version = q.value(4).toInt();
        m.parameters = q.value(5).toString();
        m.windowStartMs = optionalLong(q.value(6));
        m.windowEndMs = optionalLong(q.value(7));
        m.eventsUsed = q.value(8).toLongLong();
        if (!q.value(9).isNull())
            m.threshold = q.value(9).toDouble();
        m.createdAtMs = q.value(10).toLongLong();
        out.push_back(m);
    }
    return out;
}

Result<std::vector<evidence::ModelSummaryRow>> EvidenceQueries::activeModelSummary()
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT scope, kind, count(*), max(version) FROM models WHERE active = 1 "
                                        "GROUP BY scope, kind ORDER BY scope, kind"),
                         QStringLiteral("cannot summarise the models in %1").arg(db_.path()));
        !s)
        return s.error();
    std::vector<evidence::ModelSummaryRow> out;
    while (q.next())
        out.push_back({q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toInt()});
    return out;
}

Result<std::vector<evidence::DetectionRun>> EvidenceQueries::runs(const QSet<qint64> &ids)
{
    std::vector<evidence::DetectionRun> out;
    SqlQuery q(db_);
    if (ids.isEmpty()) {
        // Anomalies that no run recorded (added by hand or by an older Backsight): the latest run, if any.
        if (Status s = q.run(QStringLiteral("SELECT %1 FROM detection_runs ORDER BY id DESC LIMIT 1").arg(kRunColumns),
                             QStringLiteral("cannot read the detection runs in %1").arg(db_.path()));
            !s)
            return s.error();
        if (q.next())
            out.push_back(runOf(q));
        return out;
    }
    for (qint64 id : sorted(ids)) {
        if (Status s = q.run(QStringLiteral("SELECT %1 FROM detection_runs WHERE id = ?").arg(kRunColumns), {id},
                             QStringLiteral("cannot read detection run %1").arg(id));
            !s)
            return s.error();
        if (q.next())
            out.push_back(runOf(q));
    }
    return out;
}

Result<std::optional<evidence::Baseline>> EvidenceQueries::baseline(qint64 id, const QString &upn, qint64 timeMs)
{
    const QString columns = QStringLiteral("id, window_start_ms, window_end_ms, window_days, events_used, active_days, "
                                           "learning, utc_offset_minutes, home_city, home_country, profile, computed_at_ms");
    SqlQuery q(db_);
    Status s;
    if (id)
        s = q.run(QStringLiteral("SELECT %1 FROM baselines WHERE id = ?").arg(columns), {id}, QStringLiteral("cannot read baseline %1").arg(id));
    else if (!upn.isEmpty())
        // Prefer the latest window that ended before the event; else the nearest one (the GUI may have computed a
        // later baseline only). The report prints the window, so the reader sees which.
        s = q.run(QStringLiteral("SELECT %1 FROM baselines WHERE upn = ? ORDER BY window_end_ms > ?, abs(window_end_ms - ?) LIMIT 1")
                      .arg(columns),
                  {upn, timeMs, timeMs}, QStringLiteral("cannot read the baseline of %1").arg(upn));
    else
        return std::optional<evidence::Baseline>();
    if (!s)
        return s.error();
    if (!q.next())
        return std::optional<evidence::Baseline>();
    evidence::Baseline b;
    b.id = q.value(0).toLongLong();
    b.windowStartMs = q.value(1).toLongLong();
    b.windowEndMs = q.value(2).toLongLong();
    b.windowDays = q.value(3).toInt();
    b.eventsUsed = q.value(4).toLongLong();
    b.activeDays = q.value(5).toInt();
    b.learning = q.value(6).toInt() != 0;
    if (!q.value(7).isNull())
        b.utcOffsetMinutes = q.value(7).toInt();
    b.homeCity = q.value(8).toString();
    b.homeCountry = q.value(9).toString();
    b.profile = QJsonDocument::fromJson(q.value(10).toString().toUtf8()).object();
    b.computedAtMs = q.value(11).toLongLong();
    return std::optional<evidence::Baseline>(b);
}

Result<std::vector<SignInBrief>> EvidenceQueries::signInsAround(const QString &upn, qint64 fromMs, qint64 toMs, int limit)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT id, created_ms, coalesce(error_code, 0), city, country, ip, app_name, latitude, "
                                        "longitude, coalesce(asn, 0), as_org FROM signins WHERE upn = ? AND created_ms >= ? AND created_ms < ? "
                                        "ORDER BY created_ms, id LIMIT ?"),
                         {upn, fromMs, toMs, limit}, QStringLiteral("cannot read the sign-ins of %1").arg(upn));
        !s)
        return s.error();
    std::vector<SignInBrief> out;
    while (q.next()) {
        SignInBrief b;
        b.id = q.value(0).toString();
        b.ms = q.value(1).toLongLong();
        b.errorCode = q.value(2).toLongLong();
        b.city = q.value(3).toString();
        b.country = q.value(4).toString();
        b.ip = q.value(5).toString();
        b.app = q.value(6).toString();
        if (!q.value(7).isNull() && !q.value(8).isNull()) {
            b.latitude = q.value(7).toDouble();
            b.longitude = q.value(8).toDouble();
        }
        b.asn = quint32(q.value(9).toLongLong());
        b.asOrg = q.value(10).toString();
        out.push_back(std::move(b));
    }
    return out;
}

} // namespace backsight
