#include "ingest/timestamp.h"

#include <QtTest>

using namespace backsight;

class TestTimestamp : public QObject
{
    Q_OBJECT
private slots:
    void parses_data();
    void parses();
    void rejects_data();
    void rejects();
    void formats();
};

void TestTimestamp::parses_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("utcColumn");
    QTest::addColumn<qint64>("ms");
    QTest::newRow("Z") << QByteArray("2024-11-01T10:15:30Z") << false << Q_INT64_C(1730456130000);
    QTest::newRow("7 fraction digits truncated") << QByteArray("2024-11-01T10:15:30.1239999Z") << false << Q_INT64_C(1730456130123);
    QTest::newRow("offset +02:00") << QByteArray("2024-11-01T12:15:30+02:00") << false << Q_INT64_C(1730456130000);
    QTest::newRow("offset -0530") << QByteArray("2024-11-01T04:45:30-0530") << false << Q_INT64_C(1730456130000);
    QTest::newRow("space separator, UTC column") << QByteArray("2024-11-01 10:15:30") << true << Q_INT64_C(1730456130000);
    QTest::newRow("Log Analytics PM") << QByteArray("4/28/2021, 2:08:45.221 PM") << true << Q_INT64_C(1619618925221);
    QTest::newRow("Log Analytics 12 AM") << QByteArray("11/1/2024, 12:00:00.000 AM") << true << Q_INT64_C(1730419200000);
    QTest::newRow("Log Analytics 12 PM") << QByteArray("11/1/2024, 12:00:00.000 PM") << true << Q_INT64_C(1730462400000);
    QTest::newRow("leap day") << QByteArray("2024-02-29T00:00:00Z") << false << Q_INT64_C(1709164800000);
    QTest::newRow("before 1970") << QByteArray("1969-12-31T23:59:59Z") << false << Q_INT64_C(-1000);
    QTest::newRow("surrounding spaces") << QByteArray("  2024-11-01T10:15:30Z ") << false << Q_INT64_C(1730456130000);
}

void TestTimestamp::parses()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, utcColumn);
    QFETCH(qint64, ms);
    const ParsedTime t = parseTimestamp(std::string_view(text.constData(), size_t(text.size())),
                                        utcColumn ? ZonelessTime::IsUtc : ZonelessTime::Reject);
    QVERIFY2(t.ok, qPrintable(t.error));
    QCOMPARE(t.ms, ms);
}

void TestTimestamp::rejects_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("reason");
    QTest::newRow("no zone") << QByteArray("2024-11-01T10:15:30") << QStringLiteral("no time zone");
    QTest::newRow("no zone, date only") << QByteArray("2024-11-01") << QStringLiteral("no time zone");
    QTest::newRow("US style without UTC column") << QByteArray("4/28/2021, 2:08:45 PM") << QStringLiteral("no time zone");
    QTest::newRow("month 13") << QByteArray("2024-13-01T10:15:30Z") << QStringLiteral("not a valid");
    QTest::newRow("30 February") << QByteArray("2024-02-30T10:15:30Z") << QStringLiteral("not a valid");
    QTest::newRow("hour 24") << QByteArray("2024-11-01T24:00:00Z") << QStringLiteral("not a valid");
    QTest::newRow("garbage") << QByteArray("yesterday") << QStringLiteral("ISO 8601");
    QTest::newRow("trailing") << QByteArray("2024-11-01T10:15:30Zjunk") << QStringLiteral("trailing");
    QTest::newRow("empty") << QByteArray("") << QStringLiteral("empty");
    QTest::newRow("13 PM") << QByteArray("4/28/2021, 13:08:45 PM") << QStringLiteral("hour outside");
}

void TestTimestamp::rejects()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, reason);
    const ParsedTime t = parseTimestamp(std::string_view(text.constData(), size_t(text.size())), ZonelessTime::Reject);
    QVERIFY(!t.ok);
    QVERIFY2(t.error.contains(reason), qPrintable(t.error));
}

void TestTimestamp::formats()
{
    QCOMPARE(formatUtcMs(1730456130123), QStringLiteral("2024-11-01T10:15:30.123Z"));
}

QTEST_GUILESS_MAIN(TestTimestamp)
#include "test_timestamp.moc"
