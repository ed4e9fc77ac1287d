#pragma once

#include "domain/timeline.h"

#include <QDateTime>
#include <QList>
#include <QPair>

namespace Liq {

// Marks as gaps (gap = true) the buckets not fully inside the covered spans [from, to): the times
// something was collecting. Spans may come in any order; overlapping or touching ones join, so a
// bucket watched across a reconnect is not a gap. Invalid or empty spans are ignored. A bucket already
// marked stays marked. When asOf is valid, the part of a bucket after it (the current bucket's future)
// need not be covered: it has not happened yet, so it is not a gap.
void markGaps(Timeline &timeline, const QList<QPair<QDateTime, QDateTime>> &covered,
              const QDateTime &asOf = {});

} // namespace Liq
