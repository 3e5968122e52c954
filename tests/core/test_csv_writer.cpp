// CSV exports must survive a round trip and never hand a spreadsheet a formula from a log field.
#include "export/csv_writer.h"
#include "ingest/csv_record_stream.h"

#include <QBuffer>
#include <QtTest>

using namespace backsight;

class TestCsvWriter : public QObject
{
    Q_OBJECT
private slots:
    void neutralisesFormulas_data();
    void neutralisesFormulas();
    void roundTrip();
};

void TestCsvWriter::neutralisesFormulas_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("written");
    QTest::newRow("equals") << QStringLiteral("=cmd|' /C calc'!A0") << QStringLiteral("'=cmd|' /C calc'!A0");
    QTest::newRow("plus") << QStringLiteral("+1+1") << QStringLiteral("'+1+1");
    QTest::newRow("minus formula") << QStringLiteral("-2+3") << QStringLiteral("'-2+3");
    QTest::newRow("at") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
    QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
    QTest::newRow("carriage return") << QStringLiteral("\r=1") << QStringLiteral("'\r=1");
    QTest::newRow("plain") << QStringLiteral("alice@contoso.com") << QStringLiteral("alice@contoso.com");
    QTest::newRow("html stays literal") << QStringLiteral("<b>x</b>") << QStringLiteral("<b>x</b>");
}

void TestCsvWriter::neutralisesFormulas()
{
    QFETCH(QString, cell);
    QFETCH(QString, written);
    QCOMPARE(CsvWriter::neutralise(cell), written);
}

void TestCsvWriter::roundTrip()
{
    const QStringList hostile = {QStringLiteral("=HYPERLINK(\"http://x\")"), QStringLiteral("a,b"),
                                 QStringLiteral("line\nbreak"), QStringLiteral("quote \" inside"), QStringLiteral("Ωmega"),
                                 QStringLiteral("")};
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(buffer, true);
    writer.writeRow(hostile);
    const QByteArray bytes = buffer.data();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const QByteArray body = bytes.mid(3);
    std::vector<std::string> cells;
    CsvRecordStream reader([&](const std::vector<std::string> &row, qint64) {
        cells = row;
        return true;
    });
    QVERIFY(reader.feed(std::string_view(body.constData(), size_t(body.size()))));
    QVERIFY(reader.finish());
    QCOMPARE(cells.size(), size_t(hostile.size()));
    QCOMPARE(QString::fromStdString(cells[0]), QStringLiteral("'=HYPERLINK(\"http://x\")"));
    for (qsizetype i = 1; i < hostile.size(); ++i)
        QCOMPARE(QString::fromStdString(cells[size_t(i)]), hostile[i]);
}

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "test_csv_writer.moc"
