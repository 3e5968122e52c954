#include "i18n/app_translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QTranslator>

namespace backsight::i18n {
namespace {

const QString kResourceDir = QStringLiteral(":/i18n");
const QString kPrefix = QStringLiteral("backsight_");

// "de_DE.UTF-8@euro" → "de_DE"; "C.UTF-8" → "C".
QString stripLocale(QString name)
{
    const qsizetype cut = name.indexOf(QRegularExpression(QStringLiteral("[.@]")));
    if (cut >= 0)
        name.truncate(cut);
    return name.trimmed();
}

QString &installed()
{
    static QString language;
    return language;
}

bool isPlainC(const QString &name)
{
    return name == QLatin1String("C") || name == QLatin1String("POSIX");
}

} // namespace

QStringList availableLanguages()
{
    QStringList codes;
    const QStringList files = QDir(kResourceDir).entryList({kPrefix + QStringLiteral("*.qm")}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        codes << file.mid(kPrefix.size()).chopped(3);
    return codes;
}

QStringList environmentLanguages()
{
    QString locale;
    for (const char *variable : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        locale = stripLocale(qEnvironmentVariable(variable));
        if (!locale.isEmpty())
            break;
    }
    if (isPlainC(locale))
        return {QStringLiteral("en")};
    QStringList wanted;
    for (const QString &entry : qEnvironmentVariable("LANGUAGE").split(QLatin1Char(':'), Qt::SkipEmptyParts)) {
        const QString code = stripLocale(entry);
        if (!code.isEmpty() && !isPlainC(code))
            wanted << code;
    }
    if (!locale.isEmpty())
        wanted << locale;
    return wanted;
}

QString pickLanguage(const QStringList &wanted)
{
    const QStringList shipped = availableLanguages();
    for (const QString &code : wanted) {
        const QString language = code.section(QLatin1Char('_'), 0, 0).section(QLatin1Char('-'), 0, 0).toLower();
        if (language == QLatin1String("en"))
            return {};
        if (shipped.contains(code))
            return code;
        if (shipped.contains(language))
            return language;
    }
    return {};
}

QString installTranslations(QCoreApplication &app, const QString &language)
{
    const QString chosen = language.isEmpty() ? pickLanguage(environmentLanguages()) : pickLanguage({language});
    if (chosen.isEmpty())
        return {};
    auto *own = new QTranslator(&app);
    if (!own->load(kPrefix + chosen, kResourceDir)) {
        delete own;
        return {};
    }
    QCoreApplication::installTranslator(own);
    // Qt's own strings (standard buttons, file dialogs): from the qt6-translations-l10n package when present.
    auto *qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_") + chosen, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    installed() = chosen;
    return chosen;
}

QString currentLanguage()
{
    return installed();
}

QString nativeLanguageName(const QString &code)
{
    if (code.isEmpty() || code == QLatin1String("en"))
        return QStringLiteral("English");
    QString name = QLocale(code).nativeLanguageName();
    if (!name.isEmpty())
        name[0] = name[0].toUpper();
    return name.isEmpty() ? code : name;
}

} // namespace backsight::i18n
