// The identity detectors (docs/detections.md, 11-15): a positive and a benign lookalike per kind through the real
// detectors and severity policy, the authentication protocol through import, and a generated realistic tenant with
// the five identity attacks, each found by its own kind.
#include "baseline/profile.h"
#include "detect/auth_flow_detectors.h"
#include "detect/consent_detector.h"
#include "detect/distributed_spray.h"
#include "detect/persistence_detector.h"
#include "detect/pipeline.h"
#include "detect/severity_policy.h"
#include "eval/labels.h"
#include "ingest/importer.h"
#include "simulate/attack_kit.h"
#include "simulate/demo_tenant.h"
#include "store/anomaly_repository.h"
#include "store/database.h"
#include "test_support.h"
#include "detector_fixtures.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QtTest>

using namespace backsight;
using namespace backsight::detect;
using baseline::DayAggregate;
using baseline::Profile;

namespace {

using test::at;

int counter = 0;

SignInEvent ev(qint64 ms, const QString &ip, const QString &device, qint64 code = 0, bool interactive = true,
               const QString &protocol = QString())
{
    SignInEvent e;
    e.rowId = ++counter;
    e.id = QStringLiteral("id-%1").arg(counter);
    e.timeMs = ms;
    e.upn = QStringLiteral("ana@contoso.com");
    e.app = QStringLiteral("Office 365 Exchange Online");
    e.clientApp = interactive ? QStringLiteral("Browser") : QStringLiteral("Mobile Apps and Desktop clients");
    e.interactive = interactive;
    e.ip = ip;
    e.prefix = ipPrefix(ip);
    e.city = QStringLiteral("Wellington");
    e.country = QStringLiteral("NZ");
    e.latitude = -41.29;
    e.longitude = 174.78;
    e.os = QStringLiteral("Windows10");
    e.browser = QStringLiteral("Edge 121");
    e.deviceId = device;
    e.errorCode = code;
    e.result = classifyErrorCode(code);
    e.authProtocol = protocol;
    return e;
}

// 30 days of a Wellington worker at home (203.0.113.0/24) on the laptop "laptop-1".
Profile homeWorker()
{
    Profile profile;
    const qint64 start = at("2024-10-05T00:00:00Z");
    for (int d = 0; d < 30; ++d) {
        DayAggregate a;
        a.day = baseline::dayOf(start + qint64(d) * 86'400'000);
        for (int hour : {0, 2, 4})
            a.add(ev(start + qint64(d) * 86'400'000 + hour * 3'600'000, QStringLiteral("203.0.113.10"), QStringLiteral("laptop-1")));
        profile.add(a);
    }
    return profile;
}

// The detector over `events`, then the severity policy.
std::vector<Anomaly> judge(UserDetector &detector, const std::vector<SignInEvent> &events, int protocolHistory = 0)
{
    DetectionParameters params;
    const Profile profile = homeWorker();
    const baseline::Home home = profile.home();
    test::StubTenant tenant;
    tenant.usersWithSuccess = 1;
    tenant.createdBefore = true;
    tenant.protocolHistory = protocolHistory;
    std::vector<Finding> findings;
    detector.reset();
    for (size_t i = 0; i < events.size(); ++i)
        detector.examine(UserContext{params, profile, home, false, false, 0, events, i, std::nullopt, tenant}, findings);
    return SeverityPolicy::defaults().apply(findings, 0, 0);
}

Severity worst(const std::vector<Anomaly> &anomalies)
{
    Severity s = Severity::Low;
    for (const Anomaly &a : anomalies)
        s = std::max(s, a.severity);
    return s;
}

AuditRecord auditOf(const QString &activity, qint64 ms)
{
    return {QStringLiteral("audit-%1").arg(++counter), activity, QStringLiteral("ana@contoso.com"),
            QStringLiteral("198.51.100.7"), QString(), QStringLiteral("success"), ms};
}

QString consentTargets(bool admin, const char *scopes, const char *spId = "sp-1")
{
    return QStringLiteral(R"([{"id":"%1","type":"ServicePrincipal","displayName":"Mail Backup Pro","modifiedProperties":%2}])")
        .arg(QString::fromLatin1(spId), QString::fromUtf8(sim::consentProperties(admin, scopes, "app-1")));
}

std::vector<ForeignFailure> botnet(qint64 from, int users, int perAddress)
{
    std::vector<ForeignFailure> out;
    for (int u = 0; u < users; ++u)
        out.push_back({QStringLiteral("f-%1").arg(++counter), QStringLiteral("user%1@contoso.com").arg(u),
                       QStringLiteral("198.51.%1.%2").arg(u / perAddress).arg(7 + u / perAddress), QStringLiteral("Hanoi, VN"),
                       from + qint64(u) * 45 * 60'000});
    return out;
}

} // namespace

class TestIdentityDetectors : public QObject
{
    Q_OBJECT
private slots:
    void distributedSpray();
    void distributedSprayLookalikes();
    void deviceCodePhishing();
    void deviceCodeLookalike();
    void ropcSignIn();
    void ropcLookalikes();
    void consentGrant();
    void consentLookalikes();
    void privilegedPersistence();
    void persistenceLookalikes();
    void identityAttacksEndToEnd();
};

void TestIdentityDetectors::distributedSpray()
{
    DetectionParameters p;
    const auto failures = botnet(at("2024-11-04T00:00:00Z"), 40, 2); // 40 users, 20 addresses, 2 users each, 30 h
    const auto kept = DistributedSprayDetector::withoutBusyAddresses(failures, p);
    QCOMPARE(kept.size(), failures.size());
    DistributedSprayDetector d;
    const auto clusters = d.clusters(kept, 300, p);
    QCOMPARE(clusters.size(), size_t(1));
    QCOMPARE(clusters[0].users, 40);
    QCOMPARE(clusters[0].addresses, 20);
    const SeverityPolicy policy = SeverityPolicy::defaults();
    QCOMPARE(policy.severityOf(d.finding(clusters[0], kept, {})), Severity::Medium);
    // The success is what raises it: the spray becomes high and the user whose password worked gets a high of their own.
    const SprayedSuccess won{QStringLiteral("s-1"), QStringLiteral("user3@contoso.com"), QStringLiteral("203.0.113.99"),
                             QStringLiteral("Hanoi, VN"), QStringLiteral("Office 365 Exchange Online"), at("2024-11-05T09:00:00Z")};
    const Finding spray = d.finding(clusters[0], kept, {won});
    QCOMPARE(policy.severityOf(spray), Severity::High);
    QVERIFY(spray.eventIds.contains(QStringLiteral("s-1")));
    QVERIFY(spray.reason.text.contains(QStringLiteral("user3@contoso.com")));
    QCOMPARE(policy.severityOf(d.successFinding(clusters[0], won)), Severity::High);
    // A victim's own contextual anomaly on a sprayed try (a new country) is folded into the spray: low, not one
    // medium per victim.
    Finding victim;
    victim.kind = QStringLiteral("new_country");
    victim.score = 0.7; // as NewLocationDetector scores it
    victim.subject = victim.upn = kept[0].upn;
    victim.timeMs = kept[0].timeMs;
    victim.eventTable = QStringLiteral("signins");
    victim.eventIds = {kept[0].id};
    victim.success = true;
    QCOMPARE(policy.severityOf(victim), Severity::Medium);
    const auto folded = policy.apply({spray, victim}, 0, 0);
    QCOMPARE(folded.size(), size_t(2));
    for (const Anomaly &a : folded)
        QCOMPARE(a.severity, a.kinds.value(0) == QLatin1String("new_country") ? Severity::Low : Severity::High);
    // Failures an earlier run already judged are not reported again on their own.
    auto old = kept;
    for (ForeignFailure &f : old)
        f.isNew = false;
    QVERIFY(d.clusters(old, 300, p).empty());
}

void TestIdentityDetectors::distributedSprayLookalikes()
{
    DetectionParameters p;
    DistributedSprayDetector d;
    // Typos and lockouts from addresses new to their users, one or two a day across the tenant for a month: never
    // many users within the window.
    std::vector<ForeignFailure> scattered;
    for (int day = 0; day < 30; ++day)
        for (int k = 0; k < 2; ++k)
            scattered.push_back({QStringLiteral("t-%1").arg(++counter), QStringLiteral("u%1@contoso.com").arg(day * 2 + k),
                                 QStringLiteral("100.64.%1.%2").arg(day).arg(k + 1), QStringLiteral("Auckland, NZ"),
                                 at("2024-10-01T08:00:00Z") + qint64(day) * 86'400'000 + k * 3'600'000});
    QVERIFY(d.clusters(scattered, 300, p).empty());
    // One address trying 40 users in an hour is the one-source spray's (detector 5): left out here.
    std::vector<ForeignFailure> oneSource = botnet(at("2024-11-04T00:00:00Z"), 40, 40);
    for (size_t i = 0; i < oneSource.size(); ++i)
        oneSource[i].timeMs = at("2024-11-04T00:00:00Z") + qint64(i) * 60'000;
    QVERIFY(DistributedSprayDetector::withoutBusyAddresses(oneSource, p).empty());
}

void TestIdentityDetectors::deviceCodePhishing()
{
    DeviceCodePhishingDetector d;
    const qint64 t = at("2024-11-04T01:00:00Z");
    const auto anomalies = judge(d, {ev(t, QStringLiteral("203.0.113.10"), QStringLiteral("laptop-1"), 0, true, QStringLiteral("deviceCode")),
                                     ev(t + 12 * 60'000, QStringLiteral("3.80.14.2"), QString(), 0, false),
                                     ev(t + 40 * 60'000, QStringLiteral("3.80.14.2"), QString(), 0, false)});
    const auto phishing = std::find_if(anomalies.begin(), anomalies.end(),
                                       [](const Anomaly &a) { return a.kinds.contains(QStringLiteral("device_code_phishing")); });
    QVERIFY(phishing != anomalies.end());
    QCOMPARE(phishing->severity, Severity::High);
    QCOMPARE(phishing->eventIds.size(), 3); // both token uses and the device-code sign-in
    QVERIFY(phishing->summary.contains(QStringLiteral("3.80.14.2")));
}

void TestIdentityDetectors::deviceCodeLookalike()
{
    // az login --use-device-code on the user's own laptop at home, then the CLI's tokens from the same place.
    DeviceCodePhishingDetector d;
    const qint64 t = at("2024-11-04T01:00:00Z");
    const auto anomalies = judge(d, {ev(t, QStringLiteral("203.0.113.10"), QStringLiteral("laptop-1"), 0, true, QStringLiteral("deviceCode")),
                                     ev(t + 5 * 60'000, QStringLiteral("203.0.113.10"), QStringLiteral("laptop-1"), 0, false)});
    QCOMPARE(anomalies.size(), size_t(1));
    QCOMPARE(anomalies[0].kinds.value(0), QStringLiteral("device_code_flow"));
    QCOMPARE(anomalies[0].severity, Severity::Low);
    // A user who uses the flow routinely: nothing at all.
    QVERIFY(judge(d, {ev(t, QStringLiteral("203.0.113.10"), QStringLiteral("laptop-1"), 0, true, QStringLiteral("deviceCode"))}, 12).empty());
    // A token from a new network with no device, but no device-code sign-in before it: not this detector's.
    QVERIFY(judge(d, {ev(t, QStringLiteral("3.80.14.2"), QString(), 0, false)}).empty());
}

void TestIdentityDetectors::ropcSignIn()
{
    RopcSignInDetector d;
    const qint64 t = at("2024-11-04T03:00:00Z");
    const auto anomalies = judge(d, {ev(t, QStringLiteral("45.12.9.8"), QString(), 50126, true, QStringLiteral("ropc")),
                                     ev(t + 30'000, QStringLiteral("45.12.9.8"), QString(), 0, true, QStringLiteral("ropc"))});
    QCOMPARE(worst(anomalies), Severity::High);
    // Even for a user whose own script uses ROPC, the password grant from a stranger's network and device is high.
    QCOMPARE(worst(judge(d, {ev(t, QStringLiteral("45.12.9.8"), QString(), 0, true, QStringLiteral("ROPC"))}, 40)), Severity::High);
}

void TestIdentityDetectors::ropcLookalikes()
{
    RopcSignInDetector d;
    const qint64 t = at("2024-11-04T03:00:00Z");
    // A new mail script on the user's own machine at home: a low line for context.
    const auto script = judge(d, {ev(t, QStringLiteral("203.0.113.10"), QStringLiteral("laptop-1"), 0, true, QStringLiteral("ropc"))});
    QCOMPARE(script.size(), size_t(1));
    QCOMPARE(script[0].severity, Severity::Low);
    // The same script every day: nothing.
    QVERIFY(judge(d, {ev(t, QStringLiteral("203.0.113.10"), QStringLiteral("laptop-1"), 0, true, QStringLiteral("ropc"))}, 25).empty());
    // Other protocols are not ROPC.
    QVERIFY(judge(d, {ev(t, QStringLiteral("45.12.9.8"), QString(), 0, true, QStringLiteral("none"))}).empty());
}

void TestIdentityDetectors::consentGrant()
{
    const ConsentGrant g = parseConsent(consentTargets(false, "Mail.Read Mail.Send offline_access User.Read"));
    QVERIFY(g.permissionsKnown);
    QVERIFY(!g.adminConsent);
    QCOMPARE(g.servicePrincipalId, QStringLiteral("sp-1"));
    QCOMPARE(g.scopes, QStringList({QStringLiteral("Mail.Read"), QStringLiteral("Mail.Send"), QStringLiteral("offline_access"),
                                    QStringLiteral("User.Read")}));
    const auto f = ConsentDetector().examine(auditOf(QStringLiteral("Consent to application"), at("2024-11-04T02:00:00Z")), g, false);
    QVERIFY(f.has_value());
    QCOMPARE(SeverityPolicy::defaults().severityOf(*f), Severity::High);
    QVERIFY(f->reason.text.contains(QStringLiteral("Mail.Read, Mail.Send")));
    QVERIFY(f->reason.text.contains(QStringLiteral("offline_access")));
    // An admin granting broad permissions to a new app for everyone is worth a look too.
    const auto admin = ConsentDetector().examine(auditOf(QStringLiteral("Consent to application"), at("2024-11-04T02:00:00Z")),
                                                 parseConsent(consentTargets(true, "Files.ReadWrite.All Sites.ReadWrite.All")), false);
    QVERIFY(admin.has_value());
    QCOMPARE(SeverityPolicy::defaults().severityOf(*admin), Severity::Medium);
}

void TestIdentityDetectors::consentLookalikes()
{
    ConsentDetector d;
    const AuditRecord a = auditOf(QStringLiteral("Consent to application"), at("2024-11-04T02:00:00Z"));
    // Sign-in and profile only (Zoom, Calendly): nothing.
    QVERIFY(!d.examine(a, parseConsent(consentTargets(false, "openid profile email User.Read offline_access")), false));
    // Broad scopes for an app colleagues already use: low.
    const auto known = d.examine(a, parseConsent(consentTargets(false, "Mail.Read User.Read")), true);
    QVERIFY(known.has_value());
    QCOMPARE(SeverityPolicy::defaults().severityOf(*known), Severity::Low);
    // An admin's renewed consent for a vendor app the tenant already has: nothing.
    QVERIFY(!d.examine(a, parseConsent(consentTargets(true, "Mail.ReadWrite Files.ReadWrite.All")), true));
    // A record without permissions says nothing about breadth.
    QVERIFY(!d.examine(a, parseConsent(QStringLiteral(R"([{"id":"sp-2","displayName":"X"}])")), false));
}

void TestIdentityDetectors::privilegedPersistence()
{
    PrivilegedPersistenceDetector d;
    DetectionParameters p;
    const qint64 t = at("2024-11-04T11:30:00Z");
    AuditRecord a = auditOf(QStringLiteral("Add service principal credentials"), t);
    a.targets = QStringLiteral("Payroll Export");
    const ActorSession fresh{QStringLiteral("si-1"), QStringLiteral("198.51.100.7"), QStringLiteral("Christchurch, NZ"),
                             QStringLiteral("Microsoft Graph Command Line Tools"), t - 20 * 60'000, false, true, {}};
    const auto f = d.examine(a, fresh, p);
    QVERIFY(f.has_value());
    QCOMPARE(SeverityPolicy::defaults().severityOf(*f), Severity::High);
    QVERIFY(f->reason.text.contains(QStringLiteral("Payroll Export")));
    // The session was also flagged (an off-hours sign-in): critical.
    ActorSession flagged = fresh;
    flagged.anomalyKinds = {QStringLiteral("unusual_time")};
    QCOMPARE(SeverityPolicy::defaults().severityOf(*d.examine(a, flagged, p)), Severity::Critical);
    // A role assignment from a flagged session at a known address still counts.
    ActorSession knownAddress = flagged;
    knownAddress.newAddress = false;
    QVERIFY(d.examine(auditOf(QStringLiteral("Add member to role"), t), knownAddress, p).has_value());
}

void TestIdentityDetectors::persistenceLookalikes()
{
    PrivilegedPersistenceDetector d;
    DetectionParameters p;
    const qint64 t = at("2024-11-04T01:30:00Z");
    const AuditRecord rotation = auditOf(QStringLiteral("Add service principal credentials"), t);
    // An admin rotating a secret from their registered laptop, even at a new address: nothing.
    ActorSession own{QStringLiteral("si-2"), QStringLiteral("198.51.100.7"), QStringLiteral("Wellington, NZ"),
                     QStringLiteral("Azure Portal"), t - 600'000, true, true, {QStringLiteral("unusual_time")}};
    QVERIFY(!d.examine(rotation, own, p));
    // No device id, but the admin's usual address and no flag on the sign-in: nothing.
    own.hasDevice = false;
    own.newAddress = false;
    own.anomalyKinds.clear();
    QVERIFY(!d.examine(rotation, own, p));
    // Ordinary admin work is not persistence, and no session means nothing to judge.
    own.newAddress = true;
    QVERIFY(!d.examine(auditOf(QStringLiteral("Update user"), t), own, p));
    QVERIFY(!d.examine(rotation, std::nullopt, p));
}

void TestIdentityDetectors::identityAttacksEndToEnd()
{
    backsight::test::TempFolder tmp;
    DemoTenantOptions o;
    o.users = 60;
    o.days = 35;
    o.seed = 5;
    o.realism = true;
    o.format = QStringLiteral("diagnostic");
    o.attacks = {QStringLiteral("password_spray_distributed"), QStringLiteral("device_code_phishing"),
                 QStringLiteral("ropc_sign_in"), QStringLiteral("illicit_consent_grant"), QStringLiteral("privileged_persistence")};
    o.outDir = tmp.path(QStringLiteral("logs"));
    o.labelsPath = tmp.path(QStringLiteral("labels.csv"));
    const DemoTenantResult r = writeDemoTenant(o);
    QVERIFY2(r.ok, qPrintable(r.error));
    Database db;
    QVERIFY(db.open(tmp.path(QStringLiteral("t.sqlite"))));
    QVERIFY(!Importer(db).run({o.outDir}).hasRejections());
    // The protocol came through import from the diagnostic records.
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM signins WHERE auth_protocol = 'deviceCode'")) && q.next());
    QVERIFY(q.value(0).toInt() > 0);
    const Result<DetectReport> detected = runDetection(db, {});
    QVERIFY2(detected, test::failure(detected).constData());
    const auto labelsRead = eval::readLabels(o.labelsPath);
    QVERIFY2(labelsRead, qPrintable(labelsRead ? QString() : labelsRead.error().message));
    const std::vector<eval::AttackLabel> &labels = *labelsRead;
    QVERIFY(labels.size() >= 12);
    std::vector<Anomaly> anomalies;
    AnomalyFilter filter;
    filter.minSeverity = Severity::Medium;
    QVERIFY(forEachAnomaly(db, filter, [&](const Anomaly &a) { anomalies.push_back(a); return true; }));
    // Each attack named by a medium-or-higher anomaly of its own kind (the spray's success is the distributed spray's).
    QStringList missed;
    for (const eval::AttackLabel &l : labels) {
        const bool found = std::any_of(anomalies.begin(), anomalies.end(), [&](const Anomaly &a) {
            const bool kind = a.kinds.contains(l.kind) || a.kinds.contains(l.kind + QStringLiteral("_success"));
            return kind && std::any_of(a.eventIds.begin(), a.eventIds.end(), [&](const QString &id) { return l.eventIds.contains(id); });
        });
        if (!found)
            missed << l.attackId + QLatin1Char(' ') + l.kind;
    }
    QVERIFY2(missed.isEmpty(), qPrintable(missed.join(QStringLiteral(", "))));
}

QTEST_GUILESS_MAIN(TestIdentityDetectors)
#include "test_identity_detectors.moc"
