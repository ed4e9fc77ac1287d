#pragma once

#include "analysis/marketanalysis.h"

#include <QString>

namespace Liq {

// The interpretive sections of MarketSummary, one function each; internal to the summary.

// The squeeze call, how large and how consistent it is, and what it says about positioning.
QString signalReading(const MarketAnalysis &analysis);
// Where in the last 24h the damage sat, sustained move or spike, and the pace now.
QString timingReading(const MarketAnalysis &analysis);
// What to watch next.
QString bottomLineReading(const MarketAnalysis &analysis);

} // namespace Liq
