#include "detect/distributed_training.h"

#include "store/sign_in_feature_queries.h"

#include <QCborValue>
#include <QDataStream>
#include <QIODevice>
#include <QJsonObject>

namespace backsight::detect {
namespace {

constexpr quint32 kMagic = 0x42535754; // "BSWT"
constexpr quint16 kFormat = 1;

QByteArray cborOf(const QJsonObject &o)
{
    return QCborValue::fromJsonValue(o).toCbor();
}

QJsonObject objectOf(const QByteArray &cbor)
{
    return QCborValue::fromCbor(cbor).toJsonValue().toObject();
}

Error malformed()
{
    return Error::storage(QStringLiteral("A worker's model could not be read: was it written by another version of "
                                         "Backsight?"));
}

} // namespace

const QString TrainingWork::kKind = QStringLiteral("train");

QByteArray encodeModelRecord(const ModelRecord &m)
{
    QByteArray out;
    QDataStream s(&out, QIODevice::WriteOnly);
    s.setVersion(QDataStream::Qt_6_4);
    s << kMagic << kFormat << m.scope << m.subject << m.kind << cborOf(m.parameters) << m.windowStartMs << m.windowEndMs
      << m.eventsUsed << m.threshold << cborOf(m.metrics) << cborOf(m.scoreDistribution) << m.trainingMs << m.data;
    return out;
}

Result<ModelRecord> decodeModelRecord(const QByteArray &data)
{
    QDataStream s(data);
    s.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint16 format = 0;
    QByteArray parameters, metrics, distribution;
    ModelRecord m;
    s >> magic >> format;
    if (magic != kMagic || format != kFormat)
        return malformed();
    s >> m.scope >> m.subject >> m.kind >> parameters >> m.windowStartMs >> m.windowEndMs >> m.eventsUsed >> m.threshold
        >> metrics >> distribution >> m.trainingMs >> m.data;
    if (s.status() != QDataStream::Ok)
        return malformed();
    m.parameters = objectOf(parameters);
    m.metrics = objectOf(metrics);
    m.scoreDistribution = objectOf(distribution);
    return m;
}

ml::UserTrainer trainUsersOnWorkers(Database &db, const ml::ModelTrainOptions &o, RemoteBatch::Waiting waiting)
{
    return [&db, o, waiting](const std::vector<ml::UserTrainRequest> &users, qint64 windowStart, qint64 windowEnd,
                             std::vector<ModelRecord> &models) -> Status {
        const QJsonObject parameters{{QStringLiteral("window_days"), o.windowDays},
                                     {QStringLiteral("trees"), o.trees},
                                     {QStringLiteral("sensitivity"), o.sensitivity},
                                     {QStringLiteral("seed"), qint64(o.seed)},
                                     {QStringLiteral("window_start_ms"), windowStart},
                                     {QStringLiteral("window_end_ms"), windowEnd}};
        std::vector<QByteArray> payloads;
        for (const ml::UserTrainRequest &u : users) {
            QByteArray p;
            QDataStream s(&p, QIODevice::WriteOnly);
            s.setVersion(QDataStream::Qt_6_4);
            s << kMagic << kFormat << u.upn << qint32(u.utcOffsetMinutes);
            payloads.push_back(p);
        }
        Result<std::unique_ptr<RemoteBatch>> batch = RemoteBatch::start(db, TrainingWork::kKind, cborOf(parameters), payloads);
        if (!batch)
            return batch.error();
        for (std::size_t i = 0; i < users.size(); ++i) {
            const Result<QByteArray> done = (*batch)->take(waiting, QStringLiteral("train the model of %1").arg(users[i].upn));
            if (!done)
                return done.error();
            Result<ModelRecord> record = decodeModelRecord(*done);
            if (!record)
                return record.error();
            models.push_back(std::move(*record));
        }
        return {};
    };
}

Result<QByteArray> TrainingWork::process(const QByteArray &parameters, const QByteArray &payload)
{
    const QJsonObject p = objectOf(parameters);
    ml::ModelTrainOptions o;
    o.windowDays = p.value(QStringLiteral("window_days")).toInt(o.windowDays);
    o.trees = p.value(QStringLiteral("trees")).toInt(o.trees);
    o.sensitivity = p.value(QStringLiteral("sensitivity")).toDouble(o.sensitivity);
    o.seed = unsigned(p.value(QStringLiteral("seed")).toInteger(o.seed));
    const qint64 windowStart = p.value(QStringLiteral("window_start_ms")).toInteger();
    const qint64 windowEnd = p.value(QStringLiteral("window_end_ms")).toInteger();
    QDataStream s(payload);
    s.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint16 format = 0;
    QString upn;
    qint32 offset = 0;
    s >> magic >> format >> upn >> offset;
    if (magic != kMagic || format != kFormat || s.status() != QDataStream::Ok || windowEnd <= windowStart)
        return Error::badInput(QStringLiteral("A training work item could not be read: was it queued by another "
                                              "version of Backsight?"));
    const Result<std::vector<features::SignInRow>> rows = SignInFeatureQueries(db_).ofUser(upn, windowStart, windowEnd - 1);
    if (!rows)
        return rows.error();
    const Result<ModelRecord> record = ml::trainUserModel(upn, *rows, offset, o, windowStart, windowEnd);
    if (!record)
        return record.error();
    return encodeModelRecord(*record);
}

} // namespace backsight::detect
