#pragma once

#include <QDialog>
#include <QString>

class QLineEdit;
class QSpinBox;

namespace backsight::ui {

// Where a team's shared case lives: a database on a PostgreSQL server, reached as `user`.
struct ServerCaseAddress
{
    QString host;
    int port = 5432;
    QString database;
    QString user;
};

// postgresql://user@host:port/database, each part percent-encoded, never a password: the address
// Database::open takes, the recent list keeps and the window shows. A host that is an IPv6 address gets its
// brackets. Empty when the host cannot be part of an address (a space in it).
QString serverCaseUrl(const ServerCaseAddress &address);

// File → Open case on server…: host, port, database, user and an optional password. The password is for this
// session only (store/session_passwords.h); it is never stored. Empty, libpq looks in ~/.pgpass or
// $PGPASSFILE.
class ServerCaseDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ServerCaseDialog(QWidget *parent = nullptr);

    ServerCaseAddress address() const;
    void setAddress(const ServerCaseAddress &address);
    QString password() const;
    void clearPassword();

private:
    void updateOk();

    QLineEdit *host_;
    QSpinBox *port_;
    QLineEdit *database_;
    QLineEdit *user_;
    QLineEdit *password_;
    class QPushButton *ok_ = nullptr;
};

} // namespace backsight::ui
