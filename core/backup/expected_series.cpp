#include "backup/expected_series.h"

#include "backup/server_model.h"

#include <cmath>

namespace backsight::backup {

Result<std::vector<ExpectedSession>> expectedSeries(Database &db, const QString &server)
{
    std::vector<ExpectedSession> out;
    Result<std::optional<ServerModel>> loaded = loadServerModel(db, serverScope, server);
    if (loaded && !*loaded)
        loaded = loadServerModel(db, fleetScope, fleetSubject);
    if (!loaded)
        return loaded.error();
    const std::optional<ServerModel> &model = *loaded;
    if (!model)
        return out;
    const Result<std::vector<Session>> loadedSessions = loadServerSessions(db, server);
    if (!loadedSessions)
        return loadedSessions.error();
    const std::vector<Session> &sessions = *loadedSessions;
    const Eigen::MatrixXd raw = featureRows(sessions);
    // The fleet model judges a server scaled by its own history (as scoring does once it has a window of it).
    const SessionScaler scaler = model->fleet && int(sessions.size()) >= model->window ? SessionScaler::fit(sessions, raw)
                                                                                        : model->scaler;
    const Eigen::MatrixXd scaled = scaler.transform(sessions, raw);
    const int w = model->window;
    for (size_t k = size_t(std::max(0, w - 1)); k < sessions.size(); ++k) {
        const Session &s = sessions[k];
        if (!s.sizesKnown)
            continue;
        const Eigen::RowVectorXd r = model->lastStepReconstruction(scaled.middleRows(Eigen::Index(k) + 1 - w, w));
        const ml::RobustScaler &of = scaler.of(s);
        const double centre = of.center[LogTransferred] + r[LogTransferred] * of.scale[LogTransferred];
        const double spread = 3.0 * of.scale[LogTransferred];
        out.push_back({s.id, s.creationMs, std::expm1(centre), std::expm1(centre - spread), std::expm1(centre + spread)});
    }
    return out;
}

} // namespace backsight::backup
