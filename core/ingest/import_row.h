#pragma once

#include "model/sign_in.h"

#include <QString>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace backsight {

// Columns of the sign-in tables in insert order (store/migrations.cpp lists their names).
enum class SignInColumn : int {
    Id, CreatedMs, UserId, Upn, DisplayName, UserType, AppId, AppName, Resource, ResourceId, ClientApp,
    AuthRequirement, Ip, City, State, Country, Latitude, Longitude, Asn, Os, Browser, DeviceId, DeviceName,
    Compliant, Managed, TrustType, ErrorCode, FailureReason, CaStatus, RiskLevel, RiskState, MfaMethod, MfaResult,
    UserAgent, CorrelationId, SessionId, Interactive, EventType, ServicePrincipalId, ServicePrincipalName,
    AuthProtocol, // authenticationProtocol: none, deviceCode, ropc, saml20, wsFederation ... (migration 7)
    AsOrg, // the autonomous system's organisation (resources/asn), next to Asn
    Count
};

// Columns of the audits table in insert order.
enum class AuditColumn : int {
    Id, TimeMs, Category, Activity, OperationType, Result, ResultReason, InitiatorUpn, InitiatorApp, InitiatorId,
    InitiatorIp, Targets, Service, CorrelationId,
    Count
};

// Columns of the backup_sessions table in insert order (Veeam job and task sessions, core/backup).
enum class BackupColumn : int {
    Id, JobId, JobName, JobType, SessionType, Level, ParentId, Server, ServerUid, CreationMs, EndMs, Result, State,
    Message, IsFull, TransferredBytes, ReadBytes, ProcessedBytes, ProcessedUsedBytes, TotalBytes, BackupSize, DataSize,
    DedupRatio, CompressRatio, AvgSpeed, DurationS, ProgressPercent,
    UtcOffsetMin, // the backup server's zone at the session's start, when the export says it
    Count
};

enum class RecordKind { SignIn, Audit, BackupSession };

// One flattened record on its way to the database. Text lives in a per-batch UTF-8 arena, so the hot
// path copies bytes once from the parser and binds them to SQLite as they are: no QString round trip,
// no allocation per field (profiles showed both on each side of the import's two threads).
struct ImportRow
{
    struct Cell
    {
        enum Type : std::uint8_t { Null, Text, Integer, Real };
        Type type = Null;
        std::uint32_t length = 0;
        union {
            std::uint64_t offset;
            std::int64_t integer;
            double real;
        };
        Cell() : offset(0) {}
    };
    static constexpr int kMaxColumns = int(SignInColumn::Count);

    RecordKind kind = RecordKind::SignIn;
    SignInEventType eventType = SignInEventType::InteractiveUser;
    qint64 recordIndex = 0;
    std::array<Cell, kMaxColumns> cells;

    int columnCount() const
    {
        return kind == RecordKind::Audit           ? int(AuditColumn::Count)
               : kind == RecordKind::BackupSession ? int(BackupColumn::Count)
                                                   : int(SignInColumn::Count);
    }
};

// Writes cells of one row into a shared arena.
class RowWriter
{
public:
    RowWriter(ImportRow &row, std::string &arena) : row_(row), arena_(arena) {}

    void text(int column, std::string_view value);
    void lowerText(int column, std::string_view value); // e-mail style identifiers: case-insensitive
    void integer(int column, std::optional<qint64> value);
    void real(int column, std::optional<double> value);
    void boolean(int column, std::optional<bool> value);
    bool has(int column) const { return row_.cells[size_t(column)].type != ImportRow::Cell::Null; }
    std::string_view textOf(int column) const;

    ImportRow &row() { return row_; }

private:
    ImportRow &row_;
    std::string &arena_;
};

// The text of a cell, for messages and tests.
std::string_view cellText(const ImportRow &row, const std::string &arena, int column);

} // namespace backsight
