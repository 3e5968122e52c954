#pragma once

#include <QIODevice>
#include <QString>
#include <QStringList>

namespace backsight {

// RFC 4180 CSV, UTF-8. Cells that a spreadsheet would run as a formula (starting with = + - @, tab or
// CR) are neutralised with a leading apostrophe, because log fields are attacker-controlled.
class CsvWriter
{
public:
    explicit CsvWriter(QIODevice &out, bool byteOrderMark = false);
    void writeRow(const QStringList &cells);
    static QString neutralise(const QString &cell);
    static QString quote(const QString &cell);

private:
    QIODevice &out_;
};

} // namespace backsight
