// Timesketch and ECS exports of a generated demo case through the CLI (events, anomalies, report), checked
// against the fields and types their documentation requires (docs/exports.md), and Sigma through the CLI. On SQLite
// case files, and on PostgreSQL (test_analyst_exports_postgres: BACKSIGHT_TEST_EXPORTS_ENGINE=postgresql).
#include "export/ecs_export.h"
#include "export/timesketch_export.h"
#include "ingest/importer.h"
#include "store/database.h"
#include "store/event_originals.h"
#include "engine_main.h"
#include "test_support.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace backsight;

namespace {

QJsonValue at(const QJsonObject &o, const QString &dotted)
{
    QJsonValue v = o;
    for (const QString &part : dotted.split(QLatin1Char('.')))
        v = v.toObject().value(part);
    return v;
}

bool isIsoUtc(const QString &text)
{
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    return t.isValid() && t.timeSpec() == Qt::UTC && text.endsWith(QLatin1Char('Z'));
}

QList<QJsonObject> lines(const QByteArray &out)
{
    QList<QJsonObject> rows;
    for (const QByteArray &line : out.split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonParseError e;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &e);
        if (e.error != QJsonParseError::NoError || !doc.isObject())
            return {};
        rows << doc.object();
    }
    return rows;
}

// Timesketch: message (non-empty string), datetime (ISO 8601), timestamp_desc (string); timestamp in µs.
void checkTimesketchRow(const QJsonObject &o)
{
    QVERIFY(o.value(QStringLiteral("message")).isString() && !o.value(QStringLiteral("message")).toString().isEmpty());
    QVERIFY2(isIsoUtc(o.value(QStringLiteral("datetime")).toString()), qPrintable(o.value(QStringLiteral("datetime")).toString()));
    QVERIFY(!o.value(QStringLiteral("timestamp_desc")).toString().isEmpty());
    const QDateTime t = QDateTime::fromString(o.value(QStringLiteral("datetime")).toString(), Qt::ISODateWithMs);
    QCOMPARE(o.value(QStringLiteral("timestamp")).toInteger(), t.toMSecsSinceEpoch() * 1000);
}

// ECS: @timestamp date, ecs.version, event.kind keyword, event.category / event.type arrays of allowed values.
void checkEcsDocument(const QJsonObject &o)
{
    static const QStringList kinds = {QStringLiteral("event"), QStringLiteral("alert")};
    static const QStringList categories = {QStringLiteral("authentication"), QStringLiteral("iam")};
    static const QStringList types = {QStringLiteral("start"), QStringLiteral("info"), QStringLiteral("creation"),
                                      QStringLiteral("deletion"), QStringLiteral("change"), QStringLiteral("user"),
                                      QStringLiteral("group"), QStringLiteral("admin")};
    QVERIFY(isIsoUtc(o.value(QStringLiteral("@timestamp")).toString()));
    QCOMPARE(at(o, QStringLiteral("ecs.version")).toString(), QString::fromLatin1(exporting::kEcsVersion));
    QVERIFY(kinds.contains(at(o, QStringLiteral("event.kind")).toString()));
    QVERIFY(at(o, QStringLiteral("event.category")).isArray());
    for (const QJsonValue &c : at(o, QStringLiteral("event.category")).toArray())
        QVERIFY(categories.contains(c.toString()));
    for (const QJsonValue &t : at(o, QStringLiteral("event.type")).toArray())
        QVERIFY2(types.contains(t.toString()), qPrintable(t.toString()));
    const QJsonValue outcome = at(o, QStringLiteral("event.outcome"));
    QVERIFY(outcome.isUndefined() || QStringList({QStringLiteral("success"), QStringLiteral("failure"), QStringLiteral("unknown")})
                                         .contains(outcome.toString()));
    const QJsonValue as = at(o, QStringLiteral("source.as.number"));
    QVERIFY(as.isUndefined() || as.isDouble());
    const QJsonValue location = at(o, QStringLiteral("source.geo.location"));
    QVERIFY(location.isUndefined() || (at(location.toObject(), QStringLiteral("lat")).isDouble()
                                       && at(location.toObject(), QStringLiteral("lon")).isDouble()));
}

} // namespace

class TestAnalystExports : public QObject
{
    Q_OBJECT
public:
    // `server` null: SQLite case files; otherwise databases on that server.
    explicit TestAnalystExports(test::PostgresServer *server) : cases_(server, tmp_.path()) {}

private slots:
    void initTestCase();
    void timesketchOfTheDemoCase();
    void ecsOfTheDemoCase();
    void reportFormats();
    void ecsOfEveryInputShape();
    void snakeCase();
    void sigmaCommand();
    void detectRerunsTheSettingsFolder();

private:
    int cli(const QStringList &args, QByteArray *out = nullptr, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    QString newCase(const QString &name) { return cases_.newCase(name); }
    QTemporaryDir tmp_;
    test::CaseLocations cases_; // after tmp_, whose folder it uses
    QString db_;
};

int TestAnalystExports::cli(const QStringList &args, QByteArray *out, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(BACKSIGHT_CLI), QStringList{QStringLiteral("--db"), db_} + args);
    p.waitForFinished(300'000);
    if (out)
        *out = p.readAllStandardOutput();
    return p.exitCode();
}

void TestAnalystExports::initTestCase()
{
    db_ = newCase(QStringLiteral("demo"));
    QVERIFY(!db_.isEmpty());
    const QString logs = tmp_.filePath(QStringLiteral("demo"));
    QCOMPARE(cli({QStringLiteral("generate"), QStringLiteral("--out"), logs, QStringLiteral("--users"), QStringLiteral("12"),
                  QStringLiteral("--days"), QStringLiteral("20"), QStringLiteral("--seed"), QStringLiteral("7"),
                  QStringLiteral("--format"), QStringLiteral("graph")}), 0);
    QCOMPARE(cli({QStringLiteral("import"), logs, QStringLiteral("--quiet")}), 0);
    QCOMPARE(cli({QStringLiteral("train")}), 0);
    QCOMPARE(cli({QStringLiteral("detect"), QStringLiteral("--quiet")}), 0);
}

void TestAnalystExports::timesketchOfTheDemoCase()
{
    QByteArray out;
    QCOMPARE(cli({QStringLiteral("events"), QStringLiteral("--format"), QStringLiteral("timesketch")}, &out), 0);
    const QList<QJsonObject> rows = lines(out);
    QVERIFY(rows.size() > 100);
    for (const QJsonObject &o : rows) {
        checkTimesketchRow(o);
        QCOMPARE(o.value(QStringLiteral("data_type")).toString(), QStringLiteral("entra:signin"));
        QVERIFY(o.contains(QStringLiteral("upn")) && o.contains(QStringLiteral("ip")));
    }
    QCOMPARE(cli({QStringLiteral("anomalies"), QStringLiteral("--format"), QStringLiteral("timesketch")}, &out), 0);
    const QList<QJsonObject> anomalies = lines(out);
    QVERIFY(!anomalies.isEmpty());
    for (const QJsonObject &o : anomalies) {
        checkTimesketchRow(o);
        QVERIFY(QStringList({QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high"), QStringLiteral("critical")})
                    .contains(o.value(QStringLiteral("severity")).toString()));
        QVERIFY(!o.value(QStringLiteral("reasons")).toString().isEmpty());
    }
    // CSV: a header with the required columns first, one row per event.
    QCOMPARE(cli({QStringLiteral("events"), QStringLiteral("--format"), QStringLiteral("timesketch-csv"), QStringLiteral("--table"),
                  QStringLiteral("audits")}, &out), 0);
    const QList<QByteArray> csv = out.trimmed().split('\n');
    QVERIFY(csv.first().startsWith("message,datetime,timestamp,timestamp_desc,data_type,table,id,time_utc"));
    QVERIFY(csv.size() > 1);
}

void TestAnalystExports::ecsOfTheDemoCase()
{
    QByteArray out;
    QCOMPARE(cli({QStringLiteral("events"), QStringLiteral("--format"), QStringLiteral("ecs")}, &out), 0);
    const QList<QJsonObject> docs = lines(out);
    QVERIFY(docs.size() > 100);
    int failures = 0;
    for (const QJsonObject &o : docs) {
        checkEcsDocument(o);
        QCOMPARE(at(o, QStringLiteral("event.category")).toArray(), QJsonArray{QStringLiteral("authentication")});
        QVERIFY(at(o, QStringLiteral("user.name")).toString().contains(QLatin1Char('@')));
        QCOMPARE(at(o, QStringLiteral("user.email")), at(o, QStringLiteral("user.name")));
        QVERIFY(!at(o, QStringLiteral("source.ip")).toString().isEmpty());
        QVERIFY(!at(o, QStringLiteral("azure.signinlogs.properties.user_principal_name")).toString().isEmpty());
        QVERIFY(at(o, QStringLiteral("azure.signinlogs.properties.status.error_code")).isDouble());
        failures += at(o, QStringLiteral("event.outcome")).toString() == QLatin1String("failure");
    }
    QVERIFY(failures > 0);
    QCOMPARE(cli({QStringLiteral("events"), QStringLiteral("--format"), QStringLiteral("ecs"), QStringLiteral("--table"),
                  QStringLiteral("audits")}, &out), 0);
    for (const QJsonObject &o : lines(out)) {
        checkEcsDocument(o);
        QCOMPARE(at(o, QStringLiteral("event.category")).toArray(), QJsonArray{QStringLiteral("iam")});
        QVERIFY(!at(o, QStringLiteral("azure.auditlogs.operation_name")).toString().isEmpty());
        QVERIFY(at(o, QStringLiteral("azure.auditlogs.properties")).isObject());
    }
    QCOMPARE(cli({QStringLiteral("anomalies"), QStringLiteral("--format"), QStringLiteral("ecs")}, &out), 0);
    const QList<QJsonObject> alerts = lines(out);
    QVERIFY(!alerts.isEmpty());
    for (const QJsonObject &o : alerts) {
        checkEcsDocument(o);
        QCOMPARE(at(o, QStringLiteral("event.kind")).toString(), QStringLiteral("alert"));
        QVERIFY(at(o, QStringLiteral("event.severity")).isDouble());
        QVERIFY(!at(o, QStringLiteral("backsight.anomaly.id")).toString().isEmpty());
    }
}

void TestAnalystExports::reportFormats()
{
    QByteArray out;
    const QString ts = tmp_.filePath(QStringLiteral("report.jsonl")), ecs = tmp_.filePath(QStringLiteral("report.ndjson"));
    const QStringList scope = {QStringLiteral("--from"), QStringLiteral("2000-01-01T00:00:00Z"), QStringLiteral("--to"),
                               QStringLiteral("2100-01-01T00:00:00Z")};
    QCOMPARE(cli(QStringList{QStringLiteral("report"), QStringLiteral("--format"), QStringLiteral("timesketch"), QStringLiteral("--out"), ts} + scope), 0);
    QCOMPARE(cli(QStringList{QStringLiteral("report"), QStringLiteral("--format"), QStringLiteral("ecs"), QStringLiteral("--out"), ecs} + scope), 0);
    QFile f(ts);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QJsonObject> rows = lines(f.readAll());
    int anomalyRows = 0, eventRows = 0;
    qint64 last = 0;
    for (const QJsonObject &o : rows) {
        checkTimesketchRow(o);
        (o.value(QStringLiteral("data_type")).toString() == QLatin1String("backsight:anomaly") ? anomalyRows : eventRows)++;
        QVERIFY(o.value(QStringLiteral("timestamp")).toInteger() >= last); // one timeline, in time order
        last = o.value(QStringLiteral("timestamp")).toInteger();
    }
    QVERIFY(anomalyRows > 0 && eventRows > 0);
    QFile g(ecs);
    QVERIFY(g.open(QIODevice::ReadOnly));
    const QList<QJsonObject> docs = lines(g.readAll());
    QCOMPARE(docs.size(), rows.size());
    for (const QJsonObject &o : docs)
        checkEcsDocument(o);
    QCOMPARE(cli({QStringLiteral("events"), QStringLiteral("--format"), QStringLiteral("xml")}), 1);
}

void TestAnalystExports::ecsOfEveryInputShape()
{
    for (const char *shape : {"graph", "diagnostic", "loganalytics", "portal"}) {
        Database db;
        QVERIFY(db.open(newCase(QStringLiteral("shape_") + QString::fromLatin1(shape))));
        Importer(db).run({test::dataPath(QString::fromLatin1(shape))});
        int docs = 0;
        QVERIFY(forEachEventWithOriginal(db, EventTable::SignIns, [&](const QSqlRecord &r, const QByteArray &original) {
            const QJsonObject o = exporting::ecsEvent(r, EventTable::SignIns, original, {});
            checkEcsDocument(o);
            // The original's user is there under Elastic's name, whichever shape it came in.
            const QJsonObject props = at(o, QStringLiteral("azure.signinlogs.properties")).toObject();
            const QString upn = props.value(QStringLiteral("user_principal_name")).toString(props.value(QStringLiteral("username")).toString());
            if (upn.compare(r.value(QStringLiteral("upn")).toString(), Qt::CaseInsensitive) != 0)
                qWarning() << shape << props.keys();
            docs += upn.compare(r.value(QStringLiteral("upn")).toString(), Qt::CaseInsensitive) == 0;
            return true;
        }));
        QVERIFY2(docs > 0, shape);
    }
    // ASN enrichment, when it exists, lands in source.as.*.
    QSqlRecord r;
    const QJsonObject o = exporting::ecsEvent(r, EventTable::SignIns, "{}", {qint64(64500), QStringLiteral("Example Net")});
    QCOMPARE(at(o, QStringLiteral("source.as.number")).toInteger(), 64500);
    QCOMPARE(at(o, QStringLiteral("source.as.organization.name")).toString(), QStringLiteral("Example Net"));
}

void TestAnalystExports::snakeCase()
{
    QCOMPARE(exporting::snakeCase(QStringLiteral("createdDateTime")), QStringLiteral("created_date_time"));
    QCOMPARE(exporting::snakeCase(QStringLiteral("IPAddress")), QStringLiteral("ip_address"));
    QCOMPARE(exporting::snakeCase(QStringLiteral("riskEventTypes_v2")), QStringLiteral("risk_event_types_v2"));
    QCOMPARE(exporting::snakeCase(QStringLiteral("Date (UTC)")), QStringLiteral("date_utc"));
    QCOMPARE(exporting::snakeCase(QStringLiteral("deviceDetail")), QStringLiteral("device_detail"));
}

void TestAnalystExports::sigmaCommand()
{
    QByteArray out;
    const QString rules = test::dataPath(QStringLiteral("sigma"));
    QCOMPARE(cli({QStringLiteral("sigma"), QStringLiteral("--rules"), rules, QStringLiteral("--json"), QStringLiteral("--quiet")}, &out), 0);
    const QJsonObject first = QJsonDocument::fromJson(out).object();
    QCOMPARE(first.value(QStringLiteral("rules")).toArray().size(), 20);
    QVERIFY(first.value(QStringLiteral("matches")).toInteger() > 0);
    QCOMPARE(first.value(QStringLiteral("anomalies_added")).toInteger(), first.value(QStringLiteral("matches")).toInteger());
    int skipped = 0;
    for (const QJsonValue &v : first.value(QStringLiteral("rules")).toArray())
        skipped += v.toObject().value(QStringLiteral("status")).toString() == QLatin1String("skipped");
    QCOMPARE(skipped, 6);
    QCOMPARE(cli({QStringLiteral("sigma"), QStringLiteral("--rules"), rules, QStringLiteral("--json"), QStringLiteral("--quiet")}, &out), 0);
    QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("anomalies_added")).toInteger(), 0);
    QCOMPARE(cli({QStringLiteral("anomalies"), QStringLiteral("--kind"), QStringLiteral("sigma")}, &out), 0);
    QCOMPARE(qint64(lines(out).size()), first.value(QStringLiteral("matches")).toInteger());
    // detect re-runs the folder: the same matches, nothing new.
    QCOMPARE(cli({QStringLiteral("detect"), QStringLiteral("--quiet"), QStringLiteral("--json"), QStringLiteral("--sigma-rules"), rules}, &out), 0);
    QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("sigma_matches")).toInteger(),
             first.value(QStringLiteral("matches")).toInteger());
    QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("sigma_anomalies_added")).toInteger(), 0);
    QCOMPARE(cli({QStringLiteral("sigma"), QStringLiteral("--rules"), tmp_.filePath(QStringLiteral("none"))}), 1);
    QCOMPARE(cli({QStringLiteral("sigma")}), 1);
}

void TestAnalystExports::detectRerunsTheSettingsFolder()
{
    // The GUI's Settings name the folder (QSettings "Backsight"/"backsight", key sigma/rulesFolder); a plain
    // `detect` with no option and no environment variable re-runs it: the same matches, nothing new.
    const QString rules = test::dataPath(QStringLiteral("sigma"));
    const QString config = tmp_.filePath(QStringLiteral("config"));
    QVERIFY(QDir().mkpath(config + QStringLiteral("/Backsight")));
    QFile conf(config + QStringLiteral("/Backsight/backsight.conf"));
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write("[sigma]\nrulesFolder=" + rules.toUtf8() + "\n");
    conf.close();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("BACKSIGHT_SIGMA_RULES"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
    QByteArray out;
    QCOMPARE(cli({QStringLiteral("sigma"), QStringLiteral("--rules"), rules, QStringLiteral("--json"), QStringLiteral("--quiet"),
                  QStringLiteral("--dry-run")}, &out, env), 0);
    const qint64 matches = QJsonDocument::fromJson(out).object().value(QStringLiteral("matches")).toInteger();
    QVERIFY(matches > 0);
    QCOMPARE(cli({QStringLiteral("detect"), QStringLiteral("--quiet"), QStringLiteral("--json")}, &out, env), 0);
    QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("sigma_matches")).toInteger(), matches);
    // Without the setting, detect runs no rules.
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), tmp_.filePath(QStringLiteral("empty-config")));
    QCOMPARE(cli({QStringLiteral("detect"), QStringLiteral("--quiet"), QStringLiteral("--json")}, &out, env), 0);
    QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("sigma_matches")).toInteger(), 0);
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTEST_SET_MAIN_SOURCE_PATH
    // CTest runs it as test_analyst_exports and test_analyst_exports_postgres.
    return test::execOnEngine<TestAnalystExports>("BACKSIGHT_TEST_EXPORTS_ENGINE", argc, argv);
}

#include "test_analyst_exports.moc"
