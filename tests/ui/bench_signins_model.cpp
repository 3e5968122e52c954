// How long the sign-ins view's queries take on a large case database. Not a pass/fail test: it prints
// the times. Point BACKSIGHT_BENCH_DB at a database (for example one with a million sign-ins); without
// it the benchmark skips.
#include "store/database.h"
#include "views/signins/sign_ins_model.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThreadPool>

using namespace backsight;
using namespace backsight::ui;

class BenchSignInsModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString path = qEnvironmentVariable("BACKSIGHT_BENCH_DB");
        if (path.isEmpty())
            QSKIP("set BACKSIGHT_BENCH_DB to a case database to run this benchmark");
        QVERIFY2(db_.open(path), qPrintable(db_.error()));
    }

    void firstPage_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("failuresOnly");
        QTest::newRow("newest first") << int(SignInsModel::TimeUtc) << QString() << false;
        QTest::newRow("by user") << int(SignInsModel::User) << QString() << false;
        QTest::newRow("by app") << int(SignInsModel::App) << QString() << false;
        QTest::newRow("by result") << int(SignInsModel::Result) << QString() << false;
        QTest::newRow("text, common") << int(SignInsModel::TimeUtc) << QStringLiteral("teams") << false;
        QTest::newRow("text, rare") << int(SignInsModel::TimeUtc) << QStringLiteral("priya.martin292") << false;
        QTest::newRow("failures") << int(SignInsModel::TimeUtc) << QString() << true;
    }

    void firstPage()
    {
        QFETCH(int, column);
        QFETCH(QString, text);
        QFETCH(bool, failuresOnly);
        SignInsModel model(pool_);
        QElapsedTimer timer;
        timer.start();
        model.setDatabase(&db_);
        const qint64 open = timer.restart();
        model.setFilter({text, SignInFilter::Kind::All, failuresOnly});
        model.sort(column, Qt::AscendingOrder);
        const qint64 query = timer.restart();
        for (int i = 0; i < 10 && model.canFetchMore({}); ++i)
            model.fetchMore({});
        const qint64 tenPages = timer.restart();
        QTRY_VERIFY_WITH_TIMEOUT(!model.isCounting(), 60000);
        const qint64 counted = timer.elapsed();
        qInfo("%lld of %lld sign-ins: open %lld ms, filter+sort (GUI thread) %lld ms, 10 more pages %lld ms, "
              "count on the pool %lld ms later",
              model.matchingCount(), model.totalCount(), open, query, tenPages, counted);
        QVERIFY(model.error().isEmpty());
    }

private:
    QThreadPool pool_;
    Database db_;
};

QTEST_MAIN(BenchSignInsModel)
#include "bench_signins_model.moc"
