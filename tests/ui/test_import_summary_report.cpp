// The demo's PDF summary: what it reads from the case database, that log-derived text is escaped,
// and that a PDF is written.
#include "report/import_summary.h"
#include "report/import_summary_pdf.h"
#include "sign_in_fixture.h"
#include "store/database.h"
#include "test_support.h"

#include <QFile>
#include <QTest>

using namespace backsight;
using namespace backsight::ui;
using Fixture = backsight::test::SignInFixture;

class TestImportSummaryReport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // 400 sign-ins from the fixture, plus 20 by a user whose UPN (and app, and file name) are markup.
        const QString file = temp_.path(QStringLiteral("logs/signins.json"));
        QVERIFY(test::writeFile(file, Fixture::page(0, 400)));
        QByteArray records;
        for (int i = 0; i < 20; ++i) {
            records += QStringLiteral(R"(%1{"id":"h-%2","createdDateTime":"2024-12-01T00:00:%3Z",)"
                                      R"("userPrincipalName":"<img src=x onerror=alert(1)>@contoso.com",)"
                                      R"("appDisplayName":"<b>App</b> & Co","isInteractive":true,)"
                                      R"("status":{"errorCode":0}})")
                           .arg(i == 0 ? QString() : QStringLiteral(","))
                           .arg(i)
                           .arg(i, 2, 10, QLatin1Char('0'))
                           .toUtf8();
        }
        const QString hostile = temp_.path(QStringLiteral("logs/<script>.json"));
        QVERIFY(test::writeFile(hostile, "{\"value\":[" + records + "]}"));
        const ImportReport report = test::importInto(temp_.path(QStringLiteral("case.sqlite")), {file, hostile});
        QCOMPARE(report.totalInserted(), qint64(420));
        QVERIFY(db_.open(temp_.path(QStringLiteral("case.sqlite"))));
    }

    void readsCountsRankingsAndSources()
    {
        QString error;
        const QDateTime at(QDate(2025, 1, 2), QTime(3, 4, 5), Qt::UTC);
        const auto summary = readImportSummary(db_, at, error);
        QVERIFY2(summary, qPrintable(error));
        QCOMPARE(summary->generatedAt, at);
        QCOMPARE(summary->stats.interactiveSignIns, qint64(400 / 3 + 1 + 20)); // i % 3 == 0, and the hostile 20
        QCOMPARE(summary->sources.size(), size_t(2));
        QCOMPARE(summary->sources.front().sha256.size(), 64);
        QCOMPARE(summary->topUsers.size(), size_t(10));
        QCOMPARE(summary->topCountries.size(), size_t(5));
        // The hostile user has 20; then 400 sign-ins over 37 users: users 0..29 have 11; ties rank by name.
        QCOMPARE(summary->topUsers.front().signIns, qint64(20));
        QCOMPARE(summary->topUsers.at(1).name, Fixture::upn(0));
        QCOMPARE(summary->topUsers.at(1).signIns, qint64(11));
        qint64 failures = 0;
        for (const RankedName &c : summary->topCountries)
            failures += c.failures;
        QCOMPARE(failures, qint64(40)); // every tenth sign-in failed
    }

    void escapesEverythingFromTheLogs()
    {
        QString error;
        const auto summary = readImportSummary(db_, QDateTime::currentDateTimeUtc(), error);
        QVERIFY(summary);
        const QString html = importSummaryHtml(*summary);
        QVERIFY(!html.contains(QLatin1String("<img")));
        QVERIFY(!html.contains(QLatin1String("<b>App")));
        QVERIFY(html.contains(QLatin1String("&lt;img src=x onerror=alert(1)&gt;@contoso.com")));
        QVERIFY(html.contains(QLatin1String("&lt;b&gt;App&lt;/b&gt; &amp; Co")));
        QVERIFY(html.contains(QLatin1String("Backsight import summary")));
        // Paths are shown relative to the folder they share.
        QVERIFY(html.contains(QLatin1String("Paths are relative to ")));
        QVERIFY(html.contains(QLatin1String(">signins.json<br/>")));
        QVERIFY(html.contains(QLatin1String(">&lt;script&gt;.json<br/>")));
        QVERIFY(!html.contains(QLatin1String("<script")));
    }

    void writesAnA4Pdf()
    {
        QString error;
        const auto summary = readImportSummary(db_, QDateTime::currentDateTimeUtc(), error);
        QVERIFY(summary);
        const QString pdf = temp_.path(QStringLiteral("out/report.pdf"));
        QVERIFY2(writeImportSummaryPdf(*summary, pdf, error), qPrintable(error));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.contains("/MediaBox [0 0 595.000000 842.000000]")); // A4 in points
    }

    void saysWhyItCannotWrite()
    {
        QString error;
        const auto summary = readImportSummary(db_, QDateTime::currentDateTimeUtc(), error);
        QVERIFY(summary);
        QVERIFY(test::writeFile(temp_.path(QStringLiteral("a-file")), "x"));
        QVERIFY(!writeImportSummaryPdf(*summary, temp_.path(QStringLiteral("a-file/report.pdf")), error));
        QVERIFY2(error.contains(QLatin1String("report.pdf")), qPrintable(error));
    }

private:
    test::TempFolder temp_;
    Database db_;
};

QTEST_MAIN(TestImportSummaryReport)
#include "test_import_summary_report.moc"
