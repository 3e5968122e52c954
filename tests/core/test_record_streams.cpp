// The JSON splitter and CSV reader must give the same records however the bytes are chunked.
#include "ingest/csv_record_stream.h"
#include "ingest/json_record_stream.h"
#include "ingest/source_reader.h"

#include <QtTest>

using namespace backsight;

class TestRecordStreams : public QObject
{
    Q_OBJECT
private slots:
    void jsonShapes_data();
    void jsonShapes();
    void jsonErrors_data();
    void jsonErrors();
    void csvRows();
    void csvTruncatedQuote();
    void headerNormalisation();
    void byteOrderMarkAcrossChunks();

private:
    static std::vector<std::string> split(const QByteArray &input, int chunk, JsonContainer *container, QString *error);
};

std::vector<std::string> TestRecordStreams::split(const QByteArray &input, int chunk, JsonContainer *container,
                                                  QString *error)
{
    std::vector<std::string> records;
    JsonRecordStream stream([&](std::string_view r) {
        records.emplace_back(r);
        return true;
    });
    Status status;
    for (qsizetype i = 0; i < input.size() && status; i += chunk)
        status = stream.feed(std::string_view(input.constData() + i, size_t(std::min<qsizetype>(chunk, input.size() - i))));
    if (status)
        status = stream.finish();
    *container = stream.container();
    *error = status ? QString() : status.error().message;
    if (!status && status.error().category != Error::Category::BadInput) // a malformed stream is bad input
        *error = QStringLiteral("the wrong category: %1").arg(Error::categoryName(status.error().category));
    return records;
}

void TestRecordStreams::jsonShapes_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("container");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("array") << QByteArray(R"( [ {"a":1}, {"b":"x]}"} ] )") << int(JsonContainer::Array)
                           << QStringList{QStringLiteral(R"({"a":1})"), QStringLiteral(R"({"b":"x]}"})")};
    QTest::newRow("graph page, value after context")
        << QByteArray(R"({"@odata.context":"{[\"","value":[{"id":"1","value":[1]},{"id":"2"}],"@odata.nextLink":"n"})")
        << int(JsonContainer::GraphPage)
        << QStringList{QStringLiteral(R"({"id":"1","value":[1]})"), QStringLiteral(R"({"id":"2"})")};
    QTest::newRow("records blob") << QByteArray("{\"records\": [\n{\"time\":\"t\"}\n]}\n") << int(JsonContainer::RecordsBlob)
                                  << QStringList{QStringLiteral(R"({"time":"t"})")};
    QTest::newRow("json lines") << QByteArray("{\"a\":\"\\\"{\"}\r\n{\"b\":2}\n\n") << int(JsonContainer::Lines)
                                << QStringList{QStringLiteral(R"({"a":"\"{"})"), QStringLiteral(R"({"b":2})")};
    QTest::newRow("empty array") << QByteArray("[]") << int(JsonContainer::Array) << QStringList{};
    QTest::newRow("escaped backslash before quote") << QByteArray(R"([{"p":"C:\\"},{"q":1}])") << int(JsonContainer::Array)
                                                    << QStringList{QStringLiteral(R"({"p":"C:\\"})"), QStringLiteral(R"({"q":1})")};
}

void TestRecordStreams::jsonShapes()
{
    QFETCH(QByteArray, input);
    QFETCH(int, container);
    QFETCH(QStringList, expected);
    for (int chunk : {1, 2, 3, 7, 64, 1 << 20}) {
        JsonContainer c;
        QString error;
        const auto records = split(input, chunk, &c, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(int(c), container);
        QStringList got;
        for (const std::string &r : records)
            got << QString::fromStdString(r);
        QCOMPARE(got, expected);
    }
}

void TestRecordStreams::jsonErrors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("reason");
    QTest::newRow("truncated record") << QByteArray(R"([{"a":1},{"b":)") << QStringLiteral("record 2");
    QTest::newRow("truncated string") << QByteArray(R"([{"a":"abc)") << QStringLiteral("truncated");
    QTest::newRow("empty") << QByteArray("  \n ") << QStringLiteral("no JSON");
    QTest::newRow("scalar element") << QByteArray("[1,2]") << QStringLiteral("not an object");
    QTest::newRow("mismatched") << QByteArray(R"([{"a":1]])") << QStringLiteral("mismatched");
    QTest::newRow("text before") << QByteArray("hello [") << QStringLiteral("unexpected character");
    QTest::newRow("content after array") << QByteArray("[] []") << QStringLiteral("after the end");
}

void TestRecordStreams::jsonErrors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, reason);
    JsonContainer c;
    QString error;
    split(input, 3, &c, &error);
    QVERIFY2(error.contains(reason), qPrintable(error));
}

void TestRecordStreams::csvRows()
{
    const QByteArray input = "a,b,c\r\n1,\"x, \"\"quoted\"\"\",\"multi\nline\"\r\n\n2,,last";
    for (int chunk : {1, 2, 5, 1000}) {
        std::vector<std::vector<std::string>> rows;
        std::vector<qint64> lines;
        CsvRecordStream csv([&](const std::vector<std::string> &cells, qint64 line) {
            rows.push_back(cells);
            lines.push_back(line);
            return true;
        });
        for (qsizetype i = 0; i < input.size(); i += chunk)
            QVERIFY(csv.feed(std::string_view(input.constData() + i, size_t(std::min<qsizetype>(chunk, input.size() - i)))));
        QVERIFY(csv.finish());
        QCOMPARE(rows.size(), size_t(3));
        QCOMPARE(rows[0], (std::vector<std::string>{"a", "b", "c"}));
        QCOMPARE(rows[1], (std::vector<std::string>{"1", "x, \"quoted\"", "multi\nline"}));
        QCOMPARE(rows[2], (std::vector<std::string>{"2", "", "last"}));
        QCOMPARE(lines, (std::vector<qint64>{1, 2, 5}));
    }
}

void TestRecordStreams::csvTruncatedQuote()
{
    CsvRecordStream csv([](const std::vector<std::string> &, qint64) { return true; });
    QVERIFY(csv.feed("a,b\n1,\"never closed"));
    const Status finished = csv.finish();
    QVERIFY(!finished);
    QVERIFY2(finished.error().message.contains(QLatin1String("line 2")), qPrintable(finished.error().message));
    QCOMPARE(finished.error().category, Error::Category::BadInput);
}

void TestRecordStreams::headerNormalisation()
{
    bool utc = false;
    QCOMPARE(normaliseHeader("Autonomous system  number", &utc), std::string("autonomous system number"));
    QCOMPARE(normaliseHeader("Application ID ", &utc), std::string("application id"));
    QCOMPARE(normaliseHeader("TimeGenerated [UTC]", &utc), std::string("timegenerated"));
    QVERIFY(utc);
    QCOMPARE(normaliseHeader("DeviceDetail_dynamic", &utc), std::string("devicedetail"));
    QVERIFY(!utc);
    QCOMPARE(normaliseHeader("LocationDetails_string"), std::string("locationdetails"));
}

void TestRecordStreams::byteOrderMarkAcrossChunks()
{
    const QByteArray input = "\xEF\xBB\xBF[{\"id\":\"a\",\"createdDateTime\":\"2024-11-01T10:00:00Z\"}]";
    for (int chunk : {1, 2, 4, 100}) {
        int rows = 0;
        SourceReader reader(
            ImportLimits{}, [&](const ReadRecord &) { return ++rows > 0; }, [](qint64, const QString &) {});
        for (qsizetype i = 0; i < input.size(); i += chunk) {
            const Status fed =
                reader.feed(std::string_view(input.constData() + i, size_t(std::min<qsizetype>(chunk, input.size() - i))));
            QVERIFY2(fed, qPrintable(fed ? QString() : fed.error().message));
        }
        const Status finished = reader.finish();
        QVERIFY2(finished, qPrintable(finished ? QString() : finished.error().message));
        QCOMPARE(rows, 1);
        QCOMPARE(reader.reader(), QStringLiteral("graph-json"));
    }
}

QTEST_GUILESS_MAIN(TestRecordStreams)
#include "test_record_streams.moc"
