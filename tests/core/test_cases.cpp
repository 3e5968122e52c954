// Case records: triage status, notes, tags and the append-only audit log, that an analyst's actions survive
// the app being killed, and that two analysts changing one anomaly take turns. Every test runs twice: on an
// SQLite case file (test_cases), and on a case in a throwaway PostgreSQL server, a team's shared case
// (test_cases_postgres: the same executable with BACKSIGHT_TEST_CASES_ENGINE=postgresql).
#include "cases/case_records.h"
#include "engine_main.h"
#include "store/anomaly_repository.h"
#include "store/database.h"
#include "test_support.h"

#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace backsight;

namespace {

detect::Anomaly makeAnomaly(const QString &id, qint64 timeMs)
{
    detect::Anomaly a;
    a.id = id;
    a.subjectType = QStringLiteral("user");
    a.subject = a.upn = QStringLiteral("aroha.ngata@contoso.com");
    a.timeMs = timeMs;
    a.kinds = {QStringLiteral("impossible_travel")};
    a.severity = detect::Severity::High;
    a.summary = QStringLiteral("Sign-in from Lagos 40 minutes after Wellington");
    a.eventIds = {id + QStringLiteral("-event")};
    a.eventTable = QStringLiteral("signins");
    a.detectedAtMs = timeMs + 1000;
    return a;
}

// Child mode: add notes to anomaly "an-child" forever, printing each note id once its call returned
// (committed). The parent kills it with SIGKILL part-way.
int runNoteWriter(const QString &dbPath)
{
    Database db;
    if (!db.open(dbPath))
        return 3;
    QTextStream out(stdout);
    for (int i = 0;; ++i) {
        const Result<qint64> id = cases::addNote(db, QStringLiteral("an-child"), QStringLiteral("note %1").arg(i),
                                                 QStringLiteral("child"));
        if (!id) {
            out << "error " << id.error().message << "\n";
            out.flush();
            return 3;
        }
        out << *id << "\n";
        out.flush();
    }
}

// Child mode: the second analyst. Sets anomaly an-1 to confirmed, waiting as long as it takes for the other
// analyst's action, and prints how many anomalies changed.
int runStatusWriter(const QString &dbPath)
{
    Database db;
    if (!db.open(dbPath, 300000))
        return 3;
    const Result<int> changed = cases::setStatus(db, {QStringLiteral("an-1")}, cases::Status::Confirmed, QStringLiteral("mere"), {});
    QTextStream out(stdout);
    out << (!changed ? QStringLiteral("error ") + changed.error().message : QStringLiteral("changed %1").arg(*changed)) << "\n";
    return !changed ? 3 : 0;
}

} // namespace

class TestCases : public QObject
{
    Q_OBJECT
public:
    // `server` null: SQLite case files; otherwise one database per test on that server.
    explicit TestCases(test::PostgresServer *server = nullptr) : server_(server) {}

private slots:
    void init();
    void cleanup();
    void statusNamesRoundTrip();
    void analystNameFallsBackToOsUser();
    void bulkStatusIsAuditedPerAnomaly();
    void unknownIdChangesNothing();
    void notesAndTags();
    void blankNoteAndTagAreRejected();
    void appendAuditKeepsDetail();
    void auditLogIsAppendOnly();
    void auditFilter();
    void actionsSurviveKill();
    void concurrentChangeWaitsAndIsSeen();
    void authorIsTheSignedInRole();

private:
    int auditCount();
    // The author a case records for an edit whose client said `claimed`: that name in a case file, the role this
    // connection signed in as on a server (migration 11).
    QString recorded(const QString &claimed) const { return server_ ? QStringLiteral("postgres") : claimed; }
    // A connection to this test's server database as `role` (a password role, over TCP).
    QString roleUrl(const QString &role, const QString &password) const;
    test::PostgresServer *server_ = nullptr;
    test::TempFolder tmp_;
    QString path_;
    QString databaseName_;
    Database db_;
};

void TestCases::init()
{
    static int n = 0;
    if (server_) {
        databaseName_ = QStringLiteral("cases_%1").arg(++n);
        QVERIFY2(server_->createDatabase(databaseName_), qPrintable(server_->error()));
        path_ = server_->url(databaseName_);
    } else {
        path_ = tmp_.path(QStringLiteral("case-%1.sqlite").arg(++n));
    }
    QVERIFY2(db_.open(path_), qPrintable(db_.error()));
    std::vector<detect::Anomaly> anomalies;
    for (int i = 1; i <= 3; ++i)
        anomalies.push_back(makeAnomaly(QStringLiteral("an-%1").arg(i), 1730455200000LL + i * 60000));
    anomalies.push_back(makeAnomaly(QStringLiteral("an-child"), 1730455200000LL));
    QCOMPARE(detect::insertAnomalies(db_, anomalies).valueOr(-1), qint64(4));
}

void TestCases::cleanup()
{
    db_.close();
}

int TestCases::auditCount()
{
    QSqlQuery q(db_.connection());
    return q.exec(QStringLiteral("SELECT count(*) FROM audit_log")) && q.next() ? q.value(0).toInt() : -1;
}

void TestCases::statusNamesRoundTrip()
{
    for (const QString &name : cases::statusNames())
        QCOMPARE(cases::statusName(*cases::parseStatus(name)), name);
    QCOMPARE(cases::parseStatus(QStringLiteral(" Confirmed ")), cases::Status::Confirmed);
    QVERIFY(!cases::parseStatus(QStringLiteral("closed")));
}

void TestCases::analystNameFallsBackToOsUser()
{
    QCOMPARE(cases::analystName(QStringLiteral("  Mere Tainui ")), QStringLiteral("Mere Tainui"));
    const QByteArray saved = qgetenv("USER");
    qputenv("USER", "forensics1");
    QCOMPARE(cases::analystName(), QStringLiteral("forensics1"));
    QCOMPARE(cases::analystName(QStringLiteral("   ")), QStringLiteral("forensics1"));
    qputenv("USER", saved);
}

void TestCases::bulkStatusIsAuditedPerAnomaly()
{
    const QStringList ids{QStringLiteral("an-1"), QStringLiteral("an-2"), QStringLiteral("an-3")};
    QCOMPARE(cases::setStatus(db_, ids, cases::Status::Confirmed, QStringLiteral("mere"),
                              QStringLiteral("Confirmed with the user by phone")).valueOr(-1),
             3);
    const auto records = cases::readCaseRecords(db_, ids);
    QVERIFY2(records, qPrintable(records ? QString() : records.error().message));
    QCOMPARE(records->size(), size_t(3));
    for (const QString &id : ids) {
        const cases::CaseRecord &r = records->at(id);
        QCOMPARE(r.status, QStringLiteral("confirmed"));
        QCOMPARE(r.statusBy, recorded(QStringLiteral("mere")));
        QVERIFY(r.statusAtMs);
        QCOMPARE(r.notes.size(), size_t(1));
        QCOMPARE(r.notes[0].text, QStringLiteral("Confirmed with the user by phone"));
    }
    const auto statusLog = cases::readAuditLog(db_, {QString(), cases::action::status});
    QVERIFY(statusLog);
    QCOMPARE(statusLog->size(), size_t(3));
    QCOMPARE(statusLog->at(0).target, QStringLiteral("an-1"));
    QCOMPARE(statusLog->at(0).detail.value(QStringLiteral("from")).toString(), QStringLiteral("new"));
    QCOMPARE(statusLog->at(0).detail.value(QStringLiteral("to")).toString(), QStringLiteral("confirmed"));
    QCOMPARE(statusLog->at(0).author, recorded(QStringLiteral("mere")));
    QCOMPARE(auditCount(), 6); // three status changes and three notes

    // Setting the same status again changes nothing and logs nothing.
    QCOMPARE(cases::setStatus(db_, ids, cases::Status::Confirmed, QStringLiteral("mere"), QString()).valueOr(-1), 0);
    QCOMPARE(auditCount(), 6);
    // A status change of one anomaly touches only it.
    QCOMPARE(cases::setStatus(db_, {QStringLiteral("an-2")}, cases::Status::Dismissed, QStringLiteral("tom"), {}).valueOr(-1),
             1);
    QCOMPARE(cases::readCaseRecords(db_, ids)->at(QStringLiteral("an-2")).status, QStringLiteral("dismissed"));
    QCOMPARE(cases::readCaseRecords(db_, ids)->at(QStringLiteral("an-1")).status, QStringLiteral("confirmed"));
}

void TestCases::unknownIdChangesNothing()
{
    const Result<int> changed = cases::setStatus(db_, {QStringLiteral("an-1"), QStringLiteral("an-nope")},
                                                 cases::Status::Investigating, QStringLiteral("mere"), QStringLiteral("x"));
    QVERIFY(!changed);
    const QString error = changed.error().message;
    QVERIFY2(error.contains(QLatin1String("an-nope")), qPrintable(error));
    QVERIFY(!error.contains(QLatin1String("an-1,")));
    QCOMPARE(changed.error().category, Error::Category::NotFound);
    QCOMPARE(cases::readCaseRecords(db_, {QStringLiteral("an-1")})->at(QStringLiteral("an-1")).status,
             QStringLiteral("new"));
    QCOMPARE(auditCount(), 0);
    const Result<qint64> noted = cases::addNote(db_, QStringLiteral("an-nope"), QStringLiteral("text"), QStringLiteral("mere"));
    QVERIFY(!noted);
    QVERIFY(noted.error().message.contains(QLatin1String("an-nope")));
    QCOMPARE(noted.error().category, Error::Category::NotFound);
    QVERIFY(!cases::addTag(db_, QStringLiteral("an-nope"), QStringLiteral("vip"), QStringLiteral("mere")));
    const Result<int> none = cases::setStatus(db_, {}, cases::Status::New, QStringLiteral("mere"), {});
    QVERIFY(!none);
    QCOMPARE(none.error().category, Error::Category::BadInput);
    // The connection is usable after a failed action (no transaction left open).
    QVERIFY(cases::addNote(db_, QStringLiteral("an-1"), QStringLiteral("still works"), QStringLiteral("mere")).valueOr(0) > 0);
}

void TestCases::notesAndTags()
{
    const QString id = QStringLiteral("an-1");
    QVERIFY(cases::addNote(db_, id, QStringLiteral("first <b>note</b>"), QStringLiteral("mere")).valueOr(0) > 0);
    QVERIFY(cases::addNote(db_, id, QStringLiteral("second"), QStringLiteral("tom")).valueOr(0) > 0);
    const auto notes = cases::readNotes(db_, id);
    QCOMPARE(notes->size(), size_t(2));
    QCOMPARE(notes->at(0).text, QStringLiteral("first <b>note</b>"));
    QCOMPARE(notes->at(1).author, recorded(QStringLiteral("tom")));

    QVERIFY(cases::addTag(db_, id, QStringLiteral(" Phishing "), QStringLiteral("mere")));
    QVERIFY(cases::addTag(db_, id, QStringLiteral("phishing"), QStringLiteral("mere"))); // already there
    QVERIFY(cases::addTag(db_, id, QStringLiteral("vip"), QStringLiteral("mere")));
    auto tags = cases::readTags(db_, id);
    QCOMPARE(tags->size(), size_t(2));
    QCOMPARE(tags->at(0).tag, QStringLiteral("phishing"));
    QVERIFY(cases::removeTag(db_, id, QStringLiteral("VIP"), QStringLiteral("tom")));
    QVERIFY(cases::removeTag(db_, id, QStringLiteral("vip"), QStringLiteral("tom"))); // already gone
    tags = cases::readTags(db_, id);
    QCOMPARE(tags->size(), size_t(1));

    const auto log = cases::readAuditLog(db_, {id, {}});
    QStringList actions;
    for (const auto &e : *log)
        actions << e.action;
    QCOMPARE(actions, (QStringList{QStringLiteral("note"), QStringLiteral("note"), QStringLiteral("tag"),
                                   QStringLiteral("tag"), QStringLiteral("untag")}));
    QCOMPARE(log->at(4).author, recorded(QStringLiteral("tom")));
    QCOMPARE(log->at(4).detail.value(QStringLiteral("tag")).toString(), QStringLiteral("vip"));
}

void TestCases::blankNoteAndTagAreRejected()
{
    const Result<qint64> noted = cases::addNote(db_, QStringLiteral("an-1"), QStringLiteral("  \n "), QStringLiteral("mere"));
    QVERIFY(!noted);
    QVERIFY(noted.error().message.contains(QLatin1String("blank")));
    QCOMPARE(noted.error().category, Error::Category::BadInput);
    const Status tagged = cases::addTag(db_, QStringLiteral("an-1"), QStringLiteral(" "), QStringLiteral("mere"));
    QVERIFY(!tagged);
    QCOMPARE(tagged.error().category, Error::Category::BadInput);
    QCOMPARE(auditCount(), 0);
}

void TestCases::appendAuditKeepsDetail()
{
    const QJsonObject detail{{QStringLiteral("format"), QStringLiteral("pdf")},
                             {QStringLiteral("file"), QStringLiteral("/tmp/case.pdf")},
                             {QStringLiteral("anomalies"), 3}};
    const qint64 id = cases::appendAudit(db_, cases::action::exportReport, QStringLiteral("user:aroha.ngata@contoso.com"),
                                         detail, QStringLiteral("mere")).valueOr(0);
    QVERIFY(id > 0);
    const auto log = cases::readAuditLog(db_, {});
    QCOMPARE(log->size(), size_t(1));
    QCOMPARE(log->at(0).id, id);
    QJsonObject stored = detail;
    if (server_) // the name the client gave, kept beside the role
        stored.insert(QStringLiteral("display_name"), QStringLiteral("mere"));
    QCOMPARE(log->at(0).detail, stored);
    QCOMPARE(cases::auditEntryToJson(log->at(0)).value(QStringLiteral("action")).toString(), QStringLiteral("export"));
    QCOMPARE(cases::appendAudit(db_, QStringLiteral(" "), {}, {}, QStringLiteral("mere")).valueOr(0), 0);
}

void TestCases::auditLogIsAppendOnly()
{
    QVERIFY(cases::appendAudit(db_, QStringLiteral("retrain"), QStringLiteral("tenant"), {}, QStringLiteral("mere")).valueOr(0));
    QSqlQuery q(db_.connection());
    QVERIFY(!q.exec(QStringLiteral("UPDATE audit_log SET author = 'someone else'")));
    QVERIFY2(q.lastError().text().contains(QLatin1String("append-only")), qPrintable(q.lastError().text()));
    QVERIFY(!q.exec(QStringLiteral("DELETE FROM audit_log")));
    QVERIFY(q.lastError().text().contains(QLatin1String("append-only")));
    QCOMPARE(auditCount(), 1);
    QCOMPARE(cases::readAuditLog(db_, {})->at(0).author, recorded(QStringLiteral("mere")));
}

void TestCases::auditFilter()
{
    for (int i = 0; i < 5; ++i)
        QVERIFY(cases::addNote(db_, QStringLiteral("an-%1").arg(1 + i % 2), QStringLiteral("n%1").arg(i),
                               QStringLiteral("mere")).valueOr(0));
    const auto all = cases::readAuditLog(db_, {});
    QCOMPARE(all->size(), size_t(5));
    QCOMPARE(cases::readAuditLog(db_, {QStringLiteral("an-2"), {}})->size(), size_t(2));
    cases::AuditFilter after;
    after.afterId = all->at(2).id;
    QCOMPARE(cases::readAuditLog(db_, after)->size(), size_t(2));
    after.limit = 1;
    QCOMPARE(cases::readAuditLog(db_, after)->size(), size_t(1));
}

// A child process adds notes as fast as it can and is killed (SIGKILL) mid-stream. Every note whose call
// had returned before the kill is in the database when it is opened again, and the file is intact.
void TestCases::actionsSurviveKill()
{
    db_.close();
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("BACKSIGHT_TEST_NOTE_WRITER"), path_);
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForStarted());
    QList<qint64> committed;
    QByteArray pending;
    while (committed.size() < 40 && child.state() == QProcess::Running) {
        child.waitForReadyRead(60000);
        pending += child.readAllStandardOutput();
        while (pending.contains('\n')) {
            const qsizetype nl = pending.indexOf('\n');
            const QByteArray line = pending.left(nl);
            pending.remove(0, nl + 1);
            QVERIFY2(!line.startsWith("error"), line.constData());
            committed << line.toLongLong();
        }
    }
    child.kill();
    QVERIFY(child.waitForFinished());
    QVERIFY(committed.size() >= 40);

    QVERIFY2(db_.open(path_), qPrintable(db_.error()));
    if (!server_) { // the server keeps its own files consistent; a killed client only loses its open transaction
        QSqlQuery check(db_.connection());
        QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
        QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
    }
    const auto notes = cases::readNotes(db_, QStringLiteral("an-child"));
    QVERIFY2(notes, qPrintable(notes ? QString() : notes.error().message));
    QSet<qint64> stored;
    for (const cases::Note &n : *notes)
        stored.insert(n.id);
    for (qint64 id : committed)
        QVERIFY2(stored.contains(id), qPrintable(QStringLiteral("note %1 was lost").arg(id)));
    // Each note's audit entry made it too (same transaction).
    QVERIFY(cases::readAuditLog(db_, {QStringLiteral("an-child"), cases::action::note})->size() >= size_t(committed.size()));
}

// Another analyst holds anomaly an-1 in an open action and changes it; this analyst's status change (another
// process, as a second analyst's machine would be) waits for it, then records the change from what the other one
// set, not from what was there before (on PostgreSQL that takes the row lock: without it the audit says "from new").
// A process rather than a thread: under ThreadSanitizer a thread started after QProcess's fork is fatal.
void TestCases::concurrentChangeWaitsAndIsSeen()
{
    Database other;
    QVERIFY2(other.open(path_), qPrintable(other.error()));
    QSqlQuery hold(other.connection());
    if (server_) {
        QVERIFY(hold.exec(QStringLiteral("BEGIN")));
        QVERIFY(hold.exec(QStringLiteral("SELECT status FROM anomalies WHERE id = 'an-1' FOR UPDATE")));
    } else {
        QVERIFY(hold.exec(QStringLiteral("BEGIN IMMEDIATE")));
    }
    QVERIFY2(hold.exec(QStringLiteral("UPDATE anomalies SET status = 'dismissed', status_by = 'tom' WHERE id = 'an-1'")),
             qPrintable(hold.lastError().text()));

    QProcess analyst;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("BACKSIGHT_TEST_STATUS_WRITER"), path_);
    analyst.setProcessEnvironment(env);
    analyst.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(analyst.waitForStarted());
    // It cannot finish while the other action holds the anomaly: whatever the wait, it is still running.
    const bool finishedWhileHeld = analyst.waitForFinished(1000);
    QVERIFY(hold.exec(QStringLiteral("COMMIT")));
    QVERIFY(analyst.waitForFinished(300000));
    const QByteArray said = analyst.readAllStandardOutput().trimmed();
    QVERIFY2(!finishedWhileHeld, said.constData());
    QCOMPARE(analyst.exitCode(), 0);
    QCOMPARE(said, QByteArray("changed 1"));
    const auto log = cases::readAuditLog(db_, {QStringLiteral("an-1"), cases::action::status});
    QVERIFY2(log, qPrintable(log ? QString() : log.error().message));
    QCOMPARE(log->size(), size_t(1));
    QCOMPARE(log->at(0).detail.value(QStringLiteral("from")).toString(), QStringLiteral("dismissed"));
    QCOMPARE(log->at(0).detail.value(QStringLiteral("to")).toString(), QStringLiteral("confirmed"));
    QCOMPARE(cases::readCaseRecords(db_, {QStringLiteral("an-1")})->at(QStringLiteral("an-1")).status,
             QStringLiteral("confirmed"));
}

QString TestCases::roleUrl(const QString &role, const QString &password) const
{
    return QStringLiteral("postgresql://%1:%2@127.0.0.1:%3/%4").arg(role, password).arg(server_->port()).arg(databaseName_);
}

// Two analysts change one anomaly: status, a note, a tag each. In a case file the names the clients gave are
// the authors. On a server each analyst's database role is, whatever name the client sent — bob claiming to be
// alice is still bob, even writing the tables directly — and the audit entry keeps a different name as
// detail.display_name.
void TestCases::authorIsTheSignedInRole()
{
    const QString id = QStringLiteral("an-1");
    Database alice, bob;
    if (server_) {
        for (const QString &role : {QStringLiteral("alice"), QStringLiteral("bob")})
            QVERIFY2(server_->addPasswordRole(role, QStringLiteral("pw-") + role), qPrintable(server_->error()));
        QVERIFY2(alice.open(roleUrl(QStringLiteral("alice"), QStringLiteral("pw-alice"))), qPrintable(alice.error()));
        QVERIFY2(bob.open(roleUrl(QStringLiteral("bob"), QStringLiteral("pw-bob"))), qPrintable(bob.error()));
    } else {
        QVERIFY2(alice.open(path_), qPrintable(alice.error()));
        QVERIFY2(bob.open(path_), qPrintable(bob.error()));
    }
    const QString aliceSays = QStringLiteral("Alice Ngata"), bobSays = QStringLiteral("alice");
    const QString aliceIs = server_ ? QStringLiteral("alice") : aliceSays;
    const QString bobIs = server_ ? QStringLiteral("bob") : bobSays;

    QCOMPARE(cases::setStatus(alice, {id}, cases::Status::Investigating, aliceSays, {}).valueOr(-1), 1);
    QVERIFY(cases::addNote(alice, id, QStringLiteral("asked the user"), aliceSays).valueOr(0) > 0);
    QVERIFY(cases::addTag(alice, id, QStringLiteral("phishing"), aliceSays));
    QCOMPARE(cases::setStatus(bob, {id}, cases::Status::Confirmed, bobSays, {}).valueOr(-1), 1);
    QVERIFY(cases::addNote(bob, id, QStringLiteral("the user did not sign in"), bobSays).valueOr(0) > 0);
    QVERIFY(cases::addTag(bob, id, QStringLiteral("vip"), bobSays));

    const auto record = cases::readCaseRecords(db_, {id});
    QVERIFY2(record, qPrintable(record ? QString() : record.error().message));
    const cases::CaseRecord &r = record->at(id);
    QCOMPARE(r.statusBy, bobIs);
    QCOMPARE(r.notes.size(), size_t(2));
    QCOMPARE(r.notes[0].author, aliceIs);
    QCOMPARE(r.notes[1].author, bobIs);
    QCOMPARE(r.tags.size(), size_t(2));
    QCOMPARE(r.tags[0].tag, QStringLiteral("phishing"));
    QCOMPARE(r.tags[0].author, aliceIs);
    QCOMPARE(r.tags[1].author, bobIs);

    const auto log = cases::readAuditLog(db_, {id, {}});
    QVERIFY2(log, qPrintable(log ? QString() : log.error().message));
    QCOMPARE(log->size(), size_t(6)); // status, note, tag from each
    for (size_t i = 0; i < log->size(); ++i) {
        const cases::AuditEntry &e = log->at(i);
        const bool byAlice = i < 3;
        QCOMPARE(e.author, byAlice ? aliceIs : bobIs);
        const QJsonValue displayName = e.detail.value(QStringLiteral("display_name"));
        if (server_)
            QCOMPARE(displayName.toString(), byAlice ? aliceSays : bobSays);
        else
            QVERIFY(displayName.isUndefined()); // a case file: the name is the author, nothing beside it
    }
    QCOMPARE(log->at(3).detail.value(QStringLiteral("from")).toString(), QStringLiteral("investigating"));

    // A client that gives its own role's name gets no display name: the detail is stored as sent.
    const QJsonObject detail{{QStringLiteral("format"), QStringLiteral("csv")}};
    const qint64 entry = cases::appendAudit(bob, cases::action::exportReport, {}, detail, bobIs).valueOr(0);
    QVERIFY(entry > 0);
    QCOMPARE(cases::readAuditLog(db_, {})->back().detail, detail);
    QCOMPARE(cases::readAuditLog(db_, {})->back().author, bobIs);
    if (!server_)
        return;

    // The server holds this, not the client: bob writing the tables himself still writes as bob.
    QSqlQuery q(bob.connection());
    QVERIFY2(q.exec(QStringLiteral("INSERT INTO anomaly_notes (anomaly_id, author, at_ms, text) "
                                   "VALUES ('an-2', 'alice', 1, 'forged')")),
             qPrintable(q.lastError().text()));
    QVERIFY(q.exec(QStringLiteral("UPDATE anomaly_tags SET author = 'alice'")));
    QVERIFY(q.exec(QStringLiteral("UPDATE anomalies SET status = 'dismissed', status_by = 'alice' WHERE id = 'an-3'")));
    QVERIFY(q.exec(QStringLiteral("INSERT INTO audit_log (at_ms, author, action) VALUES (1, 'alice', 'note')")));
    QCOMPARE(cases::readNotes(db_, QStringLiteral("an-2"))->at(0).author, bobIs);
    const auto tags = cases::readTags(db_, id);
    QVERIFY2(tags, qPrintable(tags ? QString() : tags.error().message));
    for (const cases::Tag &t : *tags)
        QCOMPARE(t.author, bobIs);
    QCOMPARE(cases::readCaseRecords(db_, {QStringLiteral("an-3")})->at(QStringLiteral("an-3")).statusBy, bobIs);
    QCOMPARE(cases::readAuditLog(db_, {})->back().author, bobIs);
}

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsSet("BACKSIGHT_TEST_NOTE_WRITER")) {
        QCoreApplication app(argc, argv);
        return runNoteWriter(qEnvironmentVariable("BACKSIGHT_TEST_NOTE_WRITER"));
    }
    if (qEnvironmentVariableIsSet("BACKSIGHT_TEST_STATUS_WRITER")) {
        QCoreApplication app(argc, argv);
        return runStatusWriter(qEnvironmentVariable("BACKSIGHT_TEST_STATUS_WRITER"));
    }
    QCoreApplication app(argc, argv);
    QTEST_SET_MAIN_SOURCE_PATH
    // CTest runs it as test_cases and test_cases_postgres.
    return test::execOnEngine<TestCases>("BACKSIGHT_TEST_CASES_ENGINE", argc, argv);
}

#include "test_cases.moc"
