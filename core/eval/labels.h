#pragma once

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

// False with `error` naming the file and line when the file cannot be read or a row is malformed.
bool readLabels(const QString &path, std::vector<AttackLabel> &labels, QString &error);

} // namespace backsight::eval
