#include "features/signin_features.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cmath>
#include <numbers>

namespace backsight::features {

SignInRow rowOf(const SignInEvent &e)
{
    SignInRow r;
    r.rowId = e.rowId;
    r.id = e.id;
    r.createdMs = e.timeMs;
    r.upn = e.upn;
    r.app = e.app;
    r.os = e.os;
    r.browser = e.browser;
    r.clientApp = e.clientApp;
    r.country = e.country;
    r.city = e.city;
    r.ip = e.ip;
    r.hasLocation = e.hasLocation();
    r.latitude = e.latitude.value_or(0);
    r.longitude = e.longitude.value_or(0);
    r.errorCode = int(e.errorCode);
    r.interactive = e.interactive;
    return r;
}
namespace {

constexpr qint64 kHourMs = 3600 * 1000;
constexpr int kNumeric = 9; // hour sin, hour cos, weekday sin, weekday cos, km, speed, failures, hours since, non-interactive

QString errorClass(int code)
{
    switch (code) {
    case 0: return QStringLiteral("success");
    case 50126: return QStringLiteral("bad_password");
    case 50053: return QStringLiteral("locked");
    case 50074: case 50076: case 50079: case 500121: return QStringLiteral("mfa");
    case 53003: return QStringLiteral("blocked_by_ca");
    case 50057: return QStringLiteral("disabled");
    case 50055: return QStringLiteral("expired_password");
    case 50034: return QStringLiteral("no_such_user");
    default: return QStringLiteral("error_%1").arg(code);
    }
}

QString ipPrefix(const QString &ip)
{
    if (ip.isEmpty())
        return QString();
    if (ip.contains(QLatin1Char(':'))) {
        const QStringList groups = ip.split(QLatin1Char(':'));
        return groups.mid(0, 3).join(QLatin1Char(':')) + QStringLiteral("::/48");
    }
    const qsizetype last = ip.lastIndexOf(QLatin1Char('.'));
    return last < 0 ? ip : ip.left(last) + QStringLiteral(".0/24");
}

} // namespace

QString fieldName(int field)
{
    static const char *names[FieldCount] = {"app", "OS", "browser", "client app", "country", "city", "IP", "result"};
    return QString::fromLatin1(names[field]);
}

QString fieldValue(const SignInRow &row, int field)
{
    switch (field) {
    case App: return row.app;
    case Os: return row.os;
    case Browser: return row.browser;
    case ClientApp: return row.clientApp;
    case Country: return row.country;
    case City: return row.city;
    case IpPrefix: return ipPrefix(row.ip);
    case ErrorClass: return errorClass(row.errorCode);
    default: return QString();
    }
}

double haversineKm(double lat1, double lon1, double lat2, double lon2)
{
    constexpr double r = 6371.0;
    const double toRad = std::numbers::pi / 180.0;
    const double dLat = (lat2 - lat1) * toRad, dLon = (lon2 - lon1) * toRad;
    const double a = std::sin(dLat / 2) * std::sin(dLat / 2)
                     + std::cos(lat1 * toRad) * std::cos(lat2 * toRad) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * r * std::asin(std::min(1.0, std::sqrt(a)));
}

namespace {
std::array<double, 3> unitVector(double latitude, double longitude)
{
    const double toRad = std::numbers::pi / 180.0;
    const double cl = std::cos(latitude * toRad);
    return {cl * std::cos(longitude * toRad), cl * std::sin(longitude * toRad), std::sin(latitude * toRad)};
}
} // namespace

void SignInEncoder::setPlaceVectors()
{
    placeVectors_.clear();
    placeVectors_.reserve(places_.size());
    for (const auto &[lat, lon] : places_)
        placeVectors_.push_back(unitVector(lat, lon));
}

// The nearest place is the one with the shortest chord between unit vectors, so each place costs three
// multiplications instead of the four trigonometric calls of a haversine (this loop was ~20 % of training);
// the chord c converts to the same great-circle distance: 2R asin(c / 2).
double SignInEncoder::nearestPlaceKm(double latitude, double longitude) const
{
    const std::array<double, 3> v = unitVector(latitude, longitude);
    double best = 4.0;
    for (const auto &p : placeVectors_) {
        const double dx = p[0] - v[0], dy = p[1] - v[1], dz = p[2] - v[2];
        best = std::min(best, dx * dx + dy * dy + dz * dz);
    }
    return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(best) / 2));
}

std::vector<Context> computeContext(const std::vector<SignInRow> &rows)
{
    std::vector<Context> out(rows.size());
    std::size_t failStart = 0;
    int failures = 0; // failures among rows [failStart, i)
    const SignInRow *lastLocated = nullptr;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const SignInRow &r = rows[i];
        while (failStart < i && rows[failStart].createdMs < r.createdMs - kHourMs) {
            if (rows[failStart].errorCode != 0)
                --failures;
            ++failStart;
        }
        Context &c = out[i];
        c.failuresLastHour = failures;
        if (i > 0)
            c.hoursSincePrevious = double(r.createdMs - rows[i - 1].createdMs) / double(kHourMs);
        if (r.hasLocation && lastLocated) {
            const double km = haversineKm(lastLocated->latitude, lastLocated->longitude, r.latitude, r.longitude);
            const double hours = std::max(double(r.createdMs - lastLocated->createdMs) / double(kHourMs), 1.0 / 60.0);
            c.speedKmh = km / hours;
        }
        if (r.hasLocation)
            lastLocated = &r;
        if (r.errorCode != 0)
            ++failures;
    }
    return out;
}

int SignInEncoder::localHour(qint64 ms) const
{
    const qint64 local = ms + qint64(utcOffset_) * 60000;
    return int(((local / kHourMs) % 24 + 24) % 24);
}

int SignInEncoder::localWeekday(qint64 ms) const
{
    const qint64 local = ms + qint64(utcOffset_) * 60000;
    const qint64 day = local >= 0 ? local / (24 * kHourMs) : (local - 24 * kHourMs + 1) / (24 * kHourMs);
    return int(((day + 3) % 7 + 7) % 7); // 1970-01-01 was a Thursday; 0 = Monday
}

void SignInEncoder::fit(const std::vector<SignInRow> &rows, int utcOffsetMinutes, int minFrequency)
{
    utcOffset_ = utcOffsetMinutes;
    minFrequency_ = minFrequency;
    rows_ = qint64(rows.size());
    for (int f = 0; f < FieldCount; ++f) {
        counts_[f].clear();
        vocab_[f].clear();
    }
    std::fill(std::begin(hourCounts_), std::end(hourCounts_), 0);
    places_.clear();
    QHash<qint64, bool> grid;
    for (const SignInRow &r : rows) {
        for (int f = 0; f < FieldCount; ++f)
            ++counts_[f][fieldValue(r, f)];
        ++hourCounts_[localHour(r.createdMs)];
        if (r.hasLocation) {
            const qint64 key = qint64(std::lround(r.latitude * 10)) * 100000 + qint64(std::lround(r.longitude * 10));
            if (!grid.contains(key)) {
                grid.insert(key, true);
                places_.emplace_back(r.latitude, r.longitude);
            }
        }
    }
    setPlaceVectors();
    for (int f = 0; f < FieldCount; ++f) {
        for (auto it = counts_[f].cbegin(); it != counts_[f].cend(); ++it)
            if (it.value() >= minFrequency)
                vocab_[f] << it.key();
        vocab_[f].sort();
    }
    buildNames();
}

void SignInEncoder::buildNames()
{
    names_.clear();
    oneHotStart_.assign(FieldCount, 0);
    for (int f = 0; f < FieldCount; ++f) {
        oneHotStart_[f] = int(names_.size());
        for (const QString &v : vocab_[f])
            names_ << fieldName(f) + QLatin1Char('=') + v;
        names_ << fieldName(f) + QStringLiteral("=other");
    }
    rarityStart_ = int(names_.size());
    for (int f = 0; f < FieldCount; ++f)
        names_ << fieldName(f) + QStringLiteral(" rarity");
    numericStart_ = int(names_.size());
    names_ << QStringLiteral("hour sin") << QStringLiteral("hour cos") << QStringLiteral("weekday sin")
           << QStringLiteral("weekday cos") << QStringLiteral("log km to nearest known place")
           << QStringLiteral("log speed km/h") << QStringLiteral("log failures last hour")
           << QStringLiteral("log hours since previous") << QStringLiteral("non-interactive");
}

void SignInEncoder::encode(const SignInRow &row, const Context &c, std::vector<float> &out) const
{
    const std::size_t base = out.size();
    out.resize(base + names_.size(), 0.0f);
    float *x = out.data() + base;
    for (int f = 0; f < FieldCount; ++f) {
        const QString v = fieldValue(row, f);
        const qsizetype at = std::lower_bound(vocab_[f].cbegin(), vocab_[f].cend(), v) - vocab_[f].cbegin();
        const bool known = at < vocab_[f].size() && vocab_[f][at] == v;
        x[oneHotStart_[f] + (known ? int(at) : int(vocab_[f].size()))] = 1.0f;
        const int count = counts_[f].value(v, 0);
        x[rarityStart_ + f] = float(std::log((double(rows_) + 1.0) / (double(count) + 0.5)));
    }
    const double twoPi = 2 * std::numbers::pi;
    const int hour = localHour(row.createdMs), weekday = localWeekday(row.createdMs);
    float *n = x + numericStart_;
    n[0] = float(std::sin(twoPi * hour / 24));
    n[1] = float(std::cos(twoPi * hour / 24));
    n[2] = float(std::sin(twoPi * weekday / 7));
    n[3] = float(std::cos(twoPi * weekday / 7));
    double km = 0;
    if (row.hasLocation && !places_.empty())
        km = nearestPlaceKm(row.latitude, row.longitude);
    n[4] = float(std::log1p(km));
    n[5] = float(std::log1p(c.speedKmh));
    n[6] = float(std::log1p(double(c.failuresLastHour)));
    n[7] = float(std::log1p(std::max(0.0, c.hoursSincePrevious)));
    n[8] = row.interactive ? 0.0f : 1.0f;
}

void SignInEncoder::calibrate(const std::vector<float> &encoded, qint64 rows)
{
    const int d = dimensions();
    median_.assign(d, 0);
    scale_.assign(d, 1);
    std::vector<double> column(static_cast<std::size_t>(rows));
    for (int j = 0; j < d; ++j) {
        for (qint64 i = 0; i < rows; ++i)
            column[i] = encoded[std::size_t(i) * d + j];
        std::sort(column.begin(), column.end()); // one sort per column, three quantiles read from it
        const auto at = [&](double q) {
            if (column.empty())
                return 0.0;
            const double pos = q * double(column.size() - 1);
            const auto lo = std::size_t(pos);
            const std::size_t hi = std::min(lo + 1, column.size() - 1);
            return column[lo] + (pos - double(lo)) * (column[hi] - column[lo]);
        };
        median_[j] = at(0.5);
        const double iqr = at(0.75) - at(0.25);
        double sum = 0, sumSq = 0;
        for (double v : column) {
            sum += v;
            sumSq += v * v;
        }
        const double mean = rows > 0 ? sum / double(rows) : 0;
        const double sd = rows > 1 ? std::sqrt(std::max(0.0, (sumSq - double(rows) * mean * mean) / double(rows - 1))) : 0;
        scale_[j] = std::max({iqr / 1.349, sd, 0.1});
    }
}

double SignInEncoder::surprise(int index, float value) const
{
    if (index < 0 || std::size_t(index) >= median_.size())
        return 0;
    return std::abs(double(value) - median_[index]) / scale_[index];
}

QString SignInEncoder::describe(int index, const SignInRow &row, const Context &c) const
{
    if (index < rarityStart_) { // a one-hot column: name its field's value
        int f = FieldCount - 1;
        while (f > 0 && oneHotStart_[f] > index)
            --f;
        index = rarityStart_ + f;
    }
    if (index < numericStart_) {
        const int f = index - rarityStart_;
        const QString v = fieldValue(row, f);
        const int count = counts_[f].value(v, 0);
        const QString shown = v.isEmpty() ? QStringLiteral("(none)") : v;
        if (count == 0)
            return QStringLiteral("%1=%2 unseen").arg(fieldName(f), shown);
        return QStringLiteral("%1=%2 rare (%3 of %4)").arg(fieldName(f), shown).arg(count).arg(rows_);
    }
    switch (index - numericStart_) {
    case 0:
    case 1: {
        const int h = localHour(row.createdMs);
        const int seen = hourCounts_[h];
        return QStringLiteral("hour %1 %2").arg(h, 2, 10, QLatin1Char('0')).arg(seen == 0 ? QStringLiteral("unseen")
                                                                                          : QStringLiteral("rare (%1 of %2)").arg(seen).arg(rows_));
    }
    case 2:
    case 3: {
        static const char *days[7] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
        return QStringLiteral("%1 unusual").arg(QString::fromLatin1(days[localWeekday(row.createdMs)]));
    }
    case 4: {
        const double km = places_.empty() ? 0.0 : nearestPlaceKm(row.latitude, row.longitude);
        return QStringLiteral("%1 km from any known place").arg(qRound64(km));
    }
    case 5: return QStringLiteral("%1 km/h from the previous sign-in").arg(qRound64(c.speedKmh));
    case 6: return QStringLiteral("%1 failures in the last hour").arg(c.failuresLastHour);
    case 7: return QStringLiteral("%1 h since the previous sign-in").arg(c.hoursSincePrevious, 0, 'f', 1);
    case 8: return row.interactive ? QStringLiteral("interactive") : QStringLiteral("non-interactive");
    default: return QString();
    }
}

QByteArray SignInEncoder::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("version"), 1);
    o.insert(QStringLiteral("utc_offset_minutes"), utcOffset_);
    o.insert(QStringLiteral("rows"), rows_);
    o.insert(QStringLiteral("min_frequency"), minFrequency_);
    QJsonArray fields;
    for (int f = 0; f < FieldCount; ++f) {
        QJsonObject counts;
        for (auto it = counts_[f].cbegin(); it != counts_[f].cend(); ++it)
            counts.insert(it.key(), it.value());
        fields.append(counts);
    }
    o.insert(QStringLiteral("counts"), fields);
    QJsonArray hours;
    for (int h : hourCounts_)
        hours.append(h);
    o.insert(QStringLiteral("hours"), hours);
    QJsonArray places;
    for (const auto &[lat, lon] : places_)
        places.append(QJsonArray{lat, lon});
    o.insert(QStringLiteral("places"), places);
    QJsonArray med, sc;
    for (std::size_t i = 0; i < median_.size(); ++i) {
        med.append(median_[i]);
        sc.append(scale_[i]);
    }
    o.insert(QStringLiteral("median"), med);
    o.insert(QStringLiteral("scale"), sc);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Status SignInEncoder::fromJson(const QByteArray &json)
{
    QJsonParseError pe;
    const QJsonObject o = QJsonDocument::fromJson(json, &pe).object();
    if (pe.error != QJsonParseError::NoError || o.value(QStringLiteral("version")).toInt() != 1)
        return Error::badInput(QStringLiteral("Sign-in encoder: unreadable or newer encoding (%1)").arg(pe.errorString()));
    utcOffset_ = o.value(QStringLiteral("utc_offset_minutes")).toInt();
    rows_ = o.value(QStringLiteral("rows")).toInteger();
    minFrequency_ = o.value(QStringLiteral("min_frequency")).toInt();
    const QJsonArray fields = o.value(QStringLiteral("counts")).toArray();
    if (fields.size() != FieldCount)
        return Error::badInput(QStringLiteral("Sign-in encoder: %1 fields, expected %2").arg(fields.size()).arg(int(FieldCount)));
    for (int f = 0; f < FieldCount; ++f) {
        counts_[f].clear();
        vocab_[f].clear();
        const QJsonObject counts = fields[f].toObject();
        for (auto it = counts.begin(); it != counts.end(); ++it) {
            counts_[f].insert(it.key(), it.value().toInt());
            if (it.value().toInt() >= minFrequency_)
                vocab_[f] << it.key();
        }
        vocab_[f].sort();
    }
    const QJsonArray hours = o.value(QStringLiteral("hours")).toArray();
    for (int h = 0; h < 24; ++h)
        hourCounts_[h] = hours.at(h).toInt();
    places_.clear();
    for (const QJsonValue &p : o.value(QStringLiteral("places")).toArray())
        places_.emplace_back(p.toArray().at(0).toDouble(), p.toArray().at(1).toDouble());
    setPlaceVectors();
    median_.clear();
    scale_.clear();
    for (const QJsonValue &v : o.value(QStringLiteral("median")).toArray())
        median_.push_back(v.toDouble());
    for (const QJsonValue &v : o.value(QStringLiteral("scale")).toArray())
        scale_.push_back(v.toDouble());
    buildNames();
    if (!median_.empty() && median_.size() != std::size_t(names_.size()))
        return Error::badInput(QStringLiteral("Sign-in encoder: calibration has %1 features, the encoding %2").arg(median_.size()).arg(names_.size()));
    return {};
}

} // namespace backsight::features
