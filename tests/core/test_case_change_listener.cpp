// Team refresh on a shared PostgreSQL case: a case edit committed on one connection reaches a
// CaseChangeListener on another (NOTIFY backsight_case inside the edit's transaction), an edit that changed
// nothing or failed sends nothing, the listener's own connection is not news, and on SQLite the edits work as
// before with nothing to hear. Also the session passwords: a password typed once reaches the later
// connections to that server, never path().
#include "cases/case_records.h"
#include "postgres_server.h"
#include "store/anomaly_repository.h"
#include "store/case_change_listener.h"
#include "store/database.h"
#include "store/session_passwords.h"
#include "test_support.h"

#include <QSignalSpy>
#include <QtTest>

using namespace backsight;

namespace {

std::vector<detect::Anomaly> anomalies()
{
    std::vector<detect::Anomaly> out;
    for (int i = 1; i <= 3; ++i) {
        detect::Anomaly a;
        a.id = QStringLiteral("an-%1").arg(i);
        a.subjectType = QStringLiteral("user");
        a.subject = a.upn = QStringLiteral("aroha.ngata@contoso.com");
        a.timeMs = 1730455200000LL + i * 60000;
        a.kinds = {QStringLiteral("impossible_travel")};
        a.severity = detect::Severity::High;
        a.summary = QStringLiteral("Sign-in from Lagos 40 minutes after Wellington");
        a.eventIds = {a.id + QStringLiteral("-event")};
        a.eventTable = QStringLiteral("signins");
        a.detectedAtMs = a.timeMs + 1000;
        out.push_back(a);
    }
    return out;
}

} // namespace

class TestCaseChangeListener : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void statusChangeOnAnotherConnectionIsHeard();
    void noteTagAndAuditEntryAreHeard();
    void unchangedOrFailedEditSaysNothing();
    void ownConnectionIsNotNews();
    void sqliteHasNothingToHear();
    void payloadStaysSmall();
    void typedPasswordReachesLaterConnections();

private:
    // The next notice the listener hears within `ms`; its action says "(none)" when none came.
    CaseChangeNotice nextNotice(QSignalSpy &spy, int ms = 5000);

    test::PostgresServer server_;
    test::TempFolder tmp_;
    QString url_;
    Database a_;
    Database b_;
};

void TestCaseChangeListener::initTestCase()
{
    QVERIFY2(server_.start(), qPrintable(server_.error()));
}

void TestCaseChangeListener::init()
{
    static int n = 0;
    const QString name = QStringLiteral("listen_%1").arg(++n);
    QVERIFY2(server_.createDatabase(name), qPrintable(server_.error()));
    url_ = server_.url(name);
    QVERIFY2(a_.open(url_), qPrintable(a_.error()));
    QVERIFY2(b_.open(url_), qPrintable(b_.error()));
    QCOMPARE(detect::insertAnomalies(a_, anomalies()).valueOr(-1), qint64(3));
}

void TestCaseChangeListener::cleanup()
{
    a_.close();
    b_.close();
}

CaseChangeNotice TestCaseChangeListener::nextNotice(QSignalSpy &spy, int ms)
{
    if (spy.isEmpty() && !spy.wait(ms))
        return {QStringLiteral("(none)"), 0, {}};
    const QString payload = spy.takeFirst().at(0).toString();
    return parseCaseChangePayload(payload).value_or(
        CaseChangeNotice{QStringLiteral("(unreadable) ") + payload, 0, {}});
}

void TestCaseChangeListener::statusChangeOnAnotherConnectionIsHeard()
{
    CaseChangeListener listener;
    QVERIFY(listener.listen(b_));
    QVERIFY(listener.isListening());
    QSignalSpy spy(&listener, &CaseChangeListener::changed);
    QCOMPARE(cases::setStatus(a_, {QStringLiteral("an-1"), QStringLiteral("an-2")}, cases::Status::Confirmed,
                              QStringLiteral("mere"), {}).valueOr(-1),
             2);
    const CaseChangeNotice notice = nextNotice(spy);
    QCOMPARE(notice.action, QStringLiteral("status"));
    QCOMPARE(notice.anomalies, 2);
    QCOMPARE(notice.origin, thisProcessOrigin());
    QVERIFY(!spy.wait(300)); // one edit, one notice
}

void TestCaseChangeListener::noteTagAndAuditEntryAreHeard()
{
    CaseChangeListener listener;
    QVERIFY(listener.listen(b_));
    QSignalSpy spy(&listener, &CaseChangeListener::changed);
    QVERIFY(cases::addNote(a_, QStringLiteral("an-1"), QStringLiteral("called the user"),
                           QStringLiteral("mere")).valueOr(0) > 0);
    QCOMPARE(nextNotice(spy).action, QStringLiteral("note"));
    QVERIFY(cases::addTag(a_, QStringLiteral("an-1"), QStringLiteral("VIP"), QStringLiteral("mere")));
    QCOMPARE(nextNotice(spy).action, QStringLiteral("tag"));
    QVERIFY(
        cases::removeTag(a_, QStringLiteral("an-1"), QStringLiteral("vip"), QStringLiteral("mere")));
    QCOMPARE(nextNotice(spy).action, QStringLiteral("untag"));
    QVERIFY(cases::appendAudit(a_, QStringLiteral("export"), {}, {}, QStringLiteral("mere")).valueOr(0) > 0);
    const CaseChangeNotice exported = nextNotice(spy);
    QCOMPARE(exported.action, QStringLiteral("export"));
    QCOMPARE(exported.anomalies, 0);
}

void TestCaseChangeListener::unchangedOrFailedEditSaysNothing()
{
    CaseChangeListener listener;
    QVERIFY(listener.listen(b_));
    QSignalSpy spy(&listener, &CaseChangeListener::changed);
    QCOMPARE(
        cases::setStatus(a_, {QStringLiteral("an-1")}, cases::Status::New, QStringLiteral("mere"), {}).valueOr(-1),
        0);
    QVERIFY(cases::removeTag(a_, QStringLiteral("an-1"), QStringLiteral("absent"), QStringLiteral("mere")));
    // An unknown id fails the whole action: it rolls back, and the notice with it.
    QCOMPARE(cases::setStatus(a_, {QStringLiteral("an-2"), QStringLiteral("nope")}, cases::Status::Dismissed,
                              QStringLiteral("mere"), {}).valueOr(-1),
             -1);
    QVERIFY(!spy.wait(500));
}

void TestCaseChangeListener::ownConnectionIsNotNews()
{
    CaseChangeListener listener;
    QVERIFY(listener.listen(a_));
    QSignalSpy spy(&listener, &CaseChangeListener::changed);
    QCOMPARE(cases::setStatus(a_, {QStringLiteral("an-3")}, cases::Status::Investigating,
                              QStringLiteral("mere"), {}).valueOr(-1),
             1);
    QVERIFY(!spy.wait(500));
    listener.stop();
    QVERIFY(!listener.isListening());
}

void TestCaseChangeListener::sqliteHasNothingToHear()
{
    Database file;
    QVERIFY2(file.open(tmp_.path(QStringLiteral("case.sqlite"))), qPrintable(file.error()));
    QString error;
    QCOMPARE(detect::insertAnomalies(file, anomalies()).valueOr(-1), qint64(3));
    CaseChangeListener listener;
    QVERIFY(listener.listen(file));
    QVERIFY(!listener.isListening());
    QSignalSpy spy(&listener, &CaseChangeListener::changed);
    QCOMPARE(cases::setStatus(file, {QStringLiteral("an-1")}, cases::Status::Confirmed,
                              QStringLiteral("mere"), QStringLiteral("seen")).valueOr(-1),
             1);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(
        cases::addTag(file, QStringLiteral("an-1"), QStringLiteral("vip"), QStringLiteral("mere")));
    QVERIFY(!spy.wait(200));
}

void TestCaseChangeListener::payloadStaysSmall()
{
    const QString payload = caseChangePayload(QString(20000, QLatin1Char('x')), 100000);
    QVERIFY(payload.toUtf8().size() < 8000);
    const auto notice = parseCaseChangePayload(caseChangePayload(QStringLiteral("status"), 7));
    QVERIFY(notice);
    QCOMPARE(notice->action, QStringLiteral("status"));
    QCOMPARE(notice->anomalies, 7);
    QVERIFY(!parseCaseChangePayload(QStringLiteral("not json")));
}

void TestCaseChangeListener::typedPasswordReachesLaterConnections()
{
    const QString secret = QStringLiteral("Tr1cky pass@/word");
    QVERIFY2(server_.addPasswordRole(QStringLiteral("analyst"), secret), qPrintable(server_.error()));
    QString address = url_;
    address.replace(QLatin1String("postgres@"), QLatin1String("analyst@"));
    Database db;
    QVERIFY(!db.open(address)); // neither the URL nor ~/.pgpass has it
    QVERIFY2(db.error().contains(QLatin1String("password"), Qt::CaseInsensitive), qPrintable(db.error()));

    rememberServerPassword(address, secret);
    QVERIFY2(db.open(address), qPrintable(db.error()));
    QCOMPARE(db.path(), address);
    Database later; // a view's read: by path(), which has no password
    QVERIFY2(later.open(db.path()), qPrintable(later.error()));
    QVERIFY(!later.path().contains(secret));

    forgetServerPassword(address);
    QVERIFY(!later.open(db.path()));
    QVERIFY(!later.error().contains(secret));
}

QTEST_GUILESS_MAIN(TestCaseChangeListener)

#include "test_case_change_listener.moc"
