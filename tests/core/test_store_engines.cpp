// The questions the views, the report and the triage queue ask of the store, asked of the same case on both engines
// (issue 13): a generated tenant with backup servers, imported, trained and detected by backsight-cli into a case
// file and into a PostgreSQL case, must give the same answers — including the statements SQLite and PostgreSQL
// spell differently (counting rows that meet a condition, the distinct values of a group, an anomaly's kinds read
// as JSON, the analyst's case-insensitive text search).
#include "postgres_server.h"
#include "store/anomaly_queries.h"
#include "store/backup_repository.h"
#include "store/dashboard_queries.h"
#include "store/baseline_queries.h"
#include "store/database.h"
#include "store/identity_queries.h"
#include "store/incident_store.h"
#include "store/sign_in_queries.h"
#include "store/timeline_queries.h"
#include "store/user_activity_queries.h"
#include "test_support.h"

#include <QProcess>
#include <QtTest>

using namespace backsight;

namespace {

int cli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(BACKSIGHT_CLI), args);
    if (!p.waitForFinished(600000))
        return -1;
    if (p.exitCode() != 0)
        qWarning("%s: %s", qPrintable(args.join(QLatin1Char(' '))), p.readAllStandardError().constData());
    return p.exitCode();
}

template <typename T>
QStringList fail(const Result<T> &r)
{
    return {QStringLiteral("error: ") + r.error().message};
}

QString counts(const std::vector<ValueCount> &v)
{
    QStringList out;
    for (const ValueCount &c : v)
        out << QStringLiteral("%1=%2/%3 %4-%5").arg(c.value).arg(c.count).arg(c.failures).arg(c.firstMs).arg(c.lastMs);
    return out.join(QLatin1Char(';'));
}

QStringList overview(Database &db)
{
    const Result<CaseOverview> r = DashboardQueries(db).overview(10);
    if (!r)
        return fail(r);
    QStringList out;
    for (int s = 1; s <= 4; ++s)
        out << QStringLiteral("severity %1: %2").arg(s).arg(r->bySeverity[std::size_t(s)]);
    for (const auto &[status, n] : r->byStatus)
        out << QStringLiteral("status %1: %2").arg(status).arg(n);
    for (const auto &[day, d] : r->days)
        out << QStringLiteral("day %1: %2 sign-ins, %3 failed, anomalies %4 %5 %6 %7")
                   .arg(day).arg(d.signIns).arg(d.failures).arg(d.anomalies[1]).arg(d.anomalies[2]).arg(d.anomalies[3]).arg(d.anomalies[4]);
    for (const auto *list : {&r->topUsers, &r->topCountries, &r->topApps}) {
        QStringList top;
        for (const CaseOverview::Count &c : *list)
            top << QStringLiteral("%1=%2").arg(c.name).arg(c.count);
        out << top.join(QLatin1Char(';'));
    }
    out << QStringLiteral("%1 sign-ins, %2 users, %3 .. %4").arg(r->signIns).arg(r->users).arg(r->firstEventMs.value_or(-1)).arg(r->lastEventMs.value_or(-1));
    out << QStringLiteral("%1 sources, %2 models of %3 subjects, %4 baselines, %5 learning")
               .arg(r->sources.size()).arg(r->models).arg(r->modelSubjects).arg(r->baselines).arg(r->learningUsers);
    return out;
}

QStringList anomalyList(Database &db, const AnomalySelection &selection)
{
    AnomalyQueries q(db);
    const Result<qint64> n = q.count(selection);
    if (!n)
        return fail(n);
    const Result<std::vector<AnomalyListRow>> rows = q.list(selection, AnomalyOrder::Severity, true, 500);
    if (!rows)
        return fail(rows);
    QStringList out{QStringLiteral("count %1").arg(*n)};
    for (const AnomalyListRow &a : *rows)
        out << QStringLiteral("%1 %2 %3 %4 %5").arg(a.id).arg(a.severity).arg(a.timeMs).arg(a.user, a.kinds.join(QLatin1Char(',')));
    return out;
}

} // namespace

class TestStoreEngines : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void dashboardAlike();
    void triageQueueAlike();
    void timelineAlike();
    void userViewAlike();
    void signInListAlike();
    void backupServersAlike();
    void incidentCandidatesAlike();
    void baselineScanAlikeInPages();

private:
    Database &lite() { return *lite_; }
    Database &pg() { return *pg_; }

    test::PostgresServer server_;
    test::TempFolder tmp_;
    std::unique_ptr<Database> lite_, pg_;
    QString busiestUser_;
};

void TestStoreEngines::initTestCase()
{
    QVERIFY2(server_.start(), qPrintable(server_.error()));
    const QString tenant = tmp_.path(QStringLiteral("tenant"));
    QCOMPARE(cli({QStringLiteral("generate"), QStringLiteral("--users"), QStringLiteral("30"), QStringLiteral("--days"),
                  QStringLiteral("21"), QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--backup-servers"),
                  QStringLiteral("2"), QStringLiteral("--backup-incidents"), QStringLiteral("1"), QStringLiteral("--out"), tenant}),
             0);
    const QString file = tmp_.path(QStringLiteral("case.sqlite"));
    for (const QString &db : {file, server_.url()}) {
        QCOMPARE(cli({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("--quiet"), tenant}), 0);
        QCOMPARE(cli({QStringLiteral("--db"), db, QStringLiteral("train")}), 0);
        QCOMPARE(cli({QStringLiteral("--db"), db, QStringLiteral("detect"), QStringLiteral("--quiet")}), 0);
    }
    lite_ = std::make_unique<Database>();
    pg_ = std::make_unique<Database>();
    QVERIFY2(lite_->open(file), qPrintable(lite_->error()));
    QVERIFY2(pg_->open(server_.url()), qPrintable(pg_->error()));
    QCOMPARE(pg_->dialect(), SqlDialect::PostgreSQL);
    const Result<QStringList> users = UserActivityQueries(lite()).usersByConcern(1);
    QVERIFY(users && !users->isEmpty());
    busiestUser_ = users->first();
}

void TestStoreEngines::dashboardAlike()
{
    const QStringList expected = overview(lite());
    QVERIFY(expected.size() > 25);
    QVERIFY(!expected.first().startsWith(QLatin1String("error")));
    QCOMPARE(overview(pg()), expected);
}

void TestStoreEngines::triageQueueAlike()
{
    AnomalySelection all;
    const QStringList everything = anomalyList(lite(), all);
    QVERIFY(everything.size() > 20);
    QCOMPARE(anomalyList(pg(), all), everything);

    const Result<QStringList> kinds = AnomalyQueries(lite()).primaryKinds();
    QVERIFY(kinds && kinds->size() > 3);
    QCOMPARE(AnomalyQueries(pg()).primaryKinds().valueOr({}), *kinds);
    for (const QString &kind : *kinds) { // the kinds JSON array, read as JSON on both
        AnomalySelection s;
        s.kind = kind;
        const QStringList some = anomalyList(lite(), s);
        QVERIFY2(some.first() != QLatin1String("count 0"), qPrintable(kind));
        QCOMPARE(anomalyList(pg(), s), some);
    }
    // The search box ignores case on both engines.
    for (const QString &text : {QStringLiteral("TRAVEL"), QStringLiteral("travel"), QStringLiteral("Unusual")}) {
        AnomalySelection s;
        s.text = text;
        const QStringList found = anomalyList(lite(), s);
        QVERIFY2(found.first() != QLatin1String("count 0"), qPrintable(text));
        QCOMPARE(anomalyList(pg(), s), found);
    }
    AnomalySelection network;
    network.network = QStringLiteral("microsoft");
    QCOMPARE(anomalyList(pg(), network), anomalyList(lite(), network));

    const Result<QSet<QString>> events = AnomalyQueries(lite()).eventsOfKind(busiestUser_, kinds->first());
    QVERIFY(events);
    QCOMPARE(AnomalyQueries(pg()).eventsOfKind(busiestUser_, kinds->first()).valueOr({}), *events);
}

void TestStoreEngines::timelineAlike()
{
    const Result<std::optional<qint64>> first = SignInQueries(lite()).firstMs();
    const Result<std::optional<qint64>> last = SignInQueries(lite()).latestMs();
    QVERIFY(first && *first && last && *last);
    for (const QString &user : {QString(), busiestUser_}) {
        const auto slices = [&](Database &db) {
            const Result<std::vector<SignInBucket>> r = TimelineQueries(db).signInsPerSlice(**first, **last + 1, 60, user);
            if (!r)
                return fail(r);
            QStringList out;
            for (const SignInBucket &b : *r)
                out << QStringLiteral("%1/%2").arg(b.successes).arg(b.failures);
            return out;
        };
        const QStringList expected = slices(lite());
        QCOMPARE(expected.size(), 60);
        QCOMPARE(slices(pg()), expected);
    }
}

void TestStoreEngines::userViewAlike()
{
    using Field = UserActivityQueries::Field;
    for (Field field : {Field::Place, Field::App, Field::IpAddress, Field::OperatingSystem}) {
        const Result<std::vector<ValueCount>> expected = UserActivityQueries(lite()).topValues(busiestUser_, field, 10);
        QVERIFY(expected && !expected->empty());
        const Result<std::vector<ValueCount>> got = UserActivityQueries(pg()).topValues(busiestUser_, field, 10);
        QVERIFY2(got, qPrintable(got ? QString() : got.error().message));
        QCOMPARE(counts(*got), counts(*expected));
    }
    const auto networks = [&](Database &db) {
        const Result<std::vector<UserNetwork>> r = UserActivityQueries(db).networks(busiestUser_);
        if (!r)
            return fail(r);
        QStringList out;
        for (const UserNetwork &n : *r)
            out << QStringLiteral("AS%1 %2 %3/%4 %5-%6 %7").arg(n.asn).arg(n.organisation).arg(n.signIns).arg(n.failures)
                       .arg(n.firstMs).arg(n.lastMs).arg(n.countries.join(QLatin1Char(',')));
        return out;
    };
    const QStringList expected = networks(lite());
    QVERIFY(!expected.isEmpty() && !expected.first().startsWith(QLatin1String("error")));
    QCOMPARE(networks(pg()), expected);
}

void TestStoreEngines::signInListAlike()
{
    const Result<std::vector<ValueCount>> apps = SignInQueries(lite()).ranking(SignInQueries::RankBy::App, false, 1);
    QVERIFY(apps && !apps->empty());
    const QString app = apps->front().value.left(6);
    for (const QString &text : {QString(), app.toUpper(), app.toLower(), busiestUser_.left(4).toUpper()}) {
        SignInListFilter filter;
        filter.text = text;
        const Result<qint64> expected = SignInQueries(lite()).count(filter);
        QVERIFY(expected);
        QVERIFY2(*expected > 0, qPrintable(text));
        QCOMPARE(SignInQueries(pg()).count(filter).valueOr(-1), *expected);
    }
    for (bool failures : {false, true}) {
        const Result<std::vector<ValueCount>> expected = SignInQueries(lite()).ranking(SignInQueries::RankBy::Country, failures, 5);
        QVERIFY(expected && !expected->empty());
        const Result<std::vector<ValueCount>> got = SignInQueries(pg()).ranking(SignInQueries::RankBy::Country, failures, 5);
        QVERIFY2(got, qPrintable(got ? QString() : got.error().message));
        QCOMPARE(counts(*got), counts(*expected));
    }
}

void TestStoreEngines::backupServersAlike()
{
    const auto servers = [&](Database &db) {
        const Result<std::vector<store::BackupServerRow>> r = store::backupServers(db);
        if (!r)
            return fail(r);
        QStringList out;
        for (const store::BackupServerRow &s : *r) {
            QStringList jobs = s.jobs.split(QLatin1Char(','));
            jobs.sort(); // a group's distinct values come in no set order
            out << QStringLiteral("%1 %2 [%3] %4 %5-%6 %7 failed %8 warnings %9")
                       .arg(s.server, s.level, jobs.join(QLatin1Char(',')))
                       .arg(s.sessions).arg(s.firstMs).arg(s.lastMs).arg(s.lastResult).arg(s.failed).arg(s.warnings)
                   + QStringLiteral(" flagged %1 threat %2").arg(s.flagged).arg(s.threatScore.value_or(0));
        }
        return out;
    };
    const QStringList expected = servers(lite());
    QVERIFY(expected.size() >= 2);
    QVERIFY(!expected.first().startsWith(QLatin1String("error")));
    QCOMPARE(servers(pg()), expected);
}

void TestStoreEngines::incidentCandidatesAlike()
{
    const QStringList activities{QStringLiteral("add member to ROLE"), QStringLiteral("UPDATE USER")};
    const auto parts = [&](Database &db) {
        const Result<std::vector<IncidentPart>> r = store::privilegedAuditParts(db, activities, 3);
        if (!r)
            return fail(r);
        QStringList out;
        for (const IncidentPart &p : *r)
            out << QStringLiteral("%1 %2 %3").arg(p.refId).arg(p.timeMs).arg(p.kind);
        return out;
    };
    const QStringList expected = parts(lite());
    QVERIFY2(!expected.isEmpty(), "the tenant's audits hold role and user changes, matched ignoring case");
    QVERIFY(!expected.first().startsWith(QLatin1String("error")));
    QCOMPARE(parts(pg()), expected);
}

void TestStoreEngines::baselineScanAlikeInPages()
{
    // Every sign-in of every user, in the order baselines read them: SQLite in one statement; the server in its
    // default pages, in pages of 7 rows (every page edge falls somewhere else), and stopped half way.
    const auto scan = [](Database &db, int pageRows, qsizetype stopAt) {
        QStringList rows;
        BaselineQueries queries(db, pageRows);
        const Status s = queries.forEachSignInByUser([&](const SignInEvent &e) -> Status {
            if (rows.size() == stopAt)
                return Error::cancelled(QStringLiteral("stopped by the test"));
            rows << QStringLiteral("%1|%2|%3|%4|%5").arg(e.upn).arg(e.timeMs).arg(e.id, e.app, e.country);
            return {};
        });
        if (!s)
            rows << QStringLiteral("error: ") + s.error().message;
        return rows;
    };
    const QStringList expected = scan(lite(), BaselineQueries::kServerPageRows, -1);
    QVERIFY(expected.size() > 1000);
    QVERIFY(!expected.last().startsWith(QLatin1String("error")));
    QCOMPARE(scan(pg(), BaselineQueries::kServerPageRows, -1), expected);
    QCOMPARE(scan(pg(), 7, -1), expected);
    QCOMPARE(scan(pg(), expected.size(), -1), expected); // one full page, then an empty one
    const QStringList stopped = scan(pg(), 7, 100);
    QCOMPARE(stopped.size(), 101);
    QCOMPARE(stopped.mid(0, 100), expected.mid(0, 100));
    QCOMPARE(stopped.last(), QStringLiteral("error: stopped by the test"));
}

QTEST_GUILESS_MAIN(TestStoreEngines)
#include "test_store_engines.moc"
