#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace backsight::test {

QString dataDir()
{
    const QString fromEnv = qEnvironmentVariable("BACKSIGHT_TEST_DATA");
    return fromEnv.isEmpty() ? QStringLiteral(BACKSIGHT_SOURCE_DIR "/tests/data") : fromEnv;
}

QString dataPath(const QString &relative)
{
    return dataDir() + QLatin1Char('/') + relative;
}

QString sharedDir()
{
    QString dir = qEnvironmentVariable("BACKSIGHT_SHARED");
    if (dir.isEmpty())
        dir = QStringLiteral(BACKSIGHT_SOURCE_DIR "/../shared");
    return QFileInfo(dir).isDir() ? QFileInfo(dir).canonicalFilePath() : QString();
}

TempFolder::TempFolder() = default;

QString TempFolder::path(const QString &name) const
{
    return name.isEmpty() ? dir_.path() : dir_.filePath(name);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

} // namespace backsight::test
