#pragma once

#include "simulate/events.h"
#include "simulate/population.h"

namespace backsight::sim {

qint64 dayStartMs(const Tenant &tenant, int day);

// Appends the normal population's sign-ins and audit events of `day` (UTC). Each user-day draws from
// its own random stream, so one user's behaviour never shifts another's.
void addNormalDay(const Tenant &tenant, int day, quint64 seed, DayEvents &out);

} // namespace backsight::sim
