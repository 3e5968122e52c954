#pragma once

// Moved to core/store (all SQL lives there); this forwarding header keeps detector code that still names the old
// path compiling until its includes are updated.
#include "store/anomaly_repository.h"
