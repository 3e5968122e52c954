// The GUI and the CLI in German and Dutch: the shipped translations load, the real main window shows German
// menus and view texts, the language choice follows the environment and Settings → Language…, and the CLI
// speaks the language LANGUAGE / LC_ALL / LC_MESSAGES / LANG ask for. Renders the German main window and views
// (to BACKSIGHT_SCREENSHOT_DIR when set, docs/screenshots/de in the repository, else a temporary folder).
#include "app_settings.h"
#include "case_fixture.h"
#include "dialogs/language_dialog.h"
#include "i18n/app_translations.h"
#include "main_window.h"
#include "test_support.h"
#include "view_screenshots.h"
#include "views/case_view.h"
#include "views/dashboard/dashboard_view.h"
#include "views/import/import_view.h"
#include "views/map/travel_map_view.h"

#include <QComboBox>
#include <QListWidget>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

using namespace backsight;
using namespace backsight::ui;

namespace {

// Sets environment variables for one scope and puts the old values back.
class EnvironmentScope
{
public:
    explicit EnvironmentScope(const QList<std::pair<const char *, QByteArray>> &values)
    {
        for (const char *name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
            saved_.append({name, qgetenv(name), qEnvironmentVariableIsSet(name)});
            qunsetenv(name);
        }
        for (const auto &[name, value] : values)
            qputenv(name, value);
    }
    ~EnvironmentScope()
    {
        for (const auto &s : saved_) {
            if (s.set)
                qputenv(s.name, s.value);
            else
                qunsetenv(s.name);
        }
    }

private:
    struct Saved
    {
        const char *name;
        QByteArray value;
        bool set;
    };
    QList<Saved> saved_;
};

QStringList menuTitles(QMainWindow &window)
{
    QStringList titles;
    for (QAction *action : window.menuBar()->actions())
        titles << action->text();
    return titles;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void shipsGermanAndDutch()
    {
        const QStringList languages = i18n::availableLanguages();
        QVERIFY2(languages.contains(QStringLiteral("de")), qPrintable(languages.join(QLatin1Char(','))));
        QVERIFY(languages.contains(QStringLiteral("nl")));
        QCOMPARE(i18n::nativeLanguageName(QStringLiteral("de")), QStringLiteral("Deutsch"));
        QCOMPARE(i18n::nativeLanguageName(QStringLiteral("nl")), QStringLiteral("Nederlands"));
    }

    void picksTheFirstShippedLanguage()
    {
        QCOMPARE(i18n::pickLanguage({QStringLiteral("de_AT")}), QStringLiteral("de"));
        QCOMPARE(i18n::pickLanguage({QStringLiteral("fr_FR"), QStringLiteral("nl_BE")}), QStringLiteral("nl"));
        QCOMPARE(i18n::pickLanguage({QStringLiteral("en_GB"), QStringLiteral("de")}), QString()); // English first
        QCOMPARE(i18n::pickLanguage({QStringLiteral("fr"), QStringLiteral("ja")}), QString());
        QCOMPARE(i18n::pickLanguage({}), QString());
    }

    void readsTheEnvironmentLikeGettext()
    {
        {
            EnvironmentScope env({{"LANGUAGE", "nl:de"}, {"LANG", "de_DE.UTF-8"}});
            QCOMPARE(i18n::environmentLanguages(),
                     QStringList({QStringLiteral("nl"), QStringLiteral("de"), QStringLiteral("de_DE")}));
            QCOMPARE(i18n::pickLanguage(i18n::environmentLanguages()), QStringLiteral("nl"));
        }
        {
            EnvironmentScope env({{"LC_MESSAGES", "de_CH.UTF-8"}, {"LANG", "nl_NL.UTF-8"}});
            QCOMPARE(i18n::pickLanguage(i18n::environmentLanguages()), QStringLiteral("de"));
        }
        {
            EnvironmentScope env({{"LC_ALL", "nl_NL.UTF-8"}, {"LC_MESSAGES", "de_DE.UTF-8"}});
            QCOMPARE(i18n::pickLanguage(i18n::environmentLanguages()), QStringLiteral("nl"));
        }
        {
            EnvironmentScope env({{"LANGUAGE", "de"}, {"LC_ALL", "C"}}); // C switches LANGUAGE off, as in gettext
            QCOMPARE(i18n::pickLanguage(i18n::environmentLanguages()), QString());
        }
    }

    void cliSpeaksTheEnvironmentsLanguage()
    {
        test::TempFolder temp;
        const QString missing = temp.path(QStringLiteral("no-such-case.sqlite"));
        const auto run = [&](const QByteArray &lang) {
            EnvironmentScope env({{"LANG", lang}});
            QProcess cli;
            cli.start(QStringLiteral(BACKSIGHT_CLI), {QStringLiteral("--db"), missing, QStringLiteral("stats")});
            cli.waitForFinished(60000);
            return std::pair{cli.exitCode(), QString::fromUtf8(cli.readAllStandardError())};
        };
        const auto [deCode, deText] = run("de_DE.UTF-8");
        QCOMPARE(deCode, 1);
        QVERIFY2(deText.contains(QLatin1String("gibt es keine Falldatenbank")), qPrintable(deText));
        const auto [nlCode, nlText] = run("nl_NL.UTF-8");
        QCOMPARE(nlCode, 1);
        QVERIFY2(nlText.contains(QLatin1String("er is geen zaakdatabase")), qPrintable(nlText));
        const auto [cCode, cText] = run("C.UTF-8");
        QCOMPARE(cCode, 1);
        QVERIFY2(cText.contains(QLatin1String("there is no case database")), qPrintable(cText));
    }

    // Last: from here on the application speaks German.
    void mainWindowInGerman()
    {
        QCOMPARE(i18n::installTranslations(*QCoreApplication::instance(), QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(i18n::currentLanguage(), QStringLiteral("de"));
        test::TempFolder temp;
        const QString db = temp.path(QStringLiteral("case.sqlite"));
        const QString built = test::CaseFixture::build(db, temp.path(QStringLiteral("exports")));
        QVERIFY2(built.isEmpty(), qPrintable(built));
        QSettings qsettings(temp.path(QStringLiteral("settings.ini")), QSettings::IniFormat);
        AppSettings settings(qsettings);
        QThreadPool pool;
        {
            MainWindow window(settings, pool);
            QString error;
            QVERIFY2(window.openDatabase(db, &error), qPrintable(error));
            window.resize(ViewScreenshots::kWidth, ViewScreenshots::kHeight);
            window.show();

            const QStringList menus = menuTitles(window);
            QVERIFY2(menus.contains(QStringLiteral("&Datei")), qPrintable(menus.join(QLatin1Char('|'))));
            QVERIFY(menus.contains(QStringLiteral("&Ansicht")));
            QVERIFY(menus.contains(QStringLiteral("&Einstellungen")));
            QVERIFY(menus.contains(QStringLiteral("&Hilfe")));

            // A view's own text: the Import view's buttons, and the views' names in the navigation.
            QStringList buttons;
            for (const QPushButton *button : window.views().import->findChildren<QPushButton *>())
                buttons << button->text();
            QVERIFY2(buttons.contains(QStringLiteral("Dateien importieren…")), qPrintable(buttons.join(QLatin1Char('|'))));
            QCOMPARE(window.views().map->title(), QStringLiteral("Reisekarte"));
            const auto *navigation = window.findChild<QListWidget *>(QStringLiteral("viewNavigation"));
            QVERIFY(navigation);
            QVERIFY(!navigation->findItems(QStringLiteral("Anmeldungen"), Qt::MatchExactly).isEmpty());

            // Settings → Language…: the choice is stored, for the next start.
            auto *language = window.findChild<QAction *>(QStringLiteral("languageAction"));
            QVERIFY(language);
            QCOMPARE(language->text(), QStringLiteral("&Sprache…"));
            language->trigger();
            auto *dialog = window.findChild<LanguageDialog *>(QStringLiteral("languageDialog"));
            QVERIFY(dialog);
            QCOMPARE(dialog->windowTitle(), QStringLiteral("Sprache"));
            QVERIFY(dialog->findChild<QComboBox *>()->itemText(0).startsWith(QLatin1String("Systemsprache")));
            dialog->choose(QStringLiteral("nl"));
            dialog->accept();
            QCOMPARE(settings.language(), QStringLiteral("nl"));
            QCOMPARE(qsettings.value(QStringLiteral("ui/language")).toString(), QStringLiteral("nl"));

            // Every view, photographed in German; file names stay English.
            const QString folder = qEnvironmentVariableIsEmpty("BACKSIGHT_SCREENSHOT_DIR")
                ? temp.path(QStringLiteral("shots"))
                : qEnvironmentVariable("BACKSIGHT_SCREENSHOT_DIR");
            ViewScreenshots shots(window, folder);
            QSignalSpy finished(&shots, &ViewScreenshots::finished);
            shots.start();
            QVERIFY(finished.wait(120000));
            QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
            const QStringList files = finished.first().at(2).toStringList();
            QVERIFY(std::any_of(files.cbegin(), files.cend(), [](const QString &f) { return f.endsWith(QLatin1String("/travel-map.png")); }));
            window.showView(window.views().dashboard);
            QVERIFY(window.grab().save(QDir(folder).filePath(QStringLiteral("main-window.png"))));
        }
        pool.waitForDone();
    }
};

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
