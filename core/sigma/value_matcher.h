#pragma once

#include "model/result.h"
#include "sigma/sigma_rule.h"

#include <QStringList>

namespace backsight::sigma {

// Builds the patterns of one field condition from its values and modifiers (contains, startswith, endswith,
// all, re (with i, m, s), cidr, exists, windash, cased, lt/lte/gt/gte). Unknown or unsupported modifiers are
// an error whose message names the modifier; the rule is then skipped.
Result<FieldCondition> buildFieldCondition(const QString &field, const QStringList &modifiers,
                                           const QList<std::optional<QString>> &values);
// Keywords: each matches when any value of the event contains it (wildcards allowed).
Result<ValuePattern> buildKeyword(const QString &keyword);

// True when `pattern` matches: for Null/Exists `present` says whether the field exists; otherwise any of
// `values` matches. `matched` gets the value that matched.
bool matchValue(const ValuePattern &pattern, bool present, const QStringList &values, QString *matched = nullptr);

// A Sigma wildcard value (* ? with \ escapes) as a regular expression, anchored.
QString wildcardToRegex(const QString &value);

// IPv4 or IPv6 text as 16 bytes (IPv4 as ::ffff:a.b.c.d); empty when it is not an address.
QByteArray parseIpAddress(const QString &text);

} // namespace backsight::sigma
