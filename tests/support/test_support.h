#pragma once

#include "model/result.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

namespace backsight::test {

// tests/data in the source tree (BACKSIGHT_TEST_DATA, set by CTest).
QString dataDir();
QString dataPath(const QString &relative);
// ../shared next to the repository, or empty when it is not there (tests that need it skip).
QString sharedDir();

// A fresh folder for one test, removed afterwards.
class TempFolder
{
public:
    TempFolder();
    QString path(const QString &name = {}) const;
    bool isValid() const { return dir_.isValid(); }

private:
    QTemporaryDir dir_;
};

// Writes `bytes` to `path` (creating folders); returns false on failure.
bool writeFile(const QString &path, const QByteArray &bytes);

// Writes a zip archive with the given entry names (as stored, unchecked) and contents.
bool writeZip(const QString &path, const QList<QPair<QString, QByteArray>> &entries);

// A small valid Graph sign-in, `id` and `time` (ISO 8601) as given.
QByteArray graphSignIn(const QString &id, const QString &time = QStringLiteral("2024-11-01T10:15:30Z"),
                       const QString &upn = QStringLiteral("analyst.test@contoso.com"));
// A Graph page holding `count` sign-ins with ids `<prefix>-<n>`.
QByteArray graphPage(const QString &prefix, int count);

// How many times slower this build runs than an optimised one: 1, or 10 under ASan / TSan (GCC defines
// __SANITIZE_ADDRESS__ / __SANITIZE_THREAD__; clang says so through __has_feature). Tests that generate
// large data or wait for a child process scale the data down, or the wait up, by it; never their assertions.
constexpr int sanitizerSlowdown()
{
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    return 10;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
    return 10;
#else
    return 1;
#endif
#else
    return 1;
#endif
}

// A failed Result's message for QVERIFY2 (`qPrintable`-like: valid until the end of the full expression).
template <typename T>
QByteArray failure(const Result<T> &r)
{
    return r ? QByteArray() : r.error().message.toUtf8();
}

// Fails the running test with the error's message unless `expr` (a Result or a Status) succeeded.
#define BACKSIGHT_VERIFY_OK(expr)                                                                                      \
    do {                                                                                                               \
        const auto &verified_ = (expr);                                                                                \
        QVERIFY2(verified_, ::backsight::test::failure(verified_).constData());                                        \
    } while (false)

// Peak resident memory of this process so far, in bytes (Linux VmHWM), or -1.
qint64 peakResidentBytes();

} // namespace backsight::test
