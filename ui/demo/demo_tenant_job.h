#pragma once

#include "jobs/job.h"
#include "simulate/demo_tenant.h"

namespace backsight::ui {

// Writes the synthetic demo tenant on a worker thread, reporting days done as progress.
class DemoTenantJob : public Job
{
    Q_OBJECT
public:
    explicit DemoTenantJob(DemoTenantOptions options, QObject *parent = nullptr);

    // Valid after finished().
    const DemoTenantResult &result() const { return result_; }

protected:
    bool execute(QString &summary) override;

private:
    DemoTenantOptions options_;
    DemoTenantResult result_;
};

} // namespace backsight::ui
