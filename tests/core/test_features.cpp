// Sign-in features: one-hot with a minimum frequency and an "other" bucket, rarity, local hour, context
// (failures in the last hour, speed, hours since previous), distance to known places, words, JSON round trip.
#include "features/signin_features.h"

#include <QTest>
#include <cmath>

using namespace backsight::features;

namespace {

constexpr qint64 kHour = 3600 * 1000;

SignInRow row(qint64 ms, const QString &country, double lat, double lon, int error = 0)
{
    SignInRow r;
    r.createdMs = ms;
    r.upn = QStringLiteral("a@contoso.com");
    r.app = QStringLiteral("Outlook");
    r.os = QStringLiteral("Windows");
    r.browser = QStringLiteral("Edge");
    r.clientApp = QStringLiteral("Browser");
    r.country = country;
    r.city = country == QStringLiteral("NZ") ? QStringLiteral("Auckland") : QStringLiteral("Sao Paulo");
    r.ip = QStringLiteral("203.0.113.7");
    r.latitude = lat;
    r.longitude = lon;
    r.hasLocation = true;
    r.errorCode = error;
    return r;
}

} // namespace

class TestFeatures : public QObject
{
    Q_OBJECT

private slots:
    void fieldValues()
    {
        SignInRow r = row(0, QStringLiteral("NZ"), 0, 0, 50126);
        QCOMPARE(fieldValue(r, IpPrefix), QStringLiteral("203.0.113.0/24"));
        r.ip = QStringLiteral("2001:db8:abcd:12::1");
        QCOMPARE(fieldValue(r, IpPrefix), QStringLiteral("2001:db8:abcd::/48"));
        QCOMPARE(fieldValue(r, ErrorClass), QStringLiteral("bad_password"));
        QVERIFY(std::abs(haversineKm(51.5074, -0.1278, 48.8566, 2.3522) - 343.5) < 1.5); // London - Paris
    }

    void context()
    {
        // Two failures 10 and 40 minutes before the third row; a jump to Sao Paulo one hour later.
        std::vector<SignInRow> rows = {row(0, QStringLiteral("NZ"), -36.85, 174.76, 50126),
                                       row(30 * 60000, QStringLiteral("NZ"), -36.85, 174.76, 50126),
                                       row(40 * 60000, QStringLiteral("NZ"), -36.85, 174.76),
                                       row(80 * 60000, QStringLiteral("BR"), -23.55, -46.63)};
        const std::vector<Context> c = computeContext(rows);
        QCOMPARE(c[0].hoursSincePrevious, -1.0);
        QCOMPARE(c[2].failuresLastHour, 2);
        QCOMPARE(c[3].failuresLastHour, 1); // the first failure is more than an hour before
        QVERIFY(std::abs(c[3].hoursSincePrevious - 40.0 / 60) < 1e-9);
        QVERIFY(c[3].speedKmh > 11000);
    }

    void nearestPlaceMatchesHaversine()
    {
        // Places all over the globe, antipodes and the date line included; each query's nearest place by
        // chord must give the haversine distance of the nearest place by brute force.
        const double places[][2] = {{-36.85, 174.76}, {51.51, -0.13}, {-23.55, -46.63}, {35.68, 139.69},
                                    {64.15, -21.94}, {-33.87, 151.21}, {0.0, 179.9}, {89.9, 0.0}};
        std::vector<SignInRow> rows;
        for (const auto &p : places)
            rows.push_back(row(0, QStringLiteral("XX"), p[0], p[1]));
        SignInEncoder encoder;
        encoder.fit(rows, 0);
        const double queries[][2] = {{-36.85, 174.76}, {-36.86, 174.77}, {0.0, -179.9}, {36.85, -5.24},
                                     {-89.0, 10.0}, {48.86, 2.35}, {-41.29, 174.78}, {12.0, 77.0}};
        for (const auto &q : queries) {
            double brute = 1e9;
            for (const auto &p : places)
                brute = std::min(brute, haversineKm(p[0], p[1], q[0], q[1]));
            QVERIFY2(std::abs(encoder.nearestPlaceKm(q[0], q[1]) - brute) < 1e-6,
                     qPrintable(QStringLiteral("%1,%2: %3 vs %4").arg(q[0]).arg(q[1])
                                    .arg(encoder.nearestPlaceKm(q[0], q[1])).arg(brute)));
        }
        QCOMPARE(encoder.nearestPlaceKm(-36.85, 174.76), 0.0);
    }

    void encodeDescribeRoundTrip()
    {
        std::vector<SignInRow> rows;
        for (int i = 0; i < 60; ++i)
            rows.push_back(row(qint64(i) * 24 * kHour + 21 * kHour, QStringLiteral("NZ"), -36.85, 174.76)); // 09:00 NZ (+12)
        SignInEncoder e;
        e.fit(rows, 12 * 60);
        const std::vector<Context> ctx = computeContext(rows);
        std::vector<float> x;
        for (std::size_t i = 0; i < rows.size(); ++i)
            e.encode(rows[i], ctx[i], x);
        e.calibrate(x, qint64(rows.size()));
        QCOMPARE(int(x.size()), e.dimensions() * 60);
        QVERIFY(e.featureNames().contains(QStringLiteral("country=NZ")));
        QVERIFY(e.featureNames().contains(QStringLiteral("country=other")));
        // Local hour 09: sin(2 pi 9/24).
        const int hourSin = int(e.featureNames().indexOf(QStringLiteral("hour sin")));
        QVERIFY(std::abs(x[hourSin] - std::sin(2 * M_PI * 9 / 24)) < 1e-6);

        // An unseen country at 03:00 local, far away.
        const SignInRow odd = row(60 * 24 * kHour + 15 * kHour, QStringLiteral("BR"), -23.55, -46.63);
        const Context oc;
        std::vector<float> y;
        e.encode(odd, oc, y);
        const int other = int(e.featureNames().indexOf(QStringLiteral("country=other")));
        const int rarity = int(e.featureNames().indexOf(QStringLiteral("country rarity")));
        QCOMPARE(y[other], 1.0f);
        QVERIFY(y[rarity] > x[rarity]);
        QVERIFY(e.surprise(rarity, y[rarity]) > 1);
        QCOMPARE(e.describe(rarity, odd, oc), QStringLiteral("country=BR unseen"));
        QCOMPARE(e.describe(hourSin, odd, oc), QStringLiteral("hour 03 unseen"));
        QVERIFY(e.describe(int(e.featureNames().indexOf(QStringLiteral("log km to nearest known place"))), odd, oc)
                    .endsWith(QStringLiteral(" km from any known place")));
        QVERIFY(y[int(e.featureNames().indexOf(QStringLiteral("log km to nearest known place")))] > std::log1p(9000.0));

        SignInEncoder back;
        const backsight::Status read = back.fromJson(e.toJson());
        QVERIFY2(read, qPrintable(read ? QString() : read.error().message));
        std::vector<float> z;
        back.encode(odd, oc, z);
        QCOMPARE(z, y);
        QCOMPARE(back.featureNames(), e.featureNames());
        const backsight::Status newer = back.fromJson("{\"version\": 9}");
        QVERIFY(!newer);
        QCOMPARE(newer.error().category, backsight::Error::Category::BadInput);
    }
};

QTEST_GUILESS_MAIN(TestFeatures)
#include "test_features.moc"
