#pragma once

#include "eval/evaluation.h"
#include "model/result.h"

namespace backsight {
class Database;
}

namespace backsight::eval {

// What detection evaluation (core/eval) reads from the store: every stored anomaly (columns in docs/simulation.md),
// by time then id, on either engine.
Result<std::vector<Anomaly>> readAnomalies(Database &db);

// Number of stored events (sign-ins and audits) and of distinct (user, UTC day) pairs with a sign-in.
Result<EventUniverse> readEventUniverse(Database &db);

} // namespace backsight::eval
