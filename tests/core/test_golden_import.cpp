// Every input shape the importer reads, checked against hand-written expectations (tests/data/golden.json).
#include "ingest/importer.h"
#include "store/database.h"
#include "store/event_queries.h"
#include "test_support.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtTest>

using namespace backsight;

class TestGoldenImport : public QObject
{
    Q_OBJECT
private slots:
    void importsEachShape_data();
    void importsEachShape();
    void reimportAddsNothing();

private:
    static QJsonArray goldenFiles();
    static qint64 countRows(Database &db, const QString &table);
};

QJsonArray TestGoldenImport::goldenFiles()
{
    QFile f(test::dataPath(QStringLiteral("golden.json")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("files")).toArray();
}

qint64 TestGoldenImport::countRows(Database &db, const QString &table)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

void TestGoldenImport::importsEachShape_data()
{
    QTest::addColumn<QJsonObject>("expected");
    const QJsonArray files = goldenFiles();
    QVERIFY2(files.size() >= 18, "tests/data/golden.json is missing or incomplete");
    for (const QJsonValue &v : files) {
        const QJsonObject o = v.toObject();
        QTest::newRow(qPrintable(o.value(QStringLiteral("file")).toString())) << o;
    }
}

void TestGoldenImport::importsEachShape()
{
    QFETCH(QJsonObject, expected);
    test::TempFolder tmp;
    Database db;
    QVERIFY2(db.open(tmp.path(QStringLiteral("case.sqlite"))), qPrintable(db.error()));
    Importer importer(db);
    const QString file = test::dataPath(expected.value(QStringLiteral("file")).toString());
    const ImportReport report = importer.run({file});
    QVERIFY(report.problems.empty());
    QCOMPARE(report.sources.size(), size_t(1));
    const SourceReport &s = report.sources.front();
    const bool expectError = expected.value(QStringLiteral("error")).toBool();
    QVERIFY2(s.error.isEmpty() != expectError, qPrintable(QStringLiteral("error: '%1'").arg(s.error)));
    QCOMPARE(s.reader, expected.value(QStringLiteral("reader")).toString());
    QCOMPARE(s.inserted, expected.value(QStringLiteral("new")).toInteger());
    if (expectError) {
        // A rejected file leaves nothing behind, not even its source row.
        QCOMPARE(countRows(db, QStringLiteral("sources")), 0);
        QCOMPARE(countRows(db, QStringLiteral("signins")), 0);
        QVERIFY(!report.hasRejections() || !s.error.isEmpty());
        return;
    }
    QCOMPARE(s.read, expected.value(QStringLiteral("read")).toInteger());
    QCOMPARE(s.rejected, expected.value(QStringLiteral("rejected")).toInteger());
    QCOMPARE(s.recordErrors.size(), qsizetype(s.rejected));
    QCOMPARE(s.sha256.size(), 64);
    const QJsonObject tables = expected.value(QStringLiteral("tables")).toObject();
    for (auto it = tables.begin(); it != tables.end(); ++it)
        QCOMPARE(countRows(db, it.key()), it.value().toInteger());

    for (const QJsonValue &c : expected.value(QStringLiteral("checks")).toArray()) {
        const QJsonObject check = c.toObject();
        const QString id = check.value(QStringLiteral("id")).toString();
        QSqlQuery q(db.connection());
        q.prepare(QStringLiteral("SELECT * FROM %1 WHERE id = ?").arg(check.value(QStringLiteral("table")).toString()));
        q.addBindValue(id);
        QVERIFY(q.exec());
        QVERIFY2(q.next(), qPrintable(QStringLiteral("no row %1").arg(id)));
        const QJsonObject fields = check.value(QStringLiteral("fields")).toObject();
        for (auto f = fields.begin(); f != fields.end(); ++f) {
            const QVariant actual = q.value(f.key());
            const QString where = QStringLiteral("%1.%2: got '%3'").arg(id, f.key(), actual.toString());
            if (f.value().isNull())
                QVERIFY2(actual.isNull(), qPrintable(where));
            else if (f.value().isDouble() && !f.key().endsWith(QLatin1String("_ms")) && f.key() != QLatin1String("asn")
                     && f.key() != QLatin1String("error_code"))
                QVERIFY2(qAbs(actual.toDouble() - f.value().toDouble()) < 1e-9, qPrintable(where));
            else if (f.value().isDouble())
                QVERIFY2(actual.toLongLong() == f.value().toInteger(), qPrintable(where));
            else if (f.value().isBool())
                QVERIFY2(actual.toInt() == (f.value().toBool() ? 1 : 0), qPrintable(where));
            else
                QVERIFY2(actual.toString() == f.value().toString(),
                         qPrintable(where + QStringLiteral(", want '%1'").arg(f.value().toString())));
        }
    }
}

void TestGoldenImport::reimportAddsNothing()
{
    test::TempFolder tmp;
    Database db;
    QVERIFY(db.open(tmp.path(QStringLiteral("case.sqlite"))));
    QStringList good;
    for (const QString &dir : {QStringLiteral("graph"), QStringLiteral("diagnostic"), QStringLiteral("loganalytics"),
                               QStringLiteral("portal")})
        good << test::dataPath(dir);
    Importer importer(db);
    const ImportReport first = importer.run(good);
    QVERIFY(first.totalInserted() > 100);
    QCOMPARE(first.totalRejected(), 0);
    const qint64 sources = countRows(db, QStringLiteral("sources"));
    const ImportReport second = importer.run(good);
    QCOMPARE(second.totalInserted(), 0);
    QCOMPARE(second.totalRead(), first.totalRead());
    QCOMPARE(countRows(db, QStringLiteral("sources")), sources);
    QCOMPARE(countRows(db, QStringLiteral("sources")), sources);
    // Every stored event still finds its original record, byte for byte as read.
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT id FROM signins UNION ALL SELECT id FROM service_signins "
                                  "UNION ALL SELECT id FROM audits")));
    int checked = 0;
    while (q.next()) {
        const auto original = originalRecord(db, q.value(0).toString());
        QVERIFY2(original, qPrintable(original ? QString() : original.error().message));
        QVERIFY2(original->contains(q.value(0).toString().toUtf8()), original->constData());
        ++checked;
    }
    QCOMPARE(checked, first.totalInserted());
}

QTEST_GUILESS_MAIN(TestGoldenImport)
#include "test_golden_import.moc"
