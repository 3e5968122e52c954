#include "report/import_summary_pdf.h"

#include "report/import_summary.h"
#include "model/time_format.h"
#include "report/pdf_output.h"
#include "report/report_html.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace backsight::ui {
namespace {

using namespace report::html;

struct ImportSummaryReport
{
    Q_DECLARE_TR_FUNCTIONS(ImportSummaryReport)
};

QString cell(const QString &html, bool numeric = false)
{
    return numeric ? QStringLiteral("<td align=\"right\">%1</td>").arg(html) : QStringLiteral("<td>%1</td>").arg(html);
}

QString summaryTable(const QString &rows, const QString &cssClass = QStringLiteral("summary"))
{
    return QStringLiteral("<table class=\"%1\" width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"%2\" "
                          "style=\"border-collapse: collapse; border-color: #999999\">%3</table>")
        .arg(cssClass, cssClass == QLatin1String("sources") ? QStringLiteral("1") : QStringLiteral("3"), rows);
}

QString countsSection(const ImportSummary &s)
{
    const StoreStats &st = s.stats;
    QString span = ImportSummaryReport::tr("no events");
    if (st.firstEventMs && st.lastEventMs) {
        const double days = double(*st.lastEventMs - *st.firstEventMs) / 86400000.0;
        span = QStringLiteral("%1 – %2 UTC (%3 days)")
                   .arg(utcText(*st.firstEventMs), utcText(*st.lastEventMs),
                        QLocale(QLocale::English).toString(days, 'f', 1));
    }
    const std::pair<QString, QString> rows[] = {
        {ImportSummaryReport::tr("Interactive user sign-ins"), number(st.interactiveSignIns)},
        {ImportSummaryReport::tr("Non-interactive user sign-ins"), number(st.nonInteractiveSignIns)},
        {ImportSummaryReport::tr("Workload sign-ins (service principals, managed identities)"), number(st.workloadSignIns)},
        {ImportSummaryReport::tr("Audit events"), number(st.audits)},
        {ImportSummaryReport::tr("Users with sign-ins"), number(st.users)},
        {ImportSummaryReport::tr("Source files"), number(st.sources)},
        {ImportSummaryReport::tr("Time span"), span}};
    QString html;
    for (const auto &[name, value] : rows)
        html += QStringLiteral("<tr>") + cell(esc(name)) + cell(esc(value), true) + QStringLiteral("</tr>");
    return QStringLiteral("<h2>%1</h2>").arg(ImportSummaryReport::tr("What the case database holds")) + summaryTable(html);
}

QString rankingSection(const QString &title, const QString &nameTitle, const std::vector<RankedName> &ranking)
{
    QString html = headerRow({nameTitle, ImportSummaryReport::tr("Sign-ins"), ImportSummaryReport::tr("Failures"), ImportSummaryReport::tr("Failure rate")}, {55, 15, 15, 15});
    for (const RankedName &r : ranking) {
        const double rate = r.signIns > 0 ? 100.0 * double(r.failures) / double(r.signIns) : 0.0;
        html += QStringLiteral("<tr>") + cell(esc(r.name)) + cell(number(r.signIns), true)
                + cell(number(r.failures), true)
                + cell(QLocale(QLocale::English).toString(rate, 'f', 1) + QStringLiteral(" %"), true)
                + QStringLiteral("</tr>");
    }
    if (ranking.empty())
        html += QStringLiteral("<tr><td colspan=\"4\">%1</td></tr>").arg(esc(ImportSummaryReport::tr("none")));
    return QStringLiteral("<h3>%1</h3>").arg(esc(title)) + summaryTable(html);
}

// The folder every source path starts with, so the table can show short paths; empty when none.
QString commonFolder(const std::vector<SourceFileRow> &sources)
{
    if (sources.empty())
        return {};
    QString prefix = sources.front().path.left(sources.front().path.lastIndexOf(QLatin1Char('/')) + 1);
    for (const SourceFileRow &f : sources) {
        while (!prefix.isEmpty() && !f.path.startsWith(prefix)) {
            const qsizetype slash = prefix.size() >= 2 ? prefix.lastIndexOf(QLatin1Char('/'), prefix.size() - 2) : -1;
            prefix = prefix.left(slash + 1);
        }
    }
    return prefix.size() > 1 ? prefix : QString(); // "relative to /" would say nothing
}

QString sourcesSection(const ImportSummary &s)
{
    const QString folder = commonFolder(s.sources);
    QString html = headerRow({ImportSummaryReport::tr("File and SHA-256"), ImportSummaryReport::tr("Reader"), ImportSummaryReport::tr("Read"), ImportSummaryReport::tr("New"), ImportSummaryReport::tr("Rejected")},
                             {58, 15, 9, 9, 9});
    for (const SourceFileRow &f : s.sources) {
        html += QStringLiteral("<tr>")
                + cell(esc(f.path.mid(folder.size())) + QStringLiteral("<br/><span class=\"hash\">%1</span>").arg(esc(f.sha256)))
                + cell(esc(f.reader)) + cell(number(f.read), true) + cell(number(f.inserted), true)
                + cell(number(f.rejected), true) + QStringLiteral("</tr>");
    }
    QString intro = ImportSummaryReport::tr("Every file imported into this case database (%1), with the SHA-256 of its bytes as read. "
                       "\"New\" counts records not already stored from another file.")
                        .arg(number(qint64(s.sources.size())));
    if (!folder.isEmpty())
        intro += QLatin1Char(' ') + ImportSummaryReport::tr("Paths are relative to %1").arg(folder);
    return QStringLiteral("<h2>%1</h2><p>%2</p>").arg(esc(ImportSummaryReport::tr("Source files")), esc(intro))
           + summaryTable(html, QStringLiteral("sources"));
}

} // namespace

QString importSummaryHtml(const ImportSummary &s)
{
    // Source rows are many: a smaller type keeps each on two lines and the appendix short.
    QString html = QStringLiteral("<html><head><style>"
                                  "table.sources td, table.sources th { font-size: 7pt; }"
                                  "span.hash { font-family: 'DejaVu Sans Mono'; font-size: 6.5pt; }"
                                  "</style></head><body>");
    html += QStringLiteral("<h1>%1</h1>").arg(esc(ImportSummaryReport::tr("Backsight import summary")));
    html += QStringLiteral("<p>%1: %2<br/>%3: %4<br/>%5: %6</p>")
                .arg(esc(ImportSummaryReport::tr("Generated")), esc(s.generatedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                                                + QStringLiteral(" UTC")),
                     esc(ImportSummaryReport::tr("Case database")), esc(QDir::toNativeSeparators(s.databasePath)),
                     esc(ImportSummaryReport::tr("Backsight version")), esc(QStringLiteral(BACKSIGHT_VERSION)));
    html += countsSection(s);
    html += QStringLiteral("<h2>%1</h2><p>%2</p>")
                .arg(esc(ImportSummaryReport::tr("Where the sign-ins concentrate")),
                     esc(ImportSummaryReport::tr("User sign-ins (interactive and non-interactive); a failure is any sign-in with a "
                            "non-zero error code.")));
    html += rankingSection(ImportSummaryReport::tr("Top 10 users by sign-ins"), ImportSummaryReport::tr("User (UPN)"), s.topUsers);
    html += rankingSection(ImportSummaryReport::tr("Top 10 users by failed sign-ins"), ImportSummaryReport::tr("User (UPN)"), s.usersWithMostFailures);
    html += rankingSection(ImportSummaryReport::tr("Top 10 countries by sign-ins"), ImportSummaryReport::tr("Country"), s.topCountries);
    html += rankingSection(ImportSummaryReport::tr("Top 10 apps by sign-ins"), ImportSummaryReport::tr("App"), s.topApps);
    html += sourcesSection(s);
    return html + QStringLiteral("</body></html>");
}

bool writeImportSummaryPdf(const ImportSummary &summary, const QString &path, QString &error)
{
    report::PdfOutput out(path); // complete or not there: a full disk or a kill never leaves half a file
    if (!out.open(error))
        return false;
    {
        QPdfWriter writer(&out);
        writer.setTitle(ImportSummaryReport::tr("Backsight import summary"));
        writer.setCreator(QStringLiteral("Backsight " BACKSIGHT_VERSION));
        // No printer margins: QTextDocument::print() adds its own 2 cm and numbers the pages.
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0),
                                         QPageLayout::Millimeter));
        QTextDocument document;
        document.setDefaultFont(QFont(QStringLiteral("DejaVu Sans"), 9));
        document.setHtml(importSummaryHtml(summary));
        document.print(&writer);
    }
    return out.commit(error);
}

} // namespace backsight::ui
