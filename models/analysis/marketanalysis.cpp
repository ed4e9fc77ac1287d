#include "marketanalysis.h"

#include <algorithm>

namespace Liq {

const WindowStats *MarketAnalysis::longestWindow() const
{
    return windows.isEmpty() ? nullptr : &windows.constLast();
}

const WindowStats *MarketAnalysis::stats(TimeWindow window) const
{
    for (const WindowStats &entry : windows) {
        if (entry.window == window)
            return &entry;
    }
    return nullptr;
}

MarketAnalysis analyzeSnapshot(const LiquidationSnapshot &snapshot, const AnalysisConfig &givenConfig)
{
    // Observed data is judged against observed baselines, over the time it covers.
    const AnalysisConfig config = givenConfig.forSnapshot(snapshot);
    MarketAnalysis analysis;
    analysis.config = config;
    const WindowAmounts amounts = sanitizedAmounts(snapshot.totals, &analysis.warnings);
    analysis.windows = computeWindowStats(amounts, config);
    analysis.buckets = computeBuckets(amounts);
    analysis.heaviestBucket = heaviestBucket(analysis.buckets);
    const MomentumReading momentum = computeMomentum(amounts, config);
    analysis.momentum = momentum.momentum;
    analysis.momentumRatio = momentum.ratio;
    analysis.signal = computeSqueezeSignal(analysis.windows, config);
    return analysis;
}

bool MarketAnalysis::anyPartial() const
{
    return std::any_of(AllTimeWindows.cbegin(), AllTimeWindows.cend(),
                       [this](TimeWindow window) { return isPartial(window); });
}

QStringList mergedWarnings(const QStringList &loadWarnings, const MarketAnalysis &analysis)
{
    QStringList warnings = loadWarnings + analysis.warnings;
    warnings.removeDuplicates();
    return warnings;
}

} // namespace Liq
