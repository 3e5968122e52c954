#pragma once

#include "model/user_activity.h"
#include "widgets/heatmap_widget.h"

#include <QString>
#include <map>
#include <vector>

namespace backsight {
class Database;
}

namespace backsight::ui {

// One user's baseline as the user view shows it, read on a pool thread.
struct UserProfileData
{
    using Value = ValueCount;
    struct Model
    {
        QString kind;
        int version = 0;
        qint64 createdMs = 0, eventsUsed = 0;
        double threshold = 0;
        bool active = false;
    };
    using Anomaly = AnomalyBrief;
    QString upn, displayName;
    HeatmapWidget::Cells heatmap{};
    QString zoneText;        // "UTC+12:00 (home Wellington, NZ)" and where it came from
    bool fromBaseline = false;
    bool learning = false;
    qint64 baselineWindowStart = 0, baselineWindowEnd = 0;
    std::map<QString, std::vector<Value>> top; // "Places", "IP addresses", "Apps", "Operating systems", "Browsers"
    std::vector<UserNetwork> networks; // most used first
    std::map<qint64, std::pair<qint64, qint64>> days; // UTC day -> sign-ins, failures
    qint64 signIns = 0, failures = 0;
    qint64 interactiveSignIns = 0; // the heatmap counts only these
    std::vector<Model> models;
    std::vector<Anomaly> anomalies;
    QString error;
};

UserProfileData readUserProfile(Database &db, const QString &upn, int topN = 10);

} // namespace backsight::ui
