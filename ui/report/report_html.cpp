#include "report/report_html.h"

#include "model/time_format.h"

#include <QLocale>

namespace backsight::report::html {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString number(qint64 n)
{
    return QLocale(QLocale::English).toString(n);
}

QString headerRow(const QStringList &titles, const QList<int> &widths)
{
    QString row = QStringLiteral("<tr>");
    for (int i = 0; i < titles.size(); ++i) {
        const QString width = i < widths.size() ? QStringLiteral(" width=\"%1%\"").arg(widths[i]) : QString();
        row += QStringLiteral("<th bgcolor=\"#e8e8e8\" align=\"left\"%1>%2</th>").arg(width, esc(titles[i]));
    }
    return row + QStringLiteral("</tr>");
}

QString cellsRow(const QStringList &escapedCells)
{
    QString row = QStringLiteral("<tr>");
    for (const QString &c : escapedCells)
        row += QStringLiteral("<td>%1</td>").arg(c);
    return row + QStringLiteral("</tr>");
}

QString kvRow(const QString &name, const QString &valueHtml)
{
    return QStringLiteral("<tr><td width=\"24%\" bgcolor=\"#f0f0f0\"><b>%1</b></td><td>%2</td></tr>").arg(esc(name), valueHtml);
}

QString table(const QString &rows, const QString &cssClass)
{
    return QStringLiteral("<table class=\"%1\" width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                          "style=\"border-collapse: collapse; border-color: #999999\">%2</table>")
        .arg(cssClass, rows);
}

QString utc(qint64 ms)
{
    return utcText(ms) + QStringLiteral(" UTC");
}

} // namespace backsight::report::html
