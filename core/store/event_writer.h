#pragma once

#include "model/audit_event.h"
#include "model/sign_in.h"
#include "store/record_compressor.h"
#include "store/sqlite_statement.h"

#include <QSqlQuery>
#include <QString>
#include <optional>

namespace backsight {

class Database;

// Key of an original record in the `originals` table.
inline qint64 originalKey(qint64 sourceId, qint64 recordIndex)
{
    return sourceId * (qint64(1) << 32) + recordIndex;
}

// Facts about one source file, recorded in the `sources` table when its import commits.
struct SourceSummary
{
    QString path;            // file path, or `archive.zip!/entry` for a zip entry
    QString container;       // the zip archive, when the source is one of its entries
    QString containerSha256;
    QString sha256;
    qint64 sizeBytes = 0;
    QString reader;
    qint64 read = 0;
    qint64 inserted = 0;
    qint64 rejected = 0;
};

// Writes one source file's events in one transaction: begin(), add...(), then commit() or rollback().
// Events whose id is already stored are skipped (ON CONFLICT DO NOTHING), so re-imports add nothing.
class EventWriter
{
public:
    explicit EventWriter(Database &db);
    ~EventWriter();

    bool begin();
    // `inserted` tells whether the event was new. The original record is stored compressed.
    bool addSignIn(const SignIn &s, qint64 recordIndex, std::string_view original, bool &inserted);
    bool addAudit(const AuditEvent &a, qint64 recordIndex, std::string_view original, bool &inserted);
    // Records the source and commits; `sourceId` is the (possibly pre-existing) id of the source row.
    bool commit(const SourceSummary &summary, qint64 *sourceId = nullptr);
    void rollback();

    const QString &error() const { return error_; }

private:
    bool prepare(SqliteStatement &statement, const QString &sql);
    bool exec(QSqlQuery &q, const QString &doing);
    bool step(SqliteStatement &statement, const char *what, const QString &id);
    bool addOriginal(const QString &id, qint64 recordIndex, std::string_view original);

    Database &db_;
    bool inTransaction_ = false;
    qint64 pendingSourceId_ = 0;
    SqliteStatement insertSignIn_;
    SqliteStatement insertWorkloadSignIn_;
    SqliteStatement insertAudit_;
    SqliteStatement insertOriginal_;
    RecordCompressor compressor_;
    QString error_;
};

} // namespace backsight
