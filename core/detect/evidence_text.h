#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <vector>

namespace backsight::detect {

// A reason's evidence as an analyst reads it: labelled values with units and rounded numbers, and labelled tables
// (a model's top features, a backup session's signals) — never the stored JSON. The PDF report and Triage's
// detail pane both show this.
struct EvidenceTable
{
    QString title;
    QStringList columns;
    std::vector<QStringList> rows;
};

struct EvidenceText
{
    std::vector<std::pair<QString, QString>> items; // label, value in words
    std::vector<EvidenceTable> tables;
    bool isEmpty() const { return items.empty() && tables.empty(); }
};

// `detector` names the unit of values such as "observed" and "threshold" (days for a dormant account, km/h for
// impossible travel, a share for a new country).
EvidenceText describeEvidence(const QString &detector, const QJsonObject &evidence);

// An audit record's targets (the stored `targets` JSON array) as the reasons name them: each target's UPN, else its
// display name, else its id, comma-separated.
QString auditTargetNames(const QString &targetsJson);

// The same as HTML (a two-column table of items, then each table with a header row), escaped; empty when there is
// no evidence. `cssClass` is set on every <table>.
QString evidenceHtml(const EvidenceText &evidence, const QString &cssClass = QString());

// A number rounded for people: thousands grouped, at most `decimals` decimals, no trailing zeros.
QString roundedNumber(double value, int decimals = 2);

} // namespace backsight::detect
