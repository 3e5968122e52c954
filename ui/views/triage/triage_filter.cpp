#include "views/triage/triage_filter.h"

#include "severity_style.h"
#include "model/time_format.h"

#include <QCoreApplication>

namespace backsight::ui {
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
    if (!network.trimmed().isEmpty())
        parts << QCoreApplication::translate("TriageFilter", "network %1").arg(network.trimmed());
    if (fromMs || toMs)
        parts << QStringLiteral("%1 – %2").arg(fromMs ? utcText(*fromMs) : QStringLiteral("…"),
                                               toMs ? utcText(*toMs) : QStringLiteral("…"));
    if (!text.trimmed().isEmpty())
        parts << QStringLiteral("“%1”").arg(text.trimmed());
    return parts.join(QStringLiteral(" · "));
}

} // namespace backsight::ui
