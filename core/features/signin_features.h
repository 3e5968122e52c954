#pragma once

#include "model/result.h"
#include "model/sign_in_event.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <array>
#include <vector>

namespace backsight::features {

// One flattened sign-in as the models see it (columns of the signins table, core/store/migrations.cpp).
struct SignInRow
{
    qint64 rowId = 0;
    QString id;
    qint64 createdMs = 0;
    QString upn;
    QString app, os, browser, clientApp, country, city, ip;
    double latitude = 0, longitude = 0;
    bool hasLocation = false;
    int errorCode = 0;
    bool interactive = true;
};

// The fields the models use of a sign-in read for the baselines (the same columns, as SignInFeatureQueries reads them).
SignInRow rowOf(const SignInEvent &e);

// Categorical fields, in feature order.
enum Field { App, Os, Browser, ClientApp, Country, City, IpPrefix, ErrorClass, FieldCount };
QString fieldName(int field);            // "app", "OS", ...
QString fieldValue(const SignInRow &row, int field); // IP as its /24 (IPv4) or /48 (IPv6) prefix, error as a class

// Per-row context computed from the same user's earlier sign-ins.
struct Context
{
    double hoursSincePrevious = -1;      // -1: none
    double speedKmh = 0;                 // from the previous located sign-in
    int failuresLastHour = 0;
};
// Context of every row of one user's rows sorted by time.
std::vector<Context> computeContext(const std::vector<SignInRow> &rowsByTime);

double haversineKm(double lat1, double lon1, double lat2, double lon2);

// Fitted on a training window, saved with the model. Features:
//  one-hot of each field's values seen >= minFrequency times (the rest share an "other" column), then per field
//  a rarity = log((N + 1) / (count + 0.5)) of the value (unseen values score highest), hour and weekday as sin/cos in
//  the user's local time, log(1 + km to the nearest training location), log(1 + speed km/h from the previous
//  sign-in), log(1 + failures in the last hour), log(1 + hours since the previous sign-in), non-interactive flag.
class SignInEncoder
{
public:
    void fit(const std::vector<SignInRow> &rows, int utcOffsetMinutes, int minFrequency = 3);
    int dimensions() const { return int(names_.size()); }
    const QStringList &featureNames() const { return names_; }
    // Appends dimensions() floats.
    void encode(const SignInRow &row, const Context &context, std::vector<float> &out) const;
    // Person-readable words for feature `index` of an encoded row ("country=BR unseen", "hour 03 rare").
    QString describe(int index, const SignInRow &row, const Context &context) const;
    // Great-circle km from (latitude, longitude) to the nearest training location.
    double nearestPlaceKm(double latitude, double longitude) const;
    // How far the encoded value sits from the training rows' (0 = usual), for ranking the "why".
    double surprise(int index, float value) const;
    // Per-feature median and scale of the training encodings (set by calibrate()).
    void calibrate(const std::vector<float> &encoded, qint64 rows);

    int utcOffsetMinutes() const { return utcOffset_; }
    qint64 trainingRows() const { return rows_; }

    QByteArray toJson() const;
    Status fromJson(const QByteArray &json); // a foreign or newer encoding is BadInput

private:
    void buildNames();
    int localHour(qint64 ms) const;
    int localWeekday(qint64 ms) const;

    int utcOffset_ = 0;
    qint64 rows_ = 0;
    int minFrequency_ = 3;
    QHash<QString, int> counts_[FieldCount];       // training counts of every value
    QStringList vocab_[FieldCount];                // values with their own one-hot column
    int hourCounts_[24] = {};
    std::vector<std::pair<double, double>> places_; // distinct training locations (0.1 degree grid)
    std::vector<std::array<double, 3>> placeVectors_; // places_ as unit vectors, for nearestPlaceKm
    void setPlaceVectors();
    QStringList names_;
    std::vector<int> oneHotStart_;                  // per field
    int rarityStart_ = 0, numericStart_ = 0;
    std::vector<double> median_, scale_;
};

} // namespace backsight::features
