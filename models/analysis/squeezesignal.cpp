#include "squeezesignal.h"

#include <algorithm>
#include <cmath>

namespace Liq {
namespace {

constexpr double DominanceFloor = 0.4; // D at the dominance threshold
constexpr double AgreementBase = 0.6; // A with no votes either way
constexpr double AgreementSwing = 0.4; // A moves this far for unanimous votes

SqueezeSide oppositeOf(SqueezeSide side)
{
    switch (side) {
    case SqueezeSide::ShortSqueeze: return SqueezeSide::LongSqueeze;
    case SqueezeSide::LongSqueeze: return SqueezeSide::ShortSqueeze;
    case SqueezeSide::Balanced: break;
    }
    return SqueezeSide::Balanced;
}

double dominanceFactor(double share, const AnalysisConfig &config)
{
    const double span = config.fullDominanceShare - config.dominanceShare;
    const double progress = span > 0.0 ? std::clamp((share - config.dominanceShare) / span, 0.0, 1.0) : 1.0;
    return DominanceFloor + (1.0 - DominanceFloor) * progress;
}

double magnitudeFactor(double magnitude, const AnalysisConfig &config)
{
    if (!(config.fullMagnitude > 0.0))
        return magnitude > 0.0 ? 1.0 : 0.0;
    return std::clamp(magnitude / config.fullMagnitude, 0.0, 1.0);
}

SqueezeLevel levelFor(int score, const AnalysisConfig &config)
{
    if (score >= config.extremeScore)
        return SqueezeLevel::Extreme;
    if (score >= config.strongScore)
        return SqueezeLevel::Strong;
    if (score >= config.mildScore)
        return SqueezeLevel::Mild;
    return SqueezeLevel::None;
}

} // namespace

SqueezeSignal computeSqueezeSignal(const QList<WindowStats> &windows, const AnalysisConfig &config)
{
    SqueezeSignal signal;
    signal.windowCount = int(windows.size());
    if (windows.isEmpty())
        return signal;

    const WindowStats &basis = windows.constLast(); // shortest first: the last is the longest
    signal.window = basis.window;
    if (basis.totalUsd > 0.0)
        signal.dominance = std::max(basis.amounts.longUsd, basis.amounts.shortUsd) / basis.totalUsd;
    for (const WindowStats &stats : windows)
        signal.magnitude = std::max(signal.magnitude, stats.baselineRatio);
    signal.quiet = signal.magnitude < config.quietMagnitude;

    signal.side = basis.dominantSide;
    if (signal.side == SqueezeSide::Balanced)
        return signal;

    double votes = 0.0;
    for (const WindowStats &stats : windows) {
        if (stats.dominantSide == signal.side)
            ++signal.agreeingWindows;
        else if (stats.dominantSide == oppositeOf(signal.side))
            ++signal.opposingWindows;
        if (stats.window != basis.window)
            votes += stats.dominantSide == signal.side        ? 1.0
                : stats.dominantSide == SqueezeSide::Balanced ? 0.0
                                                              : -1.0;
    }
    const int voters = signal.windowCount - 1;
    const double agreement = AgreementBase + AgreementSwing * (voters > 0 ? votes / voters : 0.0);

    const double product
        = dominanceFactor(signal.dominance, config) * magnitudeFactor(signal.magnitude, config) * agreement;
    signal.score = std::clamp(int(std::lround(100.0 * product)), 0, 100);
    signal.level = signal.quiet ? SqueezeLevel::None : levelFor(signal.score, config);
    return signal;
}

} // namespace Liq
