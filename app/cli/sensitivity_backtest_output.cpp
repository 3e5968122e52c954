#include "sensitivity_backtest_output.h"

#include "detect/severity_policy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace backsight::cli {

void printBacktest(Context &ctx, const detect::SensitivityBacktest &b, int current, bool json)
{
    if (json) {
        QJsonArray rows;
        for (const detect::SensitivityCounts &c : b.settings)
            rows.append(QJsonObject{{QStringLiteral("sensitivity"), c.sensitivity},
                                    {QStringLiteral("current"), c.sensitivity == current},
                                    {QStringLiteral("low"), c.bySeverity[0]},
                                    {QStringLiteral("medium"), c.bySeverity[1]},
                                    {QStringLiteral("high"), c.bySeverity[2]},
                                    {QStringLiteral("critical"), c.bySeverity[3]},
                                    {QStringLiteral("medium_or_higher"), c.mediumOrHigher()},
                                    {QStringLiteral("lows_in_digests"), c.lowFindingsInDigests}});
        ctx.out << QJsonDocument(QJsonObject{{QStringLiteral("signins_examined"), b.signInsExamined},
                                             {QStringLiteral("audits_examined"), b.auditsExamined},
                                             {QStringLiteral("findings"), b.findings},
                                             {QStringLiteral("elapsed_ms"), b.elapsedMs},
                                             {QStringLiteral("settings"), rows}})
                       .toJson(QJsonDocument::Compact)
                << "\n";
        return;
    }
    ctx.out << Cli::tr("Backtest over the whole case: %1 sign-ins and %2 audit records, %3 findings, in %4 ms. "
                       "Nothing was stored.")
                   .arg(b.signInsExamined)
                   .arg(b.auditsExamined)
                   .arg(b.findings)
                   .arg(b.elapsedMs)
            << "\n";
    ctx.out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                   .arg(QStringLiteral("sensitivity"), -20)
                   .arg(QStringLiteral("critical"), 9)
                   .arg(QStringLiteral("high"), 7)
                   .arg(QStringLiteral("medium"), 7)
                   .arg(QStringLiteral("low"), 7)
                   .arg(QStringLiteral("(lows in digests)"), 18);
    for (const detect::SensitivityCounts &c : b.settings)
        ctx.out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                       .arg(detect::sensitivityName(c.sensitivity) + (c.sensitivity == current ? QStringLiteral(" *") : QString()), -20)
                       .arg(c.bySeverity[3], 9)
                       .arg(c.bySeverity[2], 7)
                       .arg(c.bySeverity[1], 7)
                       .arg(c.bySeverity[0], 7)
                       .arg(c.lowFindingsInDigests, 18);
    ctx.out << Cli::tr("* the case's setting. Apply one with: backsight-cli detect --sensitivity N") << "\n";
}

} // namespace backsight::cli
