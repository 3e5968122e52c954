#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace backsight {

// One trained model of one subject, as the model registry (core/store/model_repository) keeps it.
// scope: "user", "tenant", "server", "fleet"; subject: the UPN (lower case), "all" or the server name;
// kind: "iforest", "autoencoder", "lstm_autoencoder", ...; version counts up per (scope, subject, kind).
struct ModelRecord
{
    qint64 id = 0;
    QString scope, subject, kind;
    int version = 0;
    QJsonObject parameters;               // how it was trained (trees, layers, feature names, ...)
    qint64 windowStartMs = 0, windowEndMs = 0;
    qint64 eventsUsed = 0;
    double threshold = 0;
    QJsonObject metrics;                  // free-form (validation loss, AUC, ...)
    QJsonObject scoreDistribution;        // quantiles of the training scores, median, MAD
    qint64 trainingMs = 0;
    qint64 createdAtMs = 0;
    bool active = true;
    QByteArray data;                      // the serialised model (empty in list results unless asked for)
};

struct ModelFilter
{
    QString scope, subject, kind;         // empty = any
    QStringList subjects;                 // non-empty: only these subjects (read in batches of a few hundred)
    bool activeOnly = false;
    bool withData = false;
};

} // namespace backsight
