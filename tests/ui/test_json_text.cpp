// The original record is laid out, never rewritten: key order, duplicates and number spelling stay.
#include "json_text.h"

#include <QTest>

using namespace backsight::ui;

class TestJsonText : public QObject
{
    Q_OBJECT

private slots:
    void indents_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("keeps key order") << QByteArray(R"({"z":1,"a":2})") << QStringLiteral("{\n  \"z\": 1,\n  \"a\": 2\n}");
        QTest::newRow("keeps number spelling") << QByteArray(R"({"lat":-41.28650000,"n":1e3})")
                                               << QStringLiteral("{\n  \"lat\": -41.28650000,\n  \"n\": 1e3\n}");
        QTest::newRow("keeps duplicate keys") << QByteArray(R"({"a":1,"a":2})")
                                              << QStringLiteral("{\n  \"a\": 1,\n  \"a\": 2\n}");
        QTest::newRow("nested and empty") << QByteArray(R"({"s":{"e":[]},"t":[1, {}]})")
                                          << QStringLiteral("{\n  \"s\": {\n    \"e\": []\n  },\n  \"t\": [\n    1,\n"
                                                            "    {}\n  ]\n}");
        QTest::newRow("punctuation inside strings") << QByteArray("{\"r\":\"a, b: {c} \\\"[d]\\\" \\\\\"}")
                                                    << QStringLiteral("{\n  \"r\": \"a, b: {c} \\\"[d]\\\" \\\\\"\n}");
        QTest::newRow("not JSON stays as it was") << QByteArray("Date,User\n2024,a") << QStringLiteral("Date,User\n2024,a");
        QTest::newRow("utf-8") << QByteArray(R"({"city":"Zürich"})") << QStringLiteral("{\n  \"city\": \"Zürich\"\n}");
    }

    void indents()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        QCOMPARE(indentJson(json), expected);
    }
};

QTEST_GUILESS_MAIN(TestJsonText)
#include "test_json_text.moc"
