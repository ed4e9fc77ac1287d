#pragma once

#include "domain/liquidationsnapshot.h"

#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace Liq {

// Per window: the published cumulative figures.
struct WindowStats
{
    TimeWindow window = TimeWindow::H1;
    SideAmounts amounts;
    double totalUsd = 0.0;
    std::optional<double> shortShare; // [0, 1]
    std::optional<double> longShortRatio; // longs / shorts
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

enum class Momentum { Unknown, Accelerating, Steady, Fading };
enum class SqueezeSide { Balanced, ShortSqueeze, LongSqueeze };
enum class SqueezeLevel { None, Mild, Strong, Extreme };

// Stable keys used in JSON output and settings: "short_squeeze", "strong", "fading", ...
QString momentumKey(Momentum momentum);
QString squeezeSideKey(SqueezeSide side);
QString squeezeLevelKey(SqueezeLevel level);
// Words for people: "short squeeze", "strong", "fading", ...
QString squeezeSideText(SqueezeSide side);
QString squeezeLevelText(SqueezeLevel level);

// Thresholds, with documented defaults for the whole market (all coins, all exchanges).
struct AnalysisConfig
{
    // A side dominates a window when it holds at least this share of the window's total.
    double dominanceShare = 0.65;
    // Typical whole-market liquidations per window: the magnitude is judged against these.
    std::array<double, TimeWindowCount> baselineUsd{25e6, 80e6, 200e6, 350e6};
    // Latest hour's rate against the 24h average rate.
    double acceleratingRatio = 1.5; // at or above: accelerating
    double fadingRatio = 0.67; // at or below: fading; between: steady

    friend bool operator==(const AnalysisConfig &a, const AnalysisConfig &b);
};

struct SqueezeSignal
{
    SqueezeSide side = SqueezeSide::Balanced;
    SqueezeLevel level = SqueezeLevel::None;
    int score = 0; // 0..100: how strong the evidence for the side is
    // Components behind the score, for the indicator's tooltip and tests.
    double dominance = 0.0; // the dominant side's share of 24h (or the longest window present)
    double magnitude = 0.0; // the largest window total against its baseline
    int agreeingWindows = 0; // windows where the same side dominates
};

struct MarketAnalysis
{
    QList<WindowStats> windows; // the windows present, shortest first
    QList<LiquidationBucket> buckets; // 0-1h, 1-4h, 4-12h, 12-24h; empty unless all windows present
    std::optional<LiquidationBucket> heaviestBucket; // highest USD per hour
    Momentum momentum = Momentum::Unknown;
    std::optional<double> momentumRatio; // 1h rate / 24h average rate
    SqueezeSignal signal;
    QStringList
        warnings; // inconsistencies noticed by the analysis (e.g. a window smaller than a shorter one)
};

// Pure: the same snapshot and config always give the same analysis.
MarketAnalysis analyzeSnapshot(const LiquidationSnapshot &snapshot, const AnalysisConfig &config = {});

} // namespace Liq
