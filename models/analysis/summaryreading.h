#pragma once

#include "analysis/marketanalysis.h"

#include <QList>
#include <QString>

#include <array>

namespace Liq {

// The interpretive sections of MarketSummary, one function each; internal to the summary.

// Which windows of an observed snapshot reach back before every exchange was being watched. Nothing
// is partial for other snapshots (files, CoinGlass), so their wording stays as it was.
struct WindowCoverage
{
    std::array<bool, TimeWindowCount> partial{};
    qint64 observedSeconds = 0; // how long every exchange has been watched, up to the as-of time

    bool isPartial(TimeWindow window) const { return partial[size_t(windowIndex(window))]; }
    // The partial windows among those the analysis holds, shortest first.
    QList<TimeWindow> partialWindows(const MarketAnalysis &analysis) const;
};
WindowCoverage windowCoverage(const LiquidationSnapshot &snapshot);

// "12h: partial, 38 min observed" for a partial window; its label otherwise.
QString windowHeading(TimeWindow window, const WindowCoverage &coverage);
// "the 12h and 24h windows are partial (only 38 min observed)"; empty when none is.
QString partialClause(const MarketAnalysis &analysis, const WindowCoverage &coverage);

// What an observed snapshot is: where it was observed, for how long, how many liquidations, the
// largest one. Empty for other snapshots.
QString observationReading(const LiquidationSnapshot &snapshot, const MarketAnalysis &analysis);
// The squeeze call, how large and how consistent it is, and what it says about positioning.
QString signalReading(const MarketAnalysis &analysis, const WindowCoverage &coverage = {});
// Where in the last 24h the damage sat, sustained move or spike, and the pace now.
QString timingReading(const MarketAnalysis &analysis, const WindowCoverage &coverage = {});
// What to watch next.
QString bottomLineReading(const MarketAnalysis &analysis, const WindowCoverage &coverage = {});

} // namespace Liq
