#pragma once

#include "cli_command.h"
#include "detect/sensitivity_backtest.h"

namespace backsight::cli {

// `detect --backtest`: per sensitivity setting, the anomalies per severity it would raise over the case.
void printBacktest(Context &ctx, const detect::SensitivityBacktest &backtest, int current, bool json);

} // namespace backsight::cli
