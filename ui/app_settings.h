#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

class QSettings;

namespace backsight::ui {

// What the GUI remembers between sessions. Wraps a QSettings the caller owns, so tests and the headless
// demo can hand in their own file instead of touching the analyst's settings.
class AppSettings
{
public:
    static constexpr int kMaxRecentDatabases = 8;

    explicit AppSettings(QSettings &settings);

    // Most recent first, at most kMaxRecentDatabases, no duplicates.
    QStringList recentDatabases() const;
    void addRecentDatabase(const QString &path);
    void clearRecentDatabases();

    QString lastDatabase() const;
    void setLastDatabase(const QString &path);

    QString lastImportFolder() const;
    void setLastImportFolder(const QString &folder);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    // The view on show when the window closed (its title), reopened next time.
    QString lastView() const;
    void setLastView(const QString &title);

    // The Sigma rules folder the Rules view runs and detection re-runs (docs/sigma.md); empty when none.
    QString sigmaRulesFolder() const;
    void setSigmaRulesFolder(const QString &folder);

    // The interface language chosen in Settings → Language… ("de", "nl", "en"); empty = follow the system.
    // Read once at start-up, so a change applies on the next start.
    QString language() const;
    void setLanguage(const QString &code);

private:
    QSettings &settings_;
};

} // namespace backsight::ui
