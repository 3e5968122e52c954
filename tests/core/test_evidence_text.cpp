// Evidence in words: labelled values with units and rounded numbers, tables for model features and backup
// signals, and never the stored JSON.
#include "detect/evidence_text.h"

#include <QJsonArray>
#include <QtTest>

using namespace backsight::detect;

class TestEvidenceText : public QObject
{
    Q_OBJECT
private slots:
    void roundsNumbers_data();
    void roundsNumbers();
    void impossibleTravelHasUnits();
    void sharesAndZones();
    void modelTopFeaturesAreATable();
    void backupSignalsAreATable();
    void htmlIsEscapedAndHasNoJson();
    void storyStepReasonsAreATable();
};

namespace {
QString valueOf(const EvidenceText &e, const QString &label)
{
    for (const auto &[l, v] : e.items)
        if (l == label)
            return v;
    return QStringLiteral("<missing %1>").arg(label);
}
} // namespace

void TestEvidenceText::roundsNumbers_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<QString>("text");
    QTest::newRow("grouped") << 772883.4955537288 << 0 << QStringLiteral("772,883");
    QTest::newRow("trailing zeros") << 2.5 << 2 << QStringLiteral("2.5");
    QTest::newRow("whole") << 8.0 << 2 << QStringLiteral("8");
    QTest::newRow("small") << 0.13953488372093023 << 2 << QStringLiteral("0.14");
    QTest::newRow("negative zero") << -0.0001 << 2 << QStringLiteral("0");
}

void TestEvidenceText::roundsNumbers()
{
    QFETCH(double, value);
    QFETCH(int, decimals);
    QFETCH(QString, text);
    QCOMPARE(roundedNumber(value, decimals), text);
}

void TestEvidenceText::impossibleTravelHasUnits()
{
    const QJsonObject evidence{{QStringLiteral("speed_kmh"), 772883.4955537288}, {QStringLiteral("distance_km"), 2710.810609567622},
                               {QStringLiteral("elapsed_s"), 2266.115}, {QStringLiteral("threshold"), 900},
                               {QStringLiteral("own_device"), false}, {QStringLiteral("from_latitude"), 51.0447},
                               {QStringLiteral("from_longitude"), -114.0719}, {QStringLiteral("from"), QStringLiteral("Calgary, CA")}};
    const EvidenceText e = describeEvidence(QStringLiteral("impossible_travel"), evidence);
    QCOMPARE(valueOf(e, QStringLiteral("Speed")), QStringLiteral("772,883 km/h"));
    QCOMPARE(valueOf(e, QStringLiteral("Distance")), QStringLiteral("2,711 km"));
    QCOMPARE(valueOf(e, QStringLiteral("Time between the sign-ins")), QStringLiteral("38 minutes"));
    QCOMPARE(valueOf(e, QStringLiteral("Threshold")), QStringLiteral("900 km/h"));
    QCOMPARE(valueOf(e, QStringLiteral("On the user's registered device")), QStringLiteral("no"));
    QCOMPARE(valueOf(e, QStringLiteral("From (position)")), QStringLiteral("51.04° N, 114.07° W"));
    QCOMPARE(valueOf(e, QStringLiteral("From")), QStringLiteral("Calgary, CA"));
    QCOMPARE(e.items.size(), size_t(7)); // latitude and longitude are one row
}

void TestEvidenceText::sharesAndZones()
{
    const EvidenceText t = describeEvidence(
        QStringLiteral("unusual_time"),
        {{QStringLiteral("probability"), 0.0006544502617801048}, {QStringLiteral("threshold"), 0.001},
         {QStringLiteral("utc_offset_minutes"), 780}, {QStringLiteral("observed"), QStringLiteral("Friday 02:00")}});
    QCOMPARE(valueOf(t, QStringLiteral("Expected share of sign-ins in this hour of the week")), QStringLiteral("0.065 %"));
    QCOMPARE(valueOf(t, QStringLiteral("Threshold")), QStringLiteral("0.1 %"));
    QCOMPARE(valueOf(t, QStringLiteral("User's time zone")), QStringLiteral("UTC+13:00"));
    QCOMPARE(valueOf(t, QStringLiteral("Observed")), QStringLiteral("Friday 02:00"));
    const EvidenceText d = describeEvidence(QStringLiteral("dormant_account"),
                                            {{QStringLiteral("observed"), 30.54524400462963}, {QStringLiteral("threshold"), 30},
                                             {QStringLiteral("previous_sign_in"), QStringLiteral("2024-10-21T23:55:21.000Z")}});
    QCOMPARE(valueOf(d, QStringLiteral("Observed")), QStringLiteral("30.5 days"));
    QCOMPARE(valueOf(d, QStringLiteral("Threshold")), QStringLiteral("30 days"));
    QCOMPARE(valueOf(d, QStringLiteral("Previous sign-in")), QStringLiteral("2024-10-21 23:55 UTC"));
}

void TestEvidenceText::modelTopFeaturesAreATable()
{
    const QJsonArray top{QJsonObject{{QStringLiteral("feature"), QStringLiteral("country")},
                                     {QStringLiteral("text"), QStringLiteral("country KE")},
                                     {QStringLiteral("weight"), 0.41234}},
                         QJsonObject{{QStringLiteral("feature"), QStringLiteral("hour_sin")},
                                     {QStringLiteral("text"), QStringLiteral("03:00")}, {QStringLiteral("weight"), 0.2}}};
    const EvidenceText e = describeEvidence(QStringLiteral("model_iforest"),
                                            {{QStringLiteral("score"), 0.71234567}, {QStringLiteral("threshold"), 0.6},
                                             {QStringLiteral("top_features"), top}});
    QCOMPARE(valueOf(e, QStringLiteral("Model score")), QStringLiteral("0.712"));
    QCOMPARE(e.tables.size(), size_t(1));
    QCOMPARE(e.tables[0].columns, (QStringList{QStringLiteral("Feature"), QStringLiteral("Unusual value"), QStringLiteral("Weight")}));
    QCOMPARE(e.tables[0].rows.size(), size_t(2));
    QCOMPARE(e.tables[0].rows[0], (QStringList{QStringLiteral("Country"), QStringLiteral("country KE"), QStringLiteral("0.412")}));
}

void TestEvidenceText::backupSignalsAreATable()
{
    const QJsonObject observed{{QStringLiteral("log_transferred_bytes"), std::log1p(250e9)},
                               {QStringLiteral("dedup_ratio"), 1.04}, {QStringLiteral("failed"), 0}};
    const QJsonObject usual{{QStringLiteral("log_transferred_bytes"), std::log1p(12e9)},
                            {QStringLiteral("dedup_ratio"), 2.5}, {QStringLiteral("failed"), 0}};
    const QJsonObject share{{QStringLiteral("log_transferred_bytes"), 0.8}, {QStringLiteral("dedup_ratio"), 0.2},
                            {QStringLiteral("failed"), 0}};
    const EvidenceText e = describeEvidence(QStringLiteral("backup_lstm"),
                                            {{QStringLiteral("observed"), observed}, {QStringLiteral("baseline"), usual},
                                             {QStringLiteral("error_share"), share}, {QStringLiteral("ratio"), 3.2}});
    QCOMPARE(e.tables.size(), size_t(1));
    QCOMPARE(e.items.size(), size_t(1)); // only the ratio: observed / baseline / share are the table
    const auto &rows = e.tables[0].rows;
    QCOMPARE(rows.size(), size_t(3));
    QVERIFY(std::find(rows.begin(), rows.end(),
                      QStringList{QStringLiteral("Transferred"), QStringLiteral("250 GB"), QStringLiteral("12 GB"), QStringLiteral("80 %")})
            != rows.end());
    QVERIFY(std::find(rows.begin(), rows.end(),
                      QStringList{QStringLiteral("Dedup ratio"), QStringLiteral("1×"), QStringLiteral("2.5×"), QStringLiteral("20 %")})
            != rows.end());
}

void TestEvidenceText::htmlIsEscapedAndHasNoJson()
{
    const QJsonObject evidence{{QStringLiteral("from"), QStringLiteral("<i>Wellington</i>")},
                               {QStringLiteral("ips"), QJsonArray{QStringLiteral("1.2.3.4"), QStringLiteral("5.6.7.8")}},
                               {QStringLiteral("nested_thing"), QJsonObject{{QStringLiteral("a"), 1.23456}}}};
    const QString html = evidenceHtml(describeEvidence(QStringLiteral("failed_burst"), evidence), QStringLiteral("evidence"));
    QVERIFY(html.contains(QLatin1String("&lt;i&gt;Wellington&lt;/i&gt;")));
    QVERIFY(html.contains(QLatin1String("1.2.3.4, 5.6.7.8")));
    QVERIFY(html.contains(QLatin1String("Nested thing")));
    QVERIFY(html.contains(QLatin1String("a 1.23")));
    QVERIFY(!html.contains(QLatin1Char('{')) && !html.contains(QLatin1String("\"a\"")));
    QVERIFY(evidenceHtml(describeEvidence(QStringLiteral("x"), {})).isEmpty());
}

void TestEvidenceText::storyStepReasonsAreATable()
{
    // A step folded into a story (detect/stories.h) carries the folded anomaly's own reasons.
    const QJsonArray reasons{QJsonObject{{QStringLiteral("detector"), QStringLiteral("dormant_account")},
                                         {QStringLiteral("text"), QStringLiteral("first sign-in in 41 days")},
                                         {QStringLiteral("evidence"), QJsonObject{{QStringLiteral("observed"), 41.2},
                                                                                  {QStringLiteral("threshold"), 30}}}}};
    const EvidenceText e = describeEvidence(QStringLiteral("story_step"),
                                            {{QStringLiteral("severity"), QStringLiteral("high")},
                                             {QStringLiteral("kinds"), QJsonArray{QStringLiteral("dormant_account")}},
                                             {QStringLiteral("reasons"), reasons}});
    QCOMPARE(e.tables.size(), size_t(1));
    QCOMPARE(e.tables[0].columns, (QStringList{QStringLiteral("Detector"), QStringLiteral("Reason"), QStringLiteral("Evidence")}));
    QCOMPARE(e.tables[0].rows.size(), size_t(1));
    QCOMPARE(e.tables[0].rows[0], (QStringList{QStringLiteral("dormant_account"), QStringLiteral("first sign-in in 41 days"),
                                               QStringLiteral("Observed: 41.2 days; Threshold: 30 days")}));
    QCOMPARE(valueOf(e, QStringLiteral("Severity")), QStringLiteral("high"));
    QVERIFY(!evidenceHtml(e).contains(QLatin1Char('{')));
    // An empty value (an ISP has no network kind) gets no row.
    const EvidenceText n = describeEvidence(QStringLiteral("new_country"), {{QStringLiteral("network_kind"), QString()},
                                                                           {QStringLiteral("network_seen"), 0}});
    QCOMPARE(n.items.size(), size_t(1));
}

QTEST_GUILESS_MAIN(TestEvidenceText)
#include "test_evidence_text.moc"
