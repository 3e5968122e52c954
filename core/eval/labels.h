#pragma once

#include "model/result.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace backsight::eval {

// One row of labels.csv: `attack_id,kind,user_principal_name,start_utc,end_utc,event_ids`; attacks on
// many users name them all, separated by `;` like the event ids.
struct AttackLabel
{
    QString attackId, kind;
    QStringList upns; // lower case
    qint64 startMs = 0, endMs = 0;
    QStringList eventIds;
};

// The labels, or an error naming the file and line: Storage when the file cannot be read, BadInput when a
// row is malformed.
Result<std::vector<AttackLabel>> readLabels(const QString &path);

} // namespace backsight::eval
