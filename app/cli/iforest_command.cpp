#include "cli_command.h"
#include "ml/isolation_forest.h"
#include "ml/tabular_csv.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSaveFile>
#include <cmath>

namespace backsight::cli {
namespace {

// One score per row, in input order, under a "score" header; the file appears whole or not at all.
Status writeScores(const QString &path, const std::vector<double> &scores)
{
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return Error::storage(Cli::tr("cannot write %1: %2").arg(path, out.errorString()));
    QByteArray text = "score\n";
    text.reserve(qsizetype(scores.size()) * 20);
    for (double v : scores) {
        text += QByteArray::number(v, 'g', 17);
        text += '\n';
    }
    out.write(text);
    if (!out.commit())
        return Error::storage(Cli::tr("cannot write %1: %2").arg(path, out.errorString()));
    return {};
}

} // namespace

int runIforest(Context &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption csv(QStringLiteral("csv"), Cli::tr("Numeric CSV (.csv or .csv.gz): header x0..xN[,label]."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption trees(QStringLiteral("trees"), Cli::tr("Number of trees (default 100)."), QStringLiteral("N"),
                                   QStringLiteral("100"));
    const QCommandLineOption sample(QStringLiteral("sample"), Cli::tr("Subsample size psi (default 256)."),
                                    QStringLiteral("N"), QStringLiteral("256"));
    const QCommandLineOption seed(QStringLiteral("seed"), Cli::tr("Random seed (default 0)."), QStringLiteral("S"),
                                  QStringLiteral("0"));
    const QCommandLineOption threads(QStringLiteral("threads"), Cli::tr("Threads (default 1; 0 = all cores)."),
                                     QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption extended(QStringLiteral("extended"), Cli::tr("Extended Isolation Forest (random hyperplanes)."));
    const QCommandLineOption scores(QStringLiteral("scores"), Cli::tr("Write one score per row, in input order."),
                                    QStringLiteral("OUT.csv"));
    const QCommandLineOption auc(QStringLiteral("auc"), Cli::tr("Print the ROC AUC against the label column."));
    parser.addOptions({csv, trees, sample, seed, threads, extended, scores, auc});
    const int early = parseOrExit(parser, args, ctx,
                                  Cli::tr("Fits an Isolation Forest on every row of a numeric CSV and scores every row "
                                                 "(s = 2^(-E[h]/c(psi)), scikit-learn's -score_samples)."));
    if (early >= 0)
        return early;
    if (!parser.isSet(csv)) {
        ctx.err << "backsight-cli iforest: " << Cli::tr("--csv FILE is required") << "\n";
        return Usage;
    }
    bool ok1 = false, ok2 = false, ok3 = false, ok4 = false;
    ml::IsolationForestOptions options;
    options.trees = parser.value(trees).toInt(&ok1);
    options.sampleSize = parser.value(sample).toInt(&ok2);
    options.seed = parser.value(seed).toULongLong(&ok3);
    options.threads = parser.value(threads).toInt(&ok4);
    options.extended = parser.isSet(extended);
    if (!ok1 || !ok2 || !ok3 || !ok4 || options.trees <= 0 || options.sampleSize <= 0 || options.threads < 0) {
        ctx.err << "backsight-cli iforest: "
                << Cli::tr("--trees, --sample, --seed and --threads take non-negative integers (trees, sample > 0)") << "\n";
        return Usage;
    }
    const Result<ml::NumericTable> read = ml::readNumericCsv(parser.value(csv));
    if (!read) {
        ctx.err << "backsight-cli iforest: " << read.error().message << "\n";
        return InputRejected;
    }
    const ml::NumericTable &table = *read;
    if (parser.isSet(auc) && table.labels.empty()) {
        ctx.err << "backsight-cli iforest: " << Cli::tr("--auc needs a label column in %1").arg(parser.value(csv)) << "\n";
        return Usage;
    }
    QElapsedTimer timer;
    timer.start();
    ml::IsolationForest forest;
    if (const Status fitted = forest.fit(table.values.data(), table.rows, table.columns(), options); !fitted) {
        ctx.err << "backsight-cli iforest: " << fitted.error().message << "\n";
        return InputRejected;
    }
    const qint64 fitNs = timer.nsecsElapsed();
    std::vector<double> s(table.rows);
    forest.score(table.values.data(), table.rows, s.data(), options.threads);
    const qint64 totalNs = timer.nsecsElapsed();
    if (parser.isSet(scores))
        if (const Status written = writeScores(parser.value(scores), s); !written) {
            ctx.err << "backsight-cli iforest: " << written.error().message << "\n";
            return StorageError;
        }
    ctx.err << Cli::tr("%1 rows x %2 features, %3 trees (psi %4%5): fit %6 ms, score %7 ms\n")
                   .arg(table.rows)
                   .arg(table.columns())
                   .arg(options.trees)
                   .arg(forest.sampleSize())
                   .arg(options.extended ? Cli::tr(", extended") : QString())
                   .arg(double(fitNs) / 1e6, 0, 'f', 2)
                   .arg(double(totalNs - fitNs) / 1e6, 0, 'f', 2);
    if (parser.isSet(auc))
        ctx.out << "auc " << QString::number(ml::rocAuc(s, table.labels), 'f', 6) << "\n";
    return Ok;
}

} // namespace backsight::cli
