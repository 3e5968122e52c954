// Every rule detector on hand-built event sequences, the sign-in result table, the baseline profile (sliding window,
// zones) and the severity policy. No database: detectors are pure functions of a baseline and events.
#include "baseline/profile.h"
#include "store/anomaly_repository.h"
#include "detect/severity_policy.h"
#include "detect/tenant_detectors.h"
#include "detect/user_detectors.h"
#include "detector_fixtures.h"

#include <QDateTime>
#include <QtTest>

using namespace backsight;
using namespace backsight::detect;
using baseline::DayAggregate;
using baseline::Profile;

namespace {

using test::at;
using test::Place;

// 2024-11-04 is a Monday.
const Place kWellington{"Wellington", "NZ", -41.29, 174.78};
const Place kAuckland{"Auckland", "NZ", -36.85, 174.76};
const Place kSydney{"Sydney", "AU", -33.87, 151.21};
const Place kLondon{"London", "GB", 51.51, -0.13};
const Place kLagos{"Lagos", "NG", 6.52, 3.38};
const Place kLowerHutt{"Lower Hutt", "NZ", -41.21, 174.90}; // 13 km from Wellington

int counter = 0;

SignInEvent ev(qint64 ms, const Place &p, const QString &ip, qint64 code = 0, const QString &app = QStringLiteral("Microsoft Teams"),
               const QString &device = QStringLiteral("laptop-1"))
{
    SignInEvent e;
    e.rowId = ++counter;
    e.id = QStringLiteral("ev-%1").arg(counter);
    e.timeMs = ms;
    e.upn = QStringLiteral("ana@contoso.com");
    e.app = app;
    e.clientApp = QStringLiteral("Browser");
    e.ip = ip;
    e.prefix = ipPrefix(ip);
    e.city = QString::fromLatin1(p.city);
    e.country = QString::fromLatin1(p.country);
    e.latitude = p.lat;
    e.longitude = p.lon;
    e.os = QStringLiteral("Windows10");
    e.browser = QStringLiteral("Edge 121");
    e.deviceId = device;
    e.errorCode = code;
    e.result = classifyErrorCode(code);
    return e;
}

// A Wellington office worker: `days` weekdays before 2024-11-04, sign-ins at 09, 11, 14 and 16 local time (New Zealand
// daylight time from late September: UTC+13).
Profile officeWorker(int days = 30)
{
    Profile profile;
    const qint64 start = at("2024-11-04T00:00:00Z") - qint64(days) * 86'400'000;
    for (int d = 0; d < days; ++d) {
        DayAggregate a;
        const qint64 dayStart = start + qint64(d) * 86'400'000;
        a.day = baseline::dayOf(dayStart);
        const int weekday = baseline::hourOfWeek(dayStart + 86'400'000, 0) / 24; // the local day the sign-ins fall on
        if (weekday >= 5)
            continue;
        for (int hour : {9, 11, 14, 16})
            a.add(ev(dayStart + qint64(hour - 13) * 3'600'000 + 86'400'000, kWellington, QStringLiteral("203.0.113.10")));
        profile.add(a);
    }
    return profile;
}

struct Harness
{
    DetectionParameters params;
    Profile profile;
    baseline::Home home;
    test::StubTenant tenant;
    bool learning = false;

    explicit Harness(Profile p) : profile(std::move(p)), home(profile.home()) {}

    std::vector<Finding> run(UserDetector &detector, const std::vector<SignInEvent> &events,
                             std::optional<qint64> previous = std::nullopt)
    {
        std::vector<Finding> out;
        detector.reset();
        for (size_t i = 0; i < events.size(); ++i) {
            const UserContext c{params, profile, home, learning, false, 0, events, i, previous, tenant};
            detector.examine(c, out);
        }
        return out;
    }
};

} // namespace

class TestDetectors : public QObject
{
    Q_OBJECT
private slots:
    void resultTable();
    void prefixesAndDistances();
    void profileSlidesExactly();
    void homeZone();
    void newLocation();
    void unusualApp();
    void unusualTime();
    void failedBurst();
    void failedBurstRelativeToTheUser();
    void mfaFatigue();
    void impossibleTravel();
    void dormantAccount();
    void passwordSpray();
    void privilegedAudit();
    void severityPolicy();
    void anomalyIdsAreStable();
};

void TestDetectors::resultTable()
{
    QCOMPARE(classifyErrorCode(0), ResultClass::Success);
    for (qint64 code : {50126, 50034, 50055, 50056, 50057})
        QCOMPARE(classifyErrorCode(code), ResultClass::CredentialFailure);
    QCOMPARE(classifyErrorCode(50053), ResultClass::AccountLocked);
    QCOMPARE(classifyErrorCode(500121), ResultClass::MfaDenied);
    for (qint64 code : {50074, 50076, 50079, 50097, 50125, 50140, 50158})
        QCOMPARE(classifyErrorCode(code), ResultClass::MfaInterrupt);
    for (qint64 code = 53000; code <= 53004; ++code)
        QCOMPARE(classifyErrorCode(code), ResultClass::ConditionalAccessBlock);
    QCOMPARE(classifyErrorCode(424242), ResultClass::Unknown);
    QVERIFY(isFailure(ResultClass::Unknown)); // never silently a success
    QVERIFY(!isFailure(ResultClass::MfaInterrupt));
    QVERIFY(isCredentialFailure(ResultClass::AccountLocked));
    QVERIFY(!isCredentialFailure(ResultClass::MfaDenied));
}

void TestDetectors::prefixesAndDistances()
{
    QCOMPARE(ipPrefix(QStringLiteral("203.0.113.77")), QStringLiteral("203.0.113.0/24"));
    QCOMPARE(ipPrefix(QStringLiteral("2001:db8:1:2::5")), QStringLiteral("2001:db8:1::/48"));
    QCOMPARE(ipPrefix(QStringLiteral("2001:db8::5")), QStringLiteral("2001:db8:0::/48"));
    QCOMPARE(ipPrefix(QStringLiteral("not an address")), QStringLiteral("not an address"));
    const double wlgSyd = distanceKm(kWellington.lat, kWellington.lon, kSydney.lat, kSydney.lon);
    QVERIFY2(wlgSyd > 2200 && wlgSyd < 2250, qPrintable(QString::number(wlgSyd)));
    QCOMPARE(distanceKm(1, 2, 1, 2), 0.0);
}

void TestDetectors::profileSlidesExactly()
{
    std::vector<DayAggregate> days(10);
    for (int d = 0; d < 10; ++d) {
        days[size_t(d)].day = 20000 + d;
        for (int i = 0; i <= d; ++i)
            days[size_t(d)].add(ev((20000 + d) * 86'400'000LL + i * 60'000, d % 2 ? kWellington : kSydney,
                                   QStringLiteral("10.0.0.%1").arg(d), d == 3 ? 50126 : 0));
    }
    // A window of 4 days slid over 10 equals the direct sum of the last 4.
    Profile sliding;
    for (int d = 0; d < 10; ++d) {
        sliding.add(days[size_t(d)]);
        if (d >= 4)
            sliding.remove(days[size_t(d - 4)]);
    }
    Profile direct;
    for (int d = 6; d < 10; ++d)
        direct.add(days[size_t(d)]);
    QCOMPARE(sliding.signIns(), direct.signIns());
    QCOMPARE(sliding.activeDays(), 4);
    QCOMPARE(sliding.count(baseline::Country, QStringLiteral("NZ")), direct.count(baseline::Country, QStringLiteral("NZ")));
    QCOMPARE(sliding.count(baseline::Ip, QStringLiteral("10.0.0.3")), 0); // left the window and is gone
    QCOMPARE(sliding.values(baseline::Ip).size(), 4);
    QCOMPARE(sliding.resultCount(ResultClass::CredentialFailure), 0);
    QCOMPARE(sliding.signInsPerActiveDayMean(), direct.signInsPerActiveDayMean());
    // Serialised days come back the same.
    const auto copy = DayAggregate::deserialize(days[7].serialize());
    QVERIFY(copy);
    QCOMPARE(copy->signIns, days[7].signIns);
    QCOMPARE(copy->values[baseline::City].value(QStringLiteral("Wellington, NZ")).count, 8);
    QVERIFY(!DayAggregate::deserialize(QByteArray("garbage")));
}

void TestDetectors::homeZone()
{
    const Profile p = officeWorker();
    const baseline::Home home = p.home();
    QCOMPARE(home.place, QStringLiteral("Wellington, NZ"));
    QCOMPARE(home.utcOffsetMinutes, 720);
    QCOMPARE(baseline::formatUtcOffset(home.utcOffsetMinutes), QStringLiteral("UTC+12:00"));
    QCOMPARE(baseline::standardOffsetMinutes(QStringLiteral("US"), -74.0), -300);  // New York
    QCOMPARE(baseline::standardOffsetMinutes(QStringLiteral("US"), -97.7), -360);  // Austin
    QCOMPARE(baseline::standardOffsetMinutes(QStringLiteral("US"), -122.4), -480); // San Francisco
    QCOMPARE(baseline::standardOffsetMinutes(QStringLiteral("AU"), 115.9), 480);   // Perth
    QCOMPARE(baseline::standardOffsetMinutes(QStringLiteral("IN"), 77.2), 330);
    QCOMPARE(baseline::formatUtcOffset(-210), QStringLiteral("UTC-03:30"));
    // Local hours: the office worker's 09:00 Monday local is in the matrix at Monday 09.
    const auto local = p.hourOfWeekLocal(720);
    QVERIFY(local[9] > 0);
    QCOMPARE(local[3], 0);
    QVERIFY(p.hourOfWeekProbability(9, 720) > 0.01);
    QVERIFY(p.hourOfWeekProbability(3, 720) < 0.001);
}

void TestDetectors::newLocation()
{
    Harness h(officeWorker());
    NewLocationDetector detector;
    const qint64 t = at("2024-11-04T01:00:00Z");
    auto out = h.run(detector, {ev(t, kLagos, QStringLiteral("102.89.1.1")), ev(t + 600'000, kLagos, QStringLiteral("102.89.1.1"))});
    QCOMPARE(out.size(), size_t(1)); // the same new country on the same day is one finding
    QCOMPARE(out[0].kind, QStringLiteral("new_country"));
    QCOMPARE(out[0].eventIds.size(), 2);
    QVERIFY2(out[0].reason.text.contains(QStringLiteral("Lagos, NG")), qPrintable(out[0].reason.text));
    QVERIFY(out[0].reason.text.contains(QStringLiteral("NZ ")));
    QVERIFY(out[0].reason.text.contains(QStringLiteral("never seen in 60 days")));
    QVERIFY(out[0].success);
    // A known city: nothing. A new city in a known country: new_city.
    QVERIFY(h.run(detector, {ev(t, kWellington, QStringLiteral("203.0.113.10"))}).empty());
    out = h.run(detector, {ev(t, kAuckland, QStringLiteral("198.51.100.4"))});
    QCOMPARE(out.size(), size_t(1));
    QCOMPARE(out[0].kind, QStringLiteral("new_city"));
    // A failed sign-in from a new country is still reported, as a failure.
    out = h.run(detector, {ev(t, kLondon, QStringLiteral("81.2.69.1"), 50126)});
    QCOMPARE(out.size(), size_t(1));
    QVERIFY(!out[0].success);
}

void TestDetectors::unusualApp()
{
    Harness h(officeWorker());
    UnusualAppDetector detector;
    const qint64 t = at("2024-11-04T01:00:00Z");
    SignInEvent imap = ev(t, kWellington, QStringLiteral("203.0.113.10"), 0, QStringLiteral("Office 365 Exchange Online"));
    imap.clientApp = QStringLiteral("IMAP4");
    auto out = h.run(detector, {imap});
    QVERIFY(std::any_of(out.begin(), out.end(), [](const Finding &f) { return f.kind == QLatin1String("legacy_auth"); }));
    // One new app: a note. Three within two hours: a burst holding all three sign-ins.
    out = h.run(detector, {ev(t, kWellington, QStringLiteral("203.0.113.10"), 0, QStringLiteral("Azure Portal"))});
    QCOMPARE(out.size(), size_t(1));
    QCOMPARE(out[0].kind, QStringLiteral("new_app"));
    out = h.run(detector, {ev(t, kWellington, QStringLiteral("203.0.113.10"), 0, QStringLiteral("Azure Portal")),
                           ev(t + 600'000, kWellington, QStringLiteral("203.0.113.10"), 0, QStringLiteral("Microsoft Graph Explorer")),
                           ev(t + 1'200'000, kWellington, QStringLiteral("203.0.113.10"), 0, QStringLiteral("Azure DevOps")),
                           ev(t + 1'800'000, kWellington, QStringLiteral("203.0.113.10"), 0, QStringLiteral("Power BI"))});
    const auto burst = std::find_if(out.begin(), out.end(), [](const Finding &f) { return f.kind == QLatin1String("new_app_burst"); });
    QVERIFY(burst != out.end());
    QCOMPARE(burst->eventIds.size(), 4);
    QVERIFY(burst->reason.text.contains(QStringLiteral("Azure DevOps")));
    // A never-seen OS and browser together.
    SignInEvent linux = ev(t, kWellington, QStringLiteral("203.0.113.10"));
    linux.os = QStringLiteral("Linux");
    linux.browser = QStringLiteral("Firefox 115");
    out = h.run(detector, {linux});
    QCOMPARE(out.size(), size_t(1));
    QCOMPARE(out[0].kind, QStringLiteral("unusual_client"));
}

void TestDetectors::unusualTime()
{
    Harness h(officeWorker());
    UnusualTimeDetector detector;
    // 03:00 Tuesday in Wellington (daylight time, UTC+13) = 14:00 Monday UTC.
    auto out = h.run(detector, {ev(at("2024-11-04T14:00:00Z"), kWellington, QStringLiteral("203.0.113.10"))});
    QCOMPARE(out.size(), size_t(1));
    QCOMPARE(out[0].kind, QStringLiteral("unusual_time"));
    QVERIFY(out[0].score >= 0.6); // an hour rare on every day: medium under the policy
    QVERIFY2(out[0].reason.text.contains(QStringLiteral("03:00 on Tuesday")), qPrintable(out[0].reason.text));
    QVERIFY(out[0].reason.text.contains(QStringLiteral("UTC+12:00")));
    // 11:00 Tuesday local is the user's habit.
    QVERIFY(h.run(detector, {ev(at("2024-11-04T22:00:00Z"), kWellington, QStringLiteral("203.0.113.10"))}).empty());
    // Too little history: no judgement of hours at all.
    Harness young(officeWorker(5));
    QVERIFY(young.run(detector, {ev(at("2024-11-04T15:00:00Z"), kWellington, QStringLiteral("203.0.113.10"))}).empty());
    // Abroad, the hour is judged in local time there: 11:00 in London is a normal working hour.
    QVERIFY(h.run(detector, {ev(at("2024-11-05T11:00:00Z"), kLondon, QStringLiteral("81.2.69.1"))}).empty());
}

void TestDetectors::failedBurst()
{
    Harness h(officeWorker());
    FailedBurstDetector detector;
    const qint64 t = at("2024-11-04T01:00:00Z");
    std::vector<SignInEvent> events;
    for (int i = 0; i < 12; ++i)
        events.push_back(ev(t + i * 20'000, kLagos, QStringLiteral("102.89.1.1"), i == 11 ? 50053 : 50126));
    events.push_back(ev(t + 30 * 60'000, kLagos, QStringLiteral("102.89.1.1")));
    auto out = h.run(detector, events);
    QCOMPARE(out.size(), size_t(1));
    QCOMPARE(out[0].kind, QStringLiteral("failed_burst"));
    QCOMPARE(out[0].eventIds.size(), 13); // 12 failures and the success that followed
    QVERIFY(out[0].success);
    QVERIFY(out[0].reason.text.contains(QStringLiteral("then a successful sign-in")));
    // A few typos are not a burst.
    events.resize(5);
    QVERIFY(h.run(detector, events).empty());
}

void TestDetectors::failedBurstRelativeToTheUser()
{
    // A user whose baseline already has hundreds of credential failures a day (a broken script): 10 in 10 minutes is normal.
    Profile noisy = officeWorker();
    for (int d = 0; d < 10; ++d) {
        DayAggregate a;
        a.day = 19000 + d;
        for (int i = 0; i < 400; ++i)
            a.add(ev((19000 + d) * 86'400'000LL + i * 60'000, kWellington, QStringLiteral("203.0.113.10"), 50126));
        noisy.add(a);
    }
    Harness h(noisy);
    FailedBurstDetector detector;
    std::vector<SignInEvent> events;
    for (int i = 0; i < 10; ++i)
        events.push_back(ev(at("2024-11-04T01:00:00Z") + i * 20'000, kWellington, QStringLiteral("203.0.113.10"), 50126));
    QVERIFY(h.run(detector, events).empty());
    Harness quiet(officeWorker());
    QCOMPARE(quiet.run(detector, events).size(), size_t(1));
}

void TestDetectors::mfaFatigue()
{
    Harness h(officeWorker());
    MfaFatigueDetector detector;
    const qint64 t = at("2024-11-04T01:00:00Z");
    std::vector<SignInEvent> events;
    for (int i = 0; i < 6; ++i)
        events.push_back(ev(t + i * 180'000, kLagos, QStringLiteral("102.89.1.1"), 500121));
    auto out = h.run(detector, events);
    QCOMPARE(out.size(), size_t(1));
    QCOMPARE(out[0].eventIds.size(), 6);
    QVERIFY(!out[0].success);
    events.push_back(ev(t + 20 * 60'000, kLagos, QStringLiteral("102.89.1.1")));
    out = h.run(detector, events);
    QVERIFY(out[0].success);
    QVERIFY(out[0].reason.text.contains(QStringLiteral("approved")));
    // One denial then an approval is a user's slip, not fatigue.
    QVERIFY(h.run(detector, {events[0], events.back()}).empty());
}

void TestDetectors::impossibleTravel()
{
    Harness h(officeWorker());
    ImpossibleTravelDetector detector;
    const qint64 t = at("2024-11-04T01:00:00Z");
    const SignInEvent home = ev(t, kWellington, QStringLiteral("203.0.113.10"));
    SignInEvent london = ev(t + 3'600'000, kLondon, QStringLiteral("81.2.69.1"), 0, QStringLiteral("Microsoft Teams"), QString());
    auto out = h.run(detector, {home, london});
    QCOMPARE(out.size(), size_t(1));
    QVERIFY(out[0].score >= 0.75); // across a border from an unregistered device: high
    QVERIFY2(out[0].reason.text.contains(QStringLiteral("London, GB")) && out[0].reason.text.contains(QStringLiteral("km/h")),
             qPrintable(out[0].reason.text));
    QCOMPARE(out[0].reason.evidence.value(QStringLiteral("from")).toString(), QStringLiteral("Wellington, NZ"));
    // The same leg on the user's own laptop: a VPN or a carrier, low.
    london.deviceId = QStringLiteral("laptop-1");
    out = h.run(detector, {home, london});
    QCOMPARE(out.size(), size_t(1));
    QVERIFY(out[0].score < 0.4);
    // Through an address many users share (VPN egress): not travel.
    london.deviceId.clear();
    h.tenant.usersWithSuccess = 12;
    QVERIFY(h.run(detector, {home, london}).empty());
    h.tenant.usersWithSuccess = 0;
    // A short leg is geolocation noise; a slow leg is a flight.
    QVERIFY(h.run(detector, {home, ev(t + 60'000, kLowerHutt, QStringLiteral("198.51.100.9"), 0, QStringLiteral("Microsoft Teams"), QString())}).empty());
    SignInEvent flown = london;
    flown.timeMs = t + 24 * 3'600'000;
    QVERIFY(h.run(detector, {home, flown}).empty());
    // Failed sign-ins do not travel.
    SignInEvent failed = london;
    failed.errorCode = 50126;
    failed.result = ResultClass::CredentialFailure;
    QVERIFY(h.run(detector, {home, failed}).empty());
}

void TestDetectors::dormantAccount()
{
    Harness h(officeWorker());
    DormantAccountDetector detector;
    const qint64 t = at("2024-11-04T01:00:00Z");
    auto out = h.run(detector, {ev(t, kWellington, QStringLiteral("203.0.113.10")), ev(t + 60'000, kWellington, QStringLiteral("203.0.113.10"))},
                     t - 40LL * 86'400'000);
    QCOMPARE(out.size(), size_t(1));
    QCOMPARE(out[0].eventIds.size(), 2);
    QVERIFY2(out[0].reason.text.startsWith(QStringLiteral("First successful sign-in in 40 days")), qPrintable(out[0].reason.text));
    QVERIFY(h.run(detector, {ev(t, kWellington, QStringLiteral("203.0.113.10"))}, t - 10LL * 86'400'000).empty());
    // Never seen before, logs too short to tell: nothing.
    QVERIFY(h.run(detector, {ev(t, kWellington, QStringLiteral("203.0.113.10"))}).empty());
    // Never seen in 45 days of logs: dormant, unless an audit record created the account (a joiner).
    h.tenant.coverage = t - 45LL * 86'400'000;
    out = h.run(detector, {ev(t, kWellington, QStringLiteral("203.0.113.10"))});
    QCOMPARE(out.size(), size_t(1));
    QVERIFY2(out[0].reason.text.contains(QStringLiteral("no audit record created it")), qPrintable(out[0].reason.text));
    h.tenant.createdBefore = true;
    QVERIFY(h.run(detector, {ev(t, kWellington, QStringLiteral("203.0.113.10"))}).empty());
}

void TestDetectors::passwordSpray()
{
    DetectionParameters params;
    PasswordSprayDetector detector;
    QCOMPARE(PasswordSprayDetector::userThreshold(300, params), 15);
    QCOMPARE(PasswordSprayDetector::userThreshold(80, params), 8);
    QCOMPARE(PasswordSprayDetector::userThreshold(10, params), 5);
    const qint64 t = at("2024-11-04T01:00:00Z");
    std::vector<SourceSignIn> spray;
    for (int i = 0; i < 20; ++i)
        spray.push_back({QStringLiteral("f%1").arg(i), QStringLiteral("user%1@contoso.com").arg(i), QStringLiteral("102.89.1.1"),
                         QStringLiteral("Lagos, NG"), t + i * 60'000, ResultClass::CredentialFailure});
    auto out = detector.examine(QStringLiteral("102.89.1.1"), false, spray, 300, params);
    QCOMPARE(out.size(), size_t(1));
    QCOMPARE(out[0].subjectType, QStringLiteral("ip"));
    QCOMPARE(out[0].eventIds.size(), 20);
    QVERIFY(!out[0].success);
    QVERIFY2(out[0].reason.text.contains(QStringLiteral("against 20 users")), qPrintable(out[0].reason.text));
    // One sprayed user then signs in from the source: the spray escalates and the user gets a finding.
    spray.push_back({QStringLiteral("s1"), QStringLiteral("user7@contoso.com"), QStringLiteral("102.89.1.1"), QStringLiteral("Lagos, NG"),
                     t + 25 * 60'000, ResultClass::Success});
    out = detector.examine(QStringLiteral("102.89.1.1"), false, spray, 300, params);
    QCOMPARE(out.size(), size_t(2));
    QVERIFY(out[0].success);
    QCOMPARE(out[1].kind, QStringLiteral("password_spray_success"));
    QCOMPARE(out[1].upn, QStringLiteral("user7@contoso.com"));
    // An office egress with the same failures among hundreds of successes is not a spray.
    std::vector<SourceSignIn> office = spray;
    for (int i = 0; i < 300; ++i)
        office.push_back({QStringLiteral("ok%1").arg(i), QStringLiteral("staff%1@contoso.com").arg(i % 40), QStringLiteral("102.89.1.1"),
                          QString(), t + i * 4'000, ResultClass::Success});
    std::sort(office.begin(), office.end(), [](const SourceSignIn &a, const SourceSignIn &b) { return a.timeMs < b.timeMs; });
    QVERIFY(detector.examine(QStringLiteral("102.89.1.1"), false, office, 300, params).empty());
    // Fewer users than the threshold: nothing.
    spray.resize(10);
    QVERIFY(detector.examine(QStringLiteral("102.89.1.1"), false, spray, 300, params).empty());

    // The pre-check on failures alone: a spray (fast or slow) could be found; the same 20 users' mistypes spread over
    // 40 days (one every 2 days) or fewer users than the threshold could not, and the detector agrees. It is a
    // necessary condition only: the office above passes it and still has no spray.
    const auto failuresOf = [](const std::vector<SourceSignIn> &rows) {
        std::vector<SourceSignIn> out;
        std::copy_if(rows.begin(), rows.end(), std::back_inserter(out), [](const SourceSignIn &s) { return isCredentialFailure(s.result); });
        return out;
    };
    std::vector<SourceSignIn> fast, slow, spread;
    for (int i = 0; i < 20; ++i) {
        const SourceSignIn one{QStringLiteral("f%1").arg(i), QStringLiteral("user%1@contoso.com").arg(i), QStringLiteral("102.89.1.1"),
                               QString(), t, ResultClass::CredentialFailure};
        fast.push_back(one);
        fast.back().timeMs = t + i * 60'000;
        slow.push_back(one);
        slow.back().timeMs = t + i * 3'600'000; // 19 hours in all: inside the slow window
        spread.push_back(one);
        spread.back().timeMs = t + i * 2 * 86'400'000LL;
    }
    QVERIFY(PasswordSprayDetector::couldFindSpray(fast, 300, params));
    QVERIFY(PasswordSprayDetector::couldFindSpray(slow, 300, params));
    QVERIFY(!detector.examine(QStringLiteral("102.89.1.1"), false, slow, 300, params).empty());
    QVERIFY(!PasswordSprayDetector::couldFindSpray(spread, 300, params));
    QVERIFY(detector.examine(QStringLiteral("102.89.1.1"), false, spread, 300, params).empty());
    QVERIFY(!PasswordSprayDetector::couldFindSpray(failuresOf(spray), 300, params));
    QVERIFY(PasswordSprayDetector::couldFindSpray(failuresOf(office), 300, params));
    // One user failing 20 times is one user, not 20.
    for (SourceSignIn &s : fast)
        s.upn = QStringLiteral("ana@contoso.com");
    QVERIFY(!PasswordSprayDetector::couldFindSpray(fast, 300, params));
}

void TestDetectors::privilegedAudit()
{
    DetectionParameters params;
    PrivilegedAuditDetector detector;
    const qint64 t = at("2024-11-04T01:00:00Z");
    AuditRecord audit{QStringLiteral("a1"), QStringLiteral("Add member to role"), QStringLiteral("ana@contoso.com"),
                      QStringLiteral("102.89.1.1"), QStringLiteral("bob@contoso.com"), QStringLiteral("success"), t};
    const PriorAnomaly medium{QStringLiteral("an-1"), QStringLiteral("new_country"), QStringLiteral("Sign-in from Lagos"),
                              Severity::Medium, t - 600'000};
    auto f = detector.examine(audit, {medium}, params);
    QVERIFY(f);
    QCOMPARE(f->kind, QStringLiteral("privileged_after_anomaly"));
    QCOMPARE(f->eventTable, QStringLiteral("audits"));
    QVERIFY2(f->reason.text.contains(QStringLiteral("10 min after")), qPrintable(f->reason.text));
    QCOMPARE(f->reason.evidence.value(QStringLiteral("linked_anomaly")).toString(), QStringLiteral("an-1"));
    PriorAnomaly low = medium;
    low.severity = Severity::Low;
    QVERIFY(!detector.examine(audit, {low}, params));
    QVERIFY(!detector.examine(audit, {}, params));
    audit.activity = QStringLiteral("Update user");
    QVERIFY(!detector.examine(audit, {medium}, params));
    QVERIFY(PrivilegedAuditDetector::isPrivileged(QStringLiteral("Consent to application")));
}

void TestDetectors::severityPolicy()
{
    const SeverityPolicy policy = SeverityPolicy::defaults();
    Finding f;
    f.kind = QStringLiteral("new_country");
    f.score = 0.7; // what NewLocationDetector gives a new country through a network neither known nor anonymising
    f.subject = f.upn = QStringLiteral("ana@contoso.com");
    f.eventIds = {QStringLiteral("e1")};
    f.success = true;
    QCOMPARE(policy.severityOf(f), Severity::Medium);
    f.learning = true;
    QCOMPARE(policy.severityOf(f), Severity::Low); // capped while the baseline is learning
    f.learning = false;
    f.interactive = false;
    QCOMPARE(policy.severityOf(f), Severity::Low); // token refreshes weigh less
    f.interactive = true;
    f.privileged = true;
    QCOMPARE(policy.severityOf(f), Severity::High);
    f.privileged = false;

    Finding legacy = f;
    legacy.kind = QStringLiteral("legacy_auth");
    auto anomalies = policy.apply({f, legacy}, 1000, 7);
    QCOMPARE(anomalies.size(), size_t(1)); // one event, one anomaly, both kinds
    QCOMPARE(anomalies[0].kinds, (QStringList{QStringLiteral("new_country"), QStringLiteral("legacy_auth")}));
    QCOMPARE(anomalies[0].severity, Severity::High); // two medium findings on one sign-in
    QCOMPARE(anomalies[0].reasons.size(), size_t(2));
    QCOMPARE(anomalies[0].runId, 7);

    Finding time = f;
    time.kind = QStringLiteral("unusual_time");
    time.score = 0.6;
    QCOMPARE(policy.severityOf(time), Severity::Medium);
    anomalies = policy.apply({f, time}, 1000, 7);
    QCOMPARE(anomalies[0].severity, Severity::Medium); // two contextual findings do not raise each other

    Finding app = f;
    app.kind = QStringLiteral("new_app");
    Finding client = f;
    client.kind = QStringLiteral("unusual_client");
    QCOMPARE(policy.apply({app}, 0, 0)[0].severity, Severity::Low);
    QCOMPARE(policy.apply({app, client}, 0, 0)[0].severity, Severity::Medium); // two weak signals together

    Finding travel = f;
    travel.kind = QStringLiteral("impossible_travel");
    travel.score = 0.8;
    QCOMPARE(policy.severityOf(travel), Severity::High);
    travel.score = 0.3;
    QCOMPARE(policy.severityOf(travel), Severity::Low);

    Finding burst = f;
    burst.kind = QStringLiteral("failed_burst");
    burst.success = false;
    burst.score = 0.7;
    QCOMPARE(policy.severityOf(burst), Severity::Medium);
    burst.score = 0.9;
    QCOMPARE(policy.severityOf(burst), Severity::High);
    burst.success = true;
    QCOMPARE(policy.severityOf(burst), Severity::Critical);

    Finding backup;
    backup.kind = QStringLiteral("backup_ransomware");
    backup.threatScore = 9;
    QCOMPARE(policy.severityOf(backup), Severity::Critical);
    backup.threatScore = 5;
    QCOMPARE(policy.severityOf(backup), Severity::Medium);
    QCOMPARE(severityForThreatScore(3), Severity::Low);
    QCOMPARE(severityForThreatScore(7), Severity::High);

    // Two strong anomalies of one user within the hour raise the later one.
    Finding mfa = f;
    mfa.kind = QStringLiteral("mfa_fatigue");
    mfa.success = false;
    mfa.eventIds = {QStringLiteral("e9")};
    mfa.timeMs = 10 * 60'000;
    Finding country = f;
    country.timeMs = 0;
    anomalies = policy.apply({country, mfa}, 0, 0);
    QCOMPARE(anomalies.size(), size_t(2));
    QCOMPARE(anomalies[1].severity, Severity::Critical);
    QVERIFY(anomalies[1].summary.contains(QStringLiteral("raised")));
    QVERIFY(!policy.toJson().isEmpty());
}

void TestDetectors::anomalyIdsAreStable()
{
    const QString a = anomalyId(QStringLiteral("user"), QStringLiteral("ana@contoso.com"), {QStringLiteral("e1")}, 0);
    QCOMPARE(a, anomalyId(QStringLiteral("user"), QStringLiteral("ana@contoso.com"), {QStringLiteral("e1")}, 0));
    QVERIFY(a != anomalyId(QStringLiteral("user"), QStringLiteral("ana@contoso.com"), {QStringLiteral("e2")}, 0));
    QVERIFY(a.startsWith(QStringLiteral("an-")));
    QCOMPARE(parseSeverity(QStringLiteral("HIGH")), std::optional<Severity>(Severity::High));
    QCOMPARE(parseSeverity(QStringLiteral("4")), std::optional<Severity>(Severity::Critical));
    QVERIFY(!parseSeverity(QStringLiteral("severe")));
}

QTEST_GUILESS_MAIN(TestDetectors)
#include "test_detectors.moc"
