#include "demo/demo_tenant_job.h"

#include <QLocale>

namespace backsight::ui {

DemoTenantJob::DemoTenantJob(DemoTenantOptions options, QObject *parent)
    : Job(tr("Generating demo tenant"), parent), options_(std::move(options))
{
}

bool DemoTenantJob::execute(QString &summary)
{
    result_ = writeDemoTenant(options_, [this](int done, int days) {
        emit progress(done, days, tr("day %1 of %2 · %3 users").arg(done).arg(days).arg(options_.users));
        return !isCancelled();
    });
    if (!result_.ok) {
        summary = tr("Generating the demo tenant failed: %1").arg(result_.error);
        return false;
    }
    const QLocale locale;
    summary = tr("Wrote %1 sign-ins and %2 audit events in %3 files under %4")
                  .arg(locale.toString(result_.signIns), locale.toString(result_.audits),
                       locale.toString(result_.files), options_.outDir);
    return true;
}

} // namespace backsight::ui
