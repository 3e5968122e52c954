#include "app_settings.h"

#include "store/database.h"
#include "store/session_passwords.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace backsight::ui {
namespace {

const QString kRecent = QStringLiteral("case/recentDatabases");
const QString kLastDatabase = QStringLiteral("case/lastDatabase");
const QString kImportFolder = QStringLiteral("import/lastFolder");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kView = QStringLiteral("window/view");
const QString kSigmaRules = QStringLiteral("sigma/rulesFolder");
const QString kLanguage = QStringLiteral("ui/language");

// The same file reached by two spellings must appear once in the recent list. A server case is remembered by
// its address without a password, whoever hands one in: the settings file is plain text.
QString canonical(const QString &path)
{
    if (Database::isServerUrl(path))
        return serverAddressWithoutPassword(path);
    const QFileInfo info(path);
    return info.exists() ? info.canonicalFilePath() : QDir::cleanPath(info.absoluteFilePath());
}

} // namespace

AppSettings::AppSettings(QSettings &settings) : settings_(settings) {}

QStringList AppSettings::recentDatabases() const
{
    QStringList list = settings_.value(kRecent).toStringList();
    list.removeAll(QString());
    return list.mid(0, kMaxRecentDatabases);
}

void AppSettings::addRecentDatabase(const QString &path)
{
    const QString entry = canonical(path);
    QStringList list = recentDatabases();
    list.removeAll(entry);
    list.prepend(entry);
    settings_.setValue(kRecent, list.mid(0, kMaxRecentDatabases));
}

void AppSettings::clearRecentDatabases()
{
    settings_.remove(kRecent);
}

QString AppSettings::lastDatabase() const
{
    return settings_.value(kLastDatabase).toString();
}

void AppSettings::setLastDatabase(const QString &path)
{
    settings_.setValue(kLastDatabase, canonical(path));
}

QString AppSettings::lastImportFolder() const
{
    return settings_.value(kImportFolder, QDir::homePath()).toString();
}

void AppSettings::setLastImportFolder(const QString &folder)
{
    settings_.setValue(kImportFolder, folder);
}

QByteArray AppSettings::windowGeometry() const
{
    return settings_.value(kGeometry).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    settings_.setValue(kGeometry, geometry);
}

QByteArray AppSettings::windowState() const
{
    return settings_.value(kState).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    settings_.setValue(kState, state);
}

QString AppSettings::lastView() const
{
    return settings_.value(kView).toString();
}

void AppSettings::setLastView(const QString &title)
{
    settings_.setValue(kView, title);
}

QString AppSettings::sigmaRulesFolder() const
{
    return settings_.value(kSigmaRules).toString();
}

void AppSettings::setSigmaRulesFolder(const QString &folder)
{
    settings_.setValue(kSigmaRules, folder);
}

QString AppSettings::language() const
{
    return settings_.value(kLanguage).toString();
}

void AppSettings::setLanguage(const QString &code)
{
    settings_.setValue(kLanguage, code);
}

} // namespace backsight::ui
