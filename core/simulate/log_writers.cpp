#include "simulate/log_writers.h"

#include "simulate/records.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <quazip.h>
#include <quazipfile.h>
#include <quazipnewinfo.h>

namespace backsight::sim {
namespace {

int hourOf(qint64 ms)
{
    return int(((ms % 86400000) + 86400000) % 86400000 / 3600000);
}

// Veeam Backup for Microsoft Entra ID file-level restore: `<Month YYYY>/<Log type>/<YYYY-MM-DDTHH>.json`,
// each an hourly Graph page.
class VeeamFolderWriter : public LogWriter
{
public:
    explicit VeeamFolderWriter(QString dir) : dir_(std::move(dir)) {}
    Status writeDay(QDate date, const DayEvents &events, const Tenant &t) override
    {
        const QString month = QLocale(QLocale::English).toString(date, QStringLiteral("MMMM yyyy"));
        const QString prefix = date.toString(Qt::ISODate);
        if (Status written = writeHours(QStringLiteral("%1/%2/Sign-in Logs/%3").arg(dir_, month, prefix), events.signIns,
                                        [&](QByteArray &out, const SimSignIn &s) { appendGraphSignIn(out, s, t); });
            !written)
            return written;
        return writeHours(QStringLiteral("%1/%2/Audit Logs/%3").arg(dir_, month, prefix), events.audits,
                          [&](QByteArray &out, const SimAudit &a) { appendGraphAudit(out, a, t); });
    }

private:
    template<class Event, class Append>
    Status writeHours(const QString &prefix, const std::vector<Event> &events, Append append)
    {
        size_t i = 0;
        while (i < events.size()) {
            const int hour = hourOf(events[i].ms);
            QByteArray out = "{\"@odata.context\":\"https://graph.microsoft.com/beta/$metadata#auditLogs\",\"value\":[\n";
            for (bool first = true; i < events.size() && hourOf(events[i].ms) == hour; ++i, first = false) {
                if (!first)
                    out += ",\n";
                append(out, events[i]);
            }
            out += "\n]}\n";
            if (Status s = writeFile(prefix + QStringLiteral("T%1.json").arg(hour, 2, 10, QLatin1Char('0')), out); !s)
                return s;
        }
        return {};
    }
    QString dir_;
};

// Graph objects one per line, a file per log and day.
class GraphLinesWriter : public LogWriter
{
public:
    explicit GraphLinesWriter(QString dir) : dir_(std::move(dir)) {}
    Status writeDay(QDate date, const DayEvents &events, const Tenant &t) override
    {
        QByteArray signIns, audits;
        for (const SimSignIn &s : events.signIns)
            appendGraphSignIn(signIns, s, t), signIns += '\n';
        for (const SimAudit &a : events.audits)
            appendGraphAudit(audits, a, t), audits += '\n';
        const QString day = date.toString(Qt::ISODate);
        if (!signIns.isEmpty())
            if (Status s = writeFile(QStringLiteral("%1/signins/%2.jsonl").arg(dir_, day), signIns); !s)
                return s;
        if (!audits.isEmpty())
            return writeFile(QStringLiteral("%1/audits/%2.jsonl").arg(dir_, day), audits);
        return {};
    }

private:
    QString dir_;
};

// Azure Monitor diagnostic settings to a storage account:
// `insights-logs-<category>/y=YYYY/m=MM/d=DD/h=HH/m=00/PT1H.json` holding `{"records":[…]}`.
class DiagnosticWriter : public LogWriter
{
public:
    explicit DiagnosticWriter(QString dir) : dir_(std::move(dir)) {}
    Status writeDay(QDate date, const DayEvents &events, const Tenant &t) override
    {
        std::vector<SimSignIn> interactive, background;
        for (const SimSignIn &s : events.signIns)
            (s.interactive ? interactive : background).push_back(s);
        const auto signIn = [&](QByteArray &out, const SimSignIn &s) { appendDiagnosticSignIn(out, s, t); };
        if (Status s = writeHours(date, QStringLiteral("signinlogs"), interactive, signIn); !s)
            return s;
        if (Status s = writeHours(date, QStringLiteral("noninteractiveusersigninlogs"), background, signIn); !s)
            return s;
        return writeHours(date, QStringLiteral("auditlogs"), events.audits,
                          [&](QByteArray &out, const SimAudit &a) { appendDiagnosticAudit(out, a, t); });
    }

private:
    template<class Event, class Append>
    Status writeHours(QDate date, const QString &category, const std::vector<Event> &events, Append append)
    {
        size_t i = 0;
        while (i < events.size()) {
            const int hour = hourOf(events[i].ms);
            QByteArray out = "{\"records\":[\n";
            for (bool first = true; i < events.size() && hourOf(events[i].ms) == hour; ++i, first = false) {
                if (!first)
                    out += ",\n";
                append(out, events[i]);
            }
            out += "\n]}\n";
            const QString path = QStringLiteral("%1/insights-logs-%2/y=%3/m=%4/d=%5/h=%6/m=00/PT1H.json")
                                     .arg(dir_, category)
                                     .arg(date.year())
                                     .arg(date.month(), 2, 10, QLatin1Char('0'))
                                     .arg(date.day(), 2, 10, QLatin1Char('0'))
                                     .arg(hour, 2, 10, QLatin1Char('0'));
            if (Status s = writeFile(path, out); !s)
                return s;
        }
        return {};
    }
    QString dir_;
};

// The portal's sign-in downloads (interactive and non-interactive, a file each per day) and the audit
// log as a Log Analytics AuditLogs export, which is the CSV of audits the importer reads.
class CsvWriter : public LogWriter
{
public:
    explicit CsvWriter(QString dir) : dir_(std::move(dir)) {}
    Status writeDay(QDate date, const DayEvents &events, const Tenant &t) override
    {
        QByteArray interactive = portalCsvHeader(), background = portalCsvHeader(), audits = auditCsvHeader();
        const qsizetype empty = interactive.size();
        for (const SimSignIn &s : events.signIns)
            appendPortalCsvRow(s.interactive ? interactive : background, s, t);
        for (const SimAudit &a : events.audits)
            appendAuditCsvRow(audits, a, t);
        const QString day = date.toString(Qt::ISODate);
        if (interactive.size() != empty)
            if (Status s = writeFile(QStringLiteral("%1/InteractiveSignIns_%2.csv").arg(dir_, day), interactive); !s)
                return s;
        if (background.size() != empty)
            if (Status s = writeFile(QStringLiteral("%1/NonInteractiveSignIns_%2.csv").arg(dir_, day), background); !s)
                return s;
        if (!events.audits.empty())
            return writeFile(QStringLiteral("%1/AuditLogs_%2.csv").arg(dir_, day), audits);
        return {};
    }

private:
    QString dir_;
};

} // namespace

struct LogWriter::Zip
{
    QuaZip archive;
    explicit Zip(const QString &path) : archive(path) {}
};

LogWriter::~LogWriter() = default;

Status LogWriter::openZip(const QString &path)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error::storage(QStringLiteral("cannot create %1").arg(QFileInfo(path).absolutePath()));
    zip_ = std::make_unique<Zip>(path);
    if (!zip_->archive.open(QuaZip::mdCreate))
        return Error::storage(
            QStringLiteral("cannot create the archive %1 (zip error %2)").arg(path).arg(zip_->archive.getZipError()));
    return {};
}

Status LogWriter::finish()
{
    if (!zip_)
        return {};
    zip_->archive.close();
    if (zip_->archive.getZipError() != 0)
        return Error::storage(QStringLiteral("cannot complete the archive %1 (zip error %2)")
                                  .arg(zip_->archive.getZipName())
                                  .arg(zip_->archive.getZipError()));
    return {};
}

Status LogWriter::writeFile(const QString &path, const QByteArray &bytes)
{
    if (zip_) {
        // Entries carry a fixed time, not "now": same seed, same archive bytes.
        QuaZipNewInfo info(path.startsWith(QLatin1Char('/')) ? path.mid(1) : path);
        info.dateTime = QDateTime(QDate(2024, 12, 1), QTime(0, 0));
        QuaZipFile entry(&zip_->archive);
        // A failure used to return false with no message; it now says which entry, like the one above.
        if (!entry.open(QIODevice::WriteOnly, info) || entry.write(bytes) != bytes.size())
            return Error::storage(QStringLiteral("cannot add %1 to %2").arg(path, zip_->archive.getZipName()));
        entry.close();
        ++files_;
        if (entry.getZipError() != 0)
            return Error::storage(QStringLiteral("cannot add %1 to %2").arg(path, zip_->archive.getZipName()));
        return {};
    }
    if (!QDir().mkpath(QFileInfo(path).path()))
        return Error::storage(QStringLiteral("cannot create %1").arg(QFileInfo(path).path()));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        return Error::storage(QStringLiteral("cannot write %1: %2").arg(path, f.errorString()));
    ++files_;
    return {};
}

QStringList logFormats()
{
    return {QStringLiteral("veeam-folder"), QStringLiteral("veeam-zip"), QStringLiteral("graph"),
            QStringLiteral("diagnostic"), QStringLiteral("csv")};
}

Result<std::unique_ptr<LogWriter>> makeLogWriter(const QString &format, const QString &outDir)
{
    std::unique_ptr<LogWriter> writer;
    if (format == QLatin1String("veeam-folder"))
        writer = std::make_unique<VeeamFolderWriter>(outDir);
    else if (format == QLatin1String("veeam-zip")) {
        writer = std::make_unique<VeeamFolderWriter>(QString());
        if (Status opened = writer->openZip(outDir); !opened)
            return opened.error();
    } else if (format == QLatin1String("graph"))
        writer = std::make_unique<GraphLinesWriter>(outDir);
    else if (format == QLatin1String("diagnostic"))
        writer = std::make_unique<DiagnosticWriter>(outDir);
    else if (format == QLatin1String("csv"))
        writer = std::make_unique<CsvWriter>(outDir);
    else
        return Error::badInput(
            QStringLiteral("unknown format '%1' (known: %2)").arg(format, logFormats().join(QStringLiteral(", "))));
    return writer;
}

} // namespace backsight::sim
