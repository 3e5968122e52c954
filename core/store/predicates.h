#pragma once

#include "store/sql_dialect.h"

#include <QString>

// Domain rules as SQL, defined once for every repository in core/store (docs/storage.md, "Domain predicates").
// Internal to core/store: nothing outside it builds SQL.
namespace backsight::predicate {

// A failed sign-in: Entra ID's error code is anything but 0 (a missing code counts as success). On `signins`
// columns; `prefix` is a table alias with its dot ("s.") or empty.
inline QString failedSignIn(const QString &prefix = {})
{
    return QStringLiteral("coalesce(%1error_code, 0) <> 0").arg(prefix);
}

// A successful sign-in: the complement of failedSignIn (a missing error code counts as success, as there).
inline QString succeededSignIn(const QString &prefix = {})
{
    return QStringLiteral("coalesce(%1error_code, 0) = 0").arg(prefix);
}

// A credential failure: a wrong password, a locked, expired or must-change password (not MFA, not conditional
// access) — what a password spray produces. On `signins` columns, `prefix` as in failedSignIn.
inline QString credentialFailure(const QString &prefix = {})
{
    return QStringLiteral("%1error_code IN (50126, 50034, 50055, 50056, 50057, 50144, 50053)").arg(prefix);
}

// The latest baseline of each user: a `baselines` row aliased `alias` whose window ends last for its user.
inline QString latestBaseline(const QString &alias)
{
    return QStringLiteral("%1.window_end_ms = (SELECT max(window_end_ms) FROM baselines WHERE upn = %1.upn)").arg(alias);
}

// An anomaly (aliased `alias`) has the kind bound at this `?` among all its kinds (the `kinds` JSON array), read
// as JSON rather than matched as text.
inline QString anomalyHasKind(const QString &alias, SqlDialect dialect)
{
    if (dialect == SqlDialect::PostgreSQL)
        return QStringLiteral("EXISTS (SELECT 1 FROM json_array_elements_text(CAST(%1.kinds AS json)) AS k(value) "
                              "WHERE k.value = ?)").arg(alias);
    return QStringLiteral("EXISTS (SELECT 1 FROM json_each(%1.kinds) WHERE json_each.value = ?)").arg(alias);
}

// How many rows of a group meet `condition` (SQLite sums a comparison as 0 or 1; PostgreSQL sums no booleans).
inline QString countWhere(const QString &condition)
{
    return QStringLiteral("sum(CASE WHEN %1 THEN 1 ELSE 0 END)").arg(condition);
}

// The analyst's text search: "contains, ignoring case" (SQLite's LIKE ignores the case of ASCII letters;
// PostgreSQL's ILIKE does the same, and of other letters too). Patterns come from likePattern (escape '\').
inline QString like(SqlDialect dialect)
{
    return dialect == SqlDialect::PostgreSQL ? QStringLiteral("ILIKE") : QStringLiteral("LIKE");
}

// The distinct values of `column` in a group, comma-separated, in no set order.
inline QString distinctList(const QString &column, SqlDialect dialect)
{
    return dialect == SqlDialect::PostgreSQL ? QStringLiteral("string_agg(DISTINCT %1, ',')").arg(column)
                                             : QStringLiteral("group_concat(DISTINCT %1)").arg(column);
}

// A sign-in's place as the analyst reads it: "City, CC", or the country alone.
inline QString signInPlace(const QString &prefix = {})
{
    return QStringLiteral("(CASE WHEN coalesce(%1city, '') = '' THEN coalesce(%1country, '') ELSE %1city || ', ' || %1country END)")
        .arg(prefix);
}

} // namespace backsight::predicate
