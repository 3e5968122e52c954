#include "view_screenshots.h"

#include "main_window.h"
#include "views/case_view.h"
#include "views/map/travel_map_view.h"
#include "views/timeline/timeline_view.h"
#include "views/triage/incident_list.h"
#include "views/signins/sign_ins_model.h"
#include "views/signins/sign_ins_view.h"
#include "views/triage/triage_model.h"
#include "views/triage/triage_view.h"

#include <QCoreApplication>
#include <QDir>
#include <QPixmap>
#include <QTableView>
#include <QTimer>

namespace backsight::ui {
namespace {

constexpr int kPollMs = 50;
constexpr int kMaxWaitMs = 120'000; // a view that has not loaded in two minutes is shot as it is

} // namespace

ViewScreenshots::ViewScreenshots(MainWindow &window, QString folder, QObject *parent)
    : QObject(parent), window_(window), folder_(std::move(folder)), poll_(new QTimer(this))
{
    poll_->setInterval(kPollMs);
    connect(poll_, &QTimer::timeout, this, &ViewScreenshots::waitUntilLoaded);
}

QString ViewScreenshots::fileName(const CaseView *view)
{
    // From the class, not the (translated) title, so the names stay the same in every language:
    // backsight::ui::TravelMapView → "travel-map.png".
    QString name = QString::fromLatin1(view->metaObject()->className()).section(QStringLiteral("::"), -1);
    if (name.endsWith(QLatin1String("View")))
        name.chop(4);
    QString file;
    for (const QChar c : std::as_const(name)) {
        if (c.isUpper() && !file.isEmpty())
            file += QLatin1Char('-');
        file += c.toLower();
    }
    return file + QStringLiteral(".png");
}

void ViewScreenshots::start()
{
    if (!QDir().mkpath(folder_)) {
        emit finished(false, tr("cannot create the screenshot folder %1").arg(folder_), {});
        return;
    }
    window_.resize(kWidth, kHeight);
    pending_ = window_.views().all();
    total_ = int(pending_.size());
    next();
}

void ViewScreenshots::next()
{
    if (pending_.isEmpty()) {
        emit finished(true, QString(), files_);
        return;
    }
    current_ = pending_.takeFirst();
    window_.showView(current_);
    prepare(current_);
    waitedMs_ = 0;
    poll_->start();
}

// Points the views that need a subject at the most severe anomaly, so every shot shows something real.
void ViewScreenshots::prepare(CaseView *view)
{
    const CaseViews &v = window_.views();
    const TriageRow *top = v.triage->model()->row(0);
    if (view == v.triage && top)
        v.triage->selectRow(0);
    if (view == v.timeline) {
        // The newest identity ↔ backup incident when there is one (its link between the lanes), else the tenant.
        const std::vector<Incident> &incidents = v.triage->incidentList()->incidents();
        if (!incidents.empty())
            v.timeline->showIncident(incidents.front().id, incidents.front().firstMs, incidents.front().lastMs);
        else
            v.timeline->showUser(QString()); // the whole tenant: the histogram says more than one user's day
    }
    if (!top || top->user.isEmpty() || top->subjectType != QLatin1String("user"))
        return;
    if (view == v.map)
        v.map->showUser(top->user, top->timeMs);
}

void ViewScreenshots::waitUntilLoaded()
{
    waitedMs_ += kPollMs;
    // Triage's queue must be in before it can pick a row; everything else just has to finish loading.
    const CaseViews &v = window_.views();
    if (current_ == v.triage && !v.triage->model()->isLoading() && v.triage->model()->rowCount() > 0
        && v.triage->table()->selectionModel()->selectedRows().isEmpty())
        v.triage->selectRow(0);
    if (current_->isLoading() && waitedMs_ < kMaxWaitMs)
        return;
    // The sign-ins view shows its detail pane (the network of the sign-in among its fields) for the newest sign-in.
    if (current_ == v.signIns && !signInPicked_ && v.signIns->model()->rowCount() > 0) {
        signInPicked_ = true;
        v.signIns->selectRow(0);
        return;
    }
    poll_->stop();
    // Let the layout and the charts settle after the last result arrived.
    QTimer::singleShot(150, this, &ViewScreenshots::shoot);
}

void ViewScreenshots::shoot()
{
    QCoreApplication::processEvents();
    const QString path = QDir(folder_).filePath(fileName(current_));
    if (!window_.grab().save(path)) {
        emit finished(false, tr("cannot write the screenshot %1").arg(path), files_);
        return;
    }
    files_ << path;
    emit progress(int(files_.size()), total_, path);
    next();
}

} // namespace backsight::ui
