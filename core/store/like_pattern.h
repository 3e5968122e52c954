#pragma once

#include <QString>

namespace backsight {

// `%text%` for `LIKE ? ESCAPE '\'`, with the LIKE wildcards in `text` taken literally (internal to core/store).
inline QString likePattern(const QString &text)
{
    QString escaped = text.trimmed();
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

} // namespace backsight
