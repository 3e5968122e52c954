// Identity ↔ backup incidents (core/detect/incidents): on a real SQLite case, an admin's anomalous sign-in followed
// by a ransomware-like backup anomaly becomes one incident with both parts; a backup anomaly outside the window,
// an identity event that is not anomalous enough, or one after the backups, does not; a re-run adds nothing.
#include "detect/anomaly_repository.h"
#include "detect/incidents.h"
#include "store/database.h"
#include "store/incident_store.h"
#include "sql_fixture.h"
#include "test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>
#include <memory>

using namespace backsight;

namespace {

constexpr qint64 kHour = 3'600'000;
constexpr qint64 kT0 = 1'730'419'200'000; // 2024-11-01T00:00:00Z

using test::exec;

detect::Anomaly userAnomaly(const QString &id, qint64 ms, const QString &upn, const QString &kind, detect::Severity severity)
{
    detect::Anomaly a;
    a.id = id;
    a.subjectType = QStringLiteral("user");
    a.subject = a.upn = upn;
    a.eventId = id + QStringLiteral("-event");
    a.eventTable = QStringLiteral("signins");
    a.timeMs = ms;
    a.kinds = {kind};
    a.severity = severity;
    a.summary = QStringLiteral("%1 of %2").arg(kind, upn);
    a.eventIds = {a.eventId};
    return a;
}

detect::Anomaly serverAnomaly(const QString &id, qint64 ms, const QString &server, const QString &kind, int threat)
{
    detect::Anomaly a;
    a.id = id;
    a.subjectType = QStringLiteral("server");
    a.subject = server;
    a.eventId = id + QStringLiteral("-session");
    a.eventTable = QStringLiteral("backup_sessions");
    a.timeMs = ms;
    a.kinds = {kind};
    a.threatScore = threat;
    a.severity = detect::severityForThreatScore(threat);
    a.summary = QStringLiteral("%1 on %2").arg(kind, server);
    a.eventIds = {a.eventId};
    return a;
}

} // namespace

class TestIncidents : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        folder_ = std::make_unique<test::TempFolder>();
        db_ = std::make_unique<Database>();
        QVERIFY2(db_->open(folder_->path(QStringLiteral("case.sqlite"))), qPrintable(db_->error()));
        exec(*db_, QStringLiteral("INSERT INTO sources (id, path, sha256, size_bytes, reader, records_read, records_new, "
                                  "records_rejected, imported_at, last_imported_at) VALUES (1, 'a.json', 'abc', 10, 'graph', 5, 5, 0, 0, 0)"));
    }

    void cleanup()
    {
        db_.reset();
        folder_.reset();
    }

    // An admin's sign-in from a new country, then two servers' ransomware nights 20 and 22 hours later: one incident
    // holding the sign-in and both backup anomalies, with their times; critical (anomalous identity, threat ≥ 7).
    void anomalousSignInThenRansomwareIsOneIncident()
    {
        const std::vector<detect::Anomaly> anomalies = {
            userAnomaly(QStringLiteral("id-1"), kT0, QStringLiteral("admin@contoso.com"), QStringLiteral("new_country"),
                        detect::Severity::High),
            serverAnomaly(QStringLiteral("bk-1"), kT0 + 20 * kHour, QStringLiteral("FS01"), QStringLiteral("backup_ransomware"), 9),
            serverAnomaly(QStringLiteral("bk-2"), kT0 + 22 * kHour, QStringLiteral("SQL01"), QStringLiteral("backup_ransomware"), 8)};
        QCOMPARE(detect::insertAnomalies(*db_, anomalies).valueOr(-1), qint64(3));
        const Result<detect::IncidentReport> r = detect::correlateIncidents(*db_);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QCOMPARE(r->incidents, qint64(1));
        QCOMPARE(r->added, qint64(1));
        const Result<std::vector<Incident>> stored = store::readIncidents(*db_);
        QVERIFY(stored);
        QCOMPARE(stored->size(), size_t(1));
        const Incident &i = stored->front();
        QCOMPARE(i.count(QStringLiteral("identity")), 1);
        QCOMPARE(i.count(QStringLiteral("backup")), 2);
        QCOMPARE(i.identityMs, kT0);
        QCOMPARE(i.backupMs, kT0 + 20 * kHour);
        QCOMPARE(i.lastMs, kT0 + 22 * kHour);
        QCOMPARE(i.severityRank, 4);
        QCOMPARE(i.parts.front().refId, QStringLiteral("id-1"));
        QCOMPARE(i.parts.at(1).refId, QStringLiteral("bk-1"));
        QCOMPARE(i.parts.at(2).threatScore, std::optional<int>(8));
        QVERIFY2(i.summary.contains(QStringLiteral("admin@contoso.com")) && i.summary.contains(QStringLiteral("2 servers")),
                 qPrintable(i.summary));

        // Re-running over the same case adds, changes and removes nothing; the id stays.
        const Result<detect::IncidentReport> again = detect::correlateIncidents(*db_);
        QVERIFY(again);
        QCOMPARE(again->added + again->updated + again->removed, qint64(0));
        const Result<std::vector<Incident>> after = store::readIncidents(*db_);
        QVERIFY(after);
        QCOMPARE(after->size(), size_t(1));
        QCOMPARE(after->front().id, i.id);
        QCOMPARE(after->front().parts, i.parts);
    }

    // The same anomalies, but the backup night 80 hours later: outside the 72-hour window, no incident; a wider
    // window (96 h) links them.
    void backupAnomalyOutsideTheWindowIsNoIncident()
    {
        const std::vector<detect::Anomaly> anomalies = {
            userAnomaly(QStringLiteral("id-1"), kT0, QStringLiteral("admin@contoso.com"), QStringLiteral("new_country"),
                        detect::Severity::High),
            serverAnomaly(QStringLiteral("bk-1"), kT0 + 80 * kHour, QStringLiteral("FS01"), QStringLiteral("backup_ransomware"), 9)};
        QCOMPARE(detect::insertAnomalies(*db_, anomalies).valueOr(-1), qint64(2));
        const Result<detect::IncidentReport> r = detect::correlateIncidents(*db_);
        QVERIFY(r);
        QCOMPARE(r->incidents, qint64(0));
        QVERIFY(store::readIncidents(*db_)->empty());
        detect::IncidentOptions wide;
        wide.windowHours = 96;
        const Result<detect::IncidentReport> widened = detect::correlateIncidents(*db_, wide);
        QVERIFY(widened);
        QCOMPARE(widened->added, qint64(1));
    }

    // Identity events that do not make an incident: a low anomaly; an anomaly after the backup night; a routine
    // role assignment (no anomaly of its own) before a backup anomaly of threat 5. The same role assignment before a
    // threat-8 night does make one, as a privileged audit part.
    void unrelatedIdentityEventsAreNoIncident()
    {
        const std::vector<detect::Anomaly> anomalies = {
            userAnomaly(QStringLiteral("id-low"), kT0, QStringLiteral("user@contoso.com"), QStringLiteral("unusual_time"),
                        detect::Severity::Low),
            serverAnomaly(QStringLiteral("bk-5"), kT0 + 10 * kHour, QStringLiteral("APP01"), QStringLiteral("backup_anomaly"), 5),
            userAnomaly(QStringLiteral("id-late"), kT0 + 40 * kHour, QStringLiteral("other@contoso.com"),
                        QStringLiteral("new_country"), detect::Severity::High)};
        QCOMPARE(detect::insertAnomalies(*db_, anomalies).valueOr(-1), qint64(3));
        exec(*db_, QStringLiteral("INSERT INTO audits (id, time_ms, category, activity, result, initiator_upn, targets, "
                                  "source_id, record_index) VALUES ('aud-1', ?, 'RoleManagement', 'Add member to role', "
                                  "'success', 'Admin@Contoso.com', 'bob@contoso.com', 1, 0)"),
             {kT0 + 2 * kHour});
        Result<detect::IncidentReport> r = detect::correlateIncidents(*db_);
        QVERIFY(r);
        QCOMPARE(r->incidents, qint64(0));

        const std::vector<detect::Anomaly> high = {
            serverAnomaly(QStringLiteral("bk-8"), kT0 + 30 * kHour, QStringLiteral("FS02"), QStringLiteral("backup_mass_deletion"), 8)};
        QCOMPARE(detect::insertAnomalies(*db_, high).valueOr(-1), qint64(1));
        r = detect::correlateIncidents(*db_);
        QVERIFY(r);
        QCOMPARE(r->incidents, qint64(1));
        const Incident i = store::readIncidents(*db_)->front();
        QCOMPARE(i.count(QStringLiteral("identity")), 1);
        QCOMPARE(i.parts.front().source, QStringLiteral("audits"));
        QCOMPARE(i.parts.front().kind, QStringLiteral("privileged_audit"));
        QCOMPARE(i.parts.front().subject, QStringLiteral("admin@contoso.com"));
        QCOMPARE(i.count(QStringLiteral("backup")), 1);
        QCOMPARE(i.parts.back().refId, QStringLiteral("bk-8"));
        QCOMPARE(i.severityRank, 3); // a privileged event, not an anomalous one: high, not critical
    }

    // buildIncidents is deterministic and joins chains: two identity events and two nights linked pairwise are one
    // incident whose id comes from the first identity event, whatever order the parts come in.
    void linkedPartsFormOneIncidentWithAStableId()
    {
        auto part = [](const char *role, const char *id, qint64 ms, int threat) {
            IncidentPart p;
            p.role = QString::fromLatin1(role);
            p.source = QStringLiteral("anomalies");
            p.refId = QString::fromLatin1(id);
            p.timeMs = ms;
            p.kind = QStringLiteral("k");
            p.subject = QStringLiteral("s");
            p.severityRank = 3;
            if (threat)
                p.threatScore = threat;
            return p;
        };
        const std::vector<IncidentPart> identity = {part("identity", "i2", kT0 + 60 * kHour, 0), part("identity", "i1", kT0, 0)};
        const std::vector<IncidentPart> backup = {part("backup", "b2", kT0 + 100 * kHour, 7), part("backup", "b1", kT0 + 70 * kHour, 7)};
        detect::IncidentOptions o;
        const std::vector<Incident> a = detect::buildIncidents(identity, backup, o, 0);
        const std::vector<Incident> b = detect::buildIncidents({identity[1], identity[0]}, {backup[1], backup[0]}, o, 0);
        QCOMPARE(a.size(), size_t(1));
        QCOMPARE(a.front().parts.size(), size_t(4));
        QCOMPARE(a.front().id, b.front().id);
        QCOMPARE(a.front().parts, b.front().parts);
        QCOMPARE(a.front().parts.front().refId, QStringLiteral("i1"));
        QVERIFY(a.front().id.startsWith(QStringLiteral("inc-")));
    }

    // `backsight-cli incidents --json` lists the stored incident with both parts and their times; `--correlate
    // --window-hours 10` re-correlates with a window the 20-hour gap does not fit, and then there is none.
    void cliListsIncidents()
    {
        QCOMPARE(detect::insertAnomalies(*db_, {userAnomaly(QStringLiteral("id-1"), kT0, QStringLiteral("admin@contoso.com"),
                                                            QStringLiteral("new_country"), detect::Severity::High),
                                                serverAnomaly(QStringLiteral("bk-1"), kT0 + 20 * kHour, QStringLiteral("FS01"),
                                                              QStringLiteral("backup_ransomware"), 9)}).valueOr(-1),
                 qint64(2));
        QVERIFY(detect::correlateIncidents(*db_));
        const QString path = db_->path();
        db_.reset(); // the CLI opens the case itself
        auto cli = [&](const QStringList &args) {
            QProcess p;
            p.start(QStringLiteral(BACKSIGHT_CLI), QStringList{QStringLiteral("--db"), path} + args);
            p.waitForFinished(60000);
            return std::make_pair(p.exitCode(), p.readAllStandardOutput());
        };
        auto [code, out] = cli({QStringLiteral("incidents"), QStringLiteral("--json")});
        QCOMPARE(code, 0);
        const QJsonArray list = QJsonDocument::fromJson(out).object().value(QStringLiteral("incidents")).toArray();
        QCOMPARE(list.size(), 1);
        const QJsonObject incident = list.first().toObject();
        QCOMPARE(incident.value(QStringLiteral("identity_time")).toString(), QStringLiteral("2024-11-01T00:00:00.000Z"));
        QCOMPARE(incident.value(QStringLiteral("backup_time")).toString(), QStringLiteral("2024-11-01T20:00:00.000Z"));
        QCOMPARE(incident.value(QStringLiteral("severity")).toString(), QStringLiteral("critical"));
        const QJsonArray parts = incident.value(QStringLiteral("parts")).toArray();
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts.at(0).toObject().value(QStringLiteral("role")).toString(), QStringLiteral("identity"));
        QCOMPARE(parts.at(1).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("bk-1"));
        QCOMPARE(parts.at(1).toObject().value(QStringLiteral("threat_score")).toInt(), 9);

        std::tie(code, out) = cli({QStringLiteral("incidents")});
        QCOMPARE(code, 0);
        QVERIFY2(out.contains(incident.value(QStringLiteral("id")).toString().toUtf8()) && out.contains("FS01"), out.constData());

        std::tie(code, out) = cli({QStringLiteral("incidents"), QStringLiteral("--correlate"), QStringLiteral("--window-hours"),
                                   QStringLiteral("10"), QStringLiteral("--json")});
        QCOMPARE(code, 0);
        QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("incidents")).toArray().size(), 0);
    }

private:
    std::unique_ptr<test::TempFolder> folder_;
    std::unique_ptr<Database> db_;
};

QTEST_GUILESS_MAIN(TestIncidents)
#include "test_incidents.moc"
