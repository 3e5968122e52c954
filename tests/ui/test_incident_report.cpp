// Incident reports: the PDF's sections, values and hashes (read back with pdftotext), escaping of log
// text, CSV with hostile cells, JSON Lines fields, the report job, and an audit entry for every export.
#include "cases/case_records.h"
#include "store/anomaly_repository.h"
#include "export/anomaly_export.h"
#include "report/incident_report.h"
#include "report/incident_report_pdf.h"
#include "report/report_job.h"
#include "sign_in_fixture.h"
#include "store/database.h"
#include "test_support.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTextDocument>
#include <QtTest>
#include <algorithm>

using namespace backsight;

namespace {

const QString kUpn = QStringLiteral("<b>x</b>@contoso.com");
const QString kFormula = QStringLiteral("=cmd|' /C calc'!A0");

QByteArray signIn(const QString &id, const QString &time, const QString &city, const QString &country, double lat,
                  double lon, const QString &ip)
{
    return QStringLiteral(R"({"id":"%1","createdDateTime":"%2","userPrincipalName":"%3","userId":"u-1",)"
                          R"("appDisplayName":"Microsoft Teams","ipAddress":"%4","isInteractive":true,)"
                          R"("status":{"errorCode":0},"location":{"city":"%5","countryOrRegion":"%6",)"
                          R"("geoCoordinates":{"latitude":%7,"longitude":%8}}})")
        .arg(id, time, kUpn, ip, city, country)
        .arg(lat)
        .arg(lon)
        .toUtf8();
}

// A minimal RFC 4180 reader for the round trip.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                cell += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << cell;
            cell.clear();
        } else if (c == QLatin1Char('\r')) {
            continue;
        } else if (c == QLatin1Char('\n')) {
            row << cell;
            rows << row;
            row.clear();
            cell.clear();
        } else {
            cell += c;
        }
    }
    return rows;
}

QByteArray run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(120000))
        return {};
    return p.readAllStandardOutput();
}

} // namespace

class TestIncidentReport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void readsEverythingInScope();
    void pdfHasSectionsValuesAndHashes();
    void htmlNamesTheCitedSignInsNetworks();
    void csvRoundTripsHostileCells();
    void jsonlHasEveryField();
    void everyExportIsAuditLogged();
    void emptyScopeIsAnError();
    void jobReportsProgressAndFinishes();
    void cliReportAndCase();

private:
    report::ReportRequest request(report::ReportFormat format, const QString &file) const;
    int exportCount();
    test::TempFolder temp_;
    Database db_;
    QString dbPath_;
    QString sha256_;
};

void TestIncidentReport::initTestCase()
{
    // Two days in Wellington, then Lagos 40 minutes after a Wellington sign-in.
    QByteArray records = "{\"value\":[";
    for (int i = 0; i < 12; ++i)
        records += signIn(QStringLiteral("wlg-%1").arg(i), QStringLiteral("2024-11-0%1T%2:15:00Z").arg(1 + i / 6).arg(20 + i % 4),
                          QStringLiteral("Wellington"), QStringLiteral("NZ"), -41.28, 174.77, QStringLiteral("203.0.113.7"))
                   + ",";
    records += signIn(QStringLiteral("wlg-last"), QStringLiteral("2024-11-03T01:00:00Z"), QStringLiteral("Wellington"),
                      QStringLiteral("NZ"), -41.28, 174.77, QStringLiteral("203.0.113.7"))
               + ",";
    records += signIn(QStringLiteral("los-1"), QStringLiteral("2024-11-03T01:40:00Z"), QStringLiteral("Lagos"),
                      QStringLiteral("NG"), 6.45, 3.39, QStringLiteral("198.51.100.9"))
               + "]}";
    const QString file = temp_.path(QStringLiteral("logs/signins.json"));
    QVERIFY(test::writeFile(file, records));
    dbPath_ = temp_.path(QStringLiteral("case.sqlite"));
    QCOMPARE(test::importInto(dbPath_, {file}).totalInserted(), qint64(14));
    QVERIFY2(db_.open(dbPath_), qPrintable(db_.error()));
    QSqlQuery q(db_.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT sha256 FROM sources")) && q.next());
    sha256_ = q.value(0).toString();

    detect::Anomaly a;
    a.id = QStringLiteral("an-travel");
    a.subjectType = QStringLiteral("user");
    a.subject = a.upn = kUpn;
    a.timeMs = 1730598000000LL; // 2024-11-03T01:40:00Z
    a.kinds = {QStringLiteral("impossible_travel")};
    a.severity = detect::Severity::Critical;
    a.score = 0.97;
    a.summary = kFormula;
    a.reasons = {{QStringLiteral("impossible_travel"),
                  QStringLiteral("Signed in from Lagos, NG 40 min after Wellington, NZ: 16,000 km at 24,000 km/h"),
                  QJsonObject{{QStringLiteral("distance_km"), 16012}, {QStringLiteral("from"), QStringLiteral("<i>Wellington</i>")}}}};
    a.eventIds = {QStringLiteral("los-1"), QStringLiteral("wlg-last")};
    a.eventTable = QStringLiteral("signins");
    a.detectedAtMs = a.timeMs + 60000;
    detect::Anomaly b = a;
    b.id = QStringLiteral("an-country");
    b.kinds = {QStringLiteral("new_country")};
    b.severity = detect::Severity::Medium;
    b.summary = QStringLiteral("First sign-in from NG");
    b.eventIds = {QStringLiteral("los-1")};
    QCOMPARE(detect::insertAnomalies(db_, {a, b}).valueOr(-1), qint64(2));
    QCOMPARE(cases::setStatus(db_, {a.id}, cases::Status::Confirmed, QStringLiteral("mere"),
                              QStringLiteral("Line one\n@SUM(1+1) and <script>alert(1)</script>")).valueOr(-1),
             1);
    QVERIFY(cases::addTag(db_, a.id, QStringLiteral("account-takeover"), QStringLiteral("mere")));
}

report::ReportRequest TestIncidentReport::request(report::ReportFormat format, const QString &file) const
{
    report::ReportRequest r;
    r.scope.upn = kUpn;
    r.options.caseName = QStringLiteral("Contoso ATO");
    r.options.analyst = QStringLiteral("Mere Tainui");
    r.options.generatedAt = QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5), Qt::UTC);
    r.format = format;
    r.outPath = temp_.path(file);
    return r;
}

int TestIncidentReport::exportCount()
{
    QSqlQuery q(db_.connection());
    return q.exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'export'")) && q.next() ? q.value(0).toInt() : -1;
}

void TestIncidentReport::readsEverythingInScope()
{
    QString error;
    const auto r = report::readIncidentReport(db_, request(report::ReportFormat::Pdf, {}).scope,
                                              request(report::ReportFormat::Pdf, {}).options, error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(r->anomalies.size(), size_t(2));
    QCOMPARE(r->users, QStringList{kUpn});
    QCOMPARE(r->sources.size(), size_t(1));
    QCOMPARE(r->sections.size(), size_t(2));
    const report::IncidentSection &s = r->sections.at(1); // same time: ordered by id
    QCOMPARE(s.anomaly.id, QStringLiteral("an-travel"));
    QCOMPARE(s.record.status, QStringLiteral("confirmed"));
    QCOMPARE(s.record.tags.size(), size_t(1));
    QCOMPARE(s.signIns.size(), size_t(14));
    // One leg Wellington -> Lagos, cited, about 16,000 km in 40 minutes.
    QCOMPARE(s.legs.size(), size_t(1));
    QVERIFY(s.legs[0].cited);
    QVERIFY(s.legs[0].km > 15000 && s.legs[0].km < 17000);
    QCOMPARE(s.originals.size(), size_t(2));
    QVERIFY(s.originals[0].ok);
    QVERIFY(s.originals[0].text.contains(QLatin1String("los-1")));
}

void TestIncidentReport::pdfHasSectionsValuesAndHashes()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed");
    const report::ReportRequest req = request(report::ReportFormat::Pdf, QStringLiteral("report.pdf"));
    report::ReportOutcome outcome;
    QString error;
    QVERIFY2(report::exportReport(db_, req, outcome, error), qPrintable(error));
    QCOMPARE(outcome.anomalies, qint64(2));
    QVERIFY(outcome.pages >= 4);
    // NFKC folds the typesetter's ligatures ("ﬁ") back into letters.
    const QString text = QString::fromUtf8(run(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), req.outPath, QStringLiteral("-")}))
                             .normalized(QString::NormalizationForm_KC);
    for (const QString &expected :
         {QStringLiteral("Contoso ATO"), QStringLiteral("Mere Tainui"), QStringLiteral("2025-01-02 03:04:05 UTC"),
          QStringLiteral("Backsight version"), QStringLiteral(BACKSIGHT_VERSION), QStringLiteral("Summary"),
          QStringLiteral("By severity"), QStringLiteral("Users involved"), QStringLiteral("Incident 1"),
          QStringLiteral("Incident 2"), QStringLiteral("impossible_travel"), QStringLiteral("new_country"),
          QStringLiteral("2024-11-03 01:40:00 UTC"), QStringLiteral("confirmed"), QStringLiteral("account-takeover"),
          QStringLiteral("Line one"), QStringLiteral("@SUM(1+1) and <script>alert(1)</script>"), kUpn, kFormula,
          QStringLiteral("<i>Wellington</i>"), QStringLiteral("Timeline"), QStringLiteral("Travel map"),
          QStringLiteral("Appendix A"), QStringLiteral("\"id\": \"los-1\""), QStringLiteral("Appendix B"), sha256_,
          QStringLiteral("Appendix C"), QStringLiteral("Page 1 of %1").arg(outcome.pages),
          QStringLiteral("Page %1 of %1").arg(outcome.pages)}) {
        QVERIFY2(text.contains(expected), qPrintable(QStringLiteral("missing from the PDF: ") + expected));
    }
    // Page 1 as an image, for a person to look at (BACKSIGHT_REPORT_PNG=path keeps it).
    if (!QStandardPaths::findExecutable(QStringLiteral("pdftoppm")).isEmpty()) {
        const QString png = qEnvironmentVariable("BACKSIGHT_REPORT_PNG", temp_.path(QStringLiteral("page")));
        run(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("50"), QStringLiteral("-png"), QStringLiteral("-singlefile"),
                                        QStringLiteral("-f"), QStringLiteral("3"), QStringLiteral("-l"), QStringLiteral("3"), req.outPath, png});
        QVERIFY(QFileInfo(png + QStringLiteral(".png")).size() > 10000);
    }
}

void TestIncidentReport::htmlNamesTheCitedSignInsNetworks()
{
    // Lagos (cited) from a hosting network, a Wellington sign-in that no anomaly cites from an ISP; wlg-last
    // (cited) keeps no ASN, as a sign-in imported before the lookup.
    QSqlQuery q(db_.connection());
    QVERIFY(q.exec(QStringLiteral("UPDATE signins SET asn = 16509, as_org = 'Amazon.com, Inc.' WHERE id = 'los-1'")));
    QVERIFY(q.exec(QStringLiteral("UPDATE signins SET asn = 9500, as_org = 'Vocus <Group>' WHERE id = 'wlg-0'")));
    QString error;
    const report::ReportRequest req = request(report::ReportFormat::Pdf, {});
    const auto r = report::readIncidentReport(db_, req.scope, req.options, error);
    QVERIFY2(r, qPrintable(error));
    const report::IncidentSection &travel = r->sections.at(1);
    QCOMPARE(travel.anomaly.id, QStringLiteral("an-travel"));
    const auto lagos = std::find_if(travel.signIns.begin(), travel.signIns.end(),
                                    [](const report::SignInPoint &p) { return p.id == QStringLiteral("los-1"); });
    QVERIFY(lagos != travel.signIns.end());
    QCOMPARE(lagos->asn, quint32(16509));
    QCOMPARE(lagos->asOrg, QStringLiteral("Amazon.com, Inc."));

    QTextDocument doc;
    const QString html = report::incidentReportHtml(*r, doc, temp_.path(QStringLiteral("report.pdf")));
    const qsizetype section = html.indexOf(QStringLiteral("The sign-ins it cites"));
    QVERIFY(section >= 0);
    QVERIFY(html.contains(QStringLiteral("Network (ASN, organisation, kind)")));
    QVERIFY(html.contains(QStringLiteral("AS16509 Amazon.com, Inc. (hosting)")));
    QVERIFY(html.contains(QStringLiteral("not recorded"))); // wlg-last
    QVERIFY(!html.contains(QStringLiteral("Vocus"))); // wlg-0 is in the timeline, not cited
    QCOMPARE(html.count(QStringLiteral("The sign-ins it cites")), 2); // both incidents cite los-1
}

void TestIncidentReport::csvRoundTripsHostileCells()
{
    report::ReportRequest req = request(report::ReportFormat::Csv, QStringLiteral("anomalies.csv"));
    req.byteOrderMark = true;
    req.eventsOutPath = temp_.path(QStringLiteral("events.csv"));
    report::ReportOutcome outcome;
    QString error;
    QVERIFY2(report::exportReport(db_, req, outcome, error), qPrintable(error));
    QCOMPARE(outcome.events, qint64(2));
    QFile f(req.outPath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(bytes.mid(3)));
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows[0], exporting::anomalyCsvHeader());
    const auto col = [&](const QString &name) { return rows[0].indexOf(name); };
    // Time order: both at the same time, then by id: an-country, an-travel.
    const QStringList &travel = rows[2];
    QCOMPARE(travel[col(QStringLiteral("id"))], QStringLiteral("an-travel"));
    QCOMPARE(travel[col(QStringLiteral("summary"))], QLatin1Char('\'') + kFormula); // neutralised
    QCOMPARE(travel[col(QStringLiteral("user_principal_name"))], kUpn);
    QCOMPARE(travel[col(QStringLiteral("event_time_utc"))], QStringLiteral("2024-11-03T01:40:00.000Z"));
    QCOMPARE(travel[col(QStringLiteral("status"))], QStringLiteral("confirmed"));
    QCOMPARE(travel[col(QStringLiteral("tags"))], QStringLiteral("account-takeover"));
    QVERIFY(travel[col(QStringLiteral("notes"))].contains(QLatin1String("mere: Line one\n@SUM(1+1)")));
    QVERIFY(travel[col(QStringLiteral("evidence"))].contains(QLatin1String("\"distance_km\":16012")));

    QFile events(req.eventsOutPath);
    QVERIFY(events.open(QIODevice::ReadOnly));
    const QList<QStringList> eventRows = parseCsv(QString::fromUtf8(events.readAll().mid(3)));
    QCOMPARE(eventRows.size(), 3);
    QCOMPARE(eventRows[0].value(0), QStringLiteral("table"));
    QCOMPARE(eventRows[1].value(1), QStringLiteral("wlg-last")); // time order
    QCOMPARE(eventRows[2].value(1), QStringLiteral("los-1"));
}

void TestIncidentReport::jsonlHasEveryField()
{
    const report::ReportRequest req = request(report::ReportFormat::Jsonl, QStringLiteral("anomalies.jsonl"));
    report::ReportOutcome outcome;
    QString error;
    QVERIFY2(report::exportReport(db_, req, outcome, error), qPrintable(error));
    QFile f(req.outPath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject o = QJsonDocument::fromJson(lines[1]).object();
    for (const char *key : {"id", "user_principal_name", "subject_type", "subject", "kinds", "severity", "score",
                            "threat_score", "event_time", "end_time", "event_ids", "event_table", "summary", "reasons",
                            "detected_at", "status", "status_by", "status_at", "run_id", "baseline_id", "model_id",
                            "notes", "tags"})
        QVERIFY2(o.contains(QLatin1String(key)), key);
    QCOMPARE(o.value(QStringLiteral("user_principal_name")).toString(), kUpn);
    QCOMPARE(o.value(QStringLiteral("summary")).toString(), kFormula); // JSON keeps text exactly
    QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("confirmed"));
    QCOMPARE(o.value(QStringLiteral("status_by")).toString(), QStringLiteral("mere"));
    QCOMPARE(o.value(QStringLiteral("notes")).toArray().size(), 1);
    QCOMPARE(o.value(QStringLiteral("tags")).toArray().at(0).toObject().value(QStringLiteral("tag")).toString(),
             QStringLiteral("account-takeover"));
    QCOMPARE(o.value(QStringLiteral("reasons")).toArray().at(0).toObject().value(QStringLiteral("evidence")).toObject()
                 .value(QStringLiteral("distance_km")).toInt(),
             16012);
}

void TestIncidentReport::everyExportIsAuditLogged()
{
    const int before = exportCount();
    const report::ReportRequest req = request(report::ReportFormat::Jsonl, QStringLiteral("audited.jsonl"));
    report::ReportOutcome outcome;
    QString error;
    QVERIFY2(report::exportReport(db_, req, outcome, error), qPrintable(error));
    QCOMPARE(exportCount(), before + 1);
    const auto log = cases::readAuditLog(db_, {QString(), cases::action::exportReport});
    const cases::AuditEntry &e = log->back();
    QCOMPARE(e.id, outcome.auditId);
    QCOMPARE(e.author, QStringLiteral("Mere Tainui"));
    QCOMPARE(e.target, QStringLiteral("user:") + kUpn);
    QCOMPARE(e.detail.value(QStringLiteral("format")).toString(), QStringLiteral("jsonl"));
    QCOMPARE(e.detail.value(QStringLiteral("case")).toString(), QStringLiteral("Contoso ATO"));
    QFile f(req.outPath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(e.detail.value(QStringLiteral("sha256")).toString(),
             QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex()));
    QCOMPARE(e.detail.value(QStringLiteral("file")).toString(), QFileInfo(req.outPath).absoluteFilePath());
}

void TestIncidentReport::emptyScopeIsAnError()
{
    const int before = exportCount();
    for (auto format : {report::ReportFormat::Pdf, report::ReportFormat::Csv}) {
        report::ReportRequest req = request(format, QStringLiteral("empty.out"));
        req.scope.upn = QStringLiteral("nobody@contoso.com");
        report::ReportOutcome outcome;
        QString error;
        QVERIFY(!report::exportReport(db_, req, outcome, error));
        QVERIFY2(error.contains(QLatin1String("no anomalies")), qPrintable(error));
    }
    QCOMPARE(exportCount(), before);
}

void TestIncidentReport::jobReportsProgressAndFinishes()
{
    report::ReportRequest req = request(report::ReportFormat::Pdf, QStringLiteral("job.pdf"));
    req.scope = {};
    req.scope.anomalyIds = {QStringLiteral("an-travel")};
    report::ReportJob job(dbPath_, req);
    job.setAutoDelete(false);
    QSignalSpy progress(&job, &Job::progress);
    QSignalSpy finished(&job, &Job::finished);
    job.run();
    QCOMPARE(finished.size(), 1);
    QVERIFY2(finished[0][0].toBool(), qPrintable(finished[0][1].toString()));
    QVERIFY(progress.size() >= 2);
    QCOMPARE(job.outcome().anomalies, qint64(1));
    QVERIFY(QFileInfo(req.outPath).size() > 10000);

    report::ReportJob cancelled(dbPath_, request(report::ReportFormat::Pdf, QStringLiteral("cancelled.pdf")));
    cancelled.setAutoDelete(false);
    QSignalSpy cancelledFinished(&cancelled, &Job::finished);
    cancelled.cancel();
    cancelled.run();
    QCOMPARE(cancelledFinished.size(), 1);
    QVERIFY(!cancelledFinished[0][0].toBool());
}

void TestIncidentReport::cliReportAndCase()
{
    const QString cli = QStringLiteral(BACKSIGHT_CLI);
    QProcess p;
    p.start(cli, {QStringLiteral("--db"), dbPath_, QStringLiteral("case"), QStringLiteral("status"), QStringLiteral("--id"),
                  QStringLiteral("an-country,an-travel"), QStringLiteral("--set"), QStringLiteral("investigating"),
                  QStringLiteral("--author"), QStringLiteral("tom")});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    const QByteArray log = run(cli, {QStringLiteral("--db"), dbPath_, QStringLiteral("case"), QStringLiteral("log"),
                                     QStringLiteral("--action"), QStringLiteral("status"), QStringLiteral("--json")});
    const QList<QByteArray> lines = log.trimmed().split('\n');
    QVERIFY(lines.size() >= 3);
    const QJsonObject last = QJsonDocument::fromJson(lines.last()).object();
    QCOMPARE(last.value(QStringLiteral("author")).toString(), QStringLiteral("tom"));
    QCOMPARE(last.value(QStringLiteral("detail")).toObject().value(QStringLiteral("to")).toString(), QStringLiteral("investigating"));

    const QString pdf = temp_.path(QStringLiteral("cli.pdf"));
    QProcess r;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // the CLI chooses offscreen itself
    r.setProcessEnvironment(env);
    r.start(cli, {QStringLiteral("--db"), dbPath_, QStringLiteral("report"), QStringLiteral("--from"),
                  QStringLiteral("2024-11-01T00:00:00Z"), QStringLiteral("--to"), QStringLiteral("2024-12-01T00:00:00Z"),
                  QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--out"), pdf});
    QVERIFY(r.waitForFinished(120000));
    QVERIFY2(r.exitCode() == 0, r.readAllStandardError().constData());
    QVERIFY(QFileInfo(pdf).size() > 10000);
    QProcess bad;
    bad.start(cli, {QStringLiteral("--db"), dbPath_, QStringLiteral("report"), QStringLiteral("--format"),
                    QStringLiteral("pdf"), QStringLiteral("--out"), pdf});
    QVERIFY(bad.waitForFinished(60000));
    QCOMPARE(bad.exitCode(), 1); // no scope
}

QTEST_MAIN(TestIncidentReport)
#include "test_incident_report.moc"
