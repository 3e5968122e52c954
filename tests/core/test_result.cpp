#include "model/result.h"

#include <QtTest>

using namespace backsight;

class TestResult : public QObject
{
    Q_OBJECT
private slots:
    void carriesValue();
    void carriesError();
    void voidStatus();
    void movesOut();
};

void TestResult::carriesValue()
{
    Result<int> r = 42;
    QVERIFY(r.ok());
    QVERIFY(bool(r));
    QCOMPARE(*r, 42);
    QCOMPARE(r.valueOr(7), 42);
}

void TestResult::carriesError()
{
    Result<QString> r = Error::notFound(QStringLiteral("no case database at /tmp/x.sqlite"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().category, Error::Category::NotFound);
    QCOMPARE(r.error().message, QStringLiteral("no case database at /tmp/x.sqlite"));
    QCOMPARE(r.valueOr(QStringLiteral("fallback")), QStringLiteral("fallback"));
    QCOMPARE(Error::categoryName(r.error().category), QStringLiteral("not found"));
}

void TestResult::voidStatus()
{
    Status good;
    QVERIFY(good.ok());
    Status bad = Error::storage(QStringLiteral("the disk is full"));
    QVERIFY(!bad);
    QCOMPARE(bad.error().category, Error::Category::Storage);
    QCOMPARE(Error::cancelled().category, Error::Category::Cancelled);
}

void TestResult::movesOut()
{
    Result<std::vector<int>> r = std::vector<int>{1, 2, 3};
    std::vector<int> v = std::move(r).value();
    QCOMPARE(v.size(), size_t(3));
}

QTEST_GUILESS_MAIN(TestResult)
#include "test_result.moc"
