#include "cases/case_records.h"

#include "model/time_format.h"

#include <QDateTime>
#include <QJsonDocument>

namespace backsight::cases {

QString statusName(Status status)
{
    switch (status) {
    case Status::New: return QStringLiteral("new");
    case Status::Investigating: return QStringLiteral("investigating");
    case Status::Confirmed: return QStringLiteral("confirmed");
    case Status::Dismissed: return QStringLiteral("dismissed");
    }
    return QStringLiteral("new");
}

QStringList statusNames()
{
    return {statusName(Status::New), statusName(Status::Investigating), statusName(Status::Confirmed),
            statusName(Status::Dismissed)};
}

std::optional<Status> parseStatus(const QString &text)
{
    const QString t = text.trimmed().toLower();
    for (Status s : {Status::New, Status::Investigating, Status::Confirmed, Status::Dismissed})
        if (t == statusName(s))
            return s;
    return std::nullopt;
}

QString analystName(const QString &configured)
{
    if (!configured.trimmed().isEmpty())
        return configured.trimmed();
    for (const char *variable : {"USER", "USERNAME", "LOGNAME"}) {
        const QString v = qEnvironmentVariable(variable).trimmed();
        if (!v.isEmpty())
            return v;
    }
    return QStringLiteral("unknown");
}

QJsonObject noteToJson(const Note &note)
{
    return {{QStringLiteral("id"), note.id},
            {QStringLiteral("author"), note.author},
            {QStringLiteral("at"), formatUtcMs(note.atMs)},
            {QStringLiteral("text"), note.text}};
}

QJsonObject tagToJson(const Tag &tag)
{
    return {{QStringLiteral("tag"), tag.tag},
            {QStringLiteral("author"), tag.author},
            {QStringLiteral("at"), formatUtcMs(tag.atMs)}};
}

QJsonObject auditEntryToJson(const AuditEntry &entry)
{
    return {{QStringLiteral("id"), entry.id},
            {QStringLiteral("at"), formatUtcMs(entry.atMs)},
            {QStringLiteral("author"), entry.author},
            {QStringLiteral("action"), entry.action},
            {QStringLiteral("target"), entry.target.isEmpty() ? QJsonValue() : QJsonValue(entry.target)},
            {QStringLiteral("detail"), entry.detail}};
}

} // namespace backsight::cases
