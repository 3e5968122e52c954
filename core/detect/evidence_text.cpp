#include "detect/evidence_text.h"

#include "ingest/timestamp.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTimeZone>
#include <cmath>

namespace backsight::detect {
namespace {

enum class Unit { None, Count, Days, Hours, Minutes, Seconds, Kmh, Km, Share, Degrees, Score, OffsetMinutes, Time };

struct Field
{
    const char *label;
    Unit unit;
};

// What each key means, whatever the detector; "observed" and "threshold" depend on it (unitOf below).
const QHash<QString, Field> &fields()
{
    static const QHash<QString, Field> table{
        {QStringLiteral("observed"), {"Observed", Unit::None}},
        {QStringLiteral("threshold"), {"Threshold", Unit::None}},
        {QStringLiteral("baseline"), {"Usual", Unit::None}},
        {QStringLiteral("baseline_count"), {"Times seen before", Unit::Count}},
        {QStringLiteral("baseline_sign_ins"), {"Sign-ins in the baseline", Unit::Count}},
        {QStringLiteral("baseline_browsers"), {"Usual browsers", Unit::None}},
        {QStringLiteral("baseline_os"), {"Usual operating systems", Unit::None}},
        {QStringLiteral("ip"), {"IP address", Unit::None}},
        {QStringLiteral("ips"), {"IP addresses", Unit::None}},
        {QStringLiteral("new_ip"), {"IP address never seen", Unit::None}},
        {QStringLiteral("new_prefix"), {"Address range never seen", Unit::None}},
        {QStringLiteral("new_country"), {"Country never seen", Unit::None}},
        {QStringLiteral("cross_border"), {"Crosses a border", Unit::None}},
        {QStringLiteral("own_device"), {"On the user's registered device", Unit::None}},
        {QStringLiteral("speed_kmh"), {"Speed", Unit::Kmh}},
        {QStringLiteral("distance_km"), {"Distance", Unit::Km}},
        {QStringLiteral("elapsed_s"), {"Time between the sign-ins", Unit::Seconds}},
        {QStringLiteral("from"), {"From", Unit::None}},
        {QStringLiteral("to"), {"To", Unit::None}},
        {QStringLiteral("from_ip"), {"From IP address", Unit::None}},
        {QStringLiteral("from_event"), {"Earlier sign-in", Unit::None}},
        {QStringLiteral("success_event"), {"Successful sign-in", Unit::None}},
        {QStringLiteral("previous_sign_in"), {"Previous sign-in", Unit::Time}},
        {QStringLiteral("logs_begin"), {"Logs begin", Unit::Time}},
        {QStringLiteral("probability"), {"Expected share of sign-ins in this hour of the week", Unit::Share}},
        {QStringLiteral("hour_of_day_probability"), {"Expected share in this hour of the day", Unit::Share}},
        {QStringLiteral("rare_hour"), {"Rare hour", Unit::None}},
        {QStringLiteral("utc_offset_minutes"), {"User's time zone", Unit::OffsetMinutes}},
        {QStringLiteral("failures"), {"Failed sign-ins", Unit::Count}},
        {QStringLiteral("seed_threshold"), {"Failures that start a burst", Unit::Count}},
        {QStringLiteral("denials"), {"MFA denials", Unit::Count}},
        {QStringLiteral("compromised"), {"Users who then signed in", Unit::None}},
        {QStringLiteral("window"), {"Window", Unit::None}},
        {QStringLiteral("fast_window_hit"), {"Also within the fast window", Unit::None}},
        {QStringLiteral("spray_source"), {"Spray source", Unit::None}},
        {QStringLiteral("spray_users"), {"Users sprayed", Unit::Count}},
        {QStringLiteral("linked_anomaly"), {"Linked anomaly", Unit::None}},
        {QStringLiteral("linked_kind"), {"Linked anomaly's kind", Unit::None}},
        {QStringLiteral("minutes_after"), {"Time after the anomaly", Unit::Minutes}},
        {QStringLiteral("score"), {"Model score", Unit::Score}},
        {QStringLiteral("model_id"), {"Model", Unit::None}},
        {QStringLiteral("model_scope"), {"Model scope", Unit::None}},
        {QStringLiteral("model_version"), {"Model version", Unit::None}},
        {QStringLiteral("reconstruction_error"), {"Reconstruction error", Unit::Score}},
        {QStringLiteral("ratio"), {"Error ÷ threshold", Unit::Score}},
        {QStringLiteral("fleet_model"), {"Judged by the fleet model", Unit::None}},
    };
    return table;
}

// The unit of "observed" / "threshold" / "baseline" for a detector.
Unit unitOf(const QString &detector, const QString &key)
{
    if (detector == QLatin1String("dormant_account"))
        return Unit::Days;
    if (detector == QLatin1String("impossible_travel"))
        return Unit::Kmh;
    if (detector == QLatin1String("privileged_after_anomaly") && key == QLatin1String("threshold"))
        return Unit::Hours;
    if (key == QLatin1String("threshold")
        && (detector.startsWith(QLatin1String("new_")) || detector.startsWith(QLatin1String("rare_"))
            || detector == QLatin1String("unusual_time")))
        return detector == QLatin1String("new_app_burst") ? Unit::Count : Unit::Share;
    if (detector == QLatin1String("failed_burst") && key == QLatin1String("baseline"))
        return Unit::None; // failures per active day: a plain rounded number
    if (detector.startsWith(QLatin1String("model_")) || detector.startsWith(QLatin1String("backup_")))
        return Unit::Score;
    return Unit::Count;
}

QString plural(double value, const char *one, const char *many)
{
    return roundedNumber(value, 1) + QLatin1Char(' ') + QLatin1String(value == 1 ? one : many);
}

QString durationText(double seconds)
{
    if (seconds < 90)
        return plural(std::round(seconds), "second", "seconds");
    if (seconds < 90 * 60)
        return plural(std::round(seconds / 60), "minute", "minutes");
    if (seconds < 48 * 3600)
        return roundedNumber(seconds / 3600, 1) + QStringLiteral(" h");
    return plural(seconds / 86400, "day", "days");
}

QString numberText(double v, Unit unit)
{
    switch (unit) {
    case Unit::Count: return roundedNumber(v, 2);
    case Unit::Days: return plural(v, "day", "days");
    case Unit::Hours: return roundedNumber(v, 1) + QStringLiteral(" h");
    case Unit::Minutes: return durationText(v * 60);
    case Unit::Seconds: return durationText(v);
    case Unit::Kmh: return roundedNumber(v, 0) + QStringLiteral(" km/h");
    case Unit::Km: return roundedNumber(v, 0) + QStringLiteral(" km");
    case Unit::Share: return roundedNumber(v * 100, v * 100 < 1 ? 3 : 1) + QStringLiteral(" %");
    case Unit::Degrees: return roundedNumber(v, 2) + QStringLiteral("°");
    case Unit::Score: return roundedNumber(v, 3);
    case Unit::OffsetMinutes: {
        const int m = int(std::lround(v));
        return QStringLiteral("UTC%1%2:%3").arg(m < 0 ? QLatin1Char('-') : QLatin1Char('+'))
            .arg(std::abs(m) / 60, 2, 10, QLatin1Char('0')).arg(std::abs(m) % 60, 2, 10, QLatin1Char('0'));
    }
    case Unit::Time:
    case Unit::None: return roundedNumber(v, 2);
    }
    return roundedNumber(v, 2);
}

QString valueText(const QJsonValue &v, Unit unit);

QString objectText(const QJsonObject &o)
{
    QStringList parts;
    for (auto it = o.begin(); it != o.end(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.key(), valueText(it.value(), Unit::None));
    return parts.join(QStringLiteral(", "));
}

QString valueText(const QJsonValue &v, Unit unit)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined: return QStringLiteral("none");
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    case QJsonValue::Double: return numberText(v.toDouble(), unit);
    case QJsonValue::String: {
        const QString s = v.toString();
        if (unit == Unit::Time) {
            const QByteArray utf8 = s.toUtf8();
            const ParsedTime t = parseTimestamp(std::string_view(utf8.constData(), size_t(utf8.size())), ZonelessTime::Reject);
            if (t.ok)
                return QDateTime::fromMSecsSinceEpoch(t.ms, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
        }
        return s;
    }
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &item : v.toArray())
            parts << (item.isObject() ? objectText(item.toObject()) : valueText(item, unit));
        return parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(", "));
    }
    case QJsonValue::Object: return objectText(v.toObject());
    }
    return {};
}

QString labelOf(const QString &key)
{
    if (const auto it = fields().constFind(key); it != fields().constEnd())
        return QLatin1String(it->label);
    QString words = key;
    words.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!words.isEmpty())
        words[0] = words[0].toUpper();
    return words;
}

// A model's top_features: what made the sign-in unusual, most weight first.
EvidenceTable featureTable(const QJsonArray &features)
{
    EvidenceTable t{QStringLiteral("What stood out"), {QStringLiteral("Feature"), QStringLiteral("Unusual value"),
                                                      QStringLiteral("Weight")}, {}};
    for (const QJsonValue &v : features) {
        const QJsonObject f = v.toObject();
        t.rows.push_back({labelOf(f.value(QStringLiteral("feature")).toString()), f.value(QStringLiteral("text")).toString(),
                          roundedNumber(f.value(QStringLiteral("weight")).toDouble(), 3)});
    }
    return t;
}

// The reasons of a step folded into a story (detect/stories.h) or of a low grouped into a digest: one row each, its
// detector, its sentence when it has one, and its evidence in words.
EvidenceTable reasonsTable(const QJsonArray &reasons)
{
    EvidenceTable t{QStringLiteral("Its reasons"), {QStringLiteral("Detector"), QStringLiteral("Reason"), QStringLiteral("Evidence")}, {}};
    for (const QJsonValue &v : reasons) {
        const QJsonObject r = v.toObject();
        const QString detector = r.value(QStringLiteral("detector")).toString();
        QStringList evidence;
        const EvidenceText e = describeEvidence(detector, r.value(QStringLiteral("evidence")).toObject());
        for (const auto &[label, value] : e.items)
            evidence << QStringLiteral("%1: %2").arg(label, value);
        t.rows.push_back({detector, r.value(QStringLiteral("text")).toString(), evidence.join(QStringLiteral("; "))});
    }
    return t;
}

// A backup session's signals (observed / baseline / error_share keyed by feature): sizes and durations are stored
// as log1p values, ratios as factors.
QString backupValue(const QString &feature, double v)
{
    if (feature.startsWith(QLatin1String("log_")) && feature.endsWith(QLatin1String("_bytes"))) {
        const double bytes = std::expm1(v);
        return bytes >= 1e9 ? roundedNumber(bytes / 1e9, 2) + QStringLiteral(" GB") : roundedNumber(bytes / 1e6, 1) + QStringLiteral(" MB");
    }
    if (feature == QLatin1String("log_duration_s"))
        return durationText(std::expm1(v));
    if (feature.endsWith(QLatin1String("_ratio")))
        return roundedNumber(v, 1) + QStringLiteral("×");
    if (feature == QLatin1String("failed") || feature == QLatin1String("full"))
        return v >= 0.5 ? QStringLiteral("yes") : QStringLiteral("no");
    return roundedNumber(v, 2);
}

QString backupLabel(const QString &feature)
{
    static const QHash<QString, QString> names{
        {QStringLiteral("log_transferred_bytes"), QStringLiteral("Transferred")},
        {QStringLiteral("log_read_bytes"), QStringLiteral("Read")},
        {QStringLiteral("log_used_bytes"), QStringLiteral("Used data")},
        {QStringLiteral("dedup_ratio"), QStringLiteral("Dedup ratio")},
        {QStringLiteral("compress_ratio"), QStringLiteral("Compression ratio")},
        {QStringLiteral("log_duration_s"), QStringLiteral("Duration")},
        {QStringLiteral("failed"), QStringLiteral("Failed")},
        {QStringLiteral("full"), QStringLiteral("Full backup")},
        {QStringLiteral("weekday_sin"), QStringLiteral("Weekday (sine)")},
        {QStringLiteral("weekday_cos"), QStringLiteral("Weekday (cosine)")}};
    return names.value(feature, labelOf(feature));
}

EvidenceTable sessionTable(const QJsonObject &observed, const QJsonObject &usual, const QJsonObject &share)
{
    EvidenceTable t{QStringLiteral("This session against the server's usual"),
                    {QStringLiteral("Signal"), QStringLiteral("This session"), QStringLiteral("Usual"),
                     QStringLiteral("Share of the error")}, {}};
    for (auto it = observed.begin(); it != observed.end(); ++it) {
        const QString &f = it.key();
        t.rows.push_back({backupLabel(f), backupValue(f, it.value().toDouble()),
                          usual.contains(f) ? backupValue(f, usual.value(f).toDouble()) : QString(),
                          share.contains(f) ? numberText(share.value(f).toDouble(), Unit::Share) : QString()});
    }
    return t;
}

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

} // namespace

QString roundedNumber(double value, int decimals)
{
    if (!std::isfinite(value))
        return QStringLiteral("—");
    QLocale english(QLocale::English, QLocale::UnitedStates);
    QString text = english.toString(value, 'f', decimals);
    if (text.contains(QLatin1Char('.'))) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
    }
    return text == QLatin1String("-0") ? QStringLiteral("0") : text;
}

EvidenceText describeEvidence(const QString &detector, const QJsonObject &evidence)
{
    EvidenceText out;
    const bool session = evidence.value(QStringLiteral("observed")).isObject();
    for (auto it = evidence.begin(); it != evidence.end(); ++it) {
        const QString &key = it.key();
        if (key == QLatin1String("top_features") && it.value().isArray()) {
            out.tables.push_back(featureTable(it.value().toArray()));
            continue;
        }
        if (key == QLatin1String("reasons") && it.value().isArray()
            && std::all_of(it.value().toArray().begin(), it.value().toArray().end(), [](const QJsonValue &r) { return r.isObject(); })) {
            out.tables.push_back(reasonsTable(it.value().toArray()));
            continue;
        }
        if (session && (key == QLatin1String("observed") || key == QLatin1String("baseline") || key == QLatin1String("error_share"))) {
            if (key == QLatin1String("observed"))
                out.tables.push_back(sessionTable(it.value().toObject(), evidence.value(QStringLiteral("baseline")).toObject(),
                                                  evidence.value(QStringLiteral("error_share")).toObject()));
            continue;
        }
        if (key.endsWith(QLatin1String("_longitude")))
            continue; // shown with its latitude
        if (key.endsWith(QLatin1String("_latitude"))) {
            const QString prefix = key.chopped(9);
            const double lat = it.value().toDouble();
            const double lon = evidence.value(prefix + QStringLiteral("_longitude")).toDouble();
            out.items.emplace_back(labelOf(prefix) + QStringLiteral(" (position)"),
                                   QStringLiteral("%1 %2, %3 %4").arg(roundedNumber(std::abs(lat), 2) + QStringLiteral("°"))
                                       .arg(lat < 0 ? QLatin1Char('S') : QLatin1Char('N'))
                                       .arg(roundedNumber(std::abs(lon), 2) + QStringLiteral("°"))
                                       .arg(lon < 0 ? QLatin1Char('W') : QLatin1Char('E')));
            continue;
        }
        const auto field = fields().constFind(key);
        Unit unit = field != fields().constEnd() ? field->unit : Unit::None;
        if (key == QLatin1String("observed") || key == QLatin1String("threshold") || key == QLatin1String("baseline"))
            unit = unitOf(detector, key);
        if (key == QLatin1String("window") && it.value().isDouble())
            unit = Unit::Count; // backup models: sessions per window
        if (it.value().isString() && it.value().toString().isEmpty())
            continue; // nothing to say (an ISP's network kind): no empty row
        out.items.emplace_back(labelOf(key), valueText(it.value(), unit));
    }
    return out;
}

QString evidenceHtml(const EvidenceText &evidence, const QString &cssClass)
{
    if (evidence.isEmpty())
        return {};
    const QString open = cssClass.isEmpty() ? QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">")
                                            : QStringLiteral("<table class=\"%1\" cellspacing=\"0\" cellpadding=\"2\">").arg(esc(cssClass));
    QString html;
    if (!evidence.items.empty()) {
        html += open;
        for (const auto &[label, value] : evidence.items)
            html += QStringLiteral("<tr><td><i>%1</i></td><td>%2</td></tr>").arg(esc(label), esc(value));
        html += QStringLiteral("</table>");
    }
    for (const EvidenceTable &t : evidence.tables) {
        html += QStringLiteral("<p><i>%1</i></p>").arg(esc(t.title)) + open + QStringLiteral("<tr>");
        for (const QString &c : t.columns)
            html += QStringLiteral("<th align=\"left\">%1</th>").arg(esc(c));
        html += QStringLiteral("</tr>");
        for (const QStringList &row : t.rows) {
            html += QStringLiteral("<tr>");
            for (const QString &cell : row)
                html += QStringLiteral("<td>%1</td>").arg(esc(cell));
            html += QStringLiteral("</tr>");
        }
        html += QStringLiteral("</table>");
    }
    return html;
}

QString auditTargetNames(const QString &json)
{
    QStringList names;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        for (const char *key : {"userPrincipalName", "displayName", "id"}) {
            const QString s = o.value(QString::fromLatin1(key)).toString();
            if (!s.isEmpty()) {
                names << s;
                break;
            }
        }
    }
    return names.join(QStringLiteral(", "));
}

} // namespace backsight::detect
