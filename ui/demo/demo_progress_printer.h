#pragma once

#include <QElapsedTimer>
#include <QString>

class QTextStream;

namespace backsight::ui {

// Prints the demo's stages ("[2/5] import 37% · day-12.json (845/2999) · 41,000 events/s") so that a headless run
// says what it does from its first second. On a terminal one line is rewritten in place; in a log a line is
// written when a stage or one of its phases starts, at every tenth of it, and at least every 10 s.
class DemoProgressPrinter
{
public:
    DemoProgressPrinter(QTextStream &out, bool terminal);

    // `stage` is "n/m name"; percent of that stage, 0–100.
    void update(const QString &stage, int percent, const QString &detail);
    // Ends the line in place on a terminal.
    void finish();

private:
    void print(const QString &line);

    QTextStream &out_;
    bool terminal_;
    QString stage_;
    int lastPercent_ = -1;
    qint64 lastMs_ = 0;
    int lastWidth_ = 0;
    QElapsedTimer clock_;
};

} // namespace backsight::ui
