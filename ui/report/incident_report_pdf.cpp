#include "report/incident_report_pdf.h"

#include "report/incident_charts.h"
#include "report/correlated_incidents_html.h"
#include "report/incident_report.h"
#include "detect/evidence_text.h"
#include "enrich/asn_table.h"
#include "model/time_format.h"
#include "report/pdf_output.h"
#include "report/models_appendix.h"
#include "report/source_appendix.h"
#include "report/report_html.h"

#include <QAbstractTextDocumentLayout>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QMap>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>
#include <cmath>

namespace backsight::report {
namespace {

using namespace html;

// The user's local time from the baseline's usual offset, or a plain statement that it is unknown.
QString userLocal(qint64 ms, const std::optional<Baseline> &b)
{
    if (!b || !b->utcOffsetMinutes)
        return QStringLiteral("user's zone unknown (no baseline offset)");
    return textAtOffset(ms, *b->utcOffsetMinutes) + QStringLiteral(" (user's usual offset)");
}

QString severityColor(detect::Severity s)
{
    switch (s) {
    case detect::Severity::Critical: return QStringLiteral("#8e0000");
    case detect::Severity::High: return QStringLiteral("#c62828");
    case detect::Severity::Medium: return QStringLiteral("#b26a00");
    case detect::Severity::Low: return QStringLiteral("#33691e");
    }
    return QStringLiteral("#333333");
}

QString jsonValueText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        const double d = v.toDouble();
        return d == std::floor(d) && std::abs(d) < 1e15 ? QString::number(qint64(d)) : QString::number(d, 'g', 6);
    }
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isNull())
        return QStringLiteral("null");
    const QJsonDocument doc = v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject());
    QString text = QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
    return text.size() > 300 ? text.left(300) + QStringLiteral(" …") : text;
}

// A baseline profile entry in one line: lists of {value, count} as "Teams (227), Outlook (54), …".
QString profileValueText(const QJsonValue &v)
{
    if (!v.isArray())
        return jsonValueText(v).left(120);
    const QJsonArray items = v.toArray();
    QStringList parts;
    for (const QJsonValue &item : items) {
        if (parts.size() == 5) {
            parts << QStringLiteral("… (%1 in all)").arg(items.size());
            break;
        }
        const QJsonObject o = item.toObject();
        if (o.contains(QStringLiteral("value")))
            parts << QStringLiteral("%1 (%2)").arg(jsonValueText(o.value(QStringLiteral("value"))),
                                                 jsonValueText(o.value(QStringLiteral("count"))));
        else
            parts << jsonValueText(item).left(40);
    }
    return parts.join(QStringLiteral(", "));
}

QString titlePage(const IncidentReport &r)
{
    const ReportOptions &o = r.options;
    QString html = QStringLiteral("<p>&nbsp;</p><p>&nbsp;</p><h1 class=\"title\">%1</h1>")
                       .arg(esc(o.caseName.isEmpty() ? QStringLiteral("Incident report") : o.caseName));
    html += QStringLiteral("<p class=\"subtitle\">Backsight incident report — %1</p><p>&nbsp;</p>").arg(esc(r.scope.describe()));
    QString rows;
    rows += kvRow(QStringLiteral("Case"), esc(o.caseName.isEmpty() ? QStringLiteral("(not named)") : o.caseName));
    rows += kvRow(QStringLiteral("Analyst"), esc(o.analyst));
    rows += kvRow(QStringLiteral("Generated"), esc(o.generatedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC")));
    rows += kvRow(QStringLiteral("Backsight version"), esc(QStringLiteral(BACKSIGHT_VERSION)));
    rows += kvRow(QStringLiteral("Scope"), esc(r.scope.describe()));
    rows += kvRow(QStringLiteral("Case database"), esc(QDir::toNativeSeparators(r.databasePath)));
    qint64 records = 0;
    for (const SourceFile &f : r.sources)
        records += f.recordsRead;
    rows += kvRow(QStringLiteral("Sources"),
                esc(QStringLiteral("%1 files, %2 records read; the %3 the anomalies cite are listed with their SHA-256 "
                                   "in the appendix, all of them in the manifest beside this report")
                        .arg(number(qint64(r.sources.size())), number(records), number(qint64(r.citedSources.size())))));
    rows += kvRow(QStringLiteral("Anomalies"), esc(number(qint64(r.anomalies.size()))));
    html += table(rows);
    html += QStringLiteral("<p class=\"small\">All times are UTC unless marked otherwise. Text that came from logs is "
                           "reproduced literally. The original log records, the source files' SHA-256 hashes, the model "
                           "versions and the detection parameters are in the appendix.</p>");
    return html;
}

QString summary(const IncidentReport &r)
{
    QMap<int, qint64> bySeverity;
    QMap<QString, qint64> byKind, byStatus;
    QMap<QString, qint64> byUser;
    for (const detect::Anomaly &a : r.anomalies) {
        ++bySeverity[int(a.severity)];
        ++byKind[a.kinds.value(0)];
        ++byStatus[a.status];
        if (!a.upn.isEmpty())
            ++byUser[a.upn];
    }
    QString html = QStringLiteral("<h2 style=\"page-break-before: always\">Summary</h2>");
    if (r.firstMs && r.lastMs)
        html += QStringLiteral("<p>Time span: %1 to %2 (%3 days).</p>")
                    .arg(esc(utc(*r.firstMs)), esc(utc(*r.lastMs)),
                         QLocale(QLocale::English).toString(double(*r.lastMs - *r.firstMs) / 86400000.0, 'f', 1));
    QString sev = headerRow({QStringLiteral("Severity"), QStringLiteral("Anomalies")});
    for (int rank = 4; rank >= 1; --rank)
        sev += cellsRow({QStringLiteral("<font color=\"%1\"><b>%2</b></font>").arg(severityColor(detect::Severity(rank)),
                                                                              esc(detect::severityName(detect::Severity(rank)))),
                      number(bySeverity.value(rank))});
    QString kinds = headerRow({QStringLiteral("Kind"), QStringLiteral("Anomalies")});
    for (auto it = byKind.begin(); it != byKind.end(); ++it)
        kinds += cellsRow({esc(it.key()), number(it.value())});
    QString status = headerRow({QStringLiteral("Analyst status"), QStringLiteral("Anomalies")});
    for (auto it = byStatus.begin(); it != byStatus.end(); ++it)
        status += cellsRow({esc(it.key()), number(it.value())});
    html += QStringLiteral("<h3>By severity</h3>") + table(sev) + QStringLiteral("<h3>By kind</h3>") + table(kinds)
            + QStringLiteral("<h3>By analyst status</h3>") + table(status);
    QString users = headerRow({QStringLiteral("User"), QStringLiteral("Anomalies")});
    for (const QString &u : r.users)
        users += cellsRow({esc(u), number(byUser.value(u))});
    html += QStringLiteral("<h3>Users involved (%1)</h3>").arg(r.users.size()) + table(users);
    if (r.sections.size() < r.anomalies.size())
        html += QStringLiteral("<p><b>Only the first %1 of %2 anomalies have a section of their own; export CSV or "
                               "JSON Lines for all of them.</b></p>")
                    .arg(r.sections.size())
                    .arg(r.anomalies.size());
    QString list = headerRow({QStringLiteral("#"), QStringLiteral("Time (UTC)"), QStringLiteral("Severity"),
                           QStringLiteral("Kind"), QStringLiteral("User"), QStringLiteral("Status")});
    int n = 0;
    for (const detect::Anomaly &a : r.anomalies)
        list += cellsRow({QString::number(++n), esc(utc(a.timeMs)), esc(detect::severityName(a.severity)),
                       esc(a.kinds.value(0)), esc(a.upn.isEmpty() ? a.subject : a.upn), esc(a.status)});
    html += QStringLiteral("<h3>Anomalies in this report</h3>") + table(list, QStringLiteral("list"));
    return html;
}

QString baselineHtml(const std::optional<Baseline> &b, qint64 eventMs)
{
    if (!b)
        return esc(QStringLiteral("No baseline was recorded for this user before the event."));
    QString text = QStringLiteral("Baseline %1: %2 days to %3, %4 events on %5 active days%6")
                       .arg(b->id)
                       .arg(b->windowDays)
                       .arg(utc(b->windowEndMs), number(b->eventsUsed))
                       .arg(b->activeDays)
                       .arg(b->learning ? QStringLiteral(" (still learning)") : QString());
    if (!b->homeCity.isEmpty() || !b->homeCountry.isEmpty())
        text += QStringLiteral("; home %1 %2").arg(b->homeCity, b->homeCountry);
    if (b->utcOffsetMinutes)
        text += QStringLiteral("; usual offset %1").arg(utcOffsetText(*b->utcOffsetMinutes));
    if (b->windowEndMs > eventMs)
        text += QStringLiteral(" (no baseline ended before the event; this window includes it)");
    QStringList profile;
    for (auto it = b->profile.begin(); it != b->profile.end() && profile.size() < 12; ++it)
        profile << QStringLiteral("<i>%1</i>: %2").arg(esc(it.key()), esc(profileValueText(it.value())));
    return esc(text) + (profile.isEmpty() ? QString() : QStringLiteral("<br/><span class=\"small\">%1</span>").arg(profile.join(QStringLiteral("; "))));
}

// "AS16509 Amazon.com, Inc. (hosting)": the sign-in's network as the sign-in detail and Triage name it.
QString networkText(const SignInPoint &p)
{
    if (!p.asn)
        return QStringLiteral("not recorded");
    return enrich::Network{p.asn, p.asOrg, enrich::AsnTable::kindOf(p.asn)}.label();
}

// The anomaly's own sign-ins, one row each, with the network each came from.
QString citedSignInsHtml(const IncidentSection &s)
{
    QString rows = headerRow({QStringLiteral("Time"), QStringLiteral("Result"), QStringLiteral("Place"), QStringLiteral("IP address"),
                           QStringLiteral("App"), QStringLiteral("Network (ASN, organisation, kind)")});
    int shown = 0;
    for (const SignInPoint &p : s.signIns) {
        if (!p.cited)
            continue;
        const QString place = p.city.isEmpty() ? p.country : QStringLiteral("%1, %2").arg(p.city, p.country);
        rows += cellsRow({esc(utc(p.timeMs)), esc(p.success ? QStringLiteral("success") : QStringLiteral("failed")), esc(place),
                       QStringLiteral("<span class=\"mono\">%1</span>").arg(esc(p.ip)), esc(p.app), esc(networkText(p))});
        ++shown;
    }
    return shown ? QStringLiteral("<h3>The sign-ins it cites</h3>") + table(rows, QStringLiteral("list")) : QString();
}

// What the anomaly is, when, how sure, what it departed from and where the analysts stand on it.
QString factsTable(const IncidentSection &s)
{
    const detect::Anomaly &a = s.anomaly;
    QString rows;
    rows += kvRow(QStringLiteral("Anomaly"), QStringLiteral("<span class=\"mono\">%1</span>").arg(esc(a.id)));
    rows += kvRow(QStringLiteral("User / subject"), esc(a.upn.isEmpty() ? a.subjectType + QStringLiteral(" ") + a.subject : a.upn));
    QString when = esc(utc(a.timeMs)) + QStringLiteral("<br/>") + esc(userLocal(a.timeMs, s.baseline));
    if (a.endMs)
        when += QStringLiteral("<br/>until ") + esc(utc(*a.endMs));
    rows += kvRow(QStringLiteral("Time"), when);
    QString score = a.score ? QString::number(*a.score, 'f', 3) : QStringLiteral("–");
    if (a.threatScore)
        score += QStringLiteral("; threat score %1/10").arg(*a.threatScore);
    rows += kvRow(QStringLiteral("Severity and score"), esc(detect::severityName(a.severity) + QStringLiteral(", score ") + score));
    rows += kvRow(QStringLiteral("Detected"), esc(utc(a.detectedAtMs) + (a.runId ? QStringLiteral(" by detection run %1").arg(a.runId) : QString())
                                                + (a.modelId ? QStringLiteral(", model %1").arg(a.modelId) : QString())));
    rows += kvRow(QStringLiteral("Events"), esc(QStringLiteral("%1 (%2)").arg(a.eventIds.join(QStringLiteral(", ")), a.eventTable)));
    rows += kvRow(QStringLiteral("Departed from"), baselineHtml(s.baseline, a.timeMs));
    QString status = esc(s.record.status);
    if (!s.record.statusBy.isEmpty())
        status += esc(QStringLiteral(" — set by %1").arg(s.record.statusBy));
    if (s.record.statusAtMs)
        status += esc(QStringLiteral(" at %1").arg(utc(*s.record.statusAtMs)));
    rows += kvRow(QStringLiteral("Analyst status"), status);
    QStringList tags;
    for (const cases::Tag &t : s.record.tags)
        tags << esc(t.tag);
    rows += kvRow(QStringLiteral("Tags"), tags.isEmpty() ? esc(QStringLiteral("none")) : tags.join(QStringLiteral(", ")));
    return table(rows);
}

QString incident(const IncidentSection &s, int index, QTextDocument &doc)
{
    const detect::Anomaly &a = s.anomaly;
    QString html = QStringLiteral("<h2 style=\"page-break-before: always\">Incident %1: "
                                  "<font color=\"%2\">%3</font> — %4</h2>")
                       .arg(index)
                       .arg(severityColor(a.severity), esc(detect::severityName(a.severity).toUpper()), esc(a.kinds.join(QStringLiteral(", "))));
    html += QStringLiteral("<p><b>%1</b></p>").arg(esc(a.summary));
    html += factsTable(s);

    html += QStringLiteral("<h3>Why it was flagged</h3><ol>");
    for (const detect::Reason &r : a.reasons)
        html += QStringLiteral("<li><b>%1</b>: %2%3</li>")
                    .arg(esc(r.detector), esc(r.text),
                         detect::evidenceHtml(detect::describeEvidence(r.detector, r.evidence), QStringLiteral("evidence")));
    if (a.reasons.empty())
        html += QStringLiteral("<li>%1</li>").arg(esc(QStringLiteral("no reasons recorded")));
    html += QStringLiteral("</ol>");

    if (!s.record.notes.empty()) {
        html += QStringLiteral("<h3>Analyst notes</h3>");
        for (const cases::Note &n : s.record.notes)
            html += QStringLiteral("<p class=\"note\"><b>%1</b>, %2:<br/>%3</p>")
                        .arg(esc(n.author), esc(utc(n.atMs)), esc(n.text).replace(QLatin1Char('\n'), QStringLiteral("<br/>")));
    }

    html += citedSignInsHtml(s);

    const QUrl timelineUrl(QStringLiteral("backsight-chart:timeline-%1").arg(index));
    const QUrl mapUrl(QStringLiteral("backsight-chart:map-%1").arg(index));
    doc.addResource(QTextDocument::ImageResource, timelineUrl, renderTimeline(s));
    doc.addResource(QTextDocument::ImageResource, mapUrl, renderTravelMap(s));
    html += QStringLiteral("<h3>Timeline: %1 to %2</h3><p><img src=\"%3\" width=\"640\"/></p>")
                .arg(esc(utc(s.windowStartMs)), esc(utc(s.windowEndMs)), timelineUrl.toString());
    html += QStringLiteral("<h3>Travel map: legs over 50 km, those touching this anomaly's events in red</h3><p><img src=\"%1\" width=\"640\"/></p>").arg(mapUrl.toString());
    QString legs = headerRow({QStringLiteral("From"), QStringLiteral("To"), QStringLiteral("Distance"), QStringLiteral("Time"),
                              QStringLiteral("Speed")},
                             {34, 34, 10, 8, 14});
    int shown = 0;
    for (const TravelLeg &leg : s.legs) {
        if (!leg.cited)
            continue;
        const SignInPoint &f = s.signIns[size_t(leg.from)], &t = s.signIns[size_t(leg.to)];
        const auto place = [](const SignInPoint &p) {
            return QStringLiteral("%1, %2 (%3) %4").arg(p.city, p.country, p.ip, utc(p.timeMs));
        };
        legs += cellsRow({esc(place(f)), esc(place(t)), esc(QLocale(QLocale::English).toString(leg.km, 'f', 0) + QStringLiteral(" km")),
                       esc(QLocale(QLocale::English).toString(leg.hours * 60.0, 'f', 0) + QStringLiteral(" min")),
                       esc(std::isfinite(leg.kmPerHour) ? QLocale(QLocale::English).toString(leg.kmPerHour, 'f', 0) + QStringLiteral(" km/h")
                                                        : QStringLiteral("simultaneous"))});
        ++shown;
    }
    if (shown > 0)
        html += table(legs, QStringLiteral("list"));
    return html;
}

QString appendix(const IncidentReport &r, const QString &pdfPath)
{
    QString html = QStringLiteral("<h2 style=\"page-break-before: always\">Appendix A: original log records</h2>"
                                  "<p class=\"small\">Each event as it was read from its source file.</p>");
    int index = 0;
    for (const IncidentSection &s : r.sections) {
        ++index;
        for (const OriginalRecord &o : s.originals) {
            html += QStringLiteral("<h4>Incident %1, event %2</h4>").arg(index).arg(esc(o.eventId));
            html += o.ok ? QStringLiteral("<pre class=\"record\">%1</pre>").arg(esc(o.text))
                         : QStringLiteral("<p>%1</p>").arg(esc(o.text));
        }
    }
    html += sourceAppendixHtml(r, pdfPath);

    html += modelsAppendixHtml(r);
    return html;
}

} // namespace

QString incidentReportHtml(const IncidentReport &r, QTextDocument &document, const QString &pdfPath)
{
    QString html = QStringLiteral(
        "<html><head><style>"
        "h1.title { font-size: 22pt; } p.subtitle { font-size: 12pt; color: #555555; }"
        "h2 { font-size: 13pt; color: #1a3a5c; } h3 { font-size: 10pt; } h4 { font-size: 8pt; }"
        ".small { font-size: 7.5pt; color: #444444; } .mono { font-family: 'DejaVu Sans Mono'; font-size: 7pt; }"
        "pre.record { font-family: 'DejaVu Sans Mono'; font-size: 6.5pt; }"
        "table.sources td, table.sources th { font-size: 7pt; } table.list td, table.list th { font-size: 7.5pt; }"
        "p.note { margin-left: 12px; } table.evidence td, table.evidence th { font-size: 7.5pt; }"
        "</style></head><body>");
    html += titlePage(r);
    html += summary(r) + correlatedIncidentsHtml(r.correlated);
    int index = 0;
    for (const IncidentSection &s : r.sections)
        html += incident(s, ++index, document);
    html += appendix(r, pdfPath);
    return html + QStringLiteral("</body></html>");
}

bool writeIncidentReportPdf(const IncidentReport &r, const QString &path, QString &error,
                            const std::function<bool(int, int)> &progress)
{
    PdfOutput out(path); // complete or not there: a full disk or a kill never leaves half a report
    if (!out.open(error))
        return false;
    const QString title = r.options.caseName.isEmpty() ? QStringLiteral("Backsight incident report")
                                                       : QStringLiteral("Backsight incident report — %1").arg(r.options.caseName);
    bool cancelled = false;
    {
        QPdfWriter writer(&out);
        writer.setResolution(300);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Backsight " BACKSIGHT_VERSION));
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0),
                                         QPageLayout::Millimeter));
        const double mm = writer.resolution() / 25.4;
        const QRectF page(0, 0, writer.width(), writer.height());
        const QRectF body(18 * mm, 20 * mm, page.width() - 36 * mm, page.height() - 38 * mm);

        QTextDocument document;
        document.setDefaultFont(QFont(QStringLiteral("DejaVu Sans"), 8));
        document.documentLayout()->setPaintDevice(&writer);
        document.setDocumentMargin(0);
        document.setPageSize(body.size());
        document.setHtml(incidentReportHtml(r, document, path));
        const int pages = document.pageCount();

        QPainter painter(&writer);
        const QFont small(QStringLiteral("DejaVu Sans"), 7);
        const QString generated = r.options.generatedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC");
        for (int i = 0; i < pages; ++i) {
            if (progress && !progress(i, pages)) {
                cancelled = true;
                break;
            }
            if (i > 0)
                writer.newPage();
            painter.save();
            painter.translate(body.topLeft());
            painter.setClipRect(QRectF(QPointF(0, 0), body.size()));
            painter.translate(0, -body.height() * i);
            QAbstractTextDocumentLayout::PaintContext context;
            context.clip = QRectF(0, body.height() * i, body.width(), body.height());
            document.documentLayout()->draw(&painter, context);
            painter.restore();

            // Running header and footer (not on the title page's header).
            painter.setFont(small);
            painter.setPen(QColor(0x55, 0x55, 0x55));
            const QRectF head(body.left(), 9 * mm, body.width(), 6 * mm);
            if (i > 0) {
                painter.drawText(head, Qt::AlignLeft | Qt::AlignBottom, title);
                painter.drawText(head, Qt::AlignRight | Qt::AlignBottom, r.scope.describe());
                painter.drawLine(QPointF(body.left(), head.bottom() + mm), QPointF(body.right(), head.bottom() + mm));
            }
            const QRectF foot(body.left(), page.height() - 14 * mm, body.width(), 6 * mm);
            painter.drawLine(QPointF(body.left(), foot.top() - mm), QPointF(body.right(), foot.top() - mm));
            painter.drawText(foot, Qt::AlignLeft | Qt::AlignTop,
                             QStringLiteral("Generated %1 by %2 · Backsight %3").arg(generated, r.options.analyst, QStringLiteral(BACKSIGHT_VERSION)));
            painter.drawText(foot, Qt::AlignRight | Qt::AlignTop, QStringLiteral("Page %1 of %2").arg(i + 1).arg(pages));
        }
    }
    if (cancelled) {
        out.discard();
        error = QStringLiteral("cancelled");
        return false;
    }
    return out.commit(error) && writeSourceManifest(r, path, error);
}

} // namespace backsight::report
