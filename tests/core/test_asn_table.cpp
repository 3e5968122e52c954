// The offline IP -> autonomous system table (core/enrich): lookups of known addresses in IPv4 and IPv6, the curated
// network kinds, and clear errors for a damaged table.
#include "enrich/asn_table.h"

#include <QtTest>

using namespace backsight;
using namespace backsight::enrich;

class TestAsnTable : public QObject
{
    Q_OBJECT
private slots:
    void builtInTableLoads();
    void lookups_data();
    void lookups();
    void notAnAddress();
    void damagedTable();
};

void TestAsnTable::builtInTableLoads()
{
    const AsnTable *t = AsnTable::builtIn();
    QVERIFY(t);
    QVERIFY(t->ipv4Ranges() > 300'000);
    QVERIFY(t->ipv6Ranges() > 50'000);
    QCOMPARE(AsnTable::builtIn(), t); // loaded once
}

void TestAsnTable::lookups_data()
{
    QTest::addColumn<QString>("ip");
    QTest::addColumn<uint>("asn");
    QTest::addColumn<QString>("organisation");
    QTest::addColumn<int>("kind");
    QTest::newRow("first range") << "1.0.0.1" << 13335u << "Cloudflare" << int(NetworkKind::Vpn);
    QTest::newRow("google dns") << "8.8.8.8" << 15169u << "Google" << int(NetworkKind::Hosting);
    QTest::newRow("google dns v6") << "2001:4860:4860::8888" << 15169u << "Google" << int(NetworkKind::Hosting);
    QTest::newRow("mapped v4") << "::ffff:8.8.8.8" << 15169u << "Google" << int(NetworkKind::Hosting);
    QTest::newRow("hurricane v6") << "2001:0:0:0:0:0:0:1" << 6939u << "Hurricane" << int(NetworkKind::Unknown);
}

void TestAsnTable::lookups()
{
    QFETCH(QString, ip);
    QFETCH(uint, asn);
    QFETCH(QString, organisation);
    QFETCH(int, kind);
    const auto n = AsnTable::builtIn()->lookup(ip);
    QVERIFY2(n, qPrintable(ip));
    QCOMPARE(n->asn, asn);
    QVERIFY2(n->organisation.contains(organisation), qPrintable(n->organisation));
    QCOMPARE(int(n->kind), kind);
    QVERIFY(n->label().startsWith(QStringLiteral("AS%1 ").arg(asn)));
}

void TestAsnTable::notAnAddress()
{
    const AsnTable *t = AsnTable::builtIn();
    for (const char *bad : {"", "10.0.0", "1.2.3.256", "hello", "1::2::3", "12345::1", "1.2.3.4.5"})
        QVERIFY2(!t->lookup(QString::fromLatin1(bad)), bad);
    QVERIFY(!t->lookup(QStringLiteral("10.1.2.3")));   // private addresses belong to no public network
    QVERIFY(!t->lookup(QStringLiteral("fe80::1")));
    QCOMPARE(AsnTable::kindOf(136787), NetworkKind::Vpn);  // PacketHub (NordVPN)
    QCOMPARE(AsnTable::kindOf(3320), NetworkKind::Unknown); // Deutsche Telekom: an ISP
}

void TestAsnTable::damagedTable()
{
    auto r = AsnTable::fromCompressed(QByteArray("nonsense"), QStringLiteral("x.bin"));
    QVERIFY(!r);
    QVERIFY(r.error().message.startsWith(QStringLiteral("x.bin: not an ASN table")));
    QByteArray raw("BSAS");
    raw.append(QByteArray::fromHex("0100" "ffff0000" "00000000" "01000000")); // 65535 IPv4 ranges announced, none there
    auto cut = AsnTable::fromCompressed(qCompress(raw), QStringLiteral("cut.bin"));
    QVERIFY(!cut);
    QVERIFY2(cut.error().message.contains(QStringLiteral("truncated")), qPrintable(cut.error().message));
}

QTEST_GUILESS_MAIN(TestAsnTable)
#include "test_asn_table.moc"
