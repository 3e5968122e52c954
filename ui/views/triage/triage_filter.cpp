#include "views/triage/triage_filter.h"

#include "severity_style.h"
#include "model/time_format.h"

#include <QCoreApplication>

namespace backsight::ui {
namespace {

QString likePattern(const QString &text)
{
    QString escaped = text.trimmed();
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

} // namespace

QString TriageFilter::whereClause(QVariantList &binds) const
{
    QStringList c;
    if (severity) {
        c << QStringLiteral("severity_rank = ?");
        binds << *severity;
    } else if (minSeverity > 0) {
        c << QStringLiteral("severity_rank >= ?");
        binds << minSeverity;
    }
    if (!kind.isEmpty()) { // kinds is a JSON array of strings: match the quoted name
        c << QStringLiteral("kinds LIKE ? ESCAPE '\\'");
        binds << likePattern(QLatin1Char('"') + kind + QLatin1Char('"'));
    }
    if (!statuses.isEmpty()) {
        QStringList marks;
        for (const QString &s : statuses) {
            marks << QStringLiteral("?");
            binds << s;
        }
        c << QStringLiteral("status IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    if (!user.isEmpty()) {
        c << QStringLiteral("(user_upn = ? OR subject = ?)");
        binds << user.toLower() << user.toLower();
    }
    if (!country.isEmpty()) {
        c << QStringLiteral("event_id IN (SELECT id FROM signins WHERE country = ?)");
        binds << country;
    }
    if (!app.isEmpty()) {
        c << QStringLiteral("event_id IN (SELECT id FROM signins WHERE app_name = ?)");
        binds << app;
    }
    if (fromMs) {
        c << QStringLiteral("time_ms >= ?");
        binds << *fromMs;
    }
    if (toMs) {
        c << QStringLiteral("time_ms < ?");
        binds << *toMs;
    }
    if (!text.trimmed().isEmpty()) {
        c << QStringLiteral("(summary LIKE ? ESCAPE '\\' OR subject LIKE ? ESCAPE '\\' OR kinds LIKE ? ESCAPE '\\' "
                            "OR id LIKE ? ESCAPE '\\')");
        for (int i = 0; i < 4; ++i)
            binds << likePattern(text);
    }
    return c.isEmpty() ? QString() : QStringLiteral(" WHERE ") + c.join(QStringLiteral(" AND "));
}

QString TriageFilter::describe() const
{
    QStringList parts;
    if (severity)
        parts << severityLabel(*severity);
    else if (minSeverity > 0)
        parts << QCoreApplication::translate("TriageFilter", "%1 and above").arg(severityLabel(minSeverity));
    if (!kind.isEmpty())
        parts << kind;
    if (!statuses.isEmpty()) {
        QStringList labels;
        for (const QString &s : statuses)
            labels << statusLabel(s);
        parts << labels.join(QStringLiteral("/"));
    }
    if (!user.isEmpty())
        parts << user;
    if (!country.isEmpty())
        parts << QCoreApplication::translate("TriageFilter", "country %1").arg(country);
    if (!app.isEmpty())
        parts << app;
    if (fromMs || toMs)
        parts << QStringLiteral("%1 – %2").arg(fromMs ? utcText(*fromMs) : QStringLiteral("…"),
                                               toMs ? utcText(*toMs) : QStringLiteral("…"));
    if (!text.trimmed().isEmpty())
        parts << QStringLiteral("“%1”").arg(text.trimmed());
    return parts.join(QStringLiteral(" · "));
}

} // namespace backsight::ui
