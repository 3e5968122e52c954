#include "store/session_passwords.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>

namespace backsight {
namespace {

// Jobs open connections on pool threads while the GUI thread may add a password.
struct SessionPasswords
{
    QMutex mutex;
    QHash<QString, QString> byAddress;
};

SessionPasswords &passwords()
{
    static SessionPasswords store;
    return store;
}

} // namespace

void rememberServerPassword(const QString &serverUrl, const QString &password)
{
    SessionPasswords &p = passwords();
    const QMutexLocker lock(&p.mutex);
    p.byAddress.insert(serverAddressWithoutPassword(serverUrl), password);
}

void forgetServerPassword(const QString &serverUrl)
{
    SessionPasswords &p = passwords();
    const QMutexLocker lock(&p.mutex);
    p.byAddress.remove(serverAddressWithoutPassword(serverUrl));
}

QString sessionPassword(const QString &serverUrl)
{
    SessionPasswords &p = passwords();
    const QMutexLocker lock(&p.mutex);
    return p.byAddress.value(serverAddressWithoutPassword(serverUrl));
}

} // namespace backsight
