// The sign-ins model over a generated case database: item-model contract, paging, SQL sorting and
// filtering (with hostile filter text), failure colouring.
#include "sign_in_fixture.h"
#include "store/database.h"
#include "test_support.h"
#include "model/time_format.h"
#include "views/signins/sign_ins_model.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QThreadPool>

using namespace backsight;
using namespace backsight::ui;
using Fixture = backsight::test::SignInFixture;

namespace {

constexpr int kSignIns = 3000;

// What the SQL filter should let through, computed from the fixture's own rules.
qint64 expectedMatches(const SignInFilter &filter)
{
    qint64 n = 0;
    for (int i = 0; i < kSignIns; ++i) {
        const QString text = filter.text.trimmed();
        if (!text.isEmpty()) {
            const QStringList fields{Fixture::upn(i), QStringLiteral("Analyst %1").arg(i % Fixture::kUsers),
                                     QStringLiteral("203.0.113.%1").arg(i % 250),
                                     QStringList{QStringLiteral("Microsoft Teams"), QStringLiteral("Azure Portal"),
                                                 QStringLiteral("Office 365 Exchange Online"),
                                                 QStringLiteral("My Signins")}[i % 4],
                                     Fixture::city(i), Fixture::country(i)};
            if (!std::any_of(fields.cbegin(), fields.cend(),
                             [&](const QString &f) { return f.contains(text, Qt::CaseInsensitive); }))
                continue;
        }
        if (filter.kind == SignInFilter::Kind::Interactive && !Fixture::interactive(i))
            continue;
        if (filter.kind == SignInFilter::Kind::NonInteractive && Fixture::interactive(i))
            continue;
        if (filter.failuresOnly && !Fixture::failure(i))
            continue;
        ++n;
    }
    return n;
}

void fetchAll(SignInsModel &model)
{
    while (model.canFetchMore({}))
        model.fetchMore({});
}

} // namespace

class TestSignInsModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(temp_.isValid());
        const QString file = temp_.path(QStringLiteral("signins.json"));
        QVERIFY(test::writeFile(file, Fixture::page(0, kSignIns)));
        const ImportReport report = test::importInto(temp_.path(QStringLiteral("case.sqlite")), {file});
        QVERIFY2(report.storageError.isEmpty(), qPrintable(report.storageError));
        QCOMPARE(report.totalInserted(), qint64(kSignIns));
        QVERIFY2(db_.open(temp_.path(QStringLiteral("case.sqlite"))), qPrintable(db_.error()));
    }

    void passesTheItemModelTester()
    {
        SignInsModel model(pool_);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDatabase(&db_);
        model.fetchMore({});
        model.sort(SignInsModel::User, Qt::AscendingOrder);
        model.setFilter({QStringLiteral("wellington"), SignInFilter::Kind::Interactive, false});
        fetchAll(model);
        model.setFilter({});
        model.setDatabase(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void loadsOnePageAtATime()
    {
        SignInsModel model(pool_);
        model.setDatabase(&db_);
        QCOMPARE(model.rowCount(), SignInsModel::kPageSize); // the first page at once, the counts from the pool
        QVERIFY(model.isCounting());
        QTRY_VERIFY_WITH_TIMEOUT(!model.isCounting(), 5000);
        QCOMPARE(model.totalCount(), qint64(kSignIns));
        QCOMPARE(model.matchingCount(), qint64(kSignIns));
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 2 * SignInsModel::kPageSize);
        fetchAll(model);
        QCOMPARE(model.rowCount(), kSignIns);
        QVERIFY(!model.canFetchMore({}));
        QSet<QString> ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids.insert(model.eventId(row));
        QCOMPARE(ids.size(), kSignIns); // pages neither overlap nor skip
    }

    void sortsInSql_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<Qt::SortOrder>("order");
        QTest::addColumn<QString>("firstValue");
        QTest::newRow("newest first (default)") << int(SignInsModel::TimeUtc) << Qt::DescendingOrder
                                                << utcText(Fixture::createdMs(kSignIns - 1));
        QTest::newRow("oldest first") << int(SignInsModel::TimeUtc) << Qt::AscendingOrder
                                      << utcText(Fixture::createdMs(0));
        QTest::newRow("user a-z") << int(SignInsModel::User) << Qt::AscendingOrder << QStringLiteral("user00@contoso.com");
        QTest::newRow("user z-a") << int(SignInsModel::User) << Qt::DescendingOrder << QStringLiteral("user36@contoso.com");
        QTest::newRow("country a-z") << int(SignInsModel::Country) << Qt::AscendingOrder << QStringLiteral("AU");
        QTest::newRow("city z-a") << int(SignInsModel::City) << Qt::DescendingOrder << QStringLiteral("Wellington");
    }

    void sortsInSql()
    {
        QFETCH(int, column);
        QFETCH(Qt::SortOrder, order);
        QFETCH(QString, firstValue);
        SignInsModel model(pool_);
        model.setDatabase(&db_);
        model.sort(column, order);
        fetchAll(model);
        QCOMPARE(model.rowCount(), kSignIns);
        QCOMPARE(model.index(0, column).data().toString(), firstValue);
        for (int row = 1; row < model.rowCount(); ++row) {
            const QString previous = model.index(row - 1, column).data().toString();
            const QString current = model.index(row, column).data().toString();
            QVERIFY2(order == Qt::AscendingOrder ? previous <= current : previous >= current,
                     qPrintable(QStringLiteral("row %1: %2 then %3").arg(row).arg(previous, current)));
        }
    }

    void sortsFailuresTogether()
    {
        SignInsModel model(pool_);
        model.setDatabase(&db_);
        model.sort(SignInsModel::Result, Qt::DescendingOrder);
        QVERIFY(model.isFailure(0));
        QVERIFY(model.index(0, SignInsModel::Result).data().toString().startsWith(QStringLiteral("50126 · ")));
    }

    void ignoresUnknownSortColumns()
    {
        SignInsModel model(pool_);
        model.setDatabase(&db_);
        model.sort(-1, Qt::AscendingOrder);
        model.sort(SignInsModel::ColumnCount, Qt::AscendingOrder);
        QCOMPARE(model.sortColumn(), int(SignInsModel::TimeUtc));
        QCOMPARE(model.rowCount(), SignInsModel::kPageSize);
    }

    void filtersInSql_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("failuresOnly");
        QTest::newRow("city, any case") << QStringLiteral("WELLINGTON") << 0 << false;
        QTest::newRow("one user") << QStringLiteral("user07@") << 0 << false;
        QTest::newRow("display name") << QStringLiteral("analyst 3") << 0 << false;
        QTest::newRow("ip prefix") << QStringLiteral("203.0.113.24") << 0 << false;
        QTest::newRow("app") << QStringLiteral("exchange") << 0 << false;
        QTest::newRow("interactive") << QString() << int(SignInFilter::Kind::Interactive) << false;
        QTest::newRow("non-interactive failures") << QString() << int(SignInFilter::Kind::NonInteractive) << true;
        QTest::newRow("failures in Japan") << QStringLiteral("JP") << 0 << true;
        QTest::newRow("percent is literal") << QStringLiteral("%") << 0 << false;
        QTest::newRow("underscore is literal") << QStringLiteral("user_7") << 0 << false;
        QTest::newRow("quote and SQL") << QStringLiteral("x' OR 1=1; DROP TABLE signins; --") << 0 << false;
    }

    void filtersInSql()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        QFETCH(bool, failuresOnly);
        const SignInFilter filter{text, SignInFilter::Kind(kind), failuresOnly};
        SignInsModel model(pool_);
        model.setDatabase(&db_);
        model.setFilter(filter);
        QTRY_VERIFY_WITH_TIMEOUT(!model.isCounting(), 5000);
        QVERIFY2(model.error().isEmpty(), qPrintable(model.error()));
        QCOMPARE(model.matchingCount(), expectedMatches(filter));
        QCOMPARE(model.totalCount(), qint64(kSignIns));
        fetchAll(model);
        QCOMPARE(qint64(model.rowCount()), model.matchingCount());
        QSqlQuery stillThere(db_.connection());
        QVERIFY(stillThere.exec(QStringLiteral("SELECT count(*) FROM signins")) && stillThere.next());
        QCOMPARE(stillThere.value(0).toInt(), kSignIns);
    }

    void countsLargeMatchesOffTheGuiThread()
    {
        SignInsModel model(pool_);
        model.setDatabase(&db_);
        QSignalSpy counted(&model, &SignInsModel::countsChanged);
        const SignInFilter interactive{QString(), SignInFilter::Kind::Interactive, false};
        model.setFilter(interactive);
        // More than a page matches: the first page is on show, the count is still running.
        QCOMPARE(model.rowCount(), SignInsModel::kPageSize);
        QVERIFY(model.isCounting());
        QCOMPARE(model.matchingCount(), qint64(-1));
        QTRY_VERIFY_WITH_TIMEOUT(!model.isCounting(), 5000);
        QCOMPARE(model.matchingCount(), expectedMatches(interactive));
        QCOMPARE(counted.count(), 2); // the reload, then the count
    }

    void knowsSmallMatchesAtOnce()
    {
        SignInsModel model(pool_);
        model.setDatabase(&db_);
        const SignInFilter oneUser{QStringLiteral("user07@"), SignInFilter::Kind::All, false};
        model.setFilter(oneUser);
        // Fewer than a page: the rows are the count, known at once (only the total comes from the pool).
        QCOMPARE(model.matchingCount(), expectedMatches(oneUser));
        QTRY_VERIFY_WITH_TIMEOUT(!model.isCounting(), 5000);
        QCOMPARE(model.matchingCount(), expectedMatches(oneUser));
    }

    void ignoresCountsForAnEarlierFilter()
    {
        SignInsModel model(pool_);
        model.setDatabase(&db_);
        const SignInFilter first{QString(), SignInFilter::Kind::NonInteractive, false};
        const SignInFilter second{QString(), SignInFilter::Kind::Interactive, false};
        model.setFilter(first);
        model.setFilter(second); // before the first count can arrive
        QTRY_VERIFY_WITH_TIMEOUT(!model.isCounting(), 5000);
        pool_.waitForDone();
        QCoreApplication::processEvents();
        QCOMPARE(model.matchingCount(), expectedMatches(second));
    }

    void coloursOnlyFailedResults()
    {
        SignInsModel model(pool_);
        model.setDatabase(&db_);
        int failures = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QVariant colour = model.index(row, SignInsModel::Result).data(Qt::ForegroundRole);
            QCOMPARE(colour.isValid(), model.isFailure(row));
            QVERIFY(!model.index(row, SignInsModel::User).data(Qt::ForegroundRole).isValid());
            failures += model.isFailure(row) ? 1 : 0;
        }
        QCOMPARE(failures, SignInsModel::kPageSize / 10);
    }

    void emptyDatabaseHasNoRows()
    {
        Database empty;
        QVERIFY(empty.open(temp_.path(QStringLiteral("empty.sqlite"))));
        SignInsModel model(pool_);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDatabase(&empty);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.totalCount(), qint64(0));
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(model.error().isEmpty());
        model.setDatabase(nullptr);
    }

private:
    QThreadPool pool_; // declared first, destroyed last: counts finish before the database goes
    test::TempFolder temp_;
    Database db_;
};

QTEST_MAIN(TestSignInsModel)
#include "test_signins_model.moc"
