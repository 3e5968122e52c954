#pragma once

#include "model/result.h"

#include <QString>
#include <optional>

namespace backsight {

class Database;

// Settings that belong to the case, not to one analyst's machine (case_settings table): detection judged alike from
// the GUI, the CLI on a server and every analyst of a shared case.
Result<std::optional<QString>> caseSetting(Database &db, const QString &name);
Status setCaseSetting(Database &db, const QString &name, const QString &value);

// The detection sensitivity 1..5 the case was set to (detect::kDefaultSensitivity when never set).
inline const QString kSensitivitySetting = QStringLiteral("detection_sensitivity");
Result<int> caseSensitivity(Database &db);
Status setCaseSensitivity(Database &db, int sensitivity);

} // namespace backsight
