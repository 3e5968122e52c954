// After an import: every rejected file and record listed as file / record / reason, and copyable.
#include "dialogs/import_problems_dialog.h"
#include "ingest/importer.h"

#include <QApplication>
#include <QClipboard>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace backsight;
using namespace backsight::ui;

namespace {

ImportReport reportWithProblems()
{
    ImportReport report;
    report.problems.push_back({QStringLiteral("/cases/restore/notes.txt"), QStringLiteral("not a log export")});
    SourceReport truncated;
    truncated.path = QStringLiteral("/cases/restore/2024-11-01T10.json");
    truncated.error = QStringLiteral("invalid JSON at byte 4096: unexpected end of file (truncated?)");
    report.sources.push_back(truncated);
    SourceReport partly;
    partly.path = QStringLiteral("/cases/restore/signins.csv");
    partly.read = 120;
    partly.inserted = 95;
    partly.rejected = 25;
    partly.recordErrors << QStringLiteral("record 7 (line 9): sign-in has no id")
                        << QStringLiteral("record 12: time 2024-11-01 10:00 has no zone");
    report.sources.push_back(partly);
    return report;
}

} // namespace

class TestImportProblemsDialog : public QObject
{
    Q_OBJECT

private slots:
    void listsFilesRecordsAndReasons()
    {
        const std::vector<ImportProblem> problems = listImportProblems(reportWithProblems());
        QCOMPARE(problems.size(), size_t(5));
        QCOMPARE(problems[0].file, QStringLiteral("/cases/restore/notes.txt"));
        QVERIFY(problems[0].record.isEmpty());
        QCOMPARE(problems[1].record, QStringLiteral("whole file"));
        QVERIFY(problems[1].reason.contains(QLatin1String("truncated")));
        QCOMPARE(problems[2].record, QStringLiteral("record 7 (line 9)"));
        QCOMPARE(problems[2].reason, QStringLiteral("sign-in has no id"));
        QCOMPARE(problems[3].record, QStringLiteral("record 12"));
        // 25 rejected, 2 named: the other 23 are counted, not hidden.
        QCOMPARE(problems[4].reason, QStringLiteral("23 more records rejected (not listed)"));
    }

    void showsAndCopiesThem()
    {
        ImportProblemsDialog dialog(reportWithProblems(), QStringLiteral("Imported 95 new events from 1 files"));
        QCOMPARE(dialog.table()->rowCount(), 5);
        QCOMPARE(dialog.table()->item(2, 0)->text(), QStringLiteral("/cases/restore/signins.csv"));
        const QString text = dialog.problemsAsText();
        QVERIFY(text.startsWith(QLatin1String("File\tRecord\tReason\n")));
        QVERIFY(text.contains(QLatin1String("/cases/restore/signins.csv\trecord 7 (line 9)\tsign-in has no id")));

        QPushButton *copyAll = nullptr;
        for (QPushButton *b : dialog.findChildren<QPushButton *>())
            copyAll = b->text() == QLatin1String("Copy all") ? b : copyAll;
        QVERIFY(copyAll);
        QTest::mouseClick(copyAll, Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), text);
    }
};

QTEST_MAIN(TestImportProblemsDialog)
#include "test_import_problems_dialog.moc"
