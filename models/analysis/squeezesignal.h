#pragma once

#include "analysis/windowstats.h"

namespace Liq {

// The squeeze call and the components behind it (for the indicator's tooltip and the tests).
struct SqueezeSignal
{
    SqueezeSide side = SqueezeSide::Balanced;
    SqueezeLevel level = SqueezeLevel::None;
    int score = 0; // 0..100: how strong the evidence for the side is
    TimeWindow window = TimeWindow::H24; // the basis: 24h, or the longest window present
    double dominance = 0.0; // the larger side's share of the basis window, [0.5, 1]; 0 when empty
    double magnitude = 0.0; // the largest (window total / baseline) over the windows present
    int agreeingWindows = 0; // windows (the basis included) where the side dominates
    int opposingWindows = 0; // windows where the other side dominates
    int windowCount = 0; // windows present
    bool quiet = false; // magnitude below AnalysisConfig::quietMagnitude
};

// How the score is made (all thresholds from AnalysisConfig, defaults in brackets):
//
//   side       The side holding at least dominanceShare [65%] of the basis window (24h, or the
//              longest window present); Balanced otherwise.
//   D          Dominance factor: 0 when balanced, else
//              0.4 + 0.6 * clamp((share - dominanceShare) / (fullDominanceShare - dominanceShare), 0, 1)
//              i.e. 0.4 at 65%, rising linearly to 1 at fullDominanceShare [80%] and above.
//   M          Magnitude factor: clamp(magnitude / fullMagnitude [2], 0, 1), where magnitude is the
//              largest window total / baseline [1h $25M, 4h $80M, 12h $200M, 24h $350M]. Taking
//              the largest lets a sustained 12h squeeze count even when the last hour is calm.
//   A          Agreement factor: every other window present votes +1 when the same side dominates
//              it, -1 when the other side does, 0 when neither does; A = 0.6 + 0.4 * mean vote, in
//              [0.2, 1]. With a single window nothing can confirm the call: A = 0.6.
//   score      round(100 * D * M * A)
//   level      None when balanced or quiet (magnitude < quietMagnitude [0.5]); otherwise Extreme
//              from extremeScore [75], Strong from strongScore [50], Mild from mildScore [25],
//              else None.
//
// The product means every component is needed: a one-sided but small market, or a large but
// balanced one, stays at None. The score never falls when the dominant share, the amounts or the
// number of agreeing windows grow, and mirrored long/short amounts give the same score and level.
// With the defaults, a fully one-sided market whose windows all agree reads Mild from half a
// baseline, Strong from one baseline and Extreme from 1.5 baselines.
SqueezeSignal computeSqueezeSignal(const QList<WindowStats> &windows, const AnalysisConfig &config);

} // namespace Liq
