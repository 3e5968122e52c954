#include "backup/veeam_session_flattener.h"
#include "backup/veeam_text.h"

#include "ingest/timestamp.h"

#include <charconv>
#include <cmath>

// The value helpers of the Veeam session reader: .NET TimeSpans, MS-AJAX dates, results and enums, zones.
namespace backsight::backup {
namespace {

using text::equalsIgnoreCase;
using text::lower;
using text::qs;
using text::trimmed;

std::optional<double> number(std::string_view s)
{
    s = trimmed(s);
    if (s.empty())
        return std::nullopt;
    bool ok = false;
    const double d = QByteArray(s.data(), qsizetype(s.size())).toDouble(&ok);
    return ok && std::isfinite(d) ? std::optional<double>(d) : std::nullopt;
}

} // namespace

std::optional<int> utcOffsetMinutes(std::string_view text, qint64 creationUtcMs)
{
    text = trimmed(text);
    if (text.empty())
        return std::nullopt;
    // `+hhmm` or `+hh:mm` (sign first) in minutes.
    auto signedOffset = [](std::string_view z) -> std::optional<int> {
        if (z.size() < 5 || (z[0] != '+' && z[0] != '-'))
            return std::nullopt;
        const size_t minuteAt = z[3] == ':' ? 4 : 3;
        int h = 0, m = 0;
        if (z.size() != minuteAt + 2 || std::from_chars(z.data() + 1, z.data() + 3, h).ec != std::errc()
            || std::from_chars(z.data() + minuteAt, z.data() + minuteAt + 2, m).ec != std::errc() || h > 14 || m > 59)
            return std::nullopt;
        return (z[0] == '-' ? -1 : 1) * (h * 60 + m);
    };
    if (text.substr(0, 6) == "/Date(") {
        // `/Date(ms+hhmm)/`: the suffix is the writer's zone.
        const size_t sign = text.find_first_of("+-", 7);
        return sign != std::string_view::npos && text.size() >= 2 ? signedOffset(text.substr(sign, text.size() - 2 - sign))
                                                                  : std::nullopt;
    }
    if (text.back() == 'Z' || text.back() == 'z')
        return 0;
    if (text.size() > 6 && text[text.size() - 3] == ':' && (text[text.size() - 6] == '+' || text[text.size() - 6] == '-'))
        return signedOffset(text.substr(text.size() - 6)); // ISO 8601: `…T01:30:05.1234567+13:00`
    // A local time without a zone (Export-Csv) beside the UTC time of the same instant: their difference, in the
    // quarter hours zones come in.
    const ParsedTime local = parseTimestamp(text, ZonelessTime::IsUtc);
    if (!local.ok)
        return std::nullopt;
    const qint64 quarterHours = qRound64(double(local.ms - creationUtcMs) / 900000.0);
    if (quarterHours < -14 * 4 || quarterHours > 14 * 4)
        return std::nullopt;
    return int(quarterHours * 15);
}

std::optional<qint64> parseMsAjaxDate(std::string_view text)
{
    text = trimmed(text);
    // ConvertTo-Json writes `\/Date(...)\/`; after JSON unescaping that is `/Date(...)/`.
    constexpr std::string_view open = "/Date(";
    if (text.size() < open.size() + 3 || text.substr(0, open.size()) != open || text.substr(text.size() - 2) != ")/")
        return std::nullopt;
    std::string_view body = text.substr(open.size(), text.size() - open.size() - 2);
    // An offset suffix (`+0100`) only says which zone the writer was in; the number is UTC already.
    const size_t sign = body.find_first_of("+-", 1);
    if (sign != std::string_view::npos)
        body = body.substr(0, sign);
    qint64 ms = 0;
    const auto [end, ec] = std::from_chars(body.data(), body.data() + body.size(), ms);
    if (ec != std::errc() || end != body.data() + body.size())
        return std::nullopt;
    return ms;
}

std::optional<double> parseTimeSpan(std::string_view text)
{
    text = trimmed(text);
    if (text.empty())
        return std::nullopt;
    double sign = 1;
    if (text.front() == '-') {
        sign = -1;
        text.remove_prefix(1);
    }
    const size_t firstColon = text.find(':');
    if (firstColon == std::string_view::npos)
        return std::nullopt;
    qint64 days = 0;
    std::string_view hours = text.substr(0, firstColon);
    const size_t dot = hours.find('.');
    if (dot != std::string_view::npos) {
        const auto d = std::from_chars(hours.data(), hours.data() + dot, days);
        if (d.ec != std::errc() || d.ptr != hours.data() + dot)
            return std::nullopt;
        hours = hours.substr(dot + 1);
    }
    const std::string_view rest = text.substr(firstColon + 1);
    const size_t secondColon = rest.find(':');
    if (secondColon == std::string_view::npos)
        return std::nullopt;
    int h = 0, m = 0;
    const auto rh = std::from_chars(hours.data(), hours.data() + hours.size(), h);
    const auto rm = std::from_chars(rest.data(), rest.data() + secondColon, m);
    const auto seconds = number(rest.substr(secondColon + 1));
    if (rh.ec != std::errc() || rh.ptr != hours.data() + hours.size() || rm.ec != std::errc()
        || rm.ptr != rest.data() + secondColon || !seconds || h > 23 || m > 59 || *seconds >= 60 || *seconds < 0)
        return std::nullopt;
    return sign * (double(days) * 86400 + h * 3600 + m * 60 + *seconds);
}

QString normaliseResult(std::string_view text, std::optional<qint64> code, bool taskStatus)
{
    text = trimmed(text);
    if (!text.empty() && !code) {
        if (equalsIgnoreCase(text, "success"))
            return QStringLiteral("Success");
        if (equalsIgnoreCase(text, "warning"))
            return QStringLiteral("Warning");
        if (equalsIgnoreCase(text, "failed") || equalsIgnoreCase(text, "failure") || equalsIgnoreCase(text, "error"))
            return QStringLiteral("Failed");
        if (equalsIgnoreCase(text, "none") || equalsIgnoreCase(text, "inprogress") || equalsIgnoreCase(text, "pending")
            || equalsIgnoreCase(text, "running"))
            return QStringLiteral("None");
        return qs(text);
    }
    if (!code)
        return {};
    if (taskStatus) {
        // Veeam.Backup.Model.Common.ETaskStatus (as in the configuration database's task sessions).
        switch (*code) {
        case 0: return QStringLiteral("Success");
        case 2: return QStringLiteral("Failed");
        case 3: return QStringLiteral("Warning");
        case 5:
        case 6: return QStringLiteral("None");
        default: return QString::number(*code);
        }
    }
    // Veeam.Backup.Model.CBaseSession+EResult.
    switch (*code) {
    case -1: return QStringLiteral("None");
    case 0: return QStringLiteral("Success");
    case 1: return QStringLiteral("Warning");
    case 2: return QStringLiteral("Failed");
    default: return QString::number(*code);
    }
}

} // namespace backsight::backup
