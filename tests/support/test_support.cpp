#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <quazip.h>
#include <quazipfile.h>
#include <quazipnewinfo.h>

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

bool writeZip(const QString &path, const QList<QPair<QString, QByteArray>> &entries)
{
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdCreate))
        return false;
    for (const auto &[name, bytes] : entries) {
        QuaZipFile entry(&zip);
        if (!entry.open(QIODevice::WriteOnly, QuaZipNewInfo(name)))
            return false;
        if (entry.write(bytes) != bytes.size())
            return false;
        entry.close();
    }
    zip.close();
    return zip.getZipError() == 0;
}

QByteArray graphSignIn(const QString &id, const QString &time, const QString &upn)
{
    return QStringLiteral(R"({"id":"%1","createdDateTime":"%2","userPrincipalName":"%3","userId":"u-1",)"
                          R"("appDisplayName":"Microsoft Teams","ipAddress":"203.0.113.7","isInteractive":true,)"
                          R"("status":{"errorCode":0},"location":{"city":"Wellington","state":"Wellington",)"
                          R"("countryOrRegion":"NZ","geoCoordinates":{"latitude":-41.28,"longitude":174.77}}})")
        .arg(id, time, upn)
        .toUtf8();
}

QByteArray graphPage(const QString &prefix, int count)
{
    QByteArray out = "{\"value\":[";
    for (int i = 0; i < count; ++i) {
        if (i)
            out += ",\n";
        out += graphSignIn(QStringLiteral("%1-%2").arg(prefix).arg(i));
    }
    out += "]}";
    return out;
}

qint64 peakResidentBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() * 1024;
    }
    return -1;
}

} // namespace backsight::test
