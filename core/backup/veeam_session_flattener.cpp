#include "backup/veeam_session_flattener.h"
#include "backup/veeam_text.h"

#include "ingest/timestamp.h"

#include <QCryptographicHash>

#include <charconv>
#include <cmath>

namespace backsight::backup {
namespace {

using text::equalsIgnoreCase;
using text::lower;
using text::qs;
using text::trimmed;

using Element = RecordFields::Element;

bool endsWithIgnoreCase(std::string_view s, std::string_view lowerSuffix)
{
    return s.size() >= lowerSuffix.size() && equalsIgnoreCase(s.substr(s.size() - lowerSuffix.size()), lowerSuffix);
}

std::string lowered(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        c = lower(c);
    return out;
}

void putQString(RowWriter &w, BackupColumn c, const QString &value)
{
    const QByteArray bytes = value.toUtf8();
    w.text(int(c), std::string_view(bytes.constData(), size_t(bytes.size())));
}

// `Daily Backup (Incremental)` -> `Daily Backup`; `srv04@2014-10-19 05:23:44` -> `srv04`.
std::string_view stripSessionSuffix(std::string_view name)
{
    const size_t at = name.find('@');
    if (at != std::string_view::npos && at > 0)
        return trimmed(name.substr(0, at));
    name = trimmed(name);
    if (!name.empty() && name.back() == ')') {
        const size_t open = name.rfind(" (");
        if (open != std::string_view::npos && open > 0)
            return trimmed(name.substr(0, open));
    }
    return name;
}

// The GUID of `urn:veeam:BackupTaskSession:8876...` (Enterprise Manager), so ids join across exports.
std::string_view stripUrn(std::string_view id)
{
    if (id.size() > 4 && equalsIgnoreCase(id.substr(0, 4), "urn:")) {
        const size_t colon = id.rfind(':');
        if (colon != std::string_view::npos && colon + 1 < id.size())
            return id.substr(colon + 1);
    }
    return id;
}

std::optional<double> number(std::string_view s)
{
    s = trimmed(s);
    if (s.empty())
        return std::nullopt;
    bool ok = false;
    const double d = QByteArray(s.data(), qsizetype(s.size())).toDouble(&ok);
    return ok && std::isfinite(d) ? std::optional<double>(d) : std::nullopt;
}

std::optional<qint64> wholeNumber(std::optional<Element> v)
{
    if (!v)
        return std::nullopt;
    if (auto i = RecordFields::integer(v))
        return i;
    if (auto d = RecordFields::real(v); d && std::fabs(*d) < 9.2e18) // beyond qint64: not a number we can keep
        return qint64(std::llround(*d));
    return std::nullopt;
}

QString stateName(qint64 n)
{
    // Veeam.Backup.Model.CBaseSession+EState, as ConvertTo-Json writes it without -EnumsAsStrings.
    switch (n) {
    case -1: return QStringLiteral("Stopped");
    case 3: return QStringLiteral("Starting");
    case 4: return QStringLiteral("Stopping");
    case 5: return QStringLiteral("Working");
    case 6: return QStringLiteral("Pausing");
    case 7: return QStringLiteral("Resuming");
    case 8: return QStringLiteral("WaitingTape");
    case 9: return QStringLiteral("Idle");
    case 10: return QStringLiteral("Postprocessing");
    case 11: return QStringLiteral("WaitingRepository");
    case 12: return QStringLiteral("WaitingSlot");
    default: return QString::number(n);
    }
}

QString jobTypeName(qint64 n)
{
    // Veeam.Backup.Model.DBM.EDbJobType, the values seen in session exports.
    switch (n) {
    case 0: return QStringLiteral("Backup");
    case 1: return QStringLiteral("Replica");
    case 2: return QStringLiteral("Copy");
    case 51: return QStringLiteral("BackupSync");
    default: return QString::number(n);
    }
}

// A ratio as Veeam's BackupStats gives it — a percentage (DedupRatio 25 = data shrank to 25 % = 4x) — or
// as report scripts write it (`4.0x`). Stored as the factor.
std::optional<double> ratioFactor(std::optional<Element> v, std::string &scratch)
{
    std::string_view s = trimmed(RecordFields::asText(v, scratch));
    if (s.empty())
        return std::nullopt;
    if (s.back() == 'x' || s.back() == 'X') {
        const auto factor = number(s.substr(0, s.size() - 1));
        return factor && *factor > 0 && *factor < 1e6 ? factor : std::nullopt;
    }
    const auto percent = number(s);
    if (!percent || *percent < 0.01)
        return std::nullopt; // Veeam writes 0 when nothing was read
    return 100.0 / *percent;
}

std::optional<double> durationSeconds(std::optional<Element> v, RecordFields &f, std::string &scratch)
{
    if (!v)
        return std::nullopt;
    if (v->is_object()) {
        // A TimeSpan below ConvertTo-Json's depth: {"Ticks": ..., "TotalSeconds": ...}.
        if (auto s = RecordFields::real(f.child(v, "totalseconds")))
            return s;
        if (auto ticks = RecordFields::integer(f.child(v, "ticks")))
            return double(*ticks) / 1e7;
        return std::nullopt;
    }
    if (v->is_number())
        return RecordFields::real(v);
    const std::string_view text = RecordFields::asText(v, scratch);
    if (auto s = parseTimeSpan(text))
        return s;
    return number(text);
}

} // namespace

void VeeamSessionFlattener::putText(RowWriter &w, BackupColumn c, std::optional<Element> v)
{
    w.text(int(c), trimmed(RecordFields::asText(v, scratch_)));
}

void VeeamSessionFlattener::putId(RowWriter &w, BackupColumn c, std::optional<Element> v)
{
    w.lowerText(int(c), stripUrn(trimmed(RecordFields::asText(v, scratch_))));
}

void VeeamSessionFlattener::putBytes(RowWriter &w, BackupColumn c, std::optional<Element> v)
{
    const auto n = wholeNumber(v);
    w.integer(int(c), n && *n >= 0 ? n : std::nullopt);
}

Status VeeamSessionFlattener::readTime(std::initializer_list<std::string_view> names, bool required, BackupColumn column,
                                       RowWriter &w)
{
    for (std::string_view name : names) {
        const std::string key = lowered(name);
        const size_t dot = key.find('.');
        std::optional<Element> value = dot == std::string::npos
                                           ? f_.field({std::string_view(key)})
                                           : nested(std::string_view(key).substr(0, dot), std::string_view(key).substr(dot + 1));
        if (!value)
            continue;
        if (value->is_object()) // Windows PowerShell's Get-Date objects: {"value": "/Date(...)/", "DateTime": "..."}
            value = f_.child(value, "value");
        const std::string_view text = trimmed(RecordFields::rawString(value));
        if (text.empty())
            return Error::badInput(QStringLiteral("%1 is not a date and time").arg(qs(name)));
        qint64 ms = 0;
        if (auto ajax = parseMsAjaxDate(text)) {
            ms = *ajax;
        } else {
            // Only a field that says UTC (CreationTimeUTC, EndTimeUTC, Enterprise Manager's times) may omit the zone.
            const bool utc = endsWithIgnoreCase(name, "utc") || zonelessIsUtc_;
            const ParsedTime t = parseTimestamp(text, utc ? ZonelessTime::IsUtc : ZonelessTime::Reject);
            if (!t.ok) {
                QString error = QStringLiteral("%1 %2").arg(qs(name), t.error);
                if (t.error.contains(QLatin1String("time zone")) && powerShell_)
                    error += QStringLiteral(" (Export-Csv writes local time without a zone: export the %1UTC column "
                                            "too, or write the time with .ToUniversalTime().ToString('o'))")
                                 .arg(qs(name));
                return Error::badInput(std::move(error));
            }
            ms = t.ms;
        }
        // Veeam writes 1900-01-01 as the end of a session that has not ended.
        constexpr qint64 year1971 = 31536000000LL;
        if (ms < year1971) {
            if (!required) {
                w.integer(int(column), std::nullopt);
                return {};
            }
            return Error::badInput(QStringLiteral("%1 '%2' is not a real session time").arg(qs(name), qs(text)));
        }
        w.integer(int(column), ms);
        return {};
    }
    if (required)
        return Error::badInput(QStringLiteral("no creation time (%1)").arg(qs(*names.begin())));
    w.integer(int(column), std::nullopt);
    return {};
}

Status VeeamSessionFlattener::flatten(simdjson::dom::object record, ImportRow &row, std::string &arena)
{
    const VeeamShape shape = detect(record); // also indexes the record's fields
    row = ImportRow{};
    row.kind = RecordKind::BackupSession;
    RowWriter w(row, arena);
    if (shape == VeeamShape::None)
        return Error::badInput(
            QStringLiteral("not a Veeam session record (no CreationTime and JobName, sessionType or UID)"));
    const bool em = shape == VeeamShape::EmJobSession || shape == VeeamShape::EmTaskSession;
    const bool rest = shape == VeeamShape::RestSession || shape == VeeamShape::RestTaskSession;
    std::string_view name = trimmed(RecordFields::rawString(f_.field({"name"})));
    std::string_view jobName = trimmed(RecordFields::rawString(f_.field({"jobname", "origjobname"})));
    // A record naming both its job and an object that is not the job's session name ("Daily (Incremental)") is
    // one protected object's session: listed by the object, with the job beside it.
    const bool objectOfJob = shape == VeeamShape::PsSession && !name.empty() && !jobName.empty()
                             && !equalsIgnoreCase(stripSessionSuffix(name), lowered(stripSessionSuffix(jobName)));
    const bool task = objectOfJob || shape == VeeamShape::PsTaskSession || shape == VeeamShape::RestTaskSession
                      || shape == VeeamShape::EmTaskSession;
    zonelessIsUtc_ = em; // Enterprise Manager documents its session times as UTC
    powerShell_ = !em && !rest;

    // An export without ids (Select-Object pipelines, older scripts) is keyed after the names are known.
    putId(w, BackupColumn::Id, f_.field({"id", "uid", "sessionid"}));
    if (Status s = readTime({"CreationTimeUTC", "CreationTime", "Progress.StartTimeUtc"}, true, BackupColumn::CreationMs, w); !s)
        return s;
    if (Status s = readTime({"EndTimeUTC", "EndTime", "Progress.StopTimeUtc"}, false, BackupColumn::EndMs, w); !s)
        return s;
    if (!em) {
        // The server's zone, from the local CreationTime (its offset, or its difference to CreationTimeUTC).
        std::optional<Element> local = f_.field({"creationtime"});
        if (local && local->is_object())
            local = f_.child(local, "value");
        const auto offset = utcOffsetMinutes(RecordFields::rawString(local), w.row().cells[size_t(BackupColumn::CreationMs)].integer);
        w.integer(int(BackupColumn::UtcOffsetMin), offset ? std::optional<qint64>(*offset) : std::nullopt);
    }

    w.text(int(BackupColumn::Level), task ? std::string_view("task") : std::string_view("job"));
    putId(w, BackupColumn::JobId, f_.field({"jobid", "jobuid"}));
    putId(w, BackupColumn::ParentId, f_.field({"jobsessid", "jobsessionuid", "sessionid", "parentsessionid"}));
    putText(w, BackupColumn::SessionType, f_.field({"sessiontype"}));

    // Job name; the server is the VM / agent of a task session, the job itself for a job session.
    if (jobName.empty() && !task)
        jobName = stripSessionSuffix(name);
    if (jobName.empty() && em) {
        // An Enterprise Manager task names its job session only in its links: "Fileserver Backup@2014-10-19 05:22:52".
        if (auto links = f_.field({"links"}); links && links->is_array()) {
            for (simdjson::dom::element link : simdjson::dom::array(*links)) {
                if (link.is_object()
                    && equalsIgnoreCase(RecordFields::rawString(f_.child(link, "type")), "backupjobsessionreference")) {
                    jobName = stripSessionSuffix(RecordFields::rawString(f_.child(link, "name")));
                    break;
                }
            }
        }
    }
    w.text(int(BackupColumn::JobName), jobName);
    std::string_view server;
    if (task) {
        server = trimmed(RecordFields::rawString(f_.field({"vmdisplayname", "objectname"})));
        if (server.empty())
            server = em ? stripSessionSuffix(name) : name;
    }
    if (server.empty())
        server = jobName;
    if (server.empty())
        return Error::badInput(QStringLiteral("no job or server name (%1)")
                                   .arg(task ? QStringLiteral("Name") : QStringLiteral("JobName")));
    w.text(int(BackupColumn::Server), server);
    putText(w, BackupColumn::ServerUid, f_.field({"vmuid", "objectid"}));

    // Job type: text, or the enum's number.
    if (auto jt = f_.field({"jobtype"})) {
        if (auto n = RecordFields::integer(jt))
            putQString(w, BackupColumn::JobType, jobTypeName(*n));
        else
            putText(w, BackupColumn::JobType, jt);
    }

    // Result and state. REST nests the result: {"result": "Success", "message": "...", "isCanceled": false}.
    std::optional<Element> result = f_.field({"result"});
    std::optional<Element> message;
    if (result && result->is_object()) {
        message = f_.child(result, "message");
        result = f_.child(result, "result");
    }
    bool taskStatus = false;
    if (!result && (result = f_.field({"status"})))
        taskStatus = true;
    if (result) {
        const auto code = result->is_number() ? RecordFields::integer(result)
                                              : (number(RecordFields::rawString(result)) ? RecordFields::integer(result)
                                                                                         : std::nullopt);
        putQString(w, BackupColumn::Result, normaliseResult(RecordFields::rawString(result), code, taskStatus));
    }
    if (auto state = f_.field({"state"})) {
        const auto code = RecordFields::integer(state);
        if (code)
            putQString(w, BackupColumn::State, stateName(*code));
        else
            putText(w, BackupColumn::State, state);
    } else if (taskStatus) {
        w.text(int(BackupColumn::State), w.textOf(int(BackupColumn::Result)) == "None" ? std::string_view("Working")
                                                                                       : std::string_view("Stopped"));
    }
    if (!message)
        message = f_.field({"reason", "message", "description"});
    if (!message)
        message = nested("info", "reason");
    putText(w, BackupColumn::Message, message);

    // Full or incremental: IsFullMode, the REST task's algorithm, or the session name's "(Full)".
    std::optional<bool> full = RecordFields::boolean(f_.field({"isfullmode", "isfull"}));
    if (!full) {
        const std::string_view algorithm = trimmed(RecordFields::rawString(f_.field({"algorithm"})));
        if (!algorithm.empty())
            full = equalsIgnoreCase(algorithm, "full") || equalsIgnoreCase(algorithm, "activefull")
                   || equalsIgnoreCase(algorithm, "syntheticfull");
    }
    if (!full && !rest && !em) {
        if (endsWithIgnoreCase(name, "(full)"))
            full = true;
        else if (endsWithIgnoreCase(name, "(incremental)") || endsWithIgnoreCase(name, "(increment)"))
            full = false;
    }
    w.boolean(int(BackupColumn::IsFull), full);

    // Progress (TransferedSize is Veeam's spelling; REST spells it transferredSize).
    auto progress = [this](std::string_view a, std::string_view b = {}) {
        auto v = nested("progress", a);
        if (!v && !b.empty())
            v = nested("progress", b);
        return v;
    };
    putBytes(w, BackupColumn::TransferredBytes, progress("transferedsize", "transferredsize"));
    putBytes(w, BackupColumn::ReadBytes, progress("readsize"));
    putBytes(w, BackupColumn::ProcessedBytes, progress("processedsize"));
    putBytes(w, BackupColumn::ProcessedUsedBytes, progress("processedusedsize"));
    auto total = progress("totalsize");
    if (!total)
        total = f_.field({"totalsize"});
    putBytes(w, BackupColumn::TotalBytes, total);
    auto speed = progress("avgspeed", "processingrate");
    if (const auto s = speed ? RecordFields::real(speed) : std::nullopt; s && *s >= 0)
        w.real(int(BackupColumn::AvgSpeed), s);
    auto duration = durationSeconds(progress("duration"), f_, scratch_);
    if (!duration)
        duration = durationSeconds(f_.field({"duration"}), f_, scratch_);
    if (duration && *duration >= 0)
        w.real(int(BackupColumn::DurationS), duration);
    std::optional<qint64> percent = wholeNumber(f_.field({"progresspercent"}));
    if (!percent)
        percent = wholeNumber(progress("percents", "progresspercent"));
    if (!percent) {
        if (auto p = f_.field({"progress"}); p && !p->is_object() && !f_.asObjectOrArray(p))
            percent = wholeNumber(p);
    }
    w.integer(int(BackupColumn::ProgressPercent), percent && *percent >= 0 && *percent <= 100 ? percent : std::nullopt);

    putBytes(w, BackupColumn::BackupSize, nested("backupstats", "backupsize"));
    putBytes(w, BackupColumn::DataSize, nested("backupstats", "datasize"));
    w.real(int(BackupColumn::DedupRatio), ratioFactor(nested("backupstats", "dedupratio"), scratch_));
    w.real(int(BackupColumn::CompressRatio), ratioFactor(nested("backupstats", "compressratio"), scratch_));
    if (!w.has(int(BackupColumn::Id)))
        putQString(w, BackupColumn::Id, derivedSessionKey(w.textOf(int(BackupColumn::Level)), jobName, server,
                                                          w.row().cells[size_t(BackupColumn::CreationMs)].integer));
    return {};
}

QString derivedSessionKey(std::string_view level, std::string_view job, std::string_view object, qint64 creationMs)
{
    // Lower-cased names, so the same session spelt by two exports gets the same key; \x1f never occurs in a name.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const std::string text = lowered(level) + '\x1f' + lowered(job) + '\x1f' + lowered(object) + '\x1f'
                             + std::to_string(creationMs);
    hash.addData(QByteArrayView(text.data(), qsizetype(text.size())));
    return QStringLiteral("key:") + QString::fromLatin1(hash.result().toHex().left(32));
}

} // namespace backsight::backup
