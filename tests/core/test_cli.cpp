// backsight-cli as a newcomer runs it: the contract in the README (exit codes, JSON fields, errors).
#include "test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

class TestCli : public QObject
{
    Q_OBJECT
private slots:
    void helpForEveryCommand();
    void usageErrors();
    void importReportsEverySource();
    void rejectedInputExitsTwoAndNamesRecord();
    void readOnlyDatabaseExitsThree();
    void statsAndEvents();
    void eventsNeutraliseFormulas();
    void generateImportRoundTrip();
    void readOnlyCommandsRefuseMissingDatabase_data();
    void readOnlyCommandsRefuseMissingDatabase();
    void quietImportPrintsOnlyErrors();

private:
    struct Run
    {
        int code;
        QByteArray out, err;
    };
    Run cli(const QStringList &args);
    backsight::test::TempFolder tmp_;
    QString db() const { return tmp_.path(QStringLiteral("case.sqlite")); }
};

TestCli::Run TestCli::cli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(BACKSIGHT_CLI), args);
    if (!p.waitForFinished(120000))
        return {-1, {}, "timed out"};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

void TestCli::helpForEveryCommand()
{
    const Run top = cli({QStringLiteral("--help")});
    QCOMPARE(top.code, 0);
    for (const char *command : {"import", "stats", "events", "generate"}) {
        QVERIFY(top.out.contains(command));
        const Run r = cli({QString::fromLatin1(command), QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("Usage:"), r.out.constData());
    }
}

void TestCli::usageErrors()
{
    QCOMPARE(cli({}).code, 1);
    QCOMPARE(cli({QStringLiteral("frobnicate")}).code, 1);
    QCOMPARE(cli({QStringLiteral("--db"), db(), QStringLiteral("import")}).code, 1);
    const Run r = cli({QStringLiteral("--db"), db(), QStringLiteral("events"), QStringLiteral("--format"),
                       QStringLiteral("csv"), QStringLiteral("--from"), QStringLiteral("2024-11-01T00:00:00")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("no time zone"), r.err.constData());
}

void TestCli::importReportsEverySource()
{
    const Run r = cli({QStringLiteral("--db"), db(), QStringLiteral("import"), QStringLiteral("--json"),
                       backsight::test::dataPath(QStringLiteral("graph")), backsight::test::dataPath(QStringLiteral("portal"))});
    QCOMPARE(r.code, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    const QJsonArray sources = o.value(QStringLiteral("sources")).toArray();
    QCOMPARE(sources.size(), 6);
    for (const QJsonValue &v : sources) {
        const QJsonObject s = v.toObject();
        for (const char *key : {"path", "sha256", "reader", "read", "new", "rejected", "error"})
            QVERIFY2(s.contains(QLatin1String(key)), key);
        QCOMPARE(s.value(QStringLiteral("sha256")).toString().size(), 64);
        QVERIFY(s.value(QStringLiteral("error")).isNull());
    }
    QCOMPARE(o.value(QStringLiteral("totals")).toObject().value(QStringLiteral("new")).toInt(), 68);
    // Again: nothing new, still exit 0.
    const Run again = cli({QStringLiteral("--db"), db(), QStringLiteral("import"), QStringLiteral("--json"),
                           backsight::test::dataPath(QStringLiteral("graph"))});
    QCOMPARE(again.code, 0);
    QCOMPARE(QJsonDocument::fromJson(again.out).object().value(QStringLiteral("totals")).toObject().value(QStringLiteral("new")).toInt(), 0);
}

void TestCli::rejectedInputExitsTwoAndNamesRecord()
{
    backsight::test::TempFolder own;
    const QString ownDb = own.path(QStringLiteral("x.sqlite"));
    const QString truncated = backsight::test::dataPath(QStringLiteral("bad/truncated.json"));
    const QString missing = backsight::test::dataPath(QStringLiteral("bad/missing_id_and_time.json"));
    const Run r = cli({QStringLiteral("--db"), ownDb, QStringLiteral("import"), truncated, missing,
                       backsight::test::dataPath(QStringLiteral("graph/signins.jsonl"))});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(truncated.toUtf8()) && r.err.contains("record 4"), r.err.constData());
    QVERIFY2(r.err.contains(missing.toUtf8()) && r.err.contains("record 3") && r.err.contains("no id"), r.err.constData());
    const Run stats = cli({QStringLiteral("--db"), ownDb, QStringLiteral("stats"), QStringLiteral("--json")});
    const QJsonObject o = QJsonDocument::fromJson(stats.out).object();
    QCOMPARE(o.value(QStringLiteral("signins")).toInt() + o.value(QStringLiteral("noninteractive_signins")).toInt(), 12 + 4);
}

void TestCli::readOnlyDatabaseExitsThree()
{
    backsight::test::TempFolder own;
    const QString ownDb = own.path(QStringLiteral("ro.sqlite"));
    QCOMPARE(cli({QStringLiteral("--db"), ownDb, QStringLiteral("import"), QStringLiteral("--quiet"),
                  backsight::test::dataPath(QStringLiteral("graph/signins.jsonl"))})
                 .code,
             0);
    QVERIFY(QFile::setPermissions(ownDb, QFile::ReadOwner));
    const Run r = cli({QStringLiteral("--db"), ownDb, QStringLiteral("import"),
                       backsight::test::dataPath(QStringLiteral("graph/signins.jsonl"))});
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains("read-only"), r.err.constData());
}

void TestCli::statsAndEvents()
{
    const Run stats = cli({QStringLiteral("--db"), db(), QStringLiteral("stats"), QStringLiteral("--json")});
    QCOMPARE(stats.code, 0);
    const QJsonObject o = QJsonDocument::fromJson(stats.out).object();
    for (const char *key : {"signins", "noninteractive_signins", "audits", "users", "sources"})
        QVERIFY2(o.contains(QLatin1String(key)), key);
    QCOMPARE(o.value(QStringLiteral("audits")).toInt(), 12);
    QCOMPARE(o.value(QStringLiteral("sources")).toInt(), 6);

    const Run csv = cli({QStringLiteral("--db"), db(), QStringLiteral("events"), QStringLiteral("--format"), QStringLiteral("csv"),
                         QStringLiteral("--user"), QStringLiteral("Aroha.Ngata@contoso.com"), QStringLiteral("--from"),
                         QStringLiteral("2024-11-01T00:00:00Z"), QStringLiteral("--to"), QStringLiteral("2024-11-02T00:00:00Z")});
    QCOMPARE(csv.code, 0);
    const QList<QByteArray> lines = csv.out.trimmed().split('\n');
    QVERIFY(lines.size() >= 2);
    QVERIFY(lines.front().startsWith("id,created_utc,"));
    for (qsizetype i = 1; i < lines.size(); ++i)
        QVERIFY2(lines[i].contains("aroha.ngata@contoso.com") && lines[i].contains(",2024-11-01T"), lines[i].constData());

    const Run jsonl = cli({QStringLiteral("--db"), db(), QStringLiteral("events"), QStringLiteral("--format"),
                           QStringLiteral("jsonl"), QStringLiteral("--table"), QStringLiteral("audits")});
    QCOMPARE(jsonl.code, 0);
    const QList<QByteArray> rows = jsonl.out.trimmed().split('\n');
    QCOMPARE(rows.size(), 12);
    QVERIFY(QJsonDocument::fromJson(rows.front()).object().contains(QStringLiteral("time_utc")));
}

void TestCli::eventsNeutraliseFormulas()
{
    backsight::test::TempFolder own;
    const QString file = own.path(QStringLiteral("hostile.json"));
    QVERIFY(backsight::test::writeFile(file, "[{\"id\":\"h1\",\"createdDateTime\":\"2024-11-01T10:00:00Z\","
                                              "\"userPrincipalName\":\"=cmd|' /C calc'!A0\",\"userDisplayName\":\"<b>x</b>\"}]"));
    const QString ownDb = own.path(QStringLiteral("h.sqlite"));
    QCOMPARE(cli({QStringLiteral("--db"), ownDb, QStringLiteral("import"), file}).code, 0);
    const Run csv = cli({QStringLiteral("--db"), ownDb, QStringLiteral("events"), QStringLiteral("--format"), QStringLiteral("csv")});
    QVERIFY2(csv.out.contains(",'=cmd|' /c calc'!a0,<b>x</b>,"), csv.out.constData()); // UPNs are stored lower case
}

void TestCli::generateImportRoundTrip()
{
    backsight::test::TempFolder own;
    const Run gen = cli({QStringLiteral("generate"), QStringLiteral("--users"), QStringLiteral("20"), QStringLiteral("--days"),
                         QStringLiteral("7"), QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--out"),
                         own.path(QStringLiteral("tenant"))});
    QCOMPARE(gen.code, 0);
    const Run imp = cli({QStringLiteral("--db"), own.path(QStringLiteral("g.sqlite")), QStringLiteral("import"),
                         QStringLiteral("--json"), own.path(QStringLiteral("tenant"))});
    QCOMPARE(imp.code, 0);
    const QJsonObject totals = QJsonDocument::fromJson(imp.out).object().value(QStringLiteral("totals")).toObject();
    // "Wrote N sign-ins and M audit events": the import finds exactly those.
    const QList<QByteArray> words = gen.out.split(' ');
    QCOMPARE(totals.value(QStringLiteral("new")).toInteger(), words.at(1).toLongLong() + words.at(4).toLongLong());
    const Run again = cli({QStringLiteral("generate"), QStringLiteral("--users"), QStringLiteral("20"), QStringLiteral("--days"),
                           QStringLiteral("7"), QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--out"),
                           own.path(QStringLiteral("tenant2"))});
    QCOMPARE(again.code, 0);
    QProcess diff;
    diff.start(QStringLiteral("diff"), {QStringLiteral("-r"), own.path(QStringLiteral("tenant")), own.path(QStringLiteral("tenant2"))});
    QVERIFY(diff.waitForFinished());
    QCOMPARE(diff.exitCode(), 0); // same seed, same bytes
}

void TestCli::readOnlyCommandsRefuseMissingDatabase_data()
{
    QTest::addColumn<QStringList>("args");
    const QString out = tmp_.path(QStringLiteral("never.csv"));
    QTest::newRow("stats") << QStringList{QStringLiteral("stats")};
    QTest::newRow("events") << QStringList{QStringLiteral("events"), QStringLiteral("--format"), QStringLiteral("csv")};
    QTest::newRow("anomalies") << QStringList{QStringLiteral("anomalies")};
    QTest::newRow("servers") << QStringList{QStringLiteral("servers")};
    QTest::newRow("incidents") << QStringList{QStringLiteral("incidents"), QStringLiteral("--json")};
    QTest::newRow("models") << QStringList{QStringLiteral("models")};
    QTest::newRow("case log") << QStringList{QStringLiteral("case"), QStringLiteral("log")};
    QTest::newRow("case show") << QStringList{QStringLiteral("case"), QStringLiteral("show"), QStringLiteral("--id"), QStringLiteral("an-1")};
    QTest::newRow("report") << QStringList{QStringLiteral("report"), QStringLiteral("--user"), QStringLiteral("a@b.c"),
                                           QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"), out};
    const QString labels = tmp_.path(QStringLiteral("labels.csv"));
    QFile file(labels);
    if (file.open(QIODevice::WriteOnly))
        file.write("attack_id,kind,user_principal_name,start_utc,end_utc,event_ids\n");
    QTest::newRow("eval") << QStringList{QStringLiteral("eval"), QStringLiteral("--labels"), labels};
}

// A mistyped --db is an error that names the path; no folder or empty case appears.
void TestCli::readOnlyCommandsRefuseMissingDatabase()
{
    QFETCH(QStringList, args);
    const QString folder = tmp_.path(QStringLiteral("typo"));
    const QString missing = folder + QStringLiteral("/case.sqlite");
    const Run r = cli(QStringList{QStringLiteral("--db"), missing} + args);
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("there is no case database at") && r.err.contains(missing.toUtf8()), r.err.constData());
    QVERIFY(r.out.isEmpty());
    QVERIFY(!QFileInfo::exists(folder));
    QVERIFY(!QFileInfo::exists(tmp_.path(QStringLiteral("never.csv"))));
}

void TestCli::quietImportPrintsOnlyErrors()
{
    backsight::test::TempFolder own;
    const QString ownDb = own.path(QStringLiteral("q.sqlite"));
    const Run ok = cli({QStringLiteral("--db"), ownDb, QStringLiteral("import"), QStringLiteral("--quiet"),
                        backsight::test::dataPath(QStringLiteral("graph"))});
    QCOMPARE(ok.code, 0);
    QVERIFY2(ok.out.isEmpty() && ok.err.isEmpty(), ok.out.constData());
    const QString truncated = backsight::test::dataPath(QStringLiteral("bad/truncated.json"));
    const Run bad = cli({QStringLiteral("--db"), ownDb, QStringLiteral("import"), QStringLiteral("--quiet"), truncated});
    QCOMPARE(bad.code, 2);
    QVERIFY(bad.out.isEmpty());
    QVERIFY2(bad.err.contains(truncated.toUtf8()), bad.err.constData());
}

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
