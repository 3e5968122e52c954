#pragma once

#include "eval/evaluation.h"

namespace backsight {
class Database;
}

namespace backsight::eval {

// What detection evaluation (core/eval) reads from the store. Reads the `anomalies` table (columns in
// docs/simulation.md). The table belongs to the detection
// issue; until it exists this reads nothing and sets `tablePresent` false. Creates nothing.
bool readAnomalies(Database &db, std::vector<Anomaly> &anomalies, bool &tablePresent, QString &error);

// Number of stored events (sign-ins and audits) and of distinct (user, UTC day) pairs with a sign-in.
bool readEventUniverse(Database &db, EventUniverse &universe, QString &error);

} // namespace backsight::eval
