#pragma once

#include "domain/sideamounts.h"

#include <QDateTime>
#include <QList>

namespace Liq {

// One bar of the 24h timeline: what was liquidated in [start, start + minutes).
struct TimelineBucket
{
    QDateTime start; // UTC, aligned to the bucket size
    int minutes = 1; // 1, 5, 15 or 60
    SideAmounts amounts;
    int count = 0; // liquidations in it
    // Nothing was watching during (part of) it: drawn as a gap, never as a calm stretch.
    bool gap = false;

    friend bool operator==(const TimelineBucket &a, const TimelineBucket &b)
    {
        return a.start == b.start && a.minutes == b.minutes && a.amounts == b.amounts && a.count == b.count
            && a.gap == b.gap;
    }
};

// Oldest first, contiguous, covering the last 24 h.
using Timeline = QList<TimelineBucket>;

} // namespace Liq
