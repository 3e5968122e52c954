// Per-user model training time: detect::trainSignInModels on an imported tenant, one thread and all threads.
// Usage: bench_user_models DB.sqlite [threads]. Prints JSON: users, user models, seconds, ms per user model.
#include "detect/sign_in_model_training.h"
#include "ml/user_models.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_user_models DB.sqlite [threads]\n");
        return 1;
    }
    backsight::Database db;
    if (!db.open(QString::fromLocal8Bit(argv[1]))) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error()));
        return 3;
    }
    backsight::ml::ModelTrainOptions o;
    o.threads = argc > 2 ? std::atoi(argv[2]) : 1;
    const backsight::Result<backsight::ml::ModelTrainReport> trained = backsight::detect::trainSignInModels(db, o, {});
    if (!trained) {
        std::fprintf(stderr, "%s\n", qPrintable(trained.error().message));
        return 3;
    }
    const backsight::ml::ModelTrainReport &report = *trained;
    const QJsonObject out{{QStringLiteral("threads"), o.threads},
                          {QStringLiteral("user_models"), report.userModels},
                          {QStringLiteral("tenant_models"), report.tenantModels},
                          {QStringLiteral("events"), report.eventsUsed},
                          {QStringLiteral("seconds"), double(report.elapsedMs) / 1000.0}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
