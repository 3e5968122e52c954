#pragma once

#include <QDialog>
#include <vector>

class QTableWidget;

namespace backsight {
struct ImportReport;
}

namespace backsight::ui {

// One line of "what was not imported": which file, which record (empty when the whole file was
// rejected) and why, in the importer's own words.
struct ImportProblem
{
    QString file;
    QString record;
    QString reason;
};

std::vector<ImportProblem> listImportProblems(const ImportReport &report);

// Shown after an import that rejected something. Non-modal, so the analyst can keep it open next to
// the table while checking the files; every cell can be selected and copied.
class ImportProblemsDialog : public QDialog
{
    Q_OBJECT
public:
    ImportProblemsDialog(const ImportReport &report, const QString &summary, QWidget *parent = nullptr);

    const QTableWidget *table() const { return table_; }
    // Every problem as tab-separated lines with a header, for a ticket or a spreadsheet.
    QString problemsAsText() const;

private:
    QTableWidget *table_;
    std::vector<ImportProblem> problems_;
};

} // namespace backsight::ui
