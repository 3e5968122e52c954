#pragma once

#include <QString>
#include <QWidget>

namespace backsight {
class Database;
}

namespace backsight::ui {

// One page of the main window (dashboard, triage, sign-ins, user, timeline, map, training, import). The window
// only knows this interface: it hands every view the GUI thread's database connection, asks it to
// refresh after a job, and shows its one-line summary in the status bar.
class CaseView : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;

    // Shown in the navigation list and the View menu.
    virtual QString title() const = 0;
    // The GUI thread's connection, or null while no case database is open. The view must let go of
    // every query on the old connection before this returns.
    virtual void setDatabase(Database *db) = 0;
    // Re-read the database, keeping filters and sorting.
    virtual void refresh() = 0;
    // Ctrl+F: put the keyboard focus in the view's filter, if it has one.
    virtual void focusFilter() {}

    // True while the view waits for a background read; screenshots and tests wait for loadingChanged(false).
    bool isLoading() const { return loading_; }
    const QString &summary() const { return summary_; }

signals:
    void summaryChanged(const QString &summary);
    void loadingChanged(bool loading);
    // A read or a write failed: the main window shows `message` in its status bar, the one place for errors.
    void problem(const QString &message);

protected:
    void setSummary(const QString &summary)
    {
        if (summary == summary_)
            return;
        summary_ = summary;
        emit summaryChanged(summary_);
    }

    // Every error a view cannot show in its own content goes here, so none is dropped.
    void reportProblem(const QString &message)
    {
        if (!message.isEmpty())
            emit problem(message);
    }

    // True when a read starts, false when the last one the view asked for has arrived (or failed).
    void setLoading(bool loading)
    {
        if (loading == loading_)
            return;
        loading_ = loading;
        emit loadingChanged(loading_);
    }

private:
    QString summary_;
    bool loading_ = false;
};

} // namespace backsight::ui
