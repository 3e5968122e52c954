#include "store/case_settings.h"

#include "detect/severity_policy.h"
#include "store/database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace backsight {

Result<std::optional<QString>> caseSetting(Database &db, const QString &name)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT value FROM case_settings WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec())
        return Error::storage(Database::describe(QStringLiteral("cannot read the case setting %1").arg(name), q.lastError()));
    if (!q.next())
        return std::optional<QString>();
    return std::optional<QString>(q.value(0).toString());
}

Status setCaseSetting(Database &db, const QString &name, const QString &value)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("INSERT INTO case_settings (name, value) VALUES (?, ?) "
                             "ON CONFLICT (name) DO UPDATE SET value = excluded.value"));
    q.addBindValue(name);
    q.addBindValue(value);
    if (!q.exec())
        return Error::storage(Database::describe(QStringLiteral("cannot save the case setting %1").arg(name), q.lastError()));
    return {};
}

Result<int> caseSensitivity(Database &db)
{
    const Result<std::optional<QString>> stored = caseSetting(db, kSensitivitySetting);
    if (!stored)
        return stored.error();
    if (!stored->has_value())
        return detect::kDefaultSensitivity;
    const std::optional<int> parsed = detect::parseSensitivity(**stored);
    if (!parsed)
        return Error::badInput(QStringLiteral("the case's detection sensitivity '%1' is not 1 to 5").arg(**stored));
    return *parsed;
}

Status setCaseSensitivity(Database &db, int sensitivity)
{
    if (sensitivity < detect::kMinSensitivity || sensitivity > detect::kMaxSensitivity)
        return Error::badInput(QStringLiteral("a detection sensitivity is 1 to 5, not %1").arg(sensitivity));
    return setCaseSetting(db, kSensitivitySetting, QString::number(sensitivity));
}

} // namespace backsight
