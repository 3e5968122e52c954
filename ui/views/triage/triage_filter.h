#pragma once

#include <QString>
#include <QStringList>
#include <QVariantList>
#include <optional>

namespace backsight::ui {

// What the triage queue is narrowed to. Every click-through (a dashboard number, a timeline brush, a
// user's anomalies) is one of these.
struct TriageFilter
{
    int minSeverity = 0;             // 1..4; 0 = all
    std::optional<int> severity;     // exactly this rank
    QString kind;                    // any of the anomaly's kinds
    QStringList statuses;            // empty = all
    QString user;                    // exact UPN (lower case)
    QString country, app;            // of the anomaly's primary sign-in
    std::optional<qint64> fromMs, toMs; // time_ms in [from, to)
    QString text;                    // substring of summary, user, kinds or id

    bool operator==(const TriageFilter &) const = default;
    bool isEmpty() const { return *this == TriageFilter(); }
    // " WHERE …" (or empty) with `binds` appended in order. Only bound parameters reach SQL.
    QString whereClause(QVariantList &binds) const;
    // "High, user x, 1 Nov – 3 Nov" for the filter bar.
    QString describe() const;
};

} // namespace backsight::ui
