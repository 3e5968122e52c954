// The bundled world map (format, projection) and the travel map view on a generated case: a user's places
// and legs, the time slider, clicking a place to list its sign-ins, zoom.
#include "case_fixture.h"
#include "sign_in_fixture.h"
#include "store/database.h"
#include "test_support.h"
#include "views/map/travel_map_view.h"
#include "widgets/world_map_painter.h"

#include <QImage>
#include <QPainter>
#include <QSlider>
#include <QTableWidget>
#include <QTest>
#include <QThreadPool>

using namespace backsight;
using namespace backsight::ui;
using Fixture = backsight::test::SignInFixture;

class TestTravelMapView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(temp_.isValid());
        const QString error = test::CaseFixture::build(temp_.path(QStringLiteral("case.sqlite")), temp_.path());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(db_.open(temp_.path(QStringLiteral("case.sqlite"))));
    }

    void bundledMapHasLandAndBorders()
    {
        const WorldMap &map = WorldMap::bundled();
        QVERIFY(map.land().rings.size() > 1000);
        QVERIFY(map.borders().rings.size() > 200);
        QCOMPARE(map.land().rings.size(), map.land().bounds.size());
    }

    void rejectsDamagedMapData()
    {
        QString error;
        QVERIFY(!WorldMap::fromBytes(QByteArrayLiteral("PNG"), error));
        QVERIFY(error.contains(QStringLiteral("BSWM")));
        // Header, one layer "land" that promises 5 rings and ends there (sizeof - 1: no terminating NUL).
        static const char raw[] = "BSWM\x01\x00\x01\x00\x04land\x05\x00\x00\x00";
        const QByteArray truncated(raw, qsizetype(sizeof(raw) - 1));
        QVERIFY(!WorldMap::fromBytes(truncated, error));
        QVERIFY(error.contains(QStringLiteral("land")));
    }

    void projectionRoundTripsAndPaintsLandWhereLandIs()
    {
        const MapProjection proj(QRectF(0, 0, 720, 360));
        const QPointF wellington = proj.toScreen(174.78, -41.29);
        const QPointF back = proj.toGeo(wellington);
        QVERIFY(qAbs(back.x() - 174.78) < 1e-9 && qAbs(back.y() + 41.29) < 1e-9);
        QImage image(720, 360, QImage::Format_RGB32);
        QPainter painter(&image);
        const WorldMapStyle style = WorldMapStyle::forPrint();
        paintWorld(painter, proj, WorldMap::bundled(), style);
        painter.end();
        // Central Australia is land, the middle of the Pacific is water.
        QCOMPARE(image.pixelColor(proj.toScreen(134, -25).toPoint()), style.land);
        QCOMPARE(image.pixelColor(proj.toScreen(-150, 0).toPoint()), style.water);
        QVERIFY(qAbs(distanceKm(-41.29, 174.78, 52.52, 13.40) - 18'100) < 150); // Wellington–Berlin
    }

    void showsAUsersPlacesAndListsTheEventsOfAClickedPlace()
    {
        QThreadPool pool;
        TravelMapView view(pool);
        view.resize(1000, 700);
        view.show();
        view.setDatabase(&db_);
        QVERIFY(waitLoaded(view));
        const QString upn = Fixture::upn(0); // user00 signs in as i = 0, 37, 74, … in every fixture country
        view.showUser(upn);
        QVERIFY(waitLoaded(view));
        TravelMapWidget *map = view.map();
        QCOMPARE(int(map->locations().size()), test::SignInFixture::kCountries);
        QVERIFY(!map->legs().empty());
        // A minute between sign-ins on different continents: every leg is impossible before detection has run.
        for (const MapLeg &leg : map->legs())
            QVERIFY(leg.kmh > TravelMapView::kImpossibleKmh);

        int berlin = -1;
        for (int i = 0; i < int(map->locations().size()); ++i) {
            if (map->locations()[size_t(i)].place == QStringLiteral("Berlin, DE"))
                berlin = i;
        }
        QVERIFY(berlin >= 0);
        QTest::mouseClick(map, Qt::LeftButton, {}, map->locationPosition(berlin).toPoint());
        QCOMPARE(map->selected(), berlin);
        const qint64 expected = map->locations()[size_t(berlin)].count;
        QCOMPARE(qint64(view.eventTable()->rowCount()), expected);
        QCOMPARE(view.eventTable()->item(0, 1)->text(), upn);

        // The slider replays travel: at its start only the first place is known.
        view.slider()->setValue(0);
        QCOMPARE(int(map->locations().size()), 1);
        view.slider()->setValue(view.slider()->maximum());
        QCOMPARE(int(map->locations().size()), test::SignInFixture::kCountries);

        const double zoom = map->zoom();
        QTest::keyClick(map, Qt::Key_Plus);
        QVERIFY(map->zoom() > zoom);
        view.setDatabase(nullptr);
    }

    void tenantModeAggregatesPlacesInSql()
    {
        QThreadPool pool;
        TravelMapView view(pool);
        view.resize(1000, 700);
        view.show();
        view.setDatabase(&db_);
        QVERIFY(waitLoaded(view));
        QCOMPARE(int(view.map()->locations().size()), test::SignInFixture::kCountries);
        qint64 total = 0;
        for (const MapLocation &l : view.map()->locations())
            total += l.count;
        QCOMPARE(total, qint64(test::CaseFixture::kSignIns));
        view.selectLocation(0);
        QTRY_VERIFY_WITH_TIMEOUT(view.eventTable()->rowCount() > 0, 10000);
        view.setDatabase(nullptr);
        pool.waitForDone();
    }

private:
    static bool waitLoaded(TravelMapView &view)
    {
        return QTest::qWaitFor([&] { return !view.isLoading(); }, 10000);
    }

    test::TempFolder temp_;
    Database db_;
};

QTEST_MAIN(TestTravelMapView)
#include "test_travel_map_view.moc"
