#include "export/anomaly_export.h"

#include "export/csv_writer.h"
#include "model/time_format.h"
#include "store/database.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace backsight::exporting {
namespace {

QString optionalTime(const std::optional<qint64> &ms)
{
    return ms ? formatUtcMs(*ms) : QString();
}

QString idOrEmpty(qint64 id)
{
    return id ? QString::number(id) : QString();
}

// Reads anomalies in batches of ids, so case records are looked up without one query per field.
Result<qint64> forEachWithRecord(Database &db, const detect::AnomalyFilter &filter, const RowProgress &progress,
                                 const std::function<void(const detect::Anomaly &, const cases::CaseRecord &)> &row)
{
    qint64 rows = 0;
    bool cancelled = false;
    std::optional<Error> recordError;
    const Status read = detect::forEachAnomaly(db, filter, [&](const detect::Anomaly &a) {
        const auto records = cases::readCaseRecords(db, {a.id});
        if (!records) {
            recordError = records.error();
            return false;
        }
        const auto it = records->find(a.id);
        row(a, it != records->end() ? it->second : cases::CaseRecord{});
        ++rows;
        if (progress && rows % 256 == 0 && !progress(rows)) {
            cancelled = true;
            return false;
        }
        return true;
    });
    if (!read)
        return read.error();
    if (recordError)
        return *recordError;
    if (cancelled)
        return Error::cancelled();
    if (progress)
        progress(rows);
    return rows;
}

} // namespace

QJsonObject anomalyRecordJson(const detect::Anomaly &anomaly, const cases::CaseRecord &record)
{
    QJsonObject o = detect::anomalyToJson(anomaly);
    QJsonArray notes, tags;
    for (const cases::Note &n : record.notes)
        notes.append(cases::noteToJson(n));
    for (const cases::Tag &t : record.tags)
        tags.append(cases::tagToJson(t));
    o.insert(QStringLiteral("notes"), notes);
    o.insert(QStringLiteral("tags"), tags);
    return o;
}

QStringList anomalyCsvHeader()
{
    return {QStringLiteral("id"),          QStringLiteral("event_time_utc"), QStringLiteral("end_time_utc"),
            QStringLiteral("severity"),    QStringLiteral("kind"),           QStringLiteral("kinds"),
            QStringLiteral("user_principal_name"), QStringLiteral("subject_type"), QStringLiteral("subject"),
            QStringLiteral("score"),       QStringLiteral("threat_score"),   QStringLiteral("summary"),
            QStringLiteral("reasons"),     QStringLiteral("evidence"),       QStringLiteral("event_table"),
            QStringLiteral("event_ids"),   QStringLiteral("detected_at_utc"), QStringLiteral("status"),
            QStringLiteral("status_by"),   QStringLiteral("status_at_utc"),  QStringLiteral("tags"),
            QStringLiteral("notes"),       QStringLiteral("run_id"),         QStringLiteral("baseline_id"),
            QStringLiteral("model_id")};
}

QStringList anomalyCsvRow(const detect::Anomaly &a, const cases::CaseRecord &record)
{
    QStringList reasons, tags, notes;
    QJsonArray evidence;
    for (const detect::Reason &r : a.reasons) {
        reasons << (r.detector.isEmpty() ? r.text : r.detector + QStringLiteral(": ") + r.text);
        evidence.append(r.evidence);
    }
    for (const cases::Tag &t : record.tags)
        tags << t.tag;
    for (const cases::Note &n : record.notes)
        notes << QStringLiteral("%1 %2: %3").arg(formatUtcMs(n.atMs), n.author, n.text);
    const QString status = record.status.isEmpty() ? a.status : record.status;
    const QString statusBy = record.status.isEmpty() ? a.statusBy : record.statusBy;
    const std::optional<qint64> statusAt = record.status.isEmpty() ? a.statusAtMs : record.statusAtMs;
    return {a.id,
            formatUtcMs(a.timeMs),
            optionalTime(a.endMs),
            detect::severityName(a.severity),
            a.kinds.value(0),
            a.kinds.join(QStringLiteral("; ")),
            a.upn,
            a.subjectType,
            a.subject,
            a.score ? QString::number(*a.score, 'g', 6) : QString(),
            a.threatScore ? QString::number(*a.threatScore) : QString(),
            a.summary,
            reasons.join(QStringLiteral(" | ")),
            evidence.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(evidence).toJson(QJsonDocument::Compact)),
            a.eventTable,
            a.eventIds.join(QStringLiteral("; ")),
            formatUtcMs(a.detectedAtMs),
            status,
            statusBy,
            optionalTime(statusAt),
            tags.join(QStringLiteral("; ")),
            notes.join(QLatin1Char('\n')),
            idOrEmpty(a.runId),
            idOrEmpty(a.baselineId),
            idOrEmpty(a.modelId)};
}

Result<qint64> writeAnomaliesCsv(Database &db, const detect::AnomalyFilter &filter, QIODevice &out, bool byteOrderMark,
                                 const RowProgress &progress)
{
    CsvWriter writer(out, byteOrderMark);
    writer.writeRow(anomalyCsvHeader());
    return forEachWithRecord(db, filter, progress,
                             [&](const detect::Anomaly &a, const cases::CaseRecord &r) { writer.writeRow(anomalyCsvRow(a, r)); });
}

Result<qint64> writeAnomaliesJsonl(Database &db, const detect::AnomalyFilter &filter, QIODevice &out,
                                   const RowProgress &progress)
{
    return forEachWithRecord(db, filter, progress, [&](const detect::Anomaly &a, const cases::CaseRecord &r) {
        out.write(QJsonDocument(anomalyRecordJson(a, r)).toJson(QJsonDocument::Compact));
        out.write("\n");
    });
}

} // namespace backsight::exporting
