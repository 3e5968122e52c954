// The headless demo's progress lines: a line when a stage starts, at every tenth of it and when it ends; on a
// terminal one line rewritten in place.
#include "demo/demo_progress_printer.h"

#include <QTextStream>
#include <QtTest>

using namespace backsight::ui;

class TestDemoProgress : public QObject
{
    Q_OBJECT
private slots:
    void logGetsStagesAndTenths()
    {
        QString text;
        QTextStream out(&text);
        DemoProgressPrinter printer(out, false);
        printer.update(QStringLiteral("1/5 generate"), 0, QStringLiteral("Generating demo tenant"));
        printer.update(QStringLiteral("1/5 generate"), 4, QStringLiteral("day 4 of 90"));
        printer.update(QStringLiteral("1/5 generate"), 12, QStringLiteral("day 11 of 90"));
        printer.update(QStringLiteral("1/5 generate"), 100, QStringLiteral("Wrote 9 files"));
        printer.update(QStringLiteral("1/5 generate"), 100, QStringLiteral("Wrote 9 files"));
        printer.update(QStringLiteral("1/5 generate"), 3, QStringLiteral("writing pages")); // its next phase
        printer.update(QStringLiteral("2/5 import"), 0, QStringLiteral("Importing"));
        printer.finish();
        const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines, (QStringList{QStringLiteral("[1/5 generate]   0% · Generating demo tenant"),
                                     QStringLiteral("[1/5 generate]  12% · day 11 of 90"),
                                     QStringLiteral("[1/5 generate] 100% · Wrote 9 files"),
                                     QStringLiteral("[1/5 generate]   3% · writing pages"),
                                     QStringLiteral("[2/5 import]   0% · Importing")}));
    }

    void terminalRewritesOneLinePerStage()
    {
        QString text;
        QTextStream out(&text);
        DemoProgressPrinter printer(out, true);
        printer.update(QStringLiteral("3/5 train and detect"), 0, QStringLiteral("a long first detail"));
        printer.update(QStringLiteral("4/5 screenshots"), 50, QStringLiteral("4 of 9"));
        printer.finish();
        QVERIFY(text.startsWith(QLatin1Char('\r')));
        QCOMPARE(text.count(QLatin1Char('\n')), 2); // one per finished stage line
        QVERIFY(text.contains(QStringLiteral("[4/5 screenshots]  50% · 4 of 9")));
    }
};

QTEST_GUILESS_MAIN(TestDemoProgress)
#include "test_demo_progress.moc"
