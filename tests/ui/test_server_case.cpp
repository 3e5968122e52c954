// A case on a PostgreSQL server in the GUI: the address the server dialog builds (special characters
// percent-encoded, opened for real), that no password reaches the settings, the password prompt when the
// server wants one, and team refresh: a colleague's status change (backsight-cli in another process) reloads
// the triage queue of an open window and says so in the status bar; the window's own change does not. Opening
// through the menu does not block the window: a job connects (its title names the server, Cancel abandons it),
// a closed port, a silent server or a wrong password explain themselves and leave the open case open.
#include "app_settings.h"
#include "case_fixture.h"
#include "dialogs/server_case_dialog.h"
#include "file_menu.h"
#include "main_window.h"
#include "postgres_server.h"
#include "store/database.h"
#include "store/session_passwords.h"
#include "team_refresh.h"
#include "test_support.h"
#include "views/triage/anomaly_detail_pane.h"
#include "views/triage/triage_model.h"
#include "views/triage/triage_view.h"
#include "widgets/job_status_widget.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTest>
#include <QThreadPool>
#include <QTimer>
#include <QUrl>

#include <optional>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace backsight;
using namespace backsight::ui;
using Case = backsight::test::CaseFixture;

namespace {

// A TCP port on 127.0.0.1 that takes connections into its backlog and never answers: libpq connects and then
// waits for the server's first reply, as with a host behind a dropping firewall. Closing it resets them.
class SilentServer
{
public:
    SilentServer()
    {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr *>(&address), length) != 0 || ::listen(fd_, 16) != 0
            || ::getsockname(fd_, reinterpret_cast<sockaddr *>(&address), &length) != 0)
            return;
        port_ = ntohs(address.sin_port);
    }
    ~SilentServer() { close(); }
    void close()
    {
        if (fd_ >= 0)
            ::close(fd_);
        fd_ = -1;
    }
    int port() const { return port_; }

private:
    int fd_ = -1;
    int port_ = 0;
};

// A port on 127.0.0.1 where nothing listens (it was free a moment ago): connecting is refused at once.
int closedPort()
{
    SilentServer once;
    return once.port();
}

} // namespace

class TestServerCase : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void builtUrl_data();
    void builtUrl();
    void builtUrlOpensOddNames();
    void dialogAsksForWhatAnAddressNeeds();
    void noPasswordReachesTheSettings();
    void colleaguesChangeReloadsTheQueue();
    void ownChangeIsNotAColleagues();
    void caseFileHasNoTeamToHear();
    void asksForThePasswordTheServerWants();
    void menuOpensWithoutWaitingAndCancels();
    void menuOpensAGoodAddress();
    void closedPortKeepsTheOpenCase();
    void failedDialogAttemptComesBackFilledIn();
    void silentServerFailsAfterTheConnectTimeout();
    void wrongPasswordKeepsTheOpenCase();

private:
    void openPreviousCase();
    bool waitServerCaseFinished(QSignalSpy &finished);
    QString shotPath(const QString &name) const;
    QString triageStatus(const QString &anomalyId) const;
    bool waitTriageLoaded();
    QString settingsText();

    test::PostgresServer server_;
    test::TempFolder temp_;
    QString teamUrl_;
    QThreadPool pool_;
    std::unique_ptr<QSettings> qsettings_;
    std::unique_ptr<AppSettings> settings_;
    std::unique_ptr<MainWindow> window_;
};

void TestServerCase::initTestCase()
{
    QVERIFY2(server_.start(QStringLiteral("team")), qPrintable(server_.error()));
    teamUrl_ = server_.url();
    const QString error = Case::build(teamUrl_, temp_.path());
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestServerCase::init()
{
    static int n = 0;
    qsettings_ = std::make_unique<QSettings>(temp_.path(QStringLiteral("settings-%1.ini").arg(++n)),
                                             QSettings::IniFormat);
    settings_ = std::make_unique<AppSettings>(*qsettings_);
    window_ = std::make_unique<MainWindow>(*settings_, pool_);
    window_->showView(window_->views().triage);
    window_->show();
}

void TestServerCase::cleanup()
{
    window_.reset();
    pool_.waitForDone();
    settings_.reset();
    qsettings_.reset();
}

QString TestServerCase::triageStatus(const QString &anomalyId) const
{
    const TriageModel *model = window_->views().triage->model();
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->row(r)->id == anomalyId)
            return model->row(r)->status;
    }
    return QStringLiteral("(not in the queue)");
}

bool TestServerCase::waitTriageLoaded()
{
    TriageView *triage = window_->views().triage;
    return QTest::qWaitFor([triage] { return !triage->isLoading() && triage->model()->rowCount() > 0; },
                           15000);
}

QString TestServerCase::settingsText()
{
    qsettings_->sync();
    QFile file(qsettings_->fileName());
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

void TestServerCase::builtUrl_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("url");
    QTest::newRow("plain") << "db.example.org" << 5432 << "acme"
                           << "mere"
                           << "postgresql://mere@db.example.org:5432/acme";
    QTest::newRow("other port, trimmed") << " db.example.org " << 6543 << " acme "
                                         << " mere "
                                         << "postgresql://mere@db.example.org:6543/acme";
    QTest::newRow("at and colon in the user") << "db" << 5432 << "acme"
                                              << "mere@corp:x"
                                              << "postgresql://mere%40corp%3Ax@db:5432/acme";
    QTest::newRow("space, query and fragment in the name") << "db" << 5432 << "case 7?x#y%z"
                                                           << "u"
                                                           << "postgresql://u@db:5432/case%207%3Fx%23y%25z";
    QTest::newRow("IPv6 host") << "::1" << 5432 << "acme"
                               << "u"
                               << "postgresql://u@[::1]:5432/acme";
    QTest::newRow("host that is no host") << "db server" << 5432 << "acme"
                                          << "u" << QString();
}

void TestServerCase::builtUrl()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, database);
    QFETCH(QString, user);
    QFETCH(QString, url);
    QCOMPARE(serverCaseUrl({host, port, database, user}), url);
}

// The built address opens the database it names as the user it names, and so does its path() (a view's read).
void TestServerCase::builtUrlOpensOddNames()
{
    const QString database = QStringLiteral("case #7/ü?x%41 y");
    const QString user = QStringLiteral("ana@lyst:x");
    QVERIFY2(server_.createDatabase(database), qPrintable(server_.error()));
    QVERIFY2(server_.runStatements({QStringLiteral("CREATE ROLE \"ana@lyst:x\" LOGIN SUPERUSER")}),
             qPrintable(server_.error()));
    const QString url = serverCaseUrl({QStringLiteral("127.0.0.1"), server_.port(), database, user});
    Database db;
    QVERIFY2(db.open(url), qPrintable(db.error()));
    QCOMPARE(db.path(), url);
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT current_database(), current_user")) && q.next());
    QCOMPARE(q.value(0).toString(), database);
    QCOMPARE(q.value(1).toString(), user);
    Database again;
    QVERIFY2(again.open(db.path()), qPrintable(again.error()));
}

void TestServerCase::dialogAsksForWhatAnAddressNeeds()
{
    ServerCaseDialog dialog;
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QCOMPARE(dialog.address().port, 5432);
    QVERIFY(!ok->isEnabled()); // no host, database or user yet
    dialog.setAddress(
        {QStringLiteral("db.example.org"), 6543, QStringLiteral("acme"), QStringLiteral("mere")});
    QVERIFY(ok->isEnabled());
    QCOMPARE(serverCaseUrl(dialog.address()), QStringLiteral("postgresql://mere@db.example.org:6543/acme"));
    auto *password = dialog.findChild<QLineEdit *>(QStringLiteral("serverPassword"));
    QVERIFY(password);
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    QTest::keyClicks(password, QStringLiteral("pw"));
    QCOMPARE(dialog.password(), QStringLiteral("pw"));
    bool saysPgpass = false;
    for (const QLabel *label : dialog.findChildren<QLabel *>())
        saysPgpass = saysPgpass || (label->text().contains(QLatin1String("~/.pgpass")) &&
                                    label->text().contains(QLatin1String("PGPASSFILE")));
    QVERIFY(saysPgpass);
    dialog.findChild<QLineEdit *>(QStringLiteral("serverHost"))->clear();
    QVERIFY(!ok->isEnabled());
}

void TestServerCase::noPasswordReachesTheSettings()
{
    const QString secret = QStringLiteral("S3cret-Pw");
    QString withPassword = teamUrl_;
    withPassword.replace(QLatin1String("postgres@"), QStringLiteral("postgres:%1@").arg(secret));
    QString error;
    // The test server trusts local connections: the password is accepted and ignored, as a correct one would
    // be.
    QVERIFY2(window_->openDatabase(withPassword, &error), qPrintable(error));
    QCOMPARE(settings_->recentDatabases().value(0), teamUrl_);
    QCOMPARE(settings_->lastDatabase(), teamUrl_);
    settings_->addRecentDatabase(teamUrl_ + QStringLiteral("?password=") + secret);
    QCOMPARE(settings_->recentDatabases().value(0), teamUrl_);
    QVERIFY(!window_->windowTitle().contains(secret));
    const QString saved = settingsText();
    QVERIFY2(saved.contains(QLatin1String("127.0.0.1")), qPrintable(saved));
    QVERIFY2(!saved.contains(secret), qPrintable(saved));
}

void TestServerCase::colleaguesChangeReloadsTheQueue()
{
    QString error;
    QVERIFY2(window_->openDatabase(teamUrl_, &error), qPrintable(error));
    QVERIFY(waitTriageLoaded());
    QVERIFY(window_->teamRefresh()->isListening());
    const QString id = Case::anomalyId(5);
    QCOMPARE(triageStatus(id), QStringLiteral("new"));
    QSignalSpy refreshed(window_->teamRefresh(), &TeamRefresh::refreshed);

    // The colleague: another process on another connection.
    QProcess cli;
    cli.setProcessChannelMode(QProcess::MergedChannels);
    cli.start(QStringLiteral(BACKSIGHT_CLI),
              {QStringLiteral("--db"), teamUrl_, QStringLiteral("case"), QStringLiteral("status"),
               QStringLiteral("--id"), id, QStringLiteral("--set"), QStringLiteral("confirmed"),
               QStringLiteral("--author"), QStringLiteral("colleague")});
    QVERIFY(cli.waitForFinished(60000));
    QVERIFY2(cli.exitCode() == 0, cli.readAll().constData());

    QVERIFY(refreshed.wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(triageStatus(id), QStringLiteral("confirmed"), 10000);
    QVERIFY2(window_->statusBar()->currentMessage().contains(QLatin1String("colleague")),
             qPrintable(window_->statusBar()->currentMessage()));
}

void TestServerCase::ownChangeIsNotAColleagues()
{
    QString error;
    QVERIFY2(window_->openDatabase(teamUrl_, &error), qPrintable(error));
    QVERIFY(waitTriageLoaded());
    TriageView *triage = window_->views().triage;
    QSignalSpy refreshed(window_->teamRefresh(), &TeamRefresh::refreshed);
    QSignalSpy finished(triage, &TriageView::statusChangeFinished);
    const QString id = Case::anomalyId(6);
    const QByteArray user = qgetenv("USER");
    qputenv("USER", "gui-analyst"); // the name the window sends (cases::analystName)
    triage->applyStatusChange({id}, StatusChange{QStringLiteral("dismissed"), {}, {}});
    QVERIFY(finished.wait(10000));
    qputenv("USER", user);
    QCOMPARE(finished.first().at(0).toInt(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(triageStatus(id), QStringLiteral("dismissed"), 10000);
    QVERIFY(!refreshed.wait(1000)); // its own edit reached it as a notice from this process
    // The detail pane names the role the window signed in as (postgres here), not the name it sent.
    triage->selectRow(triage->model()->rowOf(id));
    QTRY_VERIFY2_WITH_TIMEOUT(triage->detailPane()->shownAnomalyId() == id
                                  && triage->detailPane()->reasonsText().contains(QLatin1String("set by postgres")),
                              qPrintable(triage->detailPane()->reasonsText()), 10000);
}

void TestServerCase::caseFileHasNoTeamToHear()
{
    QString error;
    QVERIFY2(window_->openDatabase(teamUrl_, &error), qPrintable(error));
    QVERIFY(window_->teamRefresh()->isListening());
    QVERIFY2(window_->openDatabase(temp_.path(QStringLiteral("solo.sqlite")), &error), qPrintable(error));
    QVERIFY(!window_->teamRefresh()->isListening());
}

// The server wants a password nothing gave: the prompt asks (again after a wrong one), the case opens, the
// views read with it on their own connections, and it is stored nowhere.
void TestServerCase::asksForThePasswordTheServerWants()
{
    const QString secret = QStringLiteral("correct horse");
    QVERIFY2(server_.addPasswordRole(QStringLiteral("analyst"), secret), qPrintable(server_.error()));
    QString url = teamUrl_;
    url.replace(QLatin1String("postgres@"), QLatin1String("analyst@"));
    auto *menu = window_->findChild<FileMenu *>();
    QVERIFY(menu);

    QStringList answers{QStringLiteral("wrong"), secret};
    int prompts = 0;
    QTimer answer;
    answer.setInterval(20);
    connect(&answer, &QTimer::timeout, this, [&] {
        auto *prompt = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!prompt)
            return;
        ++prompts;
        if (answers.isEmpty()) {
            prompt->reject(); // asked once too often: give up, as an analyst would
            return;
        }
        prompt->setTextValue(answers.takeFirst());
        prompt->accept();
    });
    answer.start();
    QSignalSpy finished(menu, &FileMenu::serverCaseFinished);
    menu->openServerCase(url);
    QVERIFY(waitServerCaseFinished(finished));
    answer.stop();
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(2).toString()));
    QCOMPARE(prompts, 2);
    QCOMPARE(window_->database()->path(), url);
    QVERIFY(waitTriageLoaded()); // read by the pool on connections that needed the password
    QCOMPARE(window_->views().triage->model()->totalCount(), qint64(Case::kAnomalies));
    QVERIFY(window_->views().triage->model()->error().isEmpty());
    const QString saved = settingsText();
    QVERIFY2(saved.contains(QLatin1String("analyst@")), qPrintable(saved));
    QVERIFY2(!saved.contains(secret), qPrintable(saved));
}

void TestServerCase::openPreviousCase()
{
    QString error;
    QVERIFY2(window_->openDatabase(temp_.path(QStringLiteral("previous.sqlite")), &error), qPrintable(error));
}

// To BACKSIGHT_SCREENSHOT_DIR when set (to look at), else the temporary folder.
QString TestServerCase::shotPath(const QString &name) const
{
    const QString folder = qEnvironmentVariable("BACKSIGHT_SCREENSHOT_DIR");
    return folder.isEmpty() ? temp_.path(name) : folder + QLatin1Char('/') + name;
}

bool TestServerCase::waitServerCaseFinished(QSignalSpy &finished)
{
    // Generous: a connect gives up after 10 s, and CI machines are slow.
    return QTest::qWaitFor([&finished] { return finished.count() > 0; }, 60000);
}

// File → Open case on server… returns to the event loop while the server has not answered: the window keeps
// running timers, the status bar names the server, and its Cancel abandons the attempt; the open case stays.
void TestServerCase::menuOpensWithoutWaitingAndCancels()
{
    openPreviousCase();
    const QString previous = window_->database()->path();
    SilentServer silent;
    QVERIFY(silent.port() > 0);
    auto *menu = window_->findChild<FileMenu *>();
    QSignalSpy finished(menu, &FileMenu::serverCaseFinished);
    QTimer::singleShot(0, this, [&silent] {
        auto *dialog = qobject_cast<ServerCaseDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->setAddress({QStringLiteral("127.0.0.1"), silent.port(), QStringLiteral("team"), QStringLiteral("postgres")});
        dialog->accept();
    });
    window_->findChild<QAction *>(QStringLiteral("openServerCaseAction"))->trigger();

    QVERIFY(menu->isOpeningServerCase());
    int ticks = 0;
    QTimer tick;
    connect(&tick, &QTimer::timeout, this, [&ticks] { ++ticks; });
    tick.start(10);
    QTRY_VERIFY_WITH_TIMEOUT(ticks >= 3, 10000);
    JobStatusWidget *status = window_->jobStatus();
    QVERIFY(status->isVisible());
    QVERIFY(status->trackedJob());
    const QString where = QStringLiteral("127.0.0.1:%1/team").arg(silent.port());
    QVERIFY2(status->trackedJob()->title().contains(where), qPrintable(status->trackedJob()->title()));
    QVERIFY(window_->grab().save(shotPath(QStringLiteral("connecting.png"))));
    QCOMPARE(finished.count(), 0);
    QCOMPARE(status->cancelHint(), QStringLiteral("Stop connecting; the open case stays open")); // not the import's

    QTest::mouseClick(status->findChild<QPushButton *>(QStringLiteral("jobCancel")), Qt::LeftButton);
    QVERIFY(!menu->isOpeningServerCase());
    QCOMPARE(finished.count(), 1);
    QVERIFY(!finished.first().at(0).toBool());
    QVERIFY(finished.first().at(2).toString().isEmpty());
    QVERIFY(!status->isVisible());
    QCOMPARE(window_->database()->path(), previous);
    QVERIFY2(window_->statusBar()->currentMessage().contains(where),
             qPrintable(window_->statusBar()->currentMessage()));
    silent.close(); // the abandoned job's libpq sees the reset and lets go
    QTest::qWait(200);
    QCOMPARE(window_->database()->path(), previous);
    QCOMPARE(finished.count(), 1);
}

// The address of a running server opens through the dialog, the window's connection reads the case.
void TestServerCase::menuOpensAGoodAddress()
{
    openPreviousCase();
    auto *menu = window_->findChild<FileMenu *>();
    QSignalSpy finished(menu, &FileMenu::serverCaseFinished);
    const ServerCaseAddress address{QStringLiteral("127.0.0.1"), server_.port(), QStringLiteral("team"),
                                    QStringLiteral("postgres")};
    QTimer::singleShot(0, this, [&address] {
        auto *dialog = qobject_cast<ServerCaseDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->setAddress(address);
        dialog->accept();
    });
    window_->findChild<QAction *>(QStringLiteral("openServerCaseAction"))->trigger();
    QVERIFY(waitServerCaseFinished(finished));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(2).toString()));
    QCOMPARE(window_->database()->path(), serverCaseUrl(address));
    QVERIFY(!window_->jobStatus()->isVisible());
    QVERIFY(waitTriageLoaded());
    QCOMPARE(window_->views().triage->model()->totalCount(), qint64(Case::kAnomalies));
}

// A refused connection (the recent list's path: no dialog to come back to) is explained in a message box and
// the status bar; the case that was open stays open.
void TestServerCase::closedPortKeepsTheOpenCase()
{
    openPreviousCase();
    const QString previous = window_->database()->path();
    auto *menu = window_->findChild<FileMenu *>();
    QSignalSpy finished(menu, &FileMenu::serverCaseFinished);
    const QString url = QStringLiteral("postgresql://postgres@127.0.0.1:%1/team").arg(closedPort());
    menu->openServerCase(url);
    QVERIFY(waitServerCaseFinished(finished));
    QVERIFY(!finished.first().at(0).toBool());
    const QString error = finished.first().at(2).toString();
    QVERIFY2(error.contains(url), qPrintable(error));
    auto *box = window_->findChild<QMessageBox *>(QStringLiteral("serverCaseError"));
    QVERIFY(box);
    QCOMPARE(box->text(), error);
    QVERIFY(box->grab().save(shotPath(QStringLiteral("refused.png"))));
    box->accept();
    QCOMPARE(window_->statusBar()->currentMessage(), error);
    QCOMPARE(window_->database()->path(), previous);
    QVERIFY(!window_->jobStatus()->isVisible());
}

// A failed attempt from the dialog: after its message box the dialog comes back as it was filled in.
void TestServerCase::failedDialogAttemptComesBackFilledIn()
{
    openPreviousCase();
    const QString previous = window_->database()->path();
    auto *menu = window_->findChild<FileMenu *>();
    QSignalSpy finished(menu, &FileMenu::serverCaseFinished);
    const ServerCaseAddress address{QStringLiteral("127.0.0.1"), closedPort(), QStringLiteral("team"),
                                    QStringLiteral("postgres")};
    QTimer::singleShot(0, this, [&address] {
        auto *dialog = qobject_cast<ServerCaseDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->setAddress(address);
        dialog->accept();
    });
    window_->findChild<QAction *>(QStringLiteral("openServerCaseAction"))->trigger();
    QVERIFY(waitServerCaseFinished(finished));
    QVERIFY(!finished.first().at(0).toBool());
    auto *box = window_->findChild<QMessageBox *>(QStringLiteral("serverCaseError"));
    QVERIFY(box);

    std::optional<ServerCaseAddress> shown;
    QTimer watch;
    watch.setInterval(20);
    connect(&watch, &QTimer::timeout, this, [&shown] {
        if (auto *dialog = qobject_cast<ServerCaseDialog *>(QApplication::activeModalWidget())) {
            shown = dialog->address();
            dialog->reject(); // the analyst gives up
        }
    });
    watch.start();
    box->accept();
    QTRY_VERIFY_WITH_TIMEOUT(shown.has_value(), 10000);
    watch.stop();
    QCOMPARE(shown->host, address.host);
    QCOMPARE(shown->port, address.port);
    QCOMPARE(shown->database, address.database);
    QCOMPARE(shown->user, address.user);
    QCOMPARE(window_->database()->path(), previous);
    QCOMPARE(finished.count(), 1);
}

// A server that never answers fails after the connect timeout with a message instead of hanging.
void TestServerCase::silentServerFailsAfterTheConnectTimeout()
{
    openPreviousCase();
    const QString previous = window_->database()->path();
    SilentServer silent;
    auto *menu = window_->findChild<FileMenu *>();
    QSignalSpy finished(menu, &FileMenu::serverCaseFinished);
    menu->openServerCase(QStringLiteral("postgresql://postgres@127.0.0.1:%1/team?connect_timeout=1").arg(silent.port()));
    QVERIFY(menu->isOpeningServerCase());
    QVERIFY(waitServerCaseFinished(finished));
    QVERIFY(!finished.first().at(0).toBool());
    QVERIFY2(!finished.first().at(2).toString().isEmpty(), "no explanation");
    QVERIFY(window_->findChild<QMessageBox *>(QStringLiteral("serverCaseError")));
    QCOMPARE(window_->database()->path(), previous);
}

// A wrong password: the prompt says what the server said; giving up leaves the open case and forgets the password.
void TestServerCase::wrongPasswordKeepsTheOpenCase()
{
    QVERIFY2(server_.addPasswordRole(QStringLiteral("visitor"), QStringLiteral("right")), qPrintable(server_.error()));
    openPreviousCase();
    const QString previous = window_->database()->path();
    QString url = teamUrl_;
    url.replace(QLatin1String("postgres@"), QLatin1String("visitor@"));
    auto *menu = window_->findChild<FileMenu *>();
    QSignalSpy finished(menu, &FileMenu::serverCaseFinished);
    QString asked;
    QTimer answer;
    answer.setInterval(20);
    connect(&answer, &QTimer::timeout, this, [&asked] {
        if (auto *prompt = qobject_cast<QInputDialog *>(QApplication::activeModalWidget())) {
            asked = prompt->labelText();
            prompt->reject();
        }
    });
    answer.start();
    menu->openServerCase(url, QStringLiteral("wrong"));
    QVERIFY(waitServerCaseFinished(finished));
    answer.stop();
    QVERIFY2(asked.contains(QLatin1String("password authentication failed")), qPrintable(asked));
    QVERIFY(!asked.contains(QLatin1String("wrong")));
    QVERIFY(!finished.first().at(0).toBool());
    QCOMPARE(window_->database()->path(), previous);
    QVERIFY(sessionPassword(url).isEmpty());
}

QTEST_MAIN(TestServerCase)

#include "test_server_case.moc"
