// Hostile strings stay inert in exports (docs/robustness.md): sign-ins whose fields hold spreadsheet
// formulas, control characters, markup and bidi overrides are imported and exported with
// `backsight-cli events` as CSV and Timesketch CSV (every cell that a spreadsheet would run is neutralised
// with a leading quote, everything else survives exactly), and as JSON Lines, Timesketch JSONL and ECS NDJSON
// (every line valid JSON, every value byte for byte).
// The PDF / CSV / JSONL incident reports are checked the same way in tests/ui/test_incident_report.cpp.
#include "test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace backsight;

namespace {

const QStringList &hostile()
{
    static const QStringList values = {
        QStringLiteral("=cmd|' /C calc'!A0"), QStringLiteral("+1+1"), QStringLiteral("-2+3"), QStringLiteral("@SUM(A1:A9)"),
        QStringLiteral("\tTAB=1"), QStringLiteral("\rCR=1"), QStringLiteral("<script>alert(1)</script>"),
        QStringLiteral("\u202Efdp.exe"), QStringLiteral("a\"b,c\nd;e"), QStringLiteral("=HYPERLINK(\"http://x\")"),
    };
    return values;
}

QString jsonString(const QString &s)
{
    const QByteArray doc = QJsonDocument(QJsonObject{{QStringLiteral("v"), s}}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(doc.mid(5, doc.size() - 6)); // {"v":<this>}
}

// RFC 4180: rows of cells (quoted cells may hold separators, quotes and line breaks).
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                cell += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << cell;
            cell.clear();
        } else if (c == QLatin1Char('\n') || (c == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n'))) {
            if (c == QLatin1Char('\r'))
                ++i;
            row << cell;
            rows << row;
            row.clear();
            cell.clear();
        } else {
            cell += c;
        }
    }
    if (!cell.isEmpty() || !row.isEmpty())
        rows << (row << cell);
    return rows;
}

// Every string anywhere in a JSON value (objects and arrays walked), for "the value survives somewhere".
void collectStrings(const QJsonValue &v, QSet<QString> &out)
{
    if (v.isString()) {
        out << v.toString();
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it)
            collectStrings(it.value(), out);
    } else if (v.isArray()) {
        for (const QJsonValue &e : v.toArray())
            collectStrings(e, out);
    }
}

} // namespace

class TestHostileExports : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void csvNeutralisesFormulasAndKeepsText();
    void jsonlKeepsEveryValueExactly();
    void timesketchCsvNeutralisesEveryCell();
    void jsonExportsKeepEveryValueExactly_data();
    void jsonExportsKeepEveryValueExactly();

private:
    QByteArray cli(const QStringList &args);
    test::TempFolder tmp_;
    QString db_;
};

QByteArray TestHostileExports::cli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(BACKSIGHT_CLI), QStringList{QStringLiteral("--db"), db_} + args);
    p.waitForFinished(120'000 * test::sanitizerSlowdown());
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        qWarning("backsight-cli %s: %s", qPrintable(args.join(QLatin1Char(' '))), p.readAllStandardError().constData());
    return p.readAllStandardOutput();
}

void TestHostileExports::initTestCase()
{
    // One sign-in per hostile value, the value in the app name, city and user agent.
    QByteArray file = "[";
    for (qsizetype i = 0; i < hostile().size(); ++i) {
        const QString v = jsonString(hostile()[i]);
        file += QStringLiteral(R"(%1{"id":"h-%2","createdDateTime":"2024-11-01T10:%3:00Z","userPrincipalName":"hostile@contoso.com",)"
                               R"("appDisplayName":%4,"userAgent":%4,"ipAddress":"203.0.113.9","isInteractive":true,)"
                               R"("status":{"errorCode":0},"location":{"city":%4,"countryOrRegion":"NZ"}})")
                    .arg(i ? QStringLiteral(",\n") : QString())
                    .arg(i)
                    .arg(i, 2, 10, QLatin1Char('0'))
                    .arg(v)
                    .toUtf8();
    }
    file += "]";
    const QString path = tmp_.path(QStringLiteral("hostile.json"));
    QVERIFY(test::writeFile(path, file));
    db_ = tmp_.path(QStringLiteral("case.sqlite"));
    cli({QStringLiteral("import"), path, QStringLiteral("--quiet")});
    const QJsonObject stats = QJsonDocument::fromJson(cli({QStringLiteral("stats"), QStringLiteral("--json")})).object();
    QCOMPARE(stats.value(QStringLiteral("signins")).toInt(), int(hostile().size()));
}

void TestHostileExports::csvNeutralisesFormulasAndKeepsText()
{
    const QString csv = QString::fromUtf8(cli({QStringLiteral("events"), QStringLiteral("--format"), QStringLiteral("csv")}));
    const QList<QStringList> rows = parseCsv(csv);
    QCOMPARE(rows.size(), hostile().size() + 1);
    const QStringList header = rows.front();
    for (const char *column : {"app_name", "city", "user_agent"}) {
        const qsizetype col = header.indexOf(QLatin1String(column));
        QVERIFY2(col >= 0, column);
        QSet<QString> seen;
        for (const QStringList &row : rows.mid(1)) {
            const QString cell = row.value(col);
            // A spreadsheet runs a cell that starts with = + - @ (or a tab / CR before one): none may.
            QVERIFY2(cell.isEmpty() || !QStringLiteral("=+-@\t\r").contains(cell.front()), qPrintable(cell));
            seen << (cell.startsWith(QLatin1Char('\'')) ? cell.mid(1) : cell);
        }
        QCOMPARE(seen, QSet<QString>(hostile().cbegin(), hostile().cend())); // nothing else altered or lost
    }
}

void TestHostileExports::jsonlKeepsEveryValueExactly()
{
    const QByteArray out = cli({QStringLiteral("events"), QStringLiteral("--format"), QStringLiteral("jsonl")});
    QSet<QString> apps;
    int lines = 0;
    for (const QByteArray &line : out.split('\n')) {
        if (line.isEmpty())
            continue;
        ++lines;
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(line, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, line.constData()); // control characters are escaped
        QVERIFY(!line.contains('\r') && !line.contains('\t'));
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (it.key().contains(QLatin1String("app")) && it.value().isString() && hostile().contains(it.value().toString()))
                apps << it.value().toString();
        }
    }
    QCOMPARE(lines, int(hostile().size()));
    QCOMPARE(apps, QSet<QString>(hostile().cbegin(), hostile().cend()));
}

void TestHostileExports::timesketchCsvNeutralisesEveryCell()
{
    const QString csv = QString::fromUtf8(cli({QStringLiteral("events"), QStringLiteral("--format"), QStringLiteral("timesketch-csv")}));
    const QList<QStringList> rows = parseCsv(csv);
    QCOMPARE(rows.size(), hostile().size() + 1);
    QSet<QString> seen;
    for (const QStringList &row : rows) {
        for (const QString &cell : row) {
            QVERIFY2(cell.isEmpty() || !QStringLiteral("=+-@\t\r").contains(cell.front()), qPrintable(cell));
            seen << (cell.startsWith(QLatin1Char('\'')) ? cell.mid(1) : cell);
        }
    }
    for (const QString &v : hostile())
        QVERIFY2(seen.contains(v), qPrintable(v)); // each value survives whole in its own cell
}

void TestHostileExports::jsonExportsKeepEveryValueExactly_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("timesketch") << QStringLiteral("timesketch");
    QTest::newRow("ecs") << QStringLiteral("ecs");
}

void TestHostileExports::jsonExportsKeepEveryValueExactly()
{
    QFETCH(QString, format);
    const QByteArray out = cli({QStringLiteral("events"), QStringLiteral("--format"), format});
    QSet<QString> strings;
    int lines = 0;
    for (const QByteArray &line : out.split('\n')) {
        if (line.isEmpty())
            continue;
        ++lines;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        QVERIFY2(error.error == QJsonParseError::NoError && doc.isObject(), line.constData());
        QVERIFY(!line.contains('\r') && !line.contains('\t')); // control characters are escaped
        collectStrings(doc.object(), strings);
    }
    QCOMPARE(lines, int(hostile().size()));
    for (const QString &v : hostile())
        QVERIFY2(strings.contains(v), qPrintable(v)); // byte for byte, not neutralised or trimmed
}

QTEST_GUILESS_MAIN(TestHostileExports)
#include "test_hostile_exports.moc"
