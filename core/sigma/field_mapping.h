#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <optional>
#include <QSqlRecord>
#include <QStringList>

// One field mapping for every input shape Backsight reads (Graph JSON, Azure Monitor diagnostic records,
// Log Analytics exports, the portal's CSV), so one Sigma rule matches them all. Names are case-insensitive.
// The table is in docs/sigma.md.
namespace backsight::sigma {

// An event as Sigma sees it: every field of its original record (nested objects flattened to dotted paths,
// lists giving several values, JSON text in Log Analytics columns opened up), keyed in lower case, plus the
// stored columns under `backsight.<column>`.
class EventFields
{
public:
    // `original` is the stored original record (JSON; CSV rows as an object of their cells); `columns` the
    // flattened row of signins / service_signins / audits.
    static EventFields build(const QSqlRecord &columns, const QByteArray &original);

    // The values of a Sigma field name after the mapping; `present` says whether the field exists at all.
    QStringList lookup(const QString &sigmaField, bool *present = nullptr) const;
    // Every scalar value of the original (for keywords), flattened on first use.
    const QStringList &allValues() const;

private:
    // Values at a lower-case dotted path (keys compared case-insensitively, lists fanned out, JSON text opened).
    bool resolve(const QString &path, QStringList &out) const;

    QJsonObject root_, properties_;
    QSqlRecord columns_;
    mutable std::optional<QStringList> all_;
};

struct MappingRow
{
    const char *sigma;       // the name Sigma's Azure rules use (any case)
    const char *candidates;  // keys tried in order, separated by ';' (lower case; backsight.* are columns)
};
// The built-in mapping (also in docs/sigma.md).
const std::vector<MappingRow> &fieldMapping();

} // namespace backsight::sigma
