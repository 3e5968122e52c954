// The backup-history generator: same seed same bytes, both formats import with zero rejections, the labels
// name stored sessions whose numbers show the attack, and ordinary nights stay in their ranges.
#include "eval/labels.h"
#include "ingest/importer.h"
#include "simulate/backup_history.h"
#include "simulate/demo_tenant.h"
#include "store/database.h"
#include "test_support.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QtTest>
#include <algorithm>

using namespace backsight;

class TestBackupSimulate : public QObject
{
    Q_OBJECT
private slots:
    void sameSeedSameBytes();
    void importsAndLabelsMatch_data();
    void importsAndLabelsMatch();
    void demoTenantHook();
    void cliGenerateImportServers();

private:
    static sim::BackupHistoryOptions options(const QString &dir, quint64 seed = 7, const QString &format = QStringLiteral("ps-json"));
    static QByteArray digest(const QString &dir);
    static double median(std::vector<double> v);
    test::TempFolder tmp_;
};

sim::BackupHistoryOptions TestBackupSimulate::options(const QString &dir, quint64 seed, const QString &format)
{
    sim::BackupHistoryOptions o;
    o.servers = 12;
    o.days = 42;
    o.start = QDate(2024, 10, 1);
    o.seed = seed;
    o.format = format;
    o.attackKinds = sim::backupAttackKinds();
    o.outDir = dir;
    return o;
}

QByteArray TestBackupSimulate::digest(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (const QString &f : files) {
        QFile file(f);
        if (file.open(QIODevice::ReadOnly))
            h.addData(QByteArray(QDir(dir).relativeFilePath(f).toUtf8() + '\n' + file.readAll()));
    }
    return h.result().toHex();
}

double TestBackupSimulate::median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

void TestBackupSimulate::sameSeedSameBytes()
{
    const auto a = sim::writeBackupHistory(options(tmp_.path(QStringLiteral("a"))));
    const auto b = sim::writeBackupHistory(options(tmp_.path(QStringLiteral("b"))));
    const auto c = sim::writeBackupHistory(options(tmp_.path(QStringLiteral("c")), 8));
    QVERIFY2(a.ok && b.ok && c.ok, qPrintable(a.error + b.error + c.error));
    QCOMPARE(digest(tmp_.path(QStringLiteral("a"))), digest(tmp_.path(QStringLiteral("b"))));
    QCOMPARE(a.labelRows, b.labelRows);
    QVERIFY(digest(tmp_.path(QStringLiteral("a"))) != digest(tmp_.path(QStringLiteral("c"))));
    QCOMPARE(a.sessions, 12 * 42);
    QCOMPARE(a.files, 2); // October and November
}

void TestBackupSimulate::importsAndLabelsMatch_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("ps-json") << QStringLiteral("ps-json");
    QTest::newRow("ps-csv") << QStringLiteral("ps-csv");
}

void TestBackupSimulate::importsAndLabelsMatch()
{
    QFETCH(QString, format);
    const QString dir = tmp_.path(format);
    const sim::BackupHistoryResult r = sim::writeBackupHistory(options(dir, 11, format));
    QVERIFY2(r.ok, qPrintable(r.error));
    Database db;
    QVERIFY(db.open(tmp_.path(format + QStringLiteral(".sqlite"))));
    const ImportReport report = Importer(db).run({dir});
    QVERIFY(!report.hasRejections());
    QCOMPARE(report.totalInserted(), r.sessions);
    for (const SourceReport &s : report.sources)
        QCOMPARE(s.reader, format == QLatin1String("ps-csv") ? QStringLiteral("veeam-ps-session-csv")
                                                             : QStringLiteral("veeam-ps-session-json"));

    // Ordinary successful nights: the ranges the generator promises (ratios through Veeam's whole percentages).
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*), min(dedup_ratio), max(dedup_ratio), min(compress_ratio), "
                                  "max(compress_ratio), sum(is_full) FROM backup_sessions WHERE result != 'Failed'")));
    QVERIFY(q.next());
    QVERIFY(q.value(1).toDouble() >= 0.99 && q.value(2).toDouble() <= 5.0);
    QVERIFY(q.value(4).toDouble() <= 2.5);
    const qint64 fulls = q.value(5).toLongLong();
    QVERIFY2(fulls >= 12 * 5 && fulls <= 12 * 7, qPrintable(QString::number(fulls))); // weekly
    QVERIFY(q.exec(QStringLiteral("SELECT sum(result = 'Failed'), sum(result = 'Warning') FROM backup_sessions")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), r.failed);
    QCOMPARE(q.value(1).toLongLong(), r.warnings);

    // Labels: every kind, sessions that exist on the named server, and numbers that show the attack.
    const QString labelsPath = tmp_.path(format + QStringLiteral("-labels.csv"));
    QVERIFY(test::writeFile(labelsPath, "attack_id,kind,user_principal_name,start_utc,end_utc,event_ids\n" + r.labelRows));
    const auto labelsRead = eval::readLabels(labelsPath);
    QVERIFY2(labelsRead, qPrintable(labelsRead ? QString() : labelsRead.error().message));
    const std::vector<eval::AttackLabel> &labels = *labelsRead;
    QCOMPARE(int(labels.size()), r.attacks);
    for (const QString &kind : sim::backupAttackKinds())
        QVERIFY2(std::any_of(labels.begin(), labels.end(), [&](const eval::AttackLabel &l) { return l.kind == kind; }),
                 qPrintable(kind));
    qint64 named = 0;
    for (const eval::AttackLabel &l : labels) {
        QCOMPARE(l.upns.size(), 1);
        // The server's usual incremental night, from the sessions the attack did not touch.
        QSqlQuery usual(db.connection());
        usual.prepare(QStringLiteral("SELECT transferred_bytes, read_bytes, processed_used_bytes FROM backup_sessions "
                                     "WHERE lower(server) = ? AND is_full = 0 AND result != 'Failed' AND id NOT IN ('%1')")
                          .arg(l.eventIds.join(QStringLiteral("','"))));
        usual.addBindValue(l.upns.front());
        QVERIFY(usual.exec());
        std::vector<double> tx, rd, used;
        while (usual.next()) {
            tx.push_back(usual.value(0).toDouble());
            rd.push_back(usual.value(1).toDouble());
            used.push_back(usual.value(2).toDouble());
        }
        for (const QString &id : l.eventIds) {
            QSqlQuery s(db.connection());
            s.prepare(QStringLiteral("SELECT lower(server), creation_ms, transferred_bytes, read_bytes, processed_used_bytes, "
                                     "dedup_ratio, compress_ratio FROM backup_sessions WHERE id = ?"));
            s.addBindValue(id);
            QVERIFY(s.exec() && s.next());
            QCOMPARE(s.value(0).toString(), l.upns.front());
            QVERIFY(s.value(1).toLongLong() >= l.startMs && s.value(1).toLongLong() <= l.endMs);
            if (l.kind == QLatin1String("backup_ransomware")) {
                QVERIFY(s.value(5).toDouble() <= 1.25 && s.value(6).toDouble() <= 1.25);
                QVERIFY2(s.value(2).toDouble() >= 3 * median(tx), qPrintable(id));
            } else if (l.kind == QLatin1String("backup_exfiltration")) {
                QVERIFY2(s.value(3).toDouble() >= 3 * median(rd), qPrintable(id));
                QVERIFY2(s.value(2).toDouble() <= 2 * median(tx) + 1e9, qPrintable(id));
            } else {
                QVERIFY2(s.value(4).toDouble() <= 0.55 * median(used), qPrintable(id));
            }
            ++named;
        }
    }
    QCOMPARE(named, r.attackSessions);
}

void TestBackupSimulate::demoTenantHook()
{
    DemoTenantOptions o;
    o.users = 5;
    o.days = 14;
    o.outDir = tmp_.path(QStringLiteral("tenant"));
    o.attacks = {QStringLiteral("backup_ransomware")}; // backup kinds alone: no Entra attack, and no error
    const DemoTenantResult none = writeDemoTenant(o);
    QVERIFY2(none.ok, qPrintable(none.error));
    QCOMPARE(none.backupSessions, 0);
    QVERIFY(!QDir(o.outDir + QStringLiteral("/Backup sessions")).exists()); // default N = 0 changes nothing

    o.backupServers = 3;
    o.outDir = tmp_.path(QStringLiteral("tenant2"));
    const DemoTenantResult with = writeDemoTenant(o);
    QVERIFY2(with.ok, qPrintable(with.error));
    QCOMPARE(with.backupSessions, 3 * 14);
    QCOMPARE(with.attacks, 0);
    QCOMPARE(with.backupAttacks, 1);
    const auto labelsRead = eval::readLabels(with.labelsPath);
    QVERIFY2(labelsRead, qPrintable(labelsRead ? QString() : labelsRead.error().message));
    const std::vector<eval::AttackLabel> &labels = *labelsRead;
    QCOMPARE(labels.size(), size_t(1));
    QCOMPARE(labels.front().kind, QStringLiteral("backup_ransomware"));
    Database db;
    QVERIFY(db.open(tmp_.path(QStringLiteral("tenant2.sqlite"))));
    const ImportReport report = Importer(db).run({o.outDir});
    QVERIFY(!report.hasRejections());
    QCOMPARE(report.totalInserted(), with.signIns + with.audits + with.backupSessions);
}

void TestBackupSimulate::cliGenerateImportServers()
{
    auto cli = [](const QStringList &args, QByteArray *out = nullptr) {
        QProcess p;
        p.start(QStringLiteral(BACKSIGHT_CLI), args);
        p.waitForFinished(-1);
        if (out)
            *out = p.readAllStandardOutput();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    };
    const QString dir = tmp_.path(QStringLiteral("cli"));
    const QString db = tmp_.path(QStringLiteral("cli.sqlite"));
    QByteArray out;
    QCOMPARE(cli({QStringLiteral("generate"), QStringLiteral("--out"), dir, QStringLiteral("--users"), QStringLiteral("5"),
                  QStringLiteral("--days"), QStringLiteral("21"), QStringLiteral("--backup-servers"), QStringLiteral("4"),
                  QStringLiteral("--backup-format"), QStringLiteral("ps-csv")},
                 &out),
             0);
    QVERIFY2(out.contains("Wrote 84 backup sessions of 4 servers"), out.constData());
    QCOMPARE(cli({QStringLiteral("--db"), db, QStringLiteral("import"), dir, QStringLiteral("--quiet")}), 0); // nothing rejected
    QCOMPARE(cli({QStringLiteral("--db"), db, QStringLiteral("servers"), QStringLiteral("--json")}, &out), 0);
    const QJsonArray servers = QJsonDocument::fromJson(out).object().value(QStringLiteral("servers")).toArray();
    QCOMPARE(servers.size(), 4);
    const QJsonObject first = servers.first().toObject();
    QCOMPARE(first.value(QStringLiteral("server")).toString(), QStringLiteral("APP01"));
    QCOMPARE(first.value(QStringLiteral("sessions")).toInt(), 21);
    QVERIFY(first.value(QStringLiteral("first_session_utc")).toString().endsWith(QLatin1Char('Z')));
    QVERIFY(first.value(QStringLiteral("threat_score")).isNull());
    QVERIFY(first.value(QStringLiteral("model")).isNull());
    QCOMPARE(cli({QStringLiteral("--db"), db, QStringLiteral("stats"), QStringLiteral("--json")}, &out), 0);
    QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("backup_sessions")).toInt(), 84);
    QCOMPARE(cli({QStringLiteral("generate"), QStringLiteral("--out"), dir, QStringLiteral("--backup-servers"),
                  QStringLiteral("-1")}),
             1);
}

QTEST_GUILESS_MAIN(TestBackupSimulate)
#include "test_backup_simulate.moc"
