// Stories (detect/stories.h, docs/detections.md): an attack's follow-on anomalies fold into the first one, in one batch
// or into a stored head; other users, lows, other subjects, a later day and a triaged head keep them apart; the same
// follower twice changes nothing; and folding in one sweep or day by day gives the same rows.
#include "detect/stories.h"
#include "store/anomaly_repository.h"
#include "store/database.h"
#include "sql_fixture.h"
#include "test_support.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QTest>
#include <algorithm>
#include <map>

using namespace backsight;
using namespace backsight::detect;

namespace {

const qint64 kHour = 3'600'000;
const qint64 kT0 = QDateTime(QDate(2024, 10, 7), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch();

Anomaly anomaly(const QString &id, const QString &upn, qint64 ms, const QString &kind, Severity severity,
                const QString &table = QStringLiteral("signins"))
{
    Anomaly a;
    a.id = id;
    a.subjectType = QStringLiteral("user");
    a.subject = a.upn = upn;
    a.timeMs = ms;
    a.kinds = {kind};
    a.severity = severity;
    a.score = 0.5;
    a.eventTable = table;
    a.eventIds = {QStringLiteral("ev-") + id};
    a.summary = QStringLiteral("%1 of %2").arg(kind, upn);
    a.reasons = {Reason{kind, a.summary, QJsonObject{{QStringLiteral("observed"), kind}}}};
    return a;
}

const QString ana = QStringLiteral("ana@contoso.com"), bob = QStringLiteral("bob@contoso.com");

std::map<QString, QStringList> rows(Database &db)
{
    std::map<QString, QStringList> out;
    const Status read = forEachAnomaly(db, {}, [&](const Anomaly &a) {
        QStringList kinds = a.kinds, events = a.eventIds;
        std::sort(kinds.begin() + 1, kinds.end());
        std::sort(events.begin() + 1, events.end());
        QStringList steps;
        for (const Reason &r : a.reasons)
            if (r.detector == kStoryStepDetector)
                steps << r.evidence.value(QStringLiteral("event")).toString();
        out[a.id] = kinds + events + steps + QStringList{severityName(a.severity), a.summary};
        return true;
    });
    if (!read)
        qWarning("%s", qPrintable(read.error().message));
    return out;
}

} // namespace

class TestStories : public QObject
{
    Q_OBJECT

private slots:
    void followOnsFoldIntoTheFirst();
    void unrelatedAnomaliesStayApart();
    void theSameFollowerTwiceChangesNothing();
    void aLongStoryNamesItsFirstSteps();
    void storedHeadTakesInTheAudits();
    void triagedHeadTakesNothingIn();
    void oneSweepEqualsDayByDay();
};

void TestStories::followOnsFoldIntoTheFirst()
{
    // A token replay: a foreign sign-in (impossible travel), the same sign-in's new country 20 minutes later on the
    // next request, then an MFA method registered and a role added within two hours.
    const std::vector<Anomaly> in = {
        anomaly(QStringLiteral("a3"), ana, kT0 + 2 * kHour, QStringLiteral("privileged_after_anomaly"), Severity::High,
                QStringLiteral("audits")),
        anomaly(QStringLiteral("a1"), ana, kT0, QStringLiteral("impossible_travel"), Severity::Medium),
        anomaly(QStringLiteral("a2"), ana, kT0 + 20 * 60'000, QStringLiteral("new_country"), Severity::Medium),
    };
    const Result<FoldedStories> out = foldStories(in, StoryWindow{});
    QVERIFY(out);
    QCOMPARE(out->anomalies.size(), size_t(1));
    QCOMPARE(out->folded, qint64(2));
    QVERIFY(out->extended.empty());
    const Anomaly &story = out->anomalies.front();
    QCOMPARE(story.id, QStringLiteral("a1"));
    QCOMPARE(story.kinds, (QStringList{QStringLiteral("impossible_travel"), QStringLiteral("new_country"),
                                       QStringLiteral("privileged_after_anomaly")}));
    QCOMPARE(story.eventIds, (QStringList{QStringLiteral("ev-a1"), QStringLiteral("ev-a2"), QStringLiteral("ev-a3")}));
    QCOMPARE(story.severity, Severity::High); // the worst step
    QCOMPARE(story.timeMs, kT0);
    QCOMPARE(story.endMs.value_or(0), kT0 + 2 * kHour);
    QCOMPARE(story.reasons.size(), size_t(3));
    QCOMPARE(story.reasons[1].detector, kStoryStepDetector);
    QCOMPARE(story.reasons[1].evidence.value(QStringLiteral("event")).toString(), QStringLiteral("ev-a2"));
    QCOMPARE(story.reasons[2].evidence.value(QStringLiteral("event_table")).toString(), QStringLiteral("audits"));
    QCOMPARE(story.reasons[2].evidence.value(QStringLiteral("severity")).toString(), QStringLiteral("high"));
    QVERIFY2(story.summary.contains(QStringLiteral("then privileged_after_anomaly")), qPrintable(story.summary));
}

void TestStories::unrelatedAnomaliesStayApart()
{
    Anomaly ip = anomaly(QStringLiteral("x5"), ana, kT0 + 3 * kHour, QStringLiteral("password_spray"), Severity::High);
    ip.subjectType = QStringLiteral("ip");
    ip.subject = QStringLiteral("203.0.113.7");
    const std::vector<Anomaly> in = {
        anomaly(QStringLiteral("x1"), ana, kT0, QStringLiteral("impossible_travel"), Severity::Medium),
        anomaly(QStringLiteral("x2"), bob, kT0 + kHour, QStringLiteral("new_country"), Severity::Medium),   // another user
        anomaly(QStringLiteral("x3"), ana, kT0 + kHour, QStringLiteral("new_app"), Severity::Low),          // a low
        anomaly(QStringLiteral("x4"), ana, kT0 + 13 * kHour, QStringLiteral("new_country"), Severity::Medium), // past the span
        ip,                                                                                                 // not a user
        // An audit-side head does not take a later sign-in anomaly (the sign-ins are examined first).
        anomaly(QStringLiteral("y1"), bob, kT0 + 14 * kHour, QStringLiteral("illicit_consent_grant"), Severity::Medium,
                QStringLiteral("audits")),
        anomaly(QStringLiteral("y2"), bob, kT0 + 20 * kHour, QStringLiteral("failed_burst"), Severity::Medium),
        anomaly(QStringLiteral("y3"), bob, kT0 + 21 * kHour, QStringLiteral("legacy_auth"), Severity::Medium),
    };
    const Result<FoldedStories> out = foldStories(in, StoryWindow{});
    QVERIFY(out);
    QStringList ids;
    for (const Anomaly &a : out->anomalies)
        ids << a.id;
    // Only y3 continues a story (y2's, an hour earlier); y1 is 13 hours after bob's x2.
    QCOMPARE(ids, (QStringList{QStringLiteral("x1"), QStringLiteral("x2"), QStringLiteral("x3"), QStringLiteral("x4"),
                               QStringLiteral("x5"), QStringLiteral("y1"), QStringLiteral("y2")}));
    QCOMPARE(out->folded, qint64(1));
    QCOMPARE(out->anomalies.back().kinds, (QStringList{QStringLiteral("failed_burst"), QStringLiteral("legacy_auth")}));
}

void TestStories::theSameFollowerTwiceChangesNothing()
{
    Anomaly head = anomaly(QStringLiteral("h"), ana, kT0, QStringLiteral("impossible_travel"), Severity::Medium);
    const Anomaly next = anomaly(QStringLiteral("n"), ana, kT0 + kHour, QStringLiteral("hosting_network"), Severity::High);
    QVERIFY(continuesStory(head, next, StoryWindow{}));
    QVERIFY(!continuesStory(next, head, StoryWindow{})); // not backwards in time
    QVERIFY(absorbIntoStory(head, next));                // medium → high
    const Anomaly once = head;
    QVERIFY(!absorbIntoStory(head, next));
    QCOMPARE(head.kinds, once.kinds);
    QCOMPARE(head.eventIds, once.eventIds);
    QCOMPARE(head.reasons.size(), once.reasons.size());
    QCOMPARE(head.summary, once.summary);
}

void TestStories::aLongStoryNamesItsFirstSteps()
{
    std::vector<Anomaly> in = {anomaly(QStringLiteral("l0"), ana, kT0, QStringLiteral("failed_burst"), Severity::High)};
    for (int i = 1; i <= 6; ++i)
        in.push_back(anomaly(QStringLiteral("l%1").arg(i), ana, kT0 + i * kHour, QStringLiteral("new_app_burst"), Severity::Medium));
    const Result<FoldedStories> out = foldStories(in, StoryWindow{});
    QVERIFY(out);
    QCOMPARE(out->anomalies.size(), size_t(1));
    const Anomaly &story = out->anomalies.front();
    QCOMPARE(story.summary.count(QStringLiteral(" → then ")), 4);
    QVERIFY2(story.summary.endsWith(QStringLiteral(" and 2 more")), qPrintable(story.summary));
    QCOMPARE(std::count_if(story.reasons.begin(), story.reasons.end(),
                           [](const Reason &r) { return r.detector == kStoryStepDetector; }),
             std::ptrdiff_t(6));
    QCOMPARE(story.eventIds.size(), qsizetype(7));
}

void TestStories::storedHeadTakesInTheAudits()
{
    test::TempFolder tmp;
    Database db;
    QVERIFY(db.open(tmp.path(QStringLiteral("case.sqlite"))));
    const Anomaly head = anomaly(QStringLiteral("s1"), ana, kT0, QStringLiteral("new_country"), Severity::Medium);
    QCOMPARE(insertAnomalies(db, {head}).valueOr(-1), qint64(1));
    test::exec(db, QStringLiteral("INSERT INTO watch_alerts (anomaly_id, alerted_at_ms) VALUES (?, ?)"), {head.id, kT0});
    // The audits of the same run, examined after the sign-ins were stored.
    const std::vector<Anomaly> audits = {
        anomaly(QStringLiteral("s2"), ana, kT0 + kHour, QStringLiteral("mfa_registered"), Severity::Medium, QStringLiteral("audits")),
        anomaly(QStringLiteral("s3"), ana, kT0 + 2 * kHour, QStringLiteral("privileged_persistence"), Severity::Critical,
                QStringLiteral("audits")),
        anomaly(QStringLiteral("s4"), bob, kT0 + 2 * kHour, QStringLiteral("illicit_consent_grant"), Severity::Medium,
                QStringLiteral("audits")),
    };
    const StoryWindow window;
    const Result<FoldedStories> out = foldStories(audits, window, [&](const Anomaly &next, const StoryLeadCheck &mayLead) {
        return storedStoryHead(db, next, window.spanMs, mayLead);
    });
    QVERIFY(out);
    QCOMPARE(out->folded, qint64(2));
    QCOMPARE(out->anomalies.size(), size_t(1));
    QCOMPARE(out->anomalies.front().id, QStringLiteral("s4"));
    QCOMPARE(out->extended.size(), size_t(1));
    QCOMPARE(out->severityRose, std::vector<bool>{true});
    QVERIFY(updateStoryHead(db, out->extended.front(), out->severityRose.front()));
    QCOMPARE(insertAnomalies(db, out->anomalies).valueOr(-1), qint64(1));
    const std::map<QString, QStringList> stored = rows(db);
    QCOMPARE(stored.size(), size_t(2));
    QCOMPARE(stored.at(QStringLiteral("s1")).mid(0, 9),
             (QStringList{QStringLiteral("new_country"), QStringLiteral("mfa_registered"), QStringLiteral("privileged_persistence"),
                          QStringLiteral("ev-s1"), QStringLiteral("ev-s2"), QStringLiteral("ev-s3"), QStringLiteral("ev-s2"),
                          QStringLiteral("ev-s3"), QStringLiteral("critical")}));
    // The new events are linked (Triage's event search finds the story), and the worse story is news again.
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM anomaly_events WHERE anomaly_id = 's1'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 3);
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM watch_alerts WHERE anomaly_id = 's1'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

void TestStories::triagedHeadTakesNothingIn()
{
    test::TempFolder tmp;
    Database db;
    QVERIFY(db.open(tmp.path(QStringLiteral("case.sqlite"))));
    Anomaly head = anomaly(QStringLiteral("t1"), ana, kT0, QStringLiteral("new_country"), Severity::Medium);
    head.status = QStringLiteral("dismissed");
    QCOMPARE(insertAnomalies(db, {head}).valueOr(-1), qint64(1));
    const StoryWindow window;
    const Result<FoldedStories> out = foldStories(
        {anomaly(QStringLiteral("t2"), ana, kT0 + kHour, QStringLiteral("privileged_after_anomaly"), Severity::High,
                 QStringLiteral("audits"))},
        window, [&](const Anomaly &next, const StoryLeadCheck &mayLead) { return storedStoryHead(db, next, window.spanMs, mayLead); });
    QVERIFY(out);
    QCOMPARE(out->folded, qint64(0));
    QVERIFY(out->extended.empty());
    QCOMPARE(out->anomalies.size(), size_t(1)); // an analyst's verdict is never changed behind their back
}

void TestStories::oneSweepEqualsDayByDay()
{
    // Two days of one user: sign-in anomalies late on day 1 and early on day 2 (one story across midnight), an audit
    // late on day 1, and a second story on day 2. Sign-ins are stored before audits, as the pipeline does.
    const qint64 d1 = kT0 + 12 * kHour; // 21:00
    const std::vector<Anomaly> signIns1 = {anomaly(QStringLiteral("d1"), ana, d1, QStringLiteral("impossible_travel"), Severity::Medium)};
    const std::vector<Anomaly> audits1 = {
        anomaly(QStringLiteral("d2"), ana, d1 + kHour, QStringLiteral("mfa_registered"), Severity::Medium, QStringLiteral("audits"))};
    const std::vector<Anomaly> signIns2 = {
        anomaly(QStringLiteral("d3"), ana, d1 + 4 * kHour, QStringLiteral("new_country"), Severity::Medium),
        anomaly(QStringLiteral("d4"), ana, d1 + 15 * kHour, QStringLiteral("failed_burst"), Severity::Medium),
        anomaly(QStringLiteral("d5"), ana, d1 + 16 * kHour, QStringLiteral("legacy_auth"), Severity::High)};
    const std::vector<Anomaly> audits2 = {
        anomaly(QStringLiteral("d6"), ana, d1 + 17 * kHour, QStringLiteral("privileged_persistence"), Severity::High,
                QStringLiteral("audits"))};
    const StoryWindow window;
    const auto store = [&](Database &db, const std::vector<Anomaly> &batch) {
        const Result<FoldedStories> out = foldStories(batch, window, [&](const Anomaly &next, const StoryLeadCheck &mayLead) {
            return storedStoryHead(db, next, window.spanMs, mayLead);
        });
        QVERIFY(out);
        for (size_t i = 0; i < out->extended.size(); ++i)
            QVERIFY(updateStoryHead(db, out->extended[i], out->severityRose[i]));
        QVERIFY(insertAnomalies(db, out->anomalies).valueOr(-1) >= 0);
    };
    test::TempFolder tmp;
    Database sweep, daily;
    QVERIFY(sweep.open(tmp.path(QStringLiteral("sweep.sqlite"))));
    QVERIFY(daily.open(tmp.path(QStringLiteral("daily.sqlite"))));
    std::vector<Anomaly> allSignIns = signIns1, allAudits = audits1;
    allSignIns.insert(allSignIns.end(), signIns2.begin(), signIns2.end());
    allAudits.insert(allAudits.end(), audits2.begin(), audits2.end());
    store(sweep, allSignIns);
    store(sweep, allAudits);
    store(daily, signIns1);
    store(daily, audits1);
    store(daily, signIns2);
    store(daily, audits2);
    const std::map<QString, QStringList> once = rows(sweep), byDay = rows(daily);
    QCOMPARE(once.size(), size_t(2));
    QVERIFY(once.count(QStringLiteral("d1")) && once.count(QStringLiteral("d4")));
    QCOMPARE(byDay, once);
    QVERIFY(once.at(QStringLiteral("d4")).contains(QStringLiteral("high")));
    // d1's steps in time order: the audit at 22:00, then the sign-in at 01:00.
    QVERIFY2(once.at(QStringLiteral("d1")).join(QLatin1Char(' ')).contains(QStringLiteral("ev-d2 ev-d3 medium")),
             qPrintable(once.at(QStringLiteral("d1")).join(QLatin1Char(' '))));
}

QTEST_GUILESS_MAIN(TestStories)
#include "test_stories.moc"
