// Issue 15's network dimension, low digests and sensitivity: the user's known networks (ASN) judge a new country,
// the importer stores the network of every sign-in, lows are grouped one digest per user and day, a higher
// sensitivity never raises fewer, and the backtest leaves the case as it was and agrees with a real run.
#include "baseline/day_aggregate.h"
#include "baseline/profile.h"
#include "detect/known_network.h"
#include "detect/low_digest.h"
#include "detect/pipeline.h"
#include "detect/sensitivity_backtest.h"
#include "detect/severity_policy.h"
#include "detect/user_detectors.h"
#include "ingest/importer.h"
#include "store/anomaly_repository.h"
#include "simulate/demo_tenant.h"
#include "store/case_settings.h"
#include "store/database.h"
#include "test_support.h"
#include "detector_fixtures.h"

#include <QDataStream>
#include <QDateTime>
#include <QIODevice>
#include <QSqlQuery>
#include <QTest>

using namespace backsight;
using namespace backsight::detect;
using baseline::DayAggregate;
using baseline::Profile;

namespace {

const qint64 kDay = 86'400'000;
const qint64 kStart = QDateTime(QDate(2024, 10, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
int counter = 0;

SignInEvent signIn(qint64 ms, const char *country, const QString &ip, quint32 asn, const QString &device)
{
    SignInEvent e;
    e.rowId = ++counter;
    e.id = QStringLiteral("ev-%1").arg(counter);
    e.timeMs = ms;
    e.upn = QStringLiteral("ana@contoso.com");
    e.app = QStringLiteral("Microsoft Teams");
    e.ip = ip;
    e.prefix = ipPrefix(ip);
    e.country = QString::fromLatin1(country);
    e.city = QStringLiteral("Somewhere");
    e.asn = asn;
    e.asOrg = QStringLiteral("Org %1").arg(asn);
    e.deviceId = device;
    e.os = QStringLiteral("Windows10");
    e.browser = QStringLiteral("Edge");
    return e;
}

// 30 days in Germany through Deutsche Telekom (AS3320) and, now and then, a commercial VPN (AS9009, M247).
Profile germanUser()
{
    Profile p;
    for (int d = 0; d < 30; ++d) {
        DayAggregate a;
        a.day = baseline::dayOf(kStart + d * kDay);
        for (int h : {8, 10, 13, 15})
            a.add(signIn(kStart + d * kDay + h * 3'600'000LL, "DE", QStringLiteral("91.0.0.%1").arg(h), 3320, QStringLiteral("laptop")));
        if (d % 5 == 0)
            a.add(signIn(kStart + d * kDay + 20 * 3'600'000LL, "DE", QStringLiteral("185.1.1.1"), 9009, QStringLiteral("laptop")));
        p.add(a);
    }
    return p;
}

// The severity the policy gives a new-country sign-in from a stranger's device through network `asn`.
Severity newCountryThrough(quint32 asn, int sensitivity = kDefaultSensitivity)
{
    const Profile profile = germanUser();
    const baseline::Home home = profile.home();
    DetectionParameters params;
    test::StubTenant tenant; // nobody shares the address, the account is new
    const std::vector<SignInEvent> events{signIn(kStart + 31 * kDay, "NL", QStringLiteral("45.1.2.3"), asn, QString())};
    const UserContext c{params, profile, home, false, false, 0, events, 0, std::nullopt, tenant};
    NewLocationDetector detector;
    std::vector<Finding> out;
    detector.examine(c, out);
    if (out.size() != 1 || out[0].kind != QLatin1String("new_country"))
        return Severity(0);
    const std::vector<Anomaly> anomalies = SeverityPolicy::defaults().withSensitivity(sensitivity).apply(out, 0, 0);
    return anomalies.size() == 1 ? anomalies[0].severity : Severity(0);
}

Anomaly low(const QString &user, qint64 ms, const QString &kind, const QString &event)
{
    Anomaly a;
    a.subjectType = QStringLiteral("user");
    a.subject = a.upn = user;
    a.timeMs = ms;
    a.kinds = {kind};
    a.eventIds = {event};
    a.severity = Severity::Low;
    a.summary = QStringLiteral("%1 on %2").arg(kind, event);
    a.reasons.push_back({kind, a.summary, QJsonObject{{QStringLiteral("observed"), event}}});
    a.id = anomalyId(QStringLiteral("user"), user, {event}, 0);
    return a;
}

} // namespace

class TestNetworkBaseline : public QObject
{
    Q_OBJECT

private slots:
    void networksAreABaselineDimension();
    void olderDayAggregatesStillRead();
    void knownNetworkLowersNewCountryAndAnonymisingRaisesIt();
    void importStoresTheNetwork();
    void digestGroupsLowsPerUserAndDay();
    void higherSensitivityNeverRaisesFewer();
    void backtestAgreesWithARealRunAndStoresNothing();
};

void TestNetworkBaseline::networksAreABaselineDimension()
{
    const Profile p = germanUser();
    QCOMPARE(p.count(baseline::Asn, QStringLiteral("3320")), 120);
    QCOMPARE(p.count(baseline::Asn, QStringLiteral("9009")), 6);
    QCOMPARE(baseline::dimensionName(baseline::Asn), QStringLiteral("networks"));
    // The running snapshot keeps it.
    const std::optional<Profile> back = Profile::deserialize(p.serialize());
    QVERIFY(back);
    QCOMPARE(back->count(baseline::Asn, QStringLiteral("3320")), 120);
    // A sign-in without a known network adds nothing to the dimension.
    DayAggregate a;
    a.add(signIn(kStart, "DE", QStringLiteral("10.0.0.1"), 0, QString()));
    QVERIFY(a.values[baseline::Asn].isEmpty());
}

void TestNetworkBaseline::olderDayAggregatesStillRead()
{
    // Format 1 (before the Asn dimension): ten dimensions, then the places.
    QByteArray blob;
    QDataStream s(&blob, QIODevice::WriteOnly);
    s.setVersion(QDataStream::Qt_6_4);
    s << quint32(0x42534441) << quint16(1) << qint64(20000) << qint32(1) << qint32(1) << qint32(1);
    for (int i = 0; i < baseline::kResultClasses; ++i)
        s << qint32(i == 0 ? 1 : 0);
    for (int i = 0; i < baseline::kHoursOfWeek; ++i)
        s << qint32(0);
    for (int d = 0; d < baseline::kDimensionsBeforeAsn; ++d) {
        s << quint32(d == baseline::Country ? 1 : 0);
        if (d == baseline::Country)
            s << QStringLiteral("DE") << qint32(1) << qint32(0) << qint64(5) << qint64(5);
    }
    s << quint32(0);
    const std::optional<DayAggregate> a = DayAggregate::deserialize(blob);
    QVERIFY(a);
    QCOMPARE(a->day, qint64(20000));
    QCOMPARE(a->values[baseline::Country].value(QStringLiteral("DE")).count, 1);
    QVERIFY(a->values[baseline::Asn].isEmpty());
    // Written again, it is format 2 and reads back whole.
    QVERIFY(DayAggregate::deserialize(a->serialize()));
}

void TestNetworkBaseline::knownNetworkLowersNewCountryAndAnonymisingRaisesIt()
{
    // A stranger's device in a new country: medium through an unknown, ordinary network ...
    QCOMPARE(newCountryThrough(64500), Severity::Medium);
    // ... low through the user's own carrier (a new exit of the same network) or their usual VPN ...
    QCOMPARE(newCountryThrough(3320), Severity::Low);
    QCOMPARE(newCountryThrough(9009), Severity::Low);
    // ... high through a hosting provider never seen for this user.
    QCOMPARE(newCountryThrough(14061), Severity::High);
    // The reason says it.
    const Profile profile = germanUser();
    const baseline::Home home = profile.home();
    DetectionParameters params;
    test::StubTenant tenant; // nobody shares the address, the account is new
    const std::vector<SignInEvent> events{signIn(kStart + 31 * kDay, "NL", QStringLiteral("45.1.2.3"), 14061, QString())};
    const UserContext c{params, profile, home, false, false, 0, events, 0, std::nullopt, tenant};
    const KnownNetwork n = knownNetwork(c);
    QVERIFY(n.firstTime());
    QVERIFY(n.newAnonymising());
    QVERIFY2(networkNote(n, c).contains(QStringLiteral("first sign-in from network AS14061")), qPrintable(networkNote(n, c)));
}

void TestNetworkBaseline::importStoresTheNetwork()
{
    test::TempFolder tmp;
    const QString page = tmp.path(QStringLiteral("signins.json"));
    // 8.8.8.8 is Google's (AS15169); 203.0.113.9 is a documentation address no network announces.
    const QByteArray json = R"({"value":[
 {"id":"a1","createdDateTime":"2024-10-01T10:00:00Z","userPrincipalName":"ana@contoso.com","ipAddress":"8.8.8.8",
  "status":{"errorCode":0},"isInteractive":true},
 {"id":"a2","createdDateTime":"2024-10-01T11:00:00Z","userPrincipalName":"ana@contoso.com","ipAddress":"203.0.113.9",
  "status":{"errorCode":0},"isInteractive":true},
 {"id":"a3","createdDateTime":"2024-10-01T12:00:00Z","userPrincipalName":"ana@contoso.com","ipAddress":"8.8.4.4",
  "autonomousSystemNumber":3320,"status":{"errorCode":0},"isInteractive":true}]})";
    QVERIFY(test::writeFile(page, json));
    Database db;
    QVERIFY(db.open(tmp.path(QStringLiteral("case.sqlite"))));
    QVERIFY(!Importer(db).run({page}).hasRejections());
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT id, asn, as_org FROM signins ORDER BY id")));
    QVERIFY(q.next());
    QCOMPARE(q.value(1).toUInt(), 15169u);
    QVERIFY2(q.value(2).toString().contains(QStringLiteral("Google")), qPrintable(q.value(2).toString()));
    QVERIFY(q.next());
    QVERIFY(q.value(1).isNull());
    QVERIFY(q.value(2).isNull());
    QVERIFY(q.next()); // the record's own ASN wins, with the table's name for it
    QCOMPARE(q.value(1).toUInt(), 3320u);
    QVERIFY2(q.value(2).toString().contains(QStringLiteral("Telekom")), qPrintable(q.value(2).toString()));
}

void TestNetworkBaseline::digestGroupsLowsPerUserAndDay()
{
    const qint64 day1 = kStart + 3'600'000, day2 = kStart + kDay + 3'600'000;
    std::vector<Anomaly> in{low(QStringLiteral("a"), day1, QStringLiteral("new_app"), QStringLiteral("e1")),
                            low(QStringLiteral("a"), day1 + 60'000, QStringLiteral("unusual_time"), QStringLiteral("e2")),
                            low(QStringLiteral("a"), day1 + 120'000, QStringLiteral("new_app"), QStringLiteral("e3")),
                            low(QStringLiteral("a"), day2, QStringLiteral("new_app"), QStringLiteral("e4")),
                            low(QStringLiteral("b"), day1, QStringLiteral("new_city"), QStringLiteral("e5"))};
    Anomaly medium = low(QStringLiteral("a"), day1 + 180'000, QStringLiteral("new_country"), QStringLiteral("e6"));
    medium.severity = Severity::Medium;
    in.push_back(medium);
    const std::vector<Anomaly> out = groupLowsIntoDigests(in);
    QCOMPARE(out.size(), size_t(4)); // the medium, a's digest of day 1, a's lone low of day 2, b's lone low
    const auto digest = std::find_if(out.begin(), out.end(), [](const Anomaly &a) { return a.kinds.value(0) == kLowDigestKind; });
    QVERIFY(digest != out.end());
    QCOMPARE(digest->severity, Severity::Low);
    QCOMPARE(digest->subject, QStringLiteral("a"));
    QCOMPARE(digest->eventIds, (QStringList{QStringLiteral("e1"), QStringLiteral("e2"), QStringLiteral("e3")}));
    QCOMPARE(digest->reasons.size(), size_t(3)); // the grouped items, as evidence
    QVERIFY(digest->kinds.contains(QStringLiteral("unusual_time")));
    QVERIFY2(digest->summary.startsWith(QStringLiteral("3 low findings for a on 2024-10-01: new_app 2, unusual_time 1")),
             qPrintable(digest->summary));
    QCOMPARE(std::count_if(out.begin(), out.end(), [](const Anomaly &a) { return a.severity == Severity::Medium; }), 1);
    // The same lows give the same digest id (re-running stores nothing twice).
    const std::vector<Anomaly> again = groupLowsIntoDigests(in);
    QVERIFY(std::any_of(again.begin(), again.end(), [&](const Anomaly &a) { return a.id == digest->id; }));
}

void TestNetworkBaseline::higherSensitivityNeverRaisesFewer()
{
    // Every kind of the table, every flag combination and a spread of scores.
    std::vector<Finding> findings;
    int n = 0;
    const SeverityPolicy table = SeverityPolicy::defaults();
    for (const SeverityRule &rule : table.rules())
        for (int flags = 0; flags < 32; ++flags)
            for (double score : {0.2, 0.5, 0.7, 0.95}) {
                Finding f;
                f.kind = rule.kind;
                f.subject = f.upn = QStringLiteral("u%1@x").arg(n % 40);
                f.timeMs = kStart + qint64(n) * 600'000;
                f.eventIds = {QStringLiteral("e%1").arg(n++ / 2)}; // pairs share an event: groups form
                f.score = score;
                f.success = flags & 1;
                f.interactive = flags & 2;
                f.learning = flags & 4;
                f.privileged = flags & 8;
                f.knownDevice = flags & 16;
                f.reason.text = f.kind;
                findings.push_back(f);
            }
    std::array<std::array<qint64, 5>, 6> atLeast{}; // [sensitivity][severity]
    for (int s = kMinSensitivity; s <= kMaxSensitivity; ++s) {
        const SeverityPolicy policy = SeverityPolicy::defaults().withSensitivity(s);
        for (const Anomaly &a : groupLowsIntoDigests(policy.apply(findings, 0, 0)))
            for (int level = 1; level <= int(a.severity); ++level)
                ++atLeast[size_t(s)][size_t(level)];
        if (s > kMinSensitivity) {
            const SeverityPolicy lower = SeverityPolicy::defaults().withSensitivity(s - 1);
            for (const Finding &f : findings)
                QVERIFY2(int(policy.severityOf(f)) >= int(lower.severityOf(f)), qPrintable(f.kind));
            for (int level = 2; level <= 4; ++level)
                QVERIFY2(atLeast[size_t(s)][size_t(level)] >= atLeast[size_t(s - 1)][size_t(level)],
                         qPrintable(QStringLiteral("sensitivity %1, severity %2").arg(s).arg(level)));
        }
    }
    // And the settings do differ: the ends are not the default.
    QVERIFY(atLeast[1][2] < atLeast[3][2]);
    QVERIFY(atLeast[5][2] > atLeast[3][2]);
    QCOMPARE(parseSensitivity(QStringLiteral("high")), std::optional<int>(4));
    QCOMPARE(parseSensitivity(QStringLiteral("6")), std::optional<int>());
}

void TestNetworkBaseline::backtestAgreesWithARealRunAndStoresNothing()
{
    test::TempFolder tmp;
    DemoTenantOptions o;
    o.users = 30;
    o.days = 30;
    o.seed = 11;
    o.start = QDate(2024, 9, 2);
    o.format = QStringLiteral("graph");
    o.outDir = tmp.path(QStringLiteral("logs"));
    o.labelsPath = tmp.path(QStringLiteral("labels.csv"));
    const DemoTenantResult r = writeDemoTenant(o);
    QVERIFY2(r.ok, qPrintable(r.error));
    Database db;
    QVERIFY(db.open(tmp.path(QStringLiteral("case.sqlite"))));
    QVERIFY(!Importer(db).run({o.outDir}).hasRejections());
    const Result<DetectReport> detected = runDetection(db, {});
    QVERIFY2(detected, test::failure(detected).constData());
    const auto count = [&](const QString &sql) {
        QSqlQuery q(db.connection());
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    };
    const qint64 anomalies = count(QStringLiteral("SELECT count(*) FROM anomalies"));
    const qint64 runs = count(QStringLiteral("SELECT count(*) FROM detection_runs"));
    QVERIFY(anomalies > 0);

    const Result<SensitivityBacktest> b = backtestSensitivity(db, {});
    QVERIFY2(b, b ? "" : qPrintable(b.error().message));
    QCOMPARE(b->settings.size(), size_t(5));
    QCOMPARE(b->signInsExamined, r.signIns);
    // The default row is what the real run stored, severity by severity.
    for (int severity = 1; severity <= 4; ++severity)
        QCOMPARE(b->settings[2].bySeverity[size_t(severity - 1)],
                 count(QStringLiteral("SELECT count(*) FROM anomalies WHERE severity_rank = %1").arg(severity)));
    for (size_t s = 1; s < b->settings.size(); ++s)
        QVERIFY(b->settings[s].mediumOrHigher() >= b->settings[s - 1].mediumOrHigher());
    // Nothing stored, nothing moved: another run still finds nothing new.
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM anomalies")), anomalies);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM detection_runs")), runs);
    const Result<DetectReport> again = runDetection(db, {});
    QVERIFY2(again, test::failure(again).constData());
    QVERIFY(again->nothingNew);
    // The case remembers its setting.
    QCOMPARE(*caseSensitivity(db), kDefaultSensitivity);
    QVERIFY(setCaseSensitivity(db, 4));
    QCOMPARE(*caseSensitivity(db), 4);
    QVERIFY(!setCaseSensitivity(db, 9));
}

QTEST_GUILESS_MAIN(TestNetworkBaseline)
#include "test_network_baseline.moc"
