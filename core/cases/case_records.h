#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <map>
#include <optional>
#include <vector>

namespace backsight {
class Database;
}

// The analyst's case record on top of the anomalies table: triage status, notes, tags, and the
// append-only audit log of everything an analyst did (schema v2). Every call is its own transaction,
// committed with synchronous = FULL before it returns, so nothing an analyst did is lost when the app
// crashes, is killed or the machine loses power right after.
namespace backsight::cases {

enum class Status { New, Investigating, Confirmed, Dismissed };

QString statusName(Status status);                  // "new", "investigating", "confirmed", "dismissed"
std::optional<Status> parseStatus(const QString &text);
QStringList statusNames();

// Audit log actions written by this module; other modules append their own ("retrain", ...).
namespace action {
inline const QString status = QStringLiteral("status");
inline const QString note = QStringLiteral("note");
inline const QString tag = QStringLiteral("tag");
inline const QString untag = QStringLiteral("untag");
inline const QString exportReport = QStringLiteral("export");
} // namespace action

// Who is acting: `configured` (the analyst name from settings or --author) when not blank, else the
// OS user ($USER, $USERNAME), else "unknown".
QString analystName(const QString &configured = {});

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

// Sets the status of every anomaly in `anomalyIds` in one transaction; each change is audit-logged
// ({"from","to","note"}) and a non-empty `note` is added to each anomaly. Unknown ids fail the whole call
// (nothing changes) with `error` naming them. Returns how many anomalies changed status, or -1.
int setStatus(Database &db, const QStringList &anomalyIds, Status status, const QString &author,
              const QString &note, QString &error);

// Adds a note (not blank) to an anomaly; returns the note's id, or 0 with `error`.
qint64 addNote(Database &db, const QString &anomalyId, const QString &text, const QString &author, QString &error);

// Tags are trimmed, lower-cased labels ("phishing", "vip"). Adding a tag the anomaly has, or removing
// one it lacks, changes nothing and logs nothing; both still return true.
bool addTag(Database &db, const QString &anomalyId, const QString &tag, const QString &author, QString &error);
bool removeTag(Database &db, const QString &anomalyId, const QString &tag, const QString &author, QString &error);

// Appends one entry (an export, a retrain). `detail` is stored as compact JSON. Returns the entry id or 0.
qint64 appendAudit(Database &db, const QString &action, const QString &target, const QJsonObject &detail,
                   const QString &author, QString &error);

// Reading. Ids that have no anomaly are absent from the map.
std::optional<std::map<QString, CaseRecord>> readCaseRecords(Database &db, const QStringList &anomalyIds,
                                                             QString &error);
std::optional<std::vector<Note>> readNotes(Database &db, const QString &anomalyId, QString &error);
std::optional<std::vector<Tag>> readTags(Database &db, const QString &anomalyId, QString &error);

struct AuditFilter
{
    QString target;          // exact match when set
    QString action;          // exact match when set
    qint64 afterId = 0;      // entries with a larger id
    qint64 limit = -1;
};
// Oldest first.
std::optional<std::vector<AuditEntry>> readAuditLog(Database &db, const AuditFilter &filter, QString &error);

QJsonObject noteToJson(const Note &note);
QJsonObject tagToJson(const Tag &tag);
QJsonObject auditEntryToJson(const AuditEntry &entry);

} // namespace backsight::cases
