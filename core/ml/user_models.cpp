#include "ml/user_models.h"

#include "ml/subject_model.h"

#include <QJsonArray>
#include <algorithm>
#include <functional>

namespace backsight::ml {

namespace {

using features::Context;
using features::SignInRow;

// Why a row stands out, in at most three phrases, and as evidence: for the forest, features that isolate early
// weighted by how far the value sits from the training rows; for the autoencoder, each feature's reconstruction error.
void explain(const SubjectModel &model, const SignInRow &signIn, const Context &context, const float *row,
             QStringList &words, QJsonArray &top)
{
    const int d = model.encoder.dimensions();
    const std::vector<double> contrib = model.isAutoencoder ? model.autoencoder.featureErrors(row)
                                                            : model.forest.featureContributions(row);
    std::vector<std::pair<double, int>> ranked;
    for (int j = 0; j < d; ++j) {
        const double w = model.isAutoencoder ? contrib[j] : contrib[j] * model.encoder.surprise(j, row[j]);
        if (w > 0)
            ranked.emplace_back(w, j);
    }
    std::sort(ranked.begin(), ranked.end(), std::greater<>());
    for (const auto &[w, j] : ranked) {
        const QString text = model.encoder.describe(j, signIn, context);
        if (text.isEmpty() || words.contains(text))
            continue;
        words << text;
        top.append(QJsonObject{{QStringLiteral("feature"), model.encoder.featureNames().at(j)},
                               {QStringLiteral("text"), text},
                               {QStringLiteral("weight"), w}});
        if (words.size() == 3)
            break;
    }
}

// The finding of a row scoring s above the model's threshold.
detect::Finding modelFinding(const QString &upn, const SubjectModel &model, const SignInRow &signIn, double s,
                             const QStringList &words, const QJsonArray &top)
{
    const bool perUser = model.record.scope == QStringLiteral("user");
    const QString kind = model.isAutoencoder ? QStringLiteral("model_autoencoder") : QStringLiteral("model_iforest");
    // Forest scores are already in (0, 1]; a reconstruction error e above threshold t maps to e / (e + t).
    const double unitScore = model.isAutoencoder ? s / (s + model.threshold) : s;
    detect::Finding f;
    f.kind = kind;
    f.subjectType = QStringLiteral("user");
    f.subject = upn;
    f.upn = upn;
    f.timeMs = signIn.createdMs;
    f.eventTable = QStringLiteral("signins");
    f.eventIds = {signIn.id};
    f.score = std::clamp(unitScore, 0.0, 1.0);
    f.success = signIn.errorCode == 0;
    f.interactive = signIn.interactive;
    f.modelId = model.record.id;
    f.reason.detector = kind;
    f.reason.text = QStringLiteral("Unusual for %1 (%2 model, score %3 > %4): %5")
                        .arg(perUser ? QStringLiteral("this user") : QStringLiteral("the tenant"),
                             perUser ? QStringLiteral("per-user") : model.isAutoencoder ? QStringLiteral("tenant autoencoder")
                                                                                       : QStringLiteral("tenant"))
                        .arg(s, 0, 'f', 3)
                        .arg(model.threshold, 0, 'f', 3)
                        .arg(words.isEmpty() ? QStringLiteral("no single feature stands out") : words.join(QStringLiteral(", ")));
    f.reason.evidence = {{QStringLiteral("score"), s},
                         {QStringLiteral("threshold"), model.threshold},
                         {QStringLiteral("model_id"), model.record.id},
                         {QStringLiteral("model_scope"), model.record.scope},
                         {QStringLiteral("model_version"), model.record.version},
                         {QStringLiteral("top_features"), top}};
    return f;
}

// Scores `rows` (one user's sign-ins by time, the day before the scored ones included for context) whose rowid is in
// (fromRowId, toRowId] and whose time is at or after the model's window end with `model`; appends the findings above its threshold, in time order. Safe on any thread:
// it only reads the model.
void scoreUser(const QString &upn, const SubjectModel &model, const std::vector<SignInRow> &rows, qint64 fromRowId,
               qint64 toRowId, std::vector<detect::Finding> &out)
{
    const std::vector<Context> ctx = features::computeContext(rows);
    const int d = model.encoder.dimensions();
    std::vector<std::size_t> scored;
    std::vector<float> x;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        // Point in time: a model judges only what came after the window it learnt from.
        if (rows[i].rowId <= fromRowId || rows[i].rowId > toRowId || rows[i].createdMs < model.record.windowEndMs)
            continue;
        scored.push_back(i);
        model.encoder.encode(rows[i], ctx[i], x);
    }
    if (scored.empty())
        return;
    std::vector<double> scores(scored.size());
    if (model.isAutoencoder)
        model.autoencoder.score(x.data(), qint64(scored.size()), scores.data());
    else
        model.forest.score(x.data(), qint64(scored.size()), scores.data(), 1);
    for (std::size_t k = 0; k < scored.size(); ++k) {
        const double s = scores[k];
        if (!(s > model.threshold))
            continue;
        const std::size_t i = scored[k];
        QStringList words;
        QJsonArray top;
        explain(model, rows[i], ctx[i], x.data() + k * std::size_t(d), words, top);
        out.push_back(modelFinding(upn, model, rows[i], s, words, top));
    }
}

} // namespace

SignInModels::SignInModels() = default;
SignInModels::~SignInModels() = default;

void SignInModels::clear()
{
    users_.clear();
    tenant_.reset();
    tenantAutoencoder_.reset();
}

Status SignInModels::add(ModelRecord r)
{
    if (r.kind != QStringLiteral("iforest") && r.kind != QStringLiteral("autoencoder"))
        return {}; // other helpers' models (backup servers) share the table
    if (r.scope != QStringLiteral("user") && r.scope != QStringLiteral("tenant"))
        return {};
    auto m = std::make_unique<SubjectModel>();
    m->isAutoencoder = r.kind == QStringLiteral("autoencoder");
    if (const Status unpacked = unpackModel(r.data, *m); !unpacked)
        return Error::badInput(QStringLiteral("Model %1 (%2 %3 v%4): %5")
                                   .arg(r.id)
                                   .arg(r.scope, r.subject)
                                   .arg(r.version)
                                   .arg(unpacked.error().message));
    if (!m->isAutoencoder)
        m->forest.keepOnlyScoringTables(); // a third of the memory: thousands of users' forests are held at once
    m->threshold = r.threshold;
    r.data = QByteArray();
    m->record = std::move(r);
    if (m->record.scope == QStringLiteral("user"))
        users_[m->record.subject] = std::move(m);
    else if (m->isAutoencoder)
        tenantAutoencoder_ = std::move(m);
    else
        tenant_ = std::move(m);
    return {};
}

bool SignInModels::empty() const
{
    return users_.empty() && !tenant_ && !tenantAutoencoder_;
}

const SubjectModel *SignInModels::modelFor(const QString &upn) const
{
    if (const auto it = users_.find(upn); it != users_.end())
        return it->second.get();
    return tenantAutoencoder_ ? tenantAutoencoder_.get() : tenant_.get();
}

bool SignInModels::judges(const QString &upn) const
{
    return modelFor(upn) != nullptr;
}

void SignInModels::score(const QString &upn, const std::vector<SignInRow> &rows, qint64 fromRowId, qint64 toRowId,
                         std::vector<detect::Finding> &out) const
{
    if (const SubjectModel *model = modelFor(upn))
        scoreUser(upn, *model, rows, fromRowId, toRowId, out);
}

} // namespace backsight::ml
