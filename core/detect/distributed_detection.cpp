#include "detect/sign_in_model_training.h"
#include "detect/distributed_detection.h"

#include "ml/user_models.h"
#include "store/database.h"

#include <QCborValue>
#include <QDataStream>
#include <QIODevice>
#include <QJsonObject>

namespace backsight::detect {
namespace {

constexpr quint32 kMagic = 0x42535755; // "BSWU"
constexpr quint16 kFormat = 1;

QByteArray cborOf(const QJsonObject &o)
{
    return QCborValue::fromJsonValue(o).toCbor();
}

QJsonObject objectOf(const QByteArray &cbor)
{
    return QCborValue::fromCbor(cbor).toJsonValue().toObject();
}

void write(QDataStream &s, const Finding &f)
{
    s << f.kind << f.subjectType << f.subject << f.upn << f.timeMs << f.endMs.has_value() << f.endMs.value_or(0)
      << f.eventTable << f.eventIds << f.score << f.threatScore.has_value() << qint32(f.threatScore.value_or(0))
      << f.success << f.interactive << f.learning << f.privileged << f.knownDevice << f.reason.detector
      << f.reason.text << cborOf(f.reason.evidence) << f.baselineId << f.modelId;
}

void read(QDataStream &s, Finding &f)
{
    bool hasEnd = false, hasThreat = false;
    qint64 end = 0;
    qint32 threat = 0;
    QByteArray evidence;
    s >> f.kind >> f.subjectType >> f.subject >> f.upn >> f.timeMs >> hasEnd >> end >> f.eventTable >> f.eventIds
        >> f.score >> hasThreat >> threat >> f.success >> f.interactive >> f.learning >> f.privileged >> f.knownDevice
        >> f.reason.detector >> f.reason.text >> evidence >> f.baselineId >> f.modelId;
    f.endMs = hasEnd ? std::optional<qint64>(end) : std::nullopt;
    f.threatScore = hasThreat ? std::optional<int>(threat) : std::nullopt;
    f.reason.evidence = objectOf(evidence);
}

void write(QDataStream &s, const std::vector<Finding> &findings)
{
    s << quint32(findings.size());
    for (const Finding &f : findings)
        write(s, f);
}

bool read(QDataStream &s, std::vector<Finding> &findings)
{
    quint32 n = 0;
    s >> n;
    if (s.status() != QDataStream::Ok || n > 10'000'000)
        return false;
    findings.resize(n);
    for (Finding &f : findings)
        read(s, f);
    return s.status() == QDataStream::Ok;
}

Error malformed(const QString &what)
{
    return Error::storage(QStringLiteral("A worker's result (%1) could not be read: was it written by another version "
                                         "of Backsight?").arg(what));
}

QByteArray encodeUser(const UserSignInRange &u)
{
    QByteArray out;
    QDataStream s(&out, QIODevice::WriteOnly);
    s.setVersion(QDataStream::Qt_6_4);
    s << kMagic << kFormat << u.upn << u.minMs << u.maxMs;
    return out;
}

std::optional<UserSignInRange> decodeUser(const QByteArray &data)
{
    QDataStream s(data);
    s.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint16 format = 0;
    UserSignInRange u;
    s >> magic >> format >> u.upn >> u.minMs >> u.maxMs;
    if (magic != kMagic || format != kFormat || s.status() != QDataStream::Ok)
        return std::nullopt;
    return u;
}

} // namespace

QByteArray encodeFindings(const std::vector<Finding> &findings)
{
    QByteArray out;
    QDataStream s(&out, QIODevice::WriteOnly);
    s.setVersion(QDataStream::Qt_6_4);
    s << kMagic << kFormat;
    write(s, findings);
    return out;
}

Result<std::vector<Finding>> decodeFindings(const QByteArray &data)
{
    QDataStream s(data);
    s.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint16 format = 0;
    s >> magic >> format;
    std::vector<Finding> out;
    if (magic != kMagic || format != kFormat || !read(s, out))
        return malformed(QStringLiteral("findings"));
    return out;
}

QByteArray encodeExaminedUser(const ExaminedUser &user)
{
    QByteArray out;
    QDataStream s(&out, QIODevice::WriteOnly);
    s.setVersion(QDataStream::Qt_6_4);
    s << kMagic << kFormat;
    write(s, user.result.findings);
    s << quint32(user.result.days.size());
    for (const auto &[day, aggregate] : user.result.days)
        s << day << aggregate.serialize();
    s << user.result.windowEndDay << user.result.window << user.signInsExamined << user.unknownErrorCodes;
    write(s, user.modelFindings);
    return out;
}

Result<ExaminedUser> decodeExaminedUser(const QByteArray &data)
{
    QDataStream s(data);
    s.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0, days = 0;
    quint16 format = 0;
    s >> magic >> format;
    ExaminedUser user;
    if (magic != kMagic || format != kFormat || !read(s, user.result.findings))
        return malformed(QStringLiteral("a user's findings"));
    s >> days;
    for (quint32 i = 0; i < days && s.status() == QDataStream::Ok; ++i) {
        qint64 day = 0;
        QByteArray bytes;
        s >> day >> bytes;
        std::optional<baseline::DayAggregate> a = baseline::DayAggregate::deserialize(bytes);
        if (!a)
            return malformed(QStringLiteral("a day of sign-ins"));
        a->day = day;
        user.result.days.emplace(day, std::move(*a));
    }
    s >> user.result.windowEndDay >> user.result.window >> user.signInsExamined >> user.unknownErrorCodes;
    if (s.status() != QDataStream::Ok || !read(s, user.modelFindings))
        return malformed(QStringLiteral("a user's baseline window"));
    return user;
}

// ---- the command's side

Result<std::unique_ptr<RemoteExaminers>> RemoteExaminers::start(Database &db, const DetectionParameters &params,
                                                                qint64 fromRowId, qint64 toRowId, bool signInModels,
                                                                const std::vector<UserSignInRange> &users)
{
    const QJsonObject parameters{{QStringLiteral("params"), params.toJson()},
                                 {QStringLiteral("from_rowid"), fromRowId},
                                 {QStringLiteral("to_rowid"), toRowId},
                                 {QStringLiteral("sign_in_models"), signInModels}};
    std::vector<QByteArray> payloads;
    payloads.reserve(users.size());
    for (const UserSignInRange &u : users)
        payloads.push_back(encodeUser(u));
    Result<std::unique_ptr<RemoteBatch>> batch = RemoteBatch::start(db, DetectionWork::kKind, cborOf(parameters), payloads);
    if (!batch)
        return batch.error();
    return std::unique_ptr<RemoteExaminers>(new RemoteExaminers(std::move(*batch)));
}

Result<ExaminedUser> RemoteExaminers::take(const Waiting &waiting)
{
    const Result<QByteArray> result = batch_->take(waiting, QStringLiteral("examine a user"));
    if (!result)
        return result.error();
    return decodeExaminedUser(*result);
}

// ---- the worker's side

const QString DetectionWork::kKind = QStringLiteral("detect");

struct DetectionWork::Batch
{
    qint64 id = 0;
    DetectOptions options;
    qint64 fromRowId = 0, toRowId = 0;
    QHash<QString, std::pair<qint64, qint64>> baselines;
    ml::SignInModels models;
    std::optional<DetectionQueries> queries;
    std::optional<StoreTenantFacts> tenant;
    std::optional<UserExaminer> examiner;
};

DetectionWork::DetectionWork(Database &db) : db_(db) {}
DetectionWork::~DetectionWork() = default;

Status DetectionWork::prepare(qint64 batchId, const QByteArray &parameters)
{
    if (batch_ && batch_->id == batchId)
        return {};
    batch_.reset();
    auto b = std::make_unique<Batch>();
    b->id = batchId;
    const QJsonObject p = objectOf(parameters);
    b->options.params = DetectionParameters::fromJson(p.value(QStringLiteral("params")).toObject());
    b->fromRowId = p.value(QStringLiteral("from_rowid")).toInteger();
    b->toRowId = p.value(QStringLiteral("to_rowid")).toInteger();
    DetectionRunRepository runs(db_);
    Result<QHash<QString, std::pair<qint64, qint64>>> baselines = runs.newestBaselines();
    if (!baselines)
        return baselines.error();
    b->baselines = std::move(*baselines);
    if (p.value(QStringLiteral("sign_in_models")).toBool())
        if (const Status loaded = loadSignInModels(db_, b->models); !loaded)
            return Error{loaded.error().category, QStringLiteral("Loading the sign-in models: %1").arg(loaded.error().message)};
    b->queries.emplace(db_);
    b->tenant.emplace(db_, *b->queries, b->options.params.sharedIpMinUsers);
    b->examiner.emplace(db_, b->options, *b->tenant, b->baselines);
    batch_ = std::move(b);
    return {};
}

Result<QByteArray> DetectionWork::process(qint64 batchId, const QByteArray &parameters, const QByteArray &payload)
{
    if (Status s = prepare(batchId, parameters); !s)
        return s.error();
    const std::optional<UserSignInRange> user = decodeUser(payload);
    if (!user)
        return Error::badInput(QStringLiteral("A detection work item could not be read: was it queued by another "
                                              "version of Backsight?"));
    Batch &b = *batch_;
    const bool modelRows = !b.models.empty() && b.models.judges(user->upn);
    ExaminedUser out;
    DetectReport counts;
    if (Status s = b.examiner->examine(*user, b.fromRowId, b.toRowId, modelRows, out.result, counts); !s)
        return s.error();
    if (Status s = b.tenant->status(); !s)
        return s.error();
    if (modelRows)
        b.models.score(user->upn, out.result.modelRows, b.fromRowId, b.toRowId, out.modelFindings);
    out.result.modelRows.clear();
    out.signInsExamined = counts.signInsExamined;
    out.unknownErrorCodes = counts.unknownErrorCodes;
    return encodeExaminedUser(out);
}

} // namespace backsight::detect
