#include "report/models_appendix.h"

#include "report/report_html.h"

#include <QJsonDocument>

namespace backsight::report {

using namespace html;

QString modelsAppendixHtml(const IncidentReport &r)
{
    QString html = QStringLiteral("<h2>Appendix C: models and detection parameters</h2>");
    if (r.models.empty()) {
        html += QStringLiteral("<p>%1</p>").arg(esc(QStringLiteral("No anomaly in this report cites a model (rule detections only).")));
    } else {
        QString models = headerRow({QStringLiteral("Model"), QStringLiteral("Scope / subject"), QStringLiteral("Kind, version"),
                                 QStringLiteral("Trained on"), QStringLiteral("Threshold"), QStringLiteral("Parameters")});
        for (const ModelVersion &m : r.models)
            models += cellsRow({QString::number(m.id), esc(m.scope + QStringLiteral(" / ") + m.subject),
                             esc(QStringLiteral("%1 v%2").arg(m.kind).arg(m.version)),
                             esc(QStringLiteral("%1 events%2").arg(number(m.eventsUsed),
                                                                    m.windowEndMs ? QStringLiteral(" to ") + utc(*m.windowEndMs) : QString())),
                             esc(m.threshold ? QString::number(*m.threshold, 'g', 5) : QStringLiteral("–")),
                             QStringLiteral("<span class=\"mono\">%1</span>").arg(esc(m.parameters))});
        html += table(models, QStringLiteral("sources"));
    }
    if (!r.modelSummary.empty()) {
        QString active = headerRow({QStringLiteral("Scope"), QStringLiteral("Kind"), QStringLiteral("Active models"), QStringLiteral("Latest version")});
        for (const ModelSummaryRow &m : r.modelSummary)
            active += cellsRow({esc(m.scope), esc(m.kind), number(m.activeModels), QString::number(m.latestVersion)});
        html += QStringLiteral("<h3>Active models in the case database</h3>") + table(active, QStringLiteral("list"));
    }
    html += QStringLiteral("<h3>Detection runs</h3>");
    if (r.runs.empty())
        html += QStringLiteral("<p>%1</p>").arg(esc(QStringLiteral("No detection run is recorded in this database.")));
    for (const DetectionRun &run : r.runs) {
        QString rows;
        rows += kvRow(QStringLiteral("Run"), esc(QStringLiteral("%1 (%2)").arg(run.id).arg(run.status)));
        rows += kvRow(QStringLiteral("Started / finished"),
                    esc(utc(run.startedMs) + QStringLiteral(" / ") + (run.finishedMs ? utc(*run.finishedMs) : QStringLiteral("–"))));
        rows += kvRow(QStringLiteral("Events examined / anomalies added"),
                    esc(number(run.eventsExamined) + QStringLiteral(" / ") + number(run.anomaliesAdded)));
        const QJsonDocument params = QJsonDocument::fromJson(run.parameters.toUtf8());
        rows += kvRow(QStringLiteral("Parameters"),
                    QStringLiteral("<span class=\"mono\">%1</span>")
                        .arg(esc(params.isNull() ? run.parameters : QString::fromUtf8(params.toJson(QJsonDocument::Compact)))));
        html += table(rows) + QStringLiteral("<p></p>");
    }
    return html;
}

} // namespace backsight::report
