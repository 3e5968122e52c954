#include "dialogs/import_problems_dialog.h"

#include "ingest/importer.h"
#include "widgets/table_copy.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace backsight::ui {
namespace {

// The importer names a record as "record 12: why" or "record 12 (line 40): why".
ImportProblem splitRecordError(const QString &file, const QString &text)
{
    const int colon = text.indexOf(QStringLiteral(": "));
    if (text.startsWith(QLatin1String("record ")) && colon > 0)
        return {file, text.left(colon), text.mid(colon + 2)};
    return {file, QString(), text};
}

} // namespace

std::vector<ImportProblem> listImportProblems(const ImportReport &report)
{
    std::vector<ImportProblem> list;
    if (!report.storageError.isEmpty())
        list.push_back({ImportProblemsDialog::tr("(case database)"), QString(), report.storageError});
    for (const InputProblem &p : report.problems)
        list.push_back({p.path, QString(), p.message});
    for (const SourceReport &s : report.sources) {
        if (!s.error.isEmpty())
            list.push_back({s.path, ImportProblemsDialog::tr("whole file"), s.error});
        for (const QString &e : s.recordErrors)
            list.push_back(splitRecordError(s.path, e));
        const qint64 unlisted = s.rejected - qint64(s.recordErrors.size());
        if (s.error.isEmpty() && unlisted > 0)
            list.push_back({s.path, QString(),
                            ImportProblemsDialog::tr("%1 more records rejected (not listed)")
                                .arg(QLocale().toString(unlisted))});
    }
    return list;
}

ImportProblemsDialog::ImportProblemsDialog(const ImportReport &report, const QString &summary, QWidget *parent)
    : QDialog(parent), table_(new QTableWidget(this)), problems_(listImportProblems(report))
{
    setObjectName(QStringLiteral("importProblemsDialog"));
    setWindowTitle(tr("Import problems"));
    auto *heading = new QLabel(summary, this);
    heading->setTextFormat(Qt::PlainText);
    heading->setWordWrap(true);
    auto *explanation = new QLabel(tr("A rejected file was not imported at all. A rejected record was skipped; "
                                      "the rest of its file was imported."),
                                   this);
    explanation->setWordWrap(true);

    table_->setObjectName(QStringLiteral("importProblemsTable"));
    table_->setColumnCount(3);
    table_->setHorizontalHeaderLabels({tr("File"), tr("Record"), tr("Reason")});
    table_->setRowCount(int(problems_.size()));
    for (int row = 0; row < int(problems_.size()); ++row) {
        const ImportProblem &p = problems_[size_t(row)];
        int column = 0;
        for (const QString &text : {p.file, p.record, p.reason}) {
            auto *item = new QTableWidgetItem(text);
            item->setToolTip(text);
            table_->setItem(row, column++, item);
        }
    }
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->resizeColumnsToContents();
    table_->setColumnWidth(0, std::min(table_->columnWidth(0), 420));
    makeCopyable(table_);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copyAll = buttons->addButton(tr("Copy all"), QDialogButtonBox::ActionRole);
    connect(copyAll, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(problemsAsText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(explanation);
    layout->addWidget(table_, 1);
    layout->addWidget(buttons);
    resize(900, 420);
}

QString ImportProblemsDialog::problemsAsText() const
{
    QStringList lines{tr("File") + QLatin1Char('\t') + tr("Record") + QLatin1Char('\t') + tr("Reason")};
    for (const ImportProblem &p : problems_)
        lines << QStringList{p.file, p.record, p.reason}.join(QLatin1Char('\t'));
    return lines.join(QLatin1Char('\n'));
}

} // namespace backsight::ui
