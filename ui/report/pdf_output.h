#pragma once

#include <QDir>
#include <QFileInfo>
#include <QIODevice>
#include <QSaveFile>
#include <QString>
#include <algorithm>

namespace backsight::report {

// Where a QPdfWriter writes a report: a temporary file renamed over the destination only when every byte
// reached it. QPdfWriter ignores failed writes, and a write cut short by a full disk does not always raise
// the file's error, so this device counts what was refused itself. A full disk, a kill or a cancel never
// leaves a half-written report at the destination (nor destroys the previous one).
class PdfOutput : public QIODevice
{
public:
    explicit PdfOutput(const QString &path) : file_(path) {}

    bool open(QString &error)
    {
        QDir().mkpath(QFileInfo(file_.fileName()).absolutePath());
        if (!file_.open(QIODevice::WriteOnly) || !QIODevice::open(QIODevice::WriteOnly)) {
            error = QStringLiteral("cannot write %1: %2").arg(file_.fileName(), file_.errorString());
            return false;
        }
        return true;
    }
    void discard() { file_.cancelWriting(); }
    // Renames the complete file into place; false with `error` naming the file and why when any write failed.
    bool commit(QString &error)
    {
        QIODevice::close();
        if (written_ == 0) {
            file_.cancelWriting();
            error = QStringLiteral("writing the PDF %1 produced an empty file").arg(file_.fileName());
            return false;
        }
        if (refused_ || !file_.flush() || !file_.commit()) {
            const QString why = file_.error() != QFileDevice::NoError ? file_.errorString()
                                                                     : QStringLiteral("the disk is full or the file too large");
            file_.cancelWriting();
            error = QStringLiteral("cannot write the report %1 (%2 of its bytes could not be written): %3")
                        .arg(file_.fileName())
                        .arg(refused_)
                        .arg(why);
            return false;
        }
        return true;
    }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 len) override
    {
        const qint64 n = refused_ ? -1 : file_.write(data, len);
        if (n != len)
            refused_ += len - std::max<qint64>(n, 0);
        else
            written_ += n;
        return len; // QPdfWriter cannot handle a refusal; commit() reports it
    }

private:
    QSaveFile file_;
    qint64 written_ = 0;
    qint64 refused_ = 0;
};

} // namespace backsight::report
