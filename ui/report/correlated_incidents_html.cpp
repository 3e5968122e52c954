#include "report/correlated_incidents_html.h"

#include "model/time_format.h"
#include "report/report_html.h"

#include <QLocale>
#include <QStringList>
#include <algorithm>

namespace backsight::report {
namespace {

using namespace html;

QString severityWord(int rank)
{
    static const char *const words[] = {"low", "medium", "high", "critical"};
    return QString::fromLatin1(words[std::clamp(rank, 1, 4) - 1]);
}

QString severityColour(int rank)
{
    static const char *const colours[] = {"#5a7d9a", "#b8860b", "#d2691e", "#b22222"};
    return QString::fromLatin1(colours[std::clamp(rank, 1, 4) - 1]);
}

QString hours(qint64 ms)
{
    return QLocale(QLocale::English).toString(double(ms) / 3'600'000.0, 'f', 1) + QStringLiteral(" h");
}

QString section(const Incident &i, int index)
{
    QString html = QStringLiteral("<h2>Correlated incident %1: <font color=\"%2\">%3</font></h2>")
                       .arg(index)
                       .arg(severityColour(i.severityRank), esc(severityWord(i.severityRank)));
    html += QStringLiteral("<p>%1</p>").arg(esc(i.summary));
    const QString kv = QStringLiteral("<tr><td width=\"24%\" bgcolor=\"#f0f0f0\"><b>%1</b></td><td>%2</td></tr>");
    QString rows;
    rows += kv.arg(esc(QStringLiteral("Incident")), esc(i.id));
    rows += kv.arg(esc(QStringLiteral("Identity event (first)")), esc(utcText(i.identityMs) + QStringLiteral(" UTC")));
    rows += kv.arg(esc(QStringLiteral("Backup anomaly (first)")),
                   esc(utcText(i.backupMs) + QStringLiteral(" UTC, ") + hours(i.backupMs - i.identityMs)
                       + QStringLiteral(" after the identity event")));
    rows += kv.arg(esc(QStringLiteral("Parts")), esc(QStringLiteral("%1 identity, %2 backup")
                                                         .arg(i.count(QStringLiteral("identity")))
                                                         .arg(i.count(QStringLiteral("backup")))));
    rows += kv.arg(esc(QStringLiteral("Window")),
                   esc(QStringLiteral("backup anomalies up to %1 h after an identity event").arg(i.windowHours)));
    html += QStringLiteral("<table class=\"kv\" width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                           "style=\"border-collapse: collapse; border-color: #999999\">%1</table>")
                .arg(rows);
    QString parts = QStringLiteral("<tr bgcolor=\"#e0e0e0\"><th width=\"7%\">Part</th><th width=\"12%\">Time (UTC)</th>"
                                   "<th width=\"7%\">After identity</th><th width=\"14%\">Kind</th>"
                                   "<th width=\"14%\">Subject</th><th width=\"8%\">Severity / threat</th>"
                                   "<th width=\"38%\">What</th></tr>");
    for (const IncidentPart &p : i.parts) {
        const QString severity = p.threatScore ? QStringLiteral("%1 / %2").arg(severityWord(p.severityRank)).arg(*p.threatScore)
                                               : severityWord(p.severityRank);
        parts += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td><td>%7</td></tr>")
                     .arg(esc(p.role == QLatin1String("identity") ? QStringLiteral("identity") : QStringLiteral("backup")),
                          esc(utcText(p.timeMs)),
                          esc(p.role == QLatin1String("identity") && p.timeMs == i.identityMs ? QStringLiteral("–")
                                                                                            : hours(p.timeMs - i.identityMs)),
                          esc(p.kind), esc(p.subject), esc(severity), esc(p.summary.left(220)));
    }
    html += QStringLiteral("<h3>Parts</h3><table class=\"list\" width=\"100%\" border=\"1\" cellspacing=\"0\" "
                           "cellpadding=\"3\" style=\"border-collapse: collapse; border-color: #999999\">%1</table>")
                .arg(parts);
    return html;
}

} // namespace

QString correlatedIncidentsHtml(const std::vector<Incident> &incidents)
{
    if (incidents.empty())
        return {};
    QString html = QStringLiteral("<h2 style=\"page-break-before: always\">Identity ↔ backup incidents</h2>"
                                  "<p>An anomalous or privileged identity event followed within the window by backup "
                                  "anomalies is one incident: both halves of an attack on the backups. %1 in this "
                                  "report.</p>")
                       .arg(incidents.size());
    int index = 0;
    for (const Incident &i : incidents)
        html += section(i, ++index);
    return html;
}

} // namespace backsight::report
