#pragma once

#include "domain/timewindow.h"

#include <array>

namespace Liq {

struct LiquidationSnapshot;

// The thresholds of the analysis. The defaults are for the whole market (all coins, all exchanges);
// a single coin or exchange needs smaller baselines (withBaselinesScaled()).
//
// No standard squeeze threshold is published. The defaults follow common desk practice: a side
// dominates at roughly 65-80% of a window, the amount must be large against that window's usual
// size, and the short windows should agree with the long ones. The score formula is documented
// in squeezesignal.h.
struct AnalysisConfig
{
    // Dominance. A side dominates a window when it holds at least dominanceShare of the window's
    // total; in the score it counts in full from fullDominanceShare up.
    double dominanceShare = 0.65;
    double fullDominanceShare = 0.80;

    // Magnitude. Each window's total is compared with a typical busy amount for that window.
    // Grounding (CoinGlass whole-market totals as reported in 2024-2025): an ordinary day
    // liquidates about $100-250M, days that make the news $300-800M, and flushes of $1B+ come a few
    // times a year. $350M per 24h is therefore an active day. The shorter windows get a higher
    // rate per hour (1h $25M/h, 4h $20M/h, 12h $16.7M/h, 24h $14.6M/h) because liquidations come in
    // bursts: an hour merely at the 24h average pace is not notable.
    std::array<double, TimeWindowCount> baselineUsd{25e6, 80e6, 200e6, 350e6};
    // Largest (window total / baseline) at which magnitude counts in full: twice a busy day is a
    // major flush.
    double fullMagnitude = 2.0;
    // Below this largest (window total / baseline) the market is quiet and no squeeze is called,
    // however one-sided it is: 90/10 of a few million dollars is noise, not a squeeze.
    double quietMagnitude = 0.5;

    // Score (0..100) from which each level is called.
    int mildScore = 25;
    int strongScore = 50;
    int extremeScore = 75;

    // Momentum: the latest hour's rate (the 1h total) against the 24h average rate (24h total / 24).
    double acceleratingRatio = 1.5; // at or above: accelerating
    double fadingRatio = 0.67; // at or below: fading; in between: steady

    // Observed data (the exchange streams) sees a fraction of what CoinGlass reports for the whole
    // market: three exchanges of the dozen it aggregates, Binance at most one liquidation per symbol
    // per second, OKX by its own account not all. Their observed totals run at roughly a third of
    // CoinGlass's all-exchange figures, so the baselines of observed data are scaled by this.
    double observedBaselineFactor = 0.35;

    // How much of each window the data covers, 0..1 (1: all of it). Not a setting: forSnapshot() fills
    // it from an observed snapshot, so a partial window is judged against the time actually watched
    // (its baseline and its hourly rate scale with it) and never read as a quiet full window.
    std::array<double, TimeWindowCount> coverage{1.0, 1.0, 1.0, 1.0};

    double baseline(TimeWindow window) const { return baselineUsd[windowIndex(window)]; }
    double coverageOf(TimeWindow window) const { return coverage[windowIndex(window)]; }
    // The thresholds for this snapshot: for observed data, the observed baselines and each window's
    // coverage; otherwise these thresholds unchanged. analyzeSnapshot() applies it.
    AnalysisConfig forSnapshot(const LiquidationSnapshot &snapshot) const;
    // The same thresholds with every baseline multiplied by factor (e.g. 0.4 for BTC alone).
    AnalysisConfig withBaselinesScaled(double factor) const;

    friend bool operator==(const AnalysisConfig &a, const AnalysisConfig &b);
    friend bool operator!=(const AnalysisConfig &a, const AnalysisConfig &b) { return !(a == b); }
};

} // namespace Liq
