#pragma once

#include "analysis/analysisconfig.h"
#include "analysis/analysisterms.h"
#include "domain/sideamounts.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace Liq {

// Per window: the published cumulative figures and how they compare with the window's baseline.
struct WindowStats
{
    TimeWindow window = TimeWindow::H1;
    SideAmounts amounts;
    double totalUsd = 0.0;
    std::optional<double> shortShare; // [0, 1]; nullopt when nothing was liquidated
    std::optional<double> longShortRatio; // longs / shorts; nullopt when no shorts were liquidated
    double baselineRatio = 0.0; // totalUsd / the window's baseline; 0 without a positive baseline
    // The side whose liquidations dominate this window (share >= AnalysisConfig::dominanceShare).
    SqueezeSide dominantSide = SqueezeSide::Balanced;
};

// A disjoint slice of the last 24 hours, derived from the nested windows (e.g. 4h minus 1h).
struct LiquidationBucket
{
    int fromHours = 0; // hours before as-of where the bucket starts (0, 1, 4, 12)
    int toHours = 0; // ... and ends (1, 4, 12, 24)
    SideAmounts amounts; // clamped at zero where rounding makes a difference negative

    int hours() const { return toHours - fromHours; }
    double usdPerHour() const { return hours() > 0 ? amounts.total() / hours() : 0.0; }
    double longPerHour() const { return hours() > 0 ? amounts.longUsd / hours() : 0.0; }
    double shortPerHour() const { return hours() > 0 ? amounts.shortUsd / hours() : 0.0; }
};

struct MomentumReading
{
    Momentum momentum = Momentum::Unknown;
    std::optional<double> ratio; // 1h rate / 24h average rate
};

// Non-finite or negative amounts become 0, each with a warning: the analysis never sees NaN.
WindowAmounts sanitizedAmounts(const WindowAmounts &amounts, QStringList *warnings);

// The side dominating amounts under config (Balanced when neither side reaches dominanceShare).
SqueezeSide dominantSideOf(const SideAmounts &amounts, const AnalysisConfig &config);

// One entry per window present, shortest first.
QList<WindowStats> computeWindowStats(const WindowAmounts &amounts, const AnalysisConfig &config);

// 0-1h, 1-4h, 4-12h and 12-24h: each window minus the next shorter one. Empty unless all four
// windows are present. A side whose difference is negative is clamped at 0.
QList<LiquidationBucket> computeBuckets(const WindowAmounts &amounts);

// The bucket with the highest USD per hour (the most recent wins a tie); nullopt when there is no
// bucket or all are empty.
std::optional<LiquidationBucket> heaviestBucket(const QList<LiquidationBucket> &buckets);

// A part of the market's share of it (one coin's, one exchange's), from the longest window both have
// (the steadiest), clamped to [minimumShare, 1]; 1 when no window tells (or the market is empty). The
// scoped dashboard and the alerts of one coin judge it against the baselines scaled by this.
double shareOfMarket(const WindowAmounts &market, const WindowAmounts &part, double minimumShare);

// The latest hour's rate (the 1h total) against the 24h average rate (24h total / 24):
//   ratio >= config.acceleratingRatio (1.5)  -> Accelerating
//   ratio <= config.fadingRatio (0.67)        -> Fading
//   otherwise                                  -> Steady
// Unknown (and no ratio) when the 1h or 24h window is missing or the 24h total is 0.
MomentumReading computeMomentum(const WindowAmounts &amounts, const AnalysisConfig &config);

} // namespace Liq
