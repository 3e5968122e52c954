// The repositories and query objects of core/store on a real SQLite case in a temp folder: each answers its
// question from a small, hand-made case whose answers are known.
#include "model/time_format.h"
#include "store/anomaly_queries.h"
#include "store/anomaly_repository.h"
#include "store/dashboard_queries.h"
#include "store/database.h"
#include "store/detection_queries.h"
#include "store/detection_run_repository.h"
#include "store/identity_queries.h"
#include "store/model_repository.h"
#include "store/sign_in_queries.h"
#include "store/timeline_queries.h"
#include "store/user_activity_queries.h"
#include "store/user_history_queries.h"
#include "sql_fixture.h"
#include "test_support.h"

#include <QSqlQuery>
#include <QTest>

using namespace backsight;

namespace {

constexpr qint64 kDay = 86'400'000;
constexpr qint64 kT0 = 1'730'419'200'000; // 2024-11-01T00:00:00Z

using test::exec;

void addSignIn(Database &db, const QString &id, qint64 ms, const QString &upn, const QVariant &errorCode, const QString &city,
               const QString &country, const QVariant &latitude = {}, const QVariant &longitude = {})
{
    exec(db, QStringLiteral("INSERT INTO signins (id, created_ms, upn, ip, city, country, latitude, longitude, app_name, error_code, "
                            "interactive, event_type, source_id, record_index) VALUES (?, ?, ?, '10.0.0.1', ?, ?, ?, ?, 'Outlook', ?, 1, "
                            "'signIn', 1, 0)"),
         {id, ms, upn, city, country, latitude, longitude, errorCode});
}

detect::Anomaly anomaly(const QString &id, qint64 ms, const QString &upn, const QStringList &kinds, detect::Severity severity,
                        const QString &eventId)
{
    detect::Anomaly a;
    a.id = id;
    a.subjectType = QStringLiteral("user");
    a.subject = upn;
    a.upn = upn;
    a.eventId = eventId;
    a.eventTable = QStringLiteral("signins");
    a.timeMs = ms;
    a.kinds = kinds;
    a.severity = severity;
    a.summary = QStringLiteral("summary of %1").arg(id);
    a.eventIds = {eventId};
    a.detectedAtMs = ms;
    return a;
}

} // namespace

class TestStoreQueries : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        folder_ = std::make_unique<test::TempFolder>();
        db_ = std::make_unique<Database>();
        QVERIFY2(db_->open(folder_->path(QStringLiteral("case.sqlite"))), qPrintable(db_->error()));
        Database &db = *db_;
        exec(db, QStringLiteral("INSERT INTO sources (id, path, sha256, size_bytes, reader, records_read, records_new, records_rejected, "
                                "imported_at, last_imported_at) VALUES (1, 'a.json', 'abc', 10, 'graph', 5, 5, 0, 0, 0)"));
        // alice: 3 sign-ins, one failed (50126), one with a NULL code (a success); bob: 1 failed.
        addSignIn(db, QStringLiteral("s1"), kT0 + 1000, QStringLiteral("alice@x"), 0, QStringLiteral("Wellington"), QStringLiteral("NZ"), -41.3, 174.8);
        addSignIn(db, QStringLiteral("s2"), kT0 + kDay + 1000, QStringLiteral("alice@x"), 50126, QString(), QStringLiteral("NZ"), -41.0, 174.0);
        addSignIn(db, QStringLiteral("s3"), kT0 + kDay + 5000, QStringLiteral("alice@x"), QVariant(), QStringLiteral("Wellington"), QStringLiteral("NZ"));
        addSignIn(db, QStringLiteral("s4"), kT0 + 2 * kDay, QStringLiteral("bob@x"), 50053, QStringLiteral("Lagos"), QStringLiteral("NG"), 6.5, 3.4);
        // Two baselines for alice: the later window is the latest.
        for (const auto &[end, learning] : {std::pair{kT0, 1}, std::pair{kT0 + kDay, 0}})
            exec(db, QStringLiteral("INSERT INTO baselines (upn, window_days, window_start_ms, window_end_ms, events_used, active_days, learning, "
                                    "profile, computed_at_ms) VALUES ('alice@x', 60, 0, ?, 3, 2, ?, '{}', ?)"),
                 {end, learning, end});
        const std::vector<detect::Anomaly> anomalies = {
            anomaly(QStringLiteral("a1"), kT0 + kDay + 1000, QStringLiteral("alice@x"),
                    {QStringLiteral("new_country"), QStringLiteral("impossible_travel")}, detect::Severity::High, QStringLiteral("s2")),
            // A kind whose name contains another's must not match it: has-kind reads the JSON, not the text.
            anomaly(QStringLiteral("a2"), kT0 + 2 * kDay, QStringLiteral("bob@x"), {QStringLiteral("impossible_travel_extra")},
                    detect::Severity::Low, QStringLiteral("s4"))};
        QCOMPARE(detect::insertAnomalies(db, anomalies).valueOr(-1), qint64(2));
    }

    void cleanup()
    {
        db_.reset();
        folder_.reset();
    }

    void failedSignInsAreNonZeroCodes()
    {
        const Result<CaseOverview> o = DashboardQueries(*db_).overview(8);
        QVERIFY(o);
        QCOMPARE(o->signIns, qint64(4));
        QCOMPARE(o->users, qint64(2));
        QCOMPARE(o->days.at(kT0 / kDay).failures, qint64(0));
        QCOMPARE(o->days.at(kT0 / kDay + 1).signIns, qint64(2));
        QCOMPARE(o->days.at(kT0 / kDay + 1).failures, qint64(1)); // the NULL code is a success
        QCOMPARE(o->bySeverity[3], qint64(1));
        QCOMPARE(o->bySeverity[1], qint64(1));
        QCOMPARE(o->baselines, qint64(1));     // alice's latest baseline only
        QCOMPARE(o->learningUsers, qint64(0)); // ... which is no longer learning
        QCOMPARE(o->topCountries.front().name, QStringLiteral("NG"));
        QCOMPARE(int(o->sources.size()), 1);
    }

    // The identity detectors' "succeeded" reads are the complement of the failed rule: a NULL code is a success there too.
    void successesCountMissingCodesAsSuccess()
    {
        IdentityQueries identity(*db_);
        const auto all = identity.successes(QStringLiteral("alice@x"), kT0, kT0 + 3 * kDay, false);
        QVERIFY(all);
        QStringList ids;
        for (const IdentityQueries::SignIn &s : *all)
            ids << s.id;
        QCOMPARE(ids, (QStringList{QStringLiteral("s1"), QStringLiteral("s3")})); // s2 failed; s3 has no code
        // Only the NULL-coded sign-in lies in this window: it still counts as a success from that address.
        const auto fromAddress = identity.succeededFrom(QStringLiteral("alice@x"), QStringLiteral("10.0.0.1"), kT0 + kDay + 2000,
                                                        kT0 + kDay + 6000);
        QVERIFY(fromAddress);
        QVERIFY(*fromAddress);
        // bob's only sign-in failed: nobody but alice succeeded from the address in his window.
        const auto others = identity.othersSucceededFrom(QStringLiteral("alice@x"), QStringLiteral("10.0.0.1"), kT0 + kDay + 2000,
                                                         kT0 + 3 * kDay);
        QVERIFY(others);
        QVERIFY(!*others);
    }

    // Detection's per-user and tenant reads follow the same rule: alice's NULL-coded sign-in is a success.
    void detectionReadsCountMissingCodesAsSuccess()
    {
        UserHistoryQueries history(*db_);
        const auto previous = history.lastSuccessBefore(QStringLiteral("alice@x"), kT0 + 3 * kDay);
        QVERIFY(previous);
        QCOMPARE(*previous, std::optional<qint64>(kT0 + kDay + 5000)); // s3, not s2 (failed)
        const auto located = history.lastLocatedSuccessBefore(QStringLiteral("alice@x"), kT0 + 3 * kDay);
        QVERIFY(located && *located);
        QCOMPARE((*located)->id, QStringLiteral("s1")); // s2 failed, s3 has no coordinates
        const auto events = history.signIns(QStringLiteral("alice@x"), kT0, kT0 + 3 * kDay);
        QVERIFY(events);
        QCOMPARE(int(events->size()), 3);
        DetectionQueries detection(*db_);
        const auto users = detection.usersWithSuccessFrom(QStringLiteral("10.0.0.1"), kT0, kT0 + 3 * kDay, 10);
        QVERIFY(users);
        QCOMPARE(*users, 1); // alice; bob only failed
        // The statement is prepared once and runs again: in this window only s3, with no code, succeeded.
        const auto again = detection.usersWithSuccessFrom(QStringLiteral("10.0.0.1"), kT0 + kDay, kT0 + 3 * kDay, 10);
        QVERIFY(again);
        QCOMPARE(*again, 1);
    }

    // The GUI's sign-in list: filtered in SQL (typed text is literal, failures by the failed-sign-in rule), read a page
    // at a time through one cursor that closes when the list ends.
    void signInListFiltersAndPages()
    {
        SignInQueries signIns(*db_);
        SignInListFilter failures;
        failures.failuresOnly = true;
        QCOMPARE(signIns.count(failures).valueOr(-1), qint64(2)); // s2, s4; s3's missing code is a success
        SignInListFilter literal;
        literal.text = QStringLiteral("%");
        QCOMPARE(signIns.count(literal).valueOr(-1), qint64(0));
        QCOMPARE(signIns.count().valueOr(-1), qint64(4));
        SignInCursor cursor(*db_);
        QVERIFY(cursor.open(SignInListFilter{}, SignInListOrder::Time, true));
        const auto first = cursor.next(3);
        QVERIFY(first);
        QCOMPARE(int(first->size()), 3);
        QCOMPARE(first->front().id, QStringLiteral("s1"));
        QVERIFY(cursor.isOpen());
        const auto rest = cursor.next(3);
        QVERIFY(rest);
        QCOMPARE(int(rest->size()), 1);
        QCOMPARE(rest->front().id, QStringLiteral("s4"));
        QVERIFY(!cursor.isOpen());
    }

    void userActivity()
    {
        UserActivityQueries user(*db_);
        const auto latest = user.latestBaseline(QStringLiteral("alice@x"));
        QVERIFY(latest && latest->has_value());
        QCOMPARE((*latest)->windowEndMs, kT0 + kDay);
        QVERIFY(!(*latest)->learning);
        const auto none = user.latestBaseline(QStringLiteral("nobody@x"));
        QVERIFY(none && !none->has_value());
        const auto signIns = user.signIns(QStringLiteral("alice@x"));
        QVERIFY(signIns);
        QCOMPARE(int(signIns->size()), 3);
        QVERIFY(!(*signIns)[0].failed && (*signIns)[1].failed && !(*signIns)[2].failed);
        const auto places = user.topValues(QStringLiteral("alice@x"), UserActivityQueries::Field::Place, 10);
        QVERIFY(places);
        QCOMPARE(places->front().value, QStringLiteral("Wellington, NZ"));
        QCOMPARE(places->front().count, qint64(2));
        QCOMPARE(places->back().value, QStringLiteral("NZ"));
        QCOMPARE(places->back().failures, qint64(1));
        const auto users = user.usersByConcern(10);
        QVERIFY(users);
        QCOMPARE(*users, (QStringList{QStringLiteral("alice@x"), QStringLiteral("bob@x")})); // worst anomaly first
        const auto latestAll = user.latestBaselines();
        QVERIFY(latestAll);
        QCOMPARE(int(latestAll->size()), 1);
    }

    void userNetworks()
    {
        Database &db = *db_;
        // alice: s1 and s2 (one failed) from AS9500; s5 (failed, DE) and s6 (US) from AS16509; s3 has no ASN.
        addSignIn(db, QStringLiteral("s5"), kT0 + 3 * kDay, QStringLiteral("alice@x"), 50053, QStringLiteral("Frankfurt"), QStringLiteral("DE"));
        addSignIn(db, QStringLiteral("s6"), kT0 + 4 * kDay, QStringLiteral("alice@x"), 0, QStringLiteral("Seattle"), QStringLiteral("US"));
        exec(db, QStringLiteral("UPDATE signins SET asn = 9500, as_org = 'Vocus' WHERE id IN ('s1', 's2')"));
        exec(db, QStringLiteral("UPDATE signins SET asn = 16509, as_org = 'Amazon.com, Inc.' WHERE id IN ('s5', 's6', 's4')"));
        const auto networks = UserActivityQueries(db).networks(QStringLiteral("alice@x"));
        QVERIFY(networks);
        QCOMPARE(int(networks->size()), 3);
        const UserNetwork &vocus = networks->at(0), &amazon = networks->at(1), &unknown = networks->at(2);
        QCOMPARE(vocus.asn, quint32(9500)); // two sign-ins each: ties go by ASN
        QCOMPARE(vocus.organisation, QStringLiteral("Vocus"));
        QCOMPARE(vocus.signIns, qint64(2));
        QCOMPARE(vocus.failures, qint64(1));
        QCOMPARE(vocus.firstMs, kT0 + 1000);
        QCOMPARE(vocus.lastMs, kT0 + kDay + 1000);
        QCOMPARE(vocus.countries, QStringList{QStringLiteral("NZ")});
        QCOMPARE(amazon.asn, quint32(16509));
        QCOMPARE(amazon.signIns, qint64(2)); // bob's s4 is not alice's
        QCOMPARE(amazon.failures, qint64(1));
        QCOMPARE(amazon.firstMs, kT0 + 3 * kDay);
        QCOMPARE(amazon.lastMs, kT0 + 4 * kDay);
        QCOMPARE(amazon.countries, (QStringList{QStringLiteral("DE"), QStringLiteral("US")}));
        QCOMPARE(unknown.asn, quint32(0));
        QCOMPARE(unknown.signIns, qint64(1));
        QCOMPARE(unknown.failures, qint64(0)); // a NULL code is a success
        const auto nobody = UserActivityQueries(db).networks(QStringLiteral("nobody@x"));
        QVERIFY(nobody && nobody->empty());
    }

    void anomaliesBySelection()
    {
        AnomalyQueries anomalies(*db_);
        AnomalySelection travel;
        travel.kind = QStringLiteral("impossible_travel");
        QCOMPARE(*anomalies.count(), qint64(2));
        QCOMPARE(*anomalies.count(travel), qint64(1)); // not the "impossible_travel_extra" one
        const auto rows = anomalies.list({}, AnomalyOrder::Severity, true, 10);
        QVERIFY(rows);
        QCOMPARE(rows->front().id, QStringLiteral("a1"));
        QCOMPARE(rows->front().kinds, (QStringList{QStringLiteral("new_country"), QStringLiteral("impossible_travel")}));
        AnomalySelection text;
        text.text = QStringLiteral("of a2");
        QCOMPARE(*anomalies.count(text), qint64(1));
        AnomalySelection percent;
        percent.text = QStringLiteral("%");
        QCOMPARE(*anomalies.count(percent), qint64(0)); // LIKE wildcards are taken literally
        const auto events = anomalies.eventsOfKind(QStringLiteral("alice@x"), QStringLiteral("impossible_travel"));
        QVERIFY(events);
        QCOMPARE(*events, QSet<QString>{QStringLiteral("s2")});
        const auto header = anomalies.header(QStringLiteral("a1"));
        QVERIFY(header && header->has_value());
        QCOMPARE((*header)->upn, QStringLiteral("alice@x"));
        QVERIFY(anomalies.header(QStringLiteral("missing"))->has_value() == false);
        QCOMPARE(*anomalies.primaryKinds(), (QStringList{QStringLiteral("impossible_travel_extra"), QStringLiteral("new_country")}));
        const auto severe = anomalies.mostSevereBetween(kT0, kT0 + 3 * kDay, QString(), 1);
        QVERIFY(severe);
        QCOMPARE(severe->front().id, QStringLiteral("a1"));
    }

    void signInsAndTimeline()
    {
        SignInQueries signIns(*db_);
        const auto extent = signIns.extent();
        QVERIFY(extent && extent->firstMs);
        QCOMPARE(*extent->firstMs, kT0 + 1000);
        QCOMPARE(*extent->lastMs, kT0 + 2 * kDay);
        QVERIFY(!signIns.extent(QStringLiteral("nobody@x"))->firstMs);
        const auto places = signIns.places(kT0 + 10 * kDay, 10);
        QVERIFY(places);
        QCOMPARE(int(places->size()), 3); // Wellington, NZ (no city), Lagos: s3 has no coordinates
        const auto atLagos = signIns.atPlace(QStringLiteral("Lagos, NG"), 10);
        QVERIFY(atLagos);
        QCOMPARE(int(atLagos->size()), 1);
        QVERIFY(atLagos->front().failed());
        const auto failures = signIns.ranking(SignInQueries::RankBy::User, true, 10);
        QVERIFY(failures);
        QCOMPARE(int(failures->size()), 2);
        const auto record = signIns.record(QStringLiteral("s4"));
        QVERIFY(record && record->has_value());
        QCOMPARE((*record)->value(QStringLiteral("country")).toString(), QStringLiteral("NG"));
        QVERIFY(!*signIns.detectionHasRun());
        const auto source = signIns.source(1);
        QVERIFY(source && source->has_value());
        QCOMPARE((*source)->sha256, QStringLiteral("abc"));

        TimelineQueries timeline(*db_);
        const auto slices = timeline.signInsPerSlice(kT0, kT0 + 3 * kDay, 3, QString());
        QVERIFY(slices);
        QCOMPARE(int(slices->size()), 3);
        QCOMPARE((*slices)[1].successes, qint64(1));
        QCOMPARE((*slices)[1].failures, qint64(1));
        QCOMPARE((*slices)[2].failures, qint64(1));
        const auto between = timeline.signInsBetween(kT0, kT0 + kDay + 2000, QStringLiteral("alice@x"));
        QVERIFY(between);
        QCOMPARE(int(between->size()), 2);
    }

    void modelRegistry()
    {
        ModelRepository models(*db_);
        const auto none = models.active(QStringLiteral("user"), QStringLiteral("alice@x"), QStringLiteral("iforest"));
        QVERIFY(none && !none->has_value()); // none is not a failure
        for (int i = 0; i < 4; ++i) {
            ModelRecord r;
            r.scope = QStringLiteral("user");
            r.subject = QStringLiteral("alice@x");
            r.kind = QStringLiteral("iforest");
            r.threshold = 0.5 + i;
            r.data = QByteArray(8, char('a' + i));
            const Result<qint64> id = models.save(r, 3);
            QVERIFY(id);
            QCOMPARE(r.version, i + 1);
            QCOMPARE(*id, r.id);
        }
        const auto listed = models.list({QStringLiteral("user"), QStringLiteral("alice@x"), QStringLiteral("iforest")});
        QVERIFY(listed);
        QCOMPARE(int(listed->size()), 3); // keep-last-3 pruned version 1
        QCOMPARE(listed->front().version, 4);
        QVERIFY(listed->front().data.isEmpty()); // no blobs unless asked for
        const auto active = models.active(QStringLiteral("user"), QStringLiteral("alice@x"), QStringLiteral("iforest"));
        QVERIFY(active && active->has_value());
        QCOMPARE((*active)->version, 4);
        QCOMPARE((*active)->data, QByteArray(8, 'd'));
        QVERIFY(models.activateVersion(QStringLiteral("user"), QStringLiteral("alice@x"), QStringLiteral("iforest"), 2));
        QCOMPARE((*models.active(QStringLiteral("user"), QStringLiteral("alice@x"), QStringLiteral("iforest")))->version, 2);
        const Status gone = models.activateVersion(QStringLiteral("user"), QStringLiteral("alice@x"), QStringLiteral("iforest"), 1);
        QVERIFY(!gone);
        QCOMPARE(gone.error().category, Error::Category::NotFound);
        QCOMPARE(models.byId(9999).error().category, Error::Category::NotFound);
        const auto pruned = models.prune(QStringLiteral("user"), QStringLiteral("alice@x"), QStringLiteral("iforest"), 1);
        QVERIFY(pruned);
        QCOMPARE(*pruned, 2);
        QCOMPARE(models.prune(QStringLiteral("user"), QStringLiteral("alice@x"), QStringLiteral("iforest"), 0).error().category,
                 Error::Category::BadInput);
    }

    void detectionRuns()
    {
        DetectionRunRepository runs(*db_);
        using Source = DetectionRunRepository::Source;
        QCOMPARE(*runs.watermark(Source::SignIns), qint64(0));
        QCOMPARE(*runs.latestRow(Source::SignIns), qint64(4));
        QCOMPARE(*runs.latestRow(Source::BackupSessions), qint64(0));
        QVERIFY(runs.setWatermark(Source::SignIns, 3));
        QCOMPARE(*runs.watermark(Source::SignIns), qint64(3));
        const auto users = runs.usersWithNewSignIns(1, 4);
        QVERIFY(users);
        QCOMPARE(int(users->size()), 2);
        QCOMPARE(users->front().upn, QStringLiteral("alice@x"));
        QCOMPARE(users->front().minMs, kT0 + kDay + 1000);
        const Result<qint64> id = runs.start(kT0, QJsonObject{{QStringLiteral("k"), 1}});
        QVERIFY(id);
        QVERIFY(runs.finish(*id, QStringLiteral("done"), 4, 2));
        QVERIFY(*SignInQueries(*db_).detectionHasRun());
        QVERIFY(runs.saveUserDays(QStringLiteral("alice@x"), {{kT0 / kDay, QByteArray("x")}, {kT0 / kDay + 1, QByteArray("y")}}));
        QCOMPARE(*runs.activeUsersSince(kT0 / kDay + 1), qint64(1));
        QCOMPARE(*runs.activeUsersSince(kT0 / kDay + 2), qint64(0));
        const auto baselines = runs.newestBaselines();
        QVERIFY(baselines);
        QCOMPARE(baselines->value(QStringLiteral("alice@x")).second, kT0 + kDay);
        QVERIFY(runs.ensureAddressIndex());
    }

    void storageErrorsAreReported()
    {
        // A closed connection: every question fails as a Storage error with a sentence, none pretends to be empty.
        db_->close();
        const auto kinds = AnomalyQueries(*db_).primaryKinds();
        QVERIFY(!kinds);
        QCOMPARE(kinds.error().category, Error::Category::Storage);
        QVERIFY(kinds.error().message.contains(QStringLiteral("anomaly kinds")));
        const auto active = ModelRepository(*db_).active(QStringLiteral("user"), QStringLiteral("a"), QStringLiteral("iforest"));
        QVERIFY(!active); // failed, not "none"
        QVERIFY(!DashboardQueries(*db_).overview(8));
    }

    void timeFormats()
    {
        QCOMPARE(formatUtcMs(1730456130123), QStringLiteral("2024-11-01T10:15:30.123Z"));
        QCOMPARE(utcText(1730456130123), QStringLiteral("2024-11-01 10:15:30"));
        QCOMPARE(utcTextWithMillis(1730456130123), QStringLiteral("2024-11-01 10:15:30.123 UTC"));
        QCOMPARE(utcOffsetText(-210), QStringLiteral("UTC-03:30"));
        QCOMPARE(textAtOffset(1730456130123, 780), QStringLiteral("2024-11-01 23:15:30 UTC+13:00"));
    }

private:
    std::unique_ptr<test::TempFolder> folder_;
    std::unique_ptr<Database> db_;
};

QTEST_GUILESS_MAIN(TestStoreQueries)
#include "test_store_queries.moc"
