#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace backsight::i18n {

// The languages Backsight ships besides English (its source language), as codes: "de", "nl". Read from the
// translations compiled into the program (:/i18n/backsight_*.qm).
QStringList availableLanguages();

// The languages the environment asks for, most wanted first, as gettext reads them: when the locale
// (LC_ALL, else LC_MESSAGES, else LANG) is C or POSIX, English only; otherwise LANGUAGE's colon-separated
// list, then that locale. Codes keep their territory ("de_AT"); encodings and modifiers are dropped.
QStringList environmentLanguages();

// The shipped language to use for `wanted` (in order): the first entry that is English or one of
// availableLanguages() (a territory falls back to its language, "nl_BE" → "nl"). Empty means English.
QString pickLanguage(const QStringList &wanted);

// Installs Backsight's translator and Qt's own (qtbase_*.qm from QLibraryInfo::TranslationsPath, when that
// package is installed) on `app` for `language` (a code; empty = follow environmentLanguages()). Returns the
// language now in use; empty for English. Call once, before any window or message is built.
QString installTranslations(QCoreApplication &app, const QString &language = {});

// The language installTranslations() put in place (empty: English, or not called).
QString currentLanguage();

// A language's own name for itself ("Deutsch", "Nederlands", "English").
QString nativeLanguageName(const QString &code);

} // namespace backsight::i18n
