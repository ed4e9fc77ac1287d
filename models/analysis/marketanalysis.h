#pragma once

#include "analysis/analysisconfig.h"
#include "analysis/analysisterms.h"
#include "analysis/squeezesignal.h"
#include "analysis/windowstats.h"
#include "domain/liquidationsnapshot.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace Liq {

// Everything Liqscope reads from one snapshot. The pieces live in windowstats.h (per-window
// figures, buckets, momentum) and squeezesignal.h (the squeeze call and its formula); the
// thresholds and their defaults in analysisconfig.h.
struct MarketAnalysis
{
    QList<WindowStats> windows; // the windows present, shortest first
    QList<LiquidationBucket> buckets; // 0-1h, 1-4h, 4-12h, 12-24h; empty unless all windows present
    std::optional<LiquidationBucket> heaviestBucket; // highest USD per hour
    Momentum momentum = Momentum::Unknown;
    std::optional<double> momentumRatio; // 1h rate / 24h average rate
    SqueezeSignal signal;
    AnalysisConfig config; // the thresholds this analysis was made with
    // What the analysis itself had to correct (an amount that is negative or not a number). Whether
    // the figures agree with each other (nesting, stated totals) is the reader's check
    // (Consistency::check), reported once among the load warnings.
    QStringList warnings;

    // The longest window present (the one a headline quotes), or nullptr.
    const WindowStats *longestWindow() const;
    const WindowStats *stats(TimeWindow window) const;
    // Observed data that does not cover the whole window yet (AnalysisConfig::coverage): views mark it.
    bool isPartial(TimeWindow window) const { return config.coverageOf(window) < 1.0; }
    bool anyPartial() const;
};

// Pure: the same snapshot and config always give the same analysis.
MarketAnalysis analyzeSnapshot(const LiquidationSnapshot &snapshot, const AnalysisConfig &config = {});

// Every warning about a snapshot, the one merge of them: the reader's (loadWarnings) followed by the
// analysis' own, each text once.
QStringList mergedWarnings(const QStringList &loadWarnings, const MarketAnalysis &analysis);

} // namespace Liq
