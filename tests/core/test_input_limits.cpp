// Resource limits against hostile input (docs/robustness.md): a record with a 100 MB string field is
// rejected with its position; JSON nested 10^5 levels deep is rejected, never a stack overflow; a zip of
// 10,000 entries is read whole (opening its entries once scanned the archive's directory each time: fuzzing
// found 400 entries taking 7 s, so 10,000 ran for hours, past QTest's 300 s limit).
#include "ingest/import_inputs.h"
#include "ingest/importer.h"
#include "store/database.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QRandomGenerator>
#include <QTest>
#include <algorithm>

using namespace backsight;

class TestInputLimits : public QObject
{
    Q_OBJECT

private slots:
    void hundredMegabyteFieldIsRejectedWithItsPosition();
    void deepNesting_data();
    void deepNesting();
    void fuzzingFindsStayFixed();
    void archiveOfTenThousandEntriesIsReadWhole();
    void archiveEntriesReadByteForByte();

private:
    SourceReport importOne(const QString &name, const QByteArray &bytes);
    test::TempFolder tmp_;
    int cases_ = 0;
};

SourceReport TestInputLimits::importOne(const QString &name, const QByteArray &bytes)
{
    const QString path = tmp_.path(name);
    if (!test::writeFile(path, bytes))
        return {};
    Database db;
    if (!db.open(tmp_.path(QStringLiteral("case-%1.sqlite").arg(++cases_))))
        return {};
    const ImportReport report = Importer(db).run({path});
    QFile::remove(path);
    return report.sources.empty() ? SourceReport{} : report.sources.front();
}

void TestInputLimits::hundredMegabyteFieldIsRejectedWithItsPosition()
{
    QByteArray huge = test::graphSignIn(QStringLiteral("huge"));
    const QByteArray upn = "\"userPrincipalName\":\"";
    const int at = huge.indexOf(upn);
    QVERIFY(at > 0);
    huge.insert(at + upn.size(), QByteArray(100 << 20, 'a'));
    const QByteArray first = test::graphSignIn(QStringLiteral("ok-1"));
    const QByteArray file = "[" + first + ",\n" + huge + ",\n" + test::graphSignIn(QStringLiteral("ok-3")) + "]";
    const SourceReport r = importOne(QStringLiteral("huge-field.json"), file);
    qInfo("%s", qPrintable(r.error));
    // The whole file is refused (a record over the limit means a damaged or hostile file), and the
    // message says which record and where it is.
    QVERIFY2(r.error.contains(QLatin1String("record 2 is larger than 64 MB")), qPrintable(r.error));
    QVERIFY2(r.error.contains(QLatin1String("byte ")), qPrintable(r.error));
    QVERIFY2(r.error.contains(QLatin1String("after 1 complete records")), qPrintable(r.error));
    QCOMPARE(r.inserted, 0);
}

void TestInputLimits::deepNesting_data()
{
    QTest::addColumn<QByteArray>("file");
    constexpr int depth = 100'000;
    const QByteArray arrays = QByteArray(depth, '[') + QByteArray(depth, ']');
    QByteArray objects;
    for (int i = 0; i < depth; ++i)
        objects += "{\"a\":";
    objects += "1" + QByteArray(depth, '}');
    const QByteArray record = "{\"id\": \"n-1\", \"createdDateTime\": \"2024-11-01T10:15:30Z\", "
                              "\"userPrincipalName\": \"deep@contoso.com\", \"deviceDetail\": ";
    QTest::newRow("top-level arrays") << arrays;
    QTest::newRow("arrays in a record of an array") << "[" + record + arrays + "}]";
    QTest::newRow("objects in a record of an array") << "[" + record + objects + "}]";
    QTest::newRow("objects in a JSON Lines record") << record + objects + "}\n";
    QTest::newRow("unclosed arrays") << QByteArray(depth, '[');
}

void TestInputLimits::deepNesting()
{
    QFETCH(QByteArray, file);
    const SourceReport r = importOne(QStringLiteral("deep.json"), file);
    const QString why = r.error.isEmpty() ? r.recordErrors.join(QLatin1Char('\n')) : r.error;
    qInfo("%s", qPrintable(why.left(300)));
    // Rejected (the file, or its one record), with a reason; nothing stored; and this process is alive.
    QVERIFY2(!why.isEmpty(), "deeply nested JSON was accepted");
    QCOMPARE(r.inserted, 0);
    QVERIFY(!r.error.isEmpty() || r.rejected == 1);
}

// Every input the fuzzers crashed on (tests/data/bad/fuzz, docs/robustness.md) imports without undefined
// behaviour (the ci-asan stage aborts on any) and with the value that caused it dropped, not garbage stored.
void TestInputLimits::fuzzingFindsStayFixed()
{
    const QDir dir(test::dataPath(QStringLiteral("bad/fuzz")));
    const QStringList files = dir.entryList(QDir::Files, QDir::Name);
    QVERIFY(!files.isEmpty());
    for (const QString &name : files) {
        Database db;
        QVERIFY(db.open(tmp_.path(QStringLiteral("fuzz-%1.sqlite").arg(name))));
        const ImportReport report = Importer(db).run({dir.filePath(name)});
        QVERIFY(!report.sources.empty());
        for (const SourceReport &source : report.sources)
            qInfo("%s: %lld read, %lld stored, %s", qPrintable(source.path), source.read, source.inserted,
                  qPrintable(source.error));
        if (name.startsWith(QLatin1String("zip-entry-crc-error"))) {
            // An entry that fails its CRC check when closed: both entries are read (no crash, no double close).
            QCOMPARE(report.sources.size(), size_t(2));
        } else {
            QCOMPARE(report.sources.size(), size_t(1));
        }
        if (name.startsWith(QLatin1String("veeam-integer-overflow"))) {
            // "DataSize": 236223e0128 does not fit any integer: stored as unknown, the rest of the session kept.
            QSqlQuery q(db.connection());
            QVERIFY(q.exec(QStringLiteral("SELECT data_size, backup_size FROM backup_sessions WHERE id = "
                                          "'5b8e2c1a-7d4f-4e0b-9a61-0c2f3e4d5b01'")));
            QVERIFY(q.next());
            QVERIFY2(q.value(0).isNull(), qPrintable(q.value(0).toString()));
            QCOMPARE(q.value(1).toLongLong(), 8589934592LL);
        }
    }
}

void TestInputLimits::archiveOfTenThousandEntriesIsReadWhole()
{
    // 1,000 under a sanitizer (10x slower): the sanitizer looks at the code path, the plain run at the growth.
    const int kEntries = 10'000 / test::sanitizerSlowdown();
    QList<QPair<QString, QByteArray>> entries;
    for (int i = 0; i < kEntries; ++i) {
        const QString id = QStringLiteral("zip-%1").arg(i, 5, 10, QLatin1Char('0'));
        entries.append({QStringLiteral("signins/%1.json").arg(id), "[" + test::graphSignIn(id) + "]"});
    }
    const QString zip = tmp_.path(QStringLiteral("many-entries.zip"));
    QVERIFY(test::writeZip(zip, entries));
    Database db;
    QVERIFY(db.open(tmp_.path(QStringLiteral("many-entries.sqlite"))));
    const ImportReport report = Importer(db).run({zip});
    QVERIFY(report.problems.empty());
    QCOMPARE(qint64(report.sources.size()), qint64(kEntries));
    QCOMPARE(report.totalInserted(), qint64(kEntries));
    // Every entry was read from itself, not from a neighbour: the stored ids are exactly the entries' ids.
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(DISTINCT id), min(id), max(id) FROM signins")) && q.next());
    QCOMPARE(q.value(0).toInt(), kEntries);
    QCOMPARE(q.value(1).toString(), QStringLiteral("zip-00000"));
    QCOMPARE(q.value(2).toString(), QStringLiteral("zip-%1").arg(kEntries - 1, 5, 10, QLatin1Char('0')));
}

void TestInputLimits::archiveEntriesReadByteForByte()
{
    // The archive is read through a 64 KiB block kept across seeks: entries whose compressed bytes start,
    // end or lie exactly on a block's edge, and reads smaller and larger than a block, give the bytes
    // written, whatever the order the entries are opened in.
    QRandomGenerator random(19);
    QList<QPair<QString, QByteArray>> entries;
    const QList<int> sizes{0, 1, 65'535, 65'536, 65'537, 3, 200'000, 131'072, 17, 700'001};
    for (int i = 0; i < sizes.size(); ++i) {
        QByteArray bytes(sizes[i], Qt::Uninitialized);
        for (char &c : bytes)
            c = char(random.bounded(256)); // incompressible: the compressed data is as long as the entry
        if (i % 3 == 2)
            bytes = bytes.toHex(); // compressible
        entries.append({QStringLiteral("e%1.bin").arg(i), bytes});
    }
    const QString zip = tmp_.path(QStringLiteral("blocks.zip"));
    QVERIFY(test::writeZip(zip, entries));
    const CollectedInputs collected = collectImportInputs({zip}, ImportLimits{});
    QVERIFY(collected.problems.empty());
    QCOMPARE(qsizetype(collected.inputs.size()), entries.size());
    for (int pass = 0; pass < 2; ++pass) {
        for (int k = 0; k < int(collected.inputs.size()); ++k) {
            const ImportInput &input = collected.inputs[pass == 0 ? k : collected.inputs.size() - 1 - k];
            const auto it = std::find_if(entries.cbegin(), entries.cend(),
                                         [&](const auto &e) { return e.first == input.entryName; });
            QVERIFY(it != entries.cend());
            Result<std::unique_ptr<QIODevice>> opened = openImportInput(input);
            QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
            std::unique_ptr<QIODevice> device = std::move(*opened);
            QByteArray read;
            const qint64 piece = pass == 0 ? 7 : 100'000; // smaller and larger than a block
            for (QByteArray chunk; !(chunk = device->read(piece)).isEmpty();)
                read += chunk;
            QCOMPARE(read.size(), it->second.size());
            QVERIFY2(read == it->second, qPrintable(input.entryName));
        }
    }
}

QTEST_GUILESS_MAIN(TestInputLimits)
#include "test_input_limits.moc"
