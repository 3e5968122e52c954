#pragma once

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

} // namespace backsight::test
