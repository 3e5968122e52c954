// What the GUI remembers: recent databases (most recent first, no duplicates, at most 8).
#include "app_settings.h"
#include "test_support.h"

#include <QSettings>
#include <QTest>

using namespace backsight;
using namespace backsight::ui;

class TestAppSettings : public QObject
{
    Q_OBJECT

private slots:
    void keepsTheEightMostRecentDatabases()
    {
        test::TempFolder temp;
        QSettings qsettings(temp.path(QStringLiteral("s.ini")), QSettings::IniFormat);
        AppSettings settings(qsettings);
        for (int i = 0; i < 10; ++i)
            settings.addRecentDatabase(temp.path(QStringLiteral("case%1.sqlite").arg(i)));
        QStringList recent = settings.recentDatabases();
        QCOMPARE(recent.size(), AppSettings::kMaxRecentDatabases);
        QVERIFY(recent.first().endsWith(QLatin1String("case9.sqlite")));
        QVERIFY(recent.last().endsWith(QLatin1String("case2.sqlite")));

        // Reopening one moves it to the top instead of adding it twice, however it is spelled.
        settings.addRecentDatabase(temp.path(QStringLiteral("sub/../case5.sqlite")));
        recent = settings.recentDatabases();
        QCOMPARE(recent.size(), AppSettings::kMaxRecentDatabases);
        QVERIFY(recent.first().endsWith(QLatin1String("/case5.sqlite")));
        QCOMPARE(recent.filter(QStringLiteral("case5")).size(), 1);

        settings.clearRecentDatabases();
        QVERIFY(settings.recentDatabases().isEmpty());
    }

    void survivesARestart()
    {
        test::TempFolder temp;
        const QString file = temp.path(QStringLiteral("s.ini"));
        {
            QSettings qsettings(file, QSettings::IniFormat);
            AppSettings settings(qsettings);
            settings.setLastDatabase(temp.path(QStringLiteral("case.sqlite")));
            settings.setWindowGeometry(QByteArray("geometry"));
        }
        QSettings qsettings(file, QSettings::IniFormat);
        AppSettings settings(qsettings);
        QVERIFY(settings.lastDatabase().endsWith(QLatin1String("/case.sqlite")));
        QCOMPARE(settings.windowGeometry(), QByteArray("geometry"));
    }
};

QTEST_GUILESS_MAIN(TestAppSettings)
#include "test_app_settings.moc"
