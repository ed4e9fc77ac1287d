#include "analysisconfig.h"

#include "domain/liquidationsnapshot.h"

#include <algorithm>

namespace Liq {

AnalysisConfig AnalysisConfig::withBaselinesScaled(double factor) const
{
    AnalysisConfig scaled = *this;
    for (double &usd : scaled.baselineUsd)
        usd *= factor;
    return scaled;
}

namespace {
constexpr double MinimumJudgedSeconds = 15 * 60;
} // namespace

AnalysisConfig AnalysisConfig::forSnapshot(const LiquidationSnapshot &snapshot) const
{
    if (!snapshot.observation)
        return *this;
    AnalysisConfig observed = withBaselinesScaled(observedBaselineFactor);
    const double covered = double(snapshot.observation->coveredSeconds(snapshot.asOf));
    for (TimeWindow window : AllTimeWindows) {
        // A few seconds watched would make any amount look enormous: the baseline never shrinks below a
        // quarter of an hour's worth (the window's coverage, for the pace, stays what it is).
        const double share = std::clamp(covered / double(windowSeconds(window)), 0.0, 1.0);
        const double judged
            = std::clamp(std::max(covered, MinimumJudgedSeconds) / double(windowSeconds(window)), 0.0, 1.0);
        observed.coverage[windowIndex(window)] = share;
        observed.baselineUsd[windowIndex(window)] *= judged;
    }
    return observed;
}

bool operator==(const AnalysisConfig &a, const AnalysisConfig &b)
{
    return a.dominanceShare == b.dominanceShare && a.fullDominanceShare == b.fullDominanceShare
        && a.baselineUsd == b.baselineUsd && a.fullMagnitude == b.fullMagnitude
        && a.quietMagnitude == b.quietMagnitude && a.mildScore == b.mildScore
        && a.strongScore == b.strongScore && a.extremeScore == b.extremeScore
        && a.acceleratingRatio == b.acceleratingRatio && a.fadingRatio == b.fadingRatio
        && a.observedBaselineFactor == b.observedBaselineFactor && a.coverage == b.coverage;
}

} // namespace Liq
