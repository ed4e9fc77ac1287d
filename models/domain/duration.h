#pragma once

#include <QString>

namespace Liq {

// A duration for people, as precise as it is useful: "45 s", "12 min", "3 h 5 min", "3 days" (from
// 48 hours on). Negative durations (clocks a little apart) read as "0 s". Translatable (context
// "Liq::Duration").
QString formatDuration(qint64 seconds);

} // namespace Liq
