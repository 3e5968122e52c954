#pragma once

#include <QString>

namespace backsight {

// Passwords an analyst typed for a case server (the GUI's server dialog), kept in this process's memory only
// and used by every later connection to that address whose URL carries none: the views' reads and the jobs
// open their own connections by Database::path(), which never holds a password. Never written anywhere; gone
// on exit. Keyed by the address without its password, as Database::path() spells it.
void rememberServerPassword(const QString &serverUrl, const QString &password);
void forgetServerPassword(const QString &serverUrl);
// The remembered password for `serverUrl`, or empty. Database::open asks when its URL carries none.
QString sessionPassword(const QString &serverUrl);

// `serverUrl` as Database::path() shows it: percent-encoded, without password (database.cpp).
QString serverAddressWithoutPassword(const QString &serverUrl);

} // namespace backsight
