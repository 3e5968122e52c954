#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QSplitter;
class QTableWidget;

class QSqlRecord;

namespace backsight {
class Database;
}

namespace backsight::ui {

// Everything stored about one sign-in: every column with a readable name, where it came from (file and
// SHA-256), and the original record exactly as Microsoft wrote it, pretty-printed.
class SignInDetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit SignInDetailPane(QWidget *parent = nullptr);

    void showSignIn(Database &db, const QString &eventId);
    void clear();

    // For tests and screenshots: what is on show.
    QString shownEventId() const { return eventId_; }
    const QTableWidget *fieldTable() const { return fields_; }
    QString originalRecordText() const;

private:
    void addField(const QString &name, const QString &value);
    void addNetwork(const QSqlRecord &record, const QString &ip);
    void showSource(Database &db, qint64 sourceId, qint64 recordIndex);
    void showOriginal(Database &db, const QString &eventId);

    QLabel *heading_;
    QSplitter *splitter_;
    QTableWidget *fields_;
    QLabel *originalHeading_;
    QPlainTextEdit *original_;
    QString eventId_;
};

} // namespace backsight::ui
