#include "demo/demo_progress_printer.h"

#include <QTextStream>

namespace backsight::ui {

DemoProgressPrinter::DemoProgressPrinter(QTextStream &out, bool terminal) : out_(out), terminal_(terminal)
{
    clock_.start();
}

void DemoProgressPrinter::update(const QString &stage, int percent, const QString &detail)
{
    percent = std::clamp(percent, 0, 100);
    const bool newStage = stage != stage_;
    const qint64 now = clock_.elapsed();
    // A percentage that falls starts the stage's next phase (a report: reading, then writing pages): say so.
    const bool due = terminal_ ? now - lastMs_ >= 200
                               : (percent / 10 > lastPercent_ / 10 || percent < lastPercent_ || now - lastMs_ >= 10000);
    if (!newStage && !due && !(percent == 100 && lastPercent_ < 100))
        return;
    if (newStage && terminal_ && !stage_.isEmpty())
        finish();
    stage_ = stage;
    lastPercent_ = percent;
    lastMs_ = now;
    QString line = QStringLiteral("[%1] %2%").arg(stage).arg(percent, 3);
    if (!detail.isEmpty())
        line += QStringLiteral(" · ") + detail;
    print(line);
}

void DemoProgressPrinter::print(const QString &line)
{
    if (terminal_) {
        // Pad over the previous, longer line instead of relying on terminal escape sequences.
        out_ << '\r' << line.leftJustified(lastWidth_);
        lastWidth_ = int(line.size());
    } else {
        out_ << line << '\n';
    }
    out_.flush();
}

void DemoProgressPrinter::finish()
{
    if (terminal_ && lastWidth_ > 0) {
        out_ << '\n';
        out_.flush();
        lastWidth_ = 0;
    }
}

} // namespace backsight::ui
