#include "eval/labels.h"

#include "ingest/timestamp.h"

#include <QFile>

namespace backsight::eval {

Result<std::vector<AttackLabel>> readLabels(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::storage(QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    const QByteArray header = f.readLine().trimmed();
    if (header != "attack_id,kind,user_principal_name,start_utc,end_utc,event_ids")
        return Error::badInput(QStringLiteral("%1: line 1 is not the labels header "
                                              "attack_id,kind,user_principal_name,start_utc,end_utc,event_ids")
                                   .arg(path));
    std::vector<AttackLabel> labels;
    for (int line = 2; !f.atEnd(); ++line) {
        const QString text = QString::fromUtf8(f.readLine().trimmed());
        if (text.isEmpty())
            continue;
        // No field holds a comma (ids, kinds, UPNs, ISO times), so a plain split is exact.
        const QStringList cells = text.split(QLatin1Char(','));
        AttackLabel label;
        const ParsedTime start = cells.size() == 6 ? parseTimestamp(cells[3].toStdString(), ZonelessTime::Reject) : ParsedTime{};
        const ParsedTime end = cells.size() == 6 ? parseTimestamp(cells[4].toStdString(), ZonelessTime::Reject) : ParsedTime{};
        if (cells.size() != 6 || !start.ok || !end.ok || cells[0].isEmpty() || cells[1].isEmpty())
            return Error::badInput(QStringLiteral("%1: line %2 needs 6 fields with UTC start and end times").arg(path).arg(line));
        label.attackId = cells[0];
        label.kind = cells[1];
        label.upns = cells[2].toLower().split(QLatin1Char(';'), Qt::SkipEmptyParts);
        label.startMs = start.ms;
        label.endMs = end.ms;
        label.eventIds = cells[5].split(QLatin1Char(';'), Qt::SkipEmptyParts);
        labels.push_back(std::move(label));
    }
    return labels;
}

} // namespace backsight::eval
