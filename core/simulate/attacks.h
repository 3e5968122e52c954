#pragma once

#include "simulate/events.h"
#include "simulate/population.h"

#include <QStringList>
#include <climits>

namespace backsight::sim {

// The attack kinds, in the order labels.csv and docs/simulation.md list them.
const QStringList &attackKinds();
// How many of attackKinds() "all" means without the realism profile (the classic kinds come first).
constexpr int kClassicAttackKinds = 8;

struct Attack
{
    QByteArray attackId;
    int kind = 0;            // index into attackKinds()
    int day = 0;             // the day it starts
    int variant = 0;         // password_spray: 0 fast, 1 slow
    std::vector<int> victims;
    quint64 seed = 0;
    bool generated = false;
    DayEvents pending;       // made on its first day, handed out day by day (slow sprays cross midnight)
    // Ground truth, filled as its events are written.
    std::vector<int> touched; // users whose events carry the label
    qint64 startMs = LLONG_MAX, endMs = LLONG_MIN;
    std::vector<QByteArray> eventIds;
};

// Chooses when and whom each attack of `kinds` hits (several of each, varied by seed). Marks the
// dormant accounts' silent days in `tenant`, so call it before any day is generated.
std::vector<Attack> planAttacks(Tenant &tenant, const QList<int> &kinds, quint64 seed);

// Moves the attack events that fall on `day` into `out` and records them in the labels.
void addAttackDay(std::vector<Attack> &attacks, const Tenant &tenant, int day, DayEvents &out);

} // namespace backsight::sim
