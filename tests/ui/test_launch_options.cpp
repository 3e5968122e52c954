// The command line of `backsight`: options, --input PATH..., and when it runs headless.
#include "launch_options.h"

#include <QTest>

using namespace backsight::ui;

namespace {

LaunchOptions parse(const QStringList &args, bool hasDisplay = true)
{
    return parseLaunchOptions(QStringList{QStringLiteral("backsight")} + args, hasDisplay);
}

} // namespace

class TestLaunchOptions : public QObject
{
    Q_OBJECT

private slots:
    void defaultsToTheWindow()
    {
        const LaunchOptions o = parse({});
        QVERIFY(o.error.isEmpty());
        QVERIFY(!o.demo);
        QVERIFY(!o.headless);
        QVERIFY(o.databasePath.isEmpty()); // the window picks the last database, else the default
        QCOMPARE(o.outDir, QStringLiteral("backsight-demo"));
    }

    void readsValuesInBothSpellings()
    {
        const LaunchOptions o = parse({QStringLiteral("--db"), QStringLiteral("/cases/a.sqlite"),
                                       QStringLiteral("--out=/tmp/demo"), QStringLiteral("--demo")});
        QVERIFY(o.error.isEmpty());
        QCOMPARE(o.databasePath, QStringLiteral("/cases/a.sqlite"));
        QCOMPARE(o.outDir, QStringLiteral("/tmp/demo"));
        QVERIFY(o.demo);
    }

    void screenshotNeedsADatabaseAndRunsHeadless()
    {
        const LaunchOptions o = parse({QStringLiteral("--db"), QStringLiteral("case.sqlite"), QStringLiteral("--screenshot"),
                                       QStringLiteral("shots")});
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QCOMPARE(o.screenshotDir, QStringLiteral("shots"));
        QVERIFY(o.headless); // offscreen even with a display
        QVERIFY(parse({QStringLiteral("--screenshot=shots")}).error.contains(QStringLiteral("--db")));
        QVERIFY(parse({QStringLiteral("--demo"), QStringLiteral("--screenshot"), QStringLiteral("x")}).error.contains(QStringLiteral("--demo")));
    }

    void inputTakesEveryPathUpToTheNextOption()
    {
        const LaunchOptions o = parse({QStringLiteral("--input"), QStringLiteral("a.json"), QStringLiteral("restore/"),
                                       QStringLiteral("b.zip"), QStringLiteral("--headless"),
                                       QStringLiteral("--input=c.csv")});
        QVERIFY(o.error.isEmpty());
        QCOMPARE(o.inputs, (QStringList{QStringLiteral("a.json"), QStringLiteral("restore/"), QStringLiteral("b.zip"),
                                        QStringLiteral("c.csv")}));
        QVERIFY(o.demo); // --input runs the demo flow with these files
        QVERIFY(o.headless);
    }

    void headlessWithoutADisplay()
    {
        QVERIFY(parse({QStringLiteral("--demo")}, false).headless);
        QVERIFY(!parse({QStringLiteral("--demo")}, true).headless);
        QVERIFY(parse({QStringLiteral("--demo"), QStringLiteral("--headless")}, true).headless);
    }

    void refusesWhatCannotWork_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("hasDisplay");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("headless, nothing to do") << QStringList{QStringLiteral("--headless")} << true
                                                 << QStringLiteral("--headless");
        QTest::newRow("no display, nothing to do") << QStringList{} << false << QStringLiteral("DISPLAY");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--colour")} << true << QStringLiteral("--colour");
        QTest::newRow("db without a path") << QStringList{QStringLiteral("--db")} << true << QStringLiteral("--db");
        QTest::newRow("input without a path") << QStringList{QStringLiteral("--input"), QStringLiteral("--demo")} << true
                                              << QStringLiteral("--input");
    }

    void refusesWhatCannotWork()
    {
        QFETCH(QStringList, args);
        QFETCH(bool, hasDisplay);
        QFETCH(QString, mentions);
        const LaunchOptions o = parse(args, hasDisplay);
        QVERIFY2(o.error.contains(mentions), qPrintable(o.error));
    }

    void helpNeedsNoDisplay()
    {
        const LaunchOptions o = parse({QStringLiteral("--help")}, false);
        QVERIFY(o.showHelp);
        QVERIFY(o.error.isEmpty());
        QVERIFY(launchUsage().contains(QLatin1String("--input PATH...")));
    }
};

QTEST_GUILESS_MAIN(TestLaunchOptions)
#include "test_launch_options.moc"
