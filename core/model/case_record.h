#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

// The analyst's case record on top of the anomalies table: triage status, notes, tags and the append-only audit
// log (core/store/case_repository reads and writes them; core/cases names and formats them).
namespace backsight::cases {

enum class Status { New, Investigating, Confirmed, Dismissed };

// Audit log actions written by this module; other modules append their own ("retrain", ...).
namespace action {
inline const QString status = QStringLiteral("status");
inline const QString note = QStringLiteral("note");
inline const QString tag = QStringLiteral("tag");
inline const QString untag = QStringLiteral("untag");
inline const QString exportReport = QStringLiteral("export");
} // namespace action

struct Note
{
    qint64 id = 0;
    QString anomalyId;
    QString author;
    qint64 atMs = 0;
    QString text;
};

struct Tag
{
    QString anomalyId;
    QString tag;
    QString author;
    qint64 atMs = 0;
};

struct AuditEntry
{
    qint64 id = 0;
    qint64 atMs = 0;
    QString author;
    QString action;
    QString target;
    QJsonObject detail;
};

// Status, notes and tags of one anomaly, oldest first.
struct CaseRecord
{
    QString status = QStringLiteral("new");
    QString statusBy;
    std::optional<qint64> statusAtMs;
    std::vector<Note> notes;
    std::vector<Tag> tags;
};

struct AuditFilter
{
    QString target;          // exact match when set
    QString action;          // exact match when set
    qint64 afterId = 0;      // entries with a larger id
    qint64 limit = -1;
};

} // namespace backsight::cases
