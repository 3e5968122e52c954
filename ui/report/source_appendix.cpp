#include "report/source_appendix.h"

#include "store/source_citations.h"
#include "report/report_html.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>

namespace backsight::report {
namespace {

using namespace html;

QString sizeText(qint64 bytes)
{
    const QLocale english(QLocale::English);
    if (bytes >= 1000LL * 1000 * 1000)
        return english.toString(double(bytes) / 1e9, 'f', 2) + QStringLiteral(" GB");
    if (bytes >= 1000LL * 1000)
        return english.toString(double(bytes) / 1e6, 'f', 1) + QStringLiteral(" MB");
    if (bytes >= 1000)
        return english.toString(double(bytes) / 1e3, 'f', 1) + QStringLiteral(" kB");
    return english.toString(bytes) + QStringLiteral(" bytes");
}

QString displayName(const SourceFile &f)
{
    return f.container.isEmpty() ? f.path : f.container + QStringLiteral("!/") + f.path;
}

QString sourceRows(const std::vector<SourceFile> &files)
{
    QString html = QStringLiteral("<tr><th bgcolor=\"#e8e8e8\" align=\"left\">File, SHA-256</th>"
                                  "<th bgcolor=\"#e8e8e8\" align=\"left\">Reader</th>"
                                  "<th bgcolor=\"#e8e8e8\" align=\"left\">Size</th>"
                                  "<th bgcolor=\"#e8e8e8\" align=\"left\">Records</th></tr>");
    for (const SourceFile &f : files) {
        QString name = esc(f.path);
        if (!f.container.isEmpty())
            name += QStringLiteral(" <i>in</i> ") + esc(f.container);
        html += QStringLiteral("<tr><td>%1<br/><span class=\"mono\">%2</span></td><td>%3</td><td>%4</td><td>%5</td></tr>")
                    .arg(name, esc(f.sha256), esc(f.reader), esc(sizeText(f.sizeBytes)),
                         esc(QStringLiteral("%1 read, %2 new, %3 rejected")
                                 .arg(number(f.recordsRead), number(f.recordsNew), number(f.recordsRejected))));
    }
    return QStringLiteral("<table class=\"sources\" width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                          "style=\"border-collapse: collapse; border-color: #999999\">%1</table>")
        .arg(html);
}

} // namespace

bool citeSources(Database &db, IncidentReport &report, QString &error)
{
    QStringList events;
    for (const detect::Anomaly &a : report.anomalies)
        events += a.eventIds;
    events.removeDuplicates();
    const auto rows = sourcesOfEvents(db, events);
    if (!rows) {
        error = rows.error().message;
        return false;
    }
    report.citedSources.clear();
    for (const SourceFileRow &r : *rows)
        report.citedSources.push_back({r.path, r.container, r.sha256, r.reader, r.sizeBytes, r.recordsRead, r.recordsNew,
                                       r.recordsRejected});
    return true;
}

QString sourceManifestPath(const QString &pdfPath)
{
    const QFileInfo pdf(pdfPath);
    return pdf.absoluteDir().filePath(pdf.completeBaseName() + QStringLiteral(".sources.sha256"));
}

QByteArray sourceManifest(const IncidentReport &report)
{
    QByteArray text;
    for (const SourceFile &f : report.sources)
        text += f.sha256.toLatin1() + "  " + displayName(f).toUtf8() + '\n';
    return text;
}

bool writeSourceManifest(const IncidentReport &report, const QString &pdfPath, QString &error)
{
    const QString path = sourceManifestPath(pdfPath);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(sourceManifest(report)) < 0 || !file.commit()) {
        error = QStringLiteral("cannot write the source manifest %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QString sourceAppendixHtml(const IncidentReport &report, const QString &pdfPath)
{
    qint64 allBytes = 0, citedBytes = 0;
    for (const SourceFile &f : report.sources)
        allBytes += f.sizeBytes;
    for (const SourceFile &f : report.citedSources)
        citedBytes += f.sizeBytes;
    const qint64 others = qint64(report.sources.size()) - qint64(report.citedSources.size());
    QString html = QStringLiteral("<h2>Appendix B: source files</h2><p class=\"small\">The %1 source files that hold "
                                  "the events these anomalies cite, with the SHA-256 of their bytes and the reader that "
                                  "parsed them.</p>")
                       .arg(number(qint64(report.citedSources.size())));
    if (!report.citedSources.empty())
        html += sourceRows(report.citedSources);
    const QString manifest = QFileInfo(sourceManifestPath(pdfPath)).fileName();
    const QString manifestHash =
        QString::fromLatin1(QCryptographicHash::hash(sourceManifest(report), QCryptographicHash::Sha256).toHex());
    html += QStringLiteral("<p>%1</p>")
                .arg(esc(QStringLiteral("The case database holds %1 other source files (%2; %3 in all, %4). Every one "
                                        "of the %3 files is listed with its SHA-256 in %5, written beside this report "
                                        "(check it with sha256sum -c); that manifest's own SHA-256 is:")
                             .arg(number(std::max<qint64>(0, others)), sizeText(allBytes - citedBytes),
                                  number(qint64(report.sources.size())), sizeText(allBytes), manifest)));
    html += QStringLiteral("<p class=\"mono\">%1</p>").arg(esc(manifestHash));
    return html;
}

} // namespace backsight::report
