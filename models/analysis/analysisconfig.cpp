#include "analysisconfig.h"

namespace Liq {

AnalysisConfig AnalysisConfig::withBaselinesScaled(double factor) const
{
    AnalysisConfig scaled = *this;
    for (double &usd : scaled.baselineUsd)
        usd *= factor;
    return scaled;
}

bool operator==(const AnalysisConfig &a, const AnalysisConfig &b)
{
    return a.dominanceShare == b.dominanceShare && a.fullDominanceShare == b.fullDominanceShare
        && a.baselineUsd == b.baselineUsd && a.fullMagnitude == b.fullMagnitude
        && a.quietMagnitude == b.quietMagnitude && a.mildScore == b.mildScore
        && a.strongScore == b.strongScore && a.extremeScore == b.extremeScore
        && a.acceleratingRatio == b.acceleratingRatio && a.fadingRatio == b.fadingRatio;
}

} // namespace Liq
