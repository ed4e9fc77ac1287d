#include "windowstats.h"

#include "domain/money.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace Liq {
namespace {

// A finite, non-negative amount; anything else becomes 0 with a warning naming window and side.
double sanitizedUsd(double usd, TimeWindow window, const char *side, QStringList *warnings)
{
    if (std::isfinite(usd) && usd >= 0.0)
        return usd;
    if (warnings) {
        const QString problem = std::isfinite(usd)
            ? QCoreApplication::translate("Liq::Analysis", "are negative (%1)").arg(formatUsd(usd))
            : QCoreApplication::translate("Liq::Analysis", "are not a finite number");
        warnings->append(
            QCoreApplication::translate("Liq::Analysis", "%1 %2 %3: counted as $0.")
                .arg(windowLabel(window), QCoreApplication::translate("Liq::Analysis", side), problem));
    }
    return 0.0;
}

} // namespace

WindowAmounts sanitizedAmounts(const WindowAmounts &amounts, QStringList *warnings)
{
    WindowAmounts clean;
    for (TimeWindow window : AllTimeWindows) {
        if (!amounts.has(window))
            continue;
        const SideAmounts &raw = amounts.at(window);
        clean.set(
            window,
            {sanitizedUsd(raw.longUsd, window, QT_TRANSLATE_NOOP("Liq::Analysis", "longs"), warnings),
             sanitizedUsd(raw.shortUsd, window, QT_TRANSLATE_NOOP("Liq::Analysis", "shorts"), warnings)});
    }
    return clean;
}

SqueezeSide dominantSideOf(const SideAmounts &amounts, const AnalysisConfig &config)
{
    const double total = amounts.total();
    if (!(total > 0.0))
        return SqueezeSide::Balanced;
    // Above one half so that at most one side can dominate, whatever the config says. Each share
    // is divided out on its own so mirrored amounts give exactly mirrored answers.
    const double threshold = std::max(config.dominanceShare, 0.5 + 1e-9);
    if (amounts.shortUsd / total >= threshold)
        return SqueezeSide::ShortSqueeze;
    if (amounts.longUsd / total >= threshold)
        return SqueezeSide::LongSqueeze;
    return SqueezeSide::Balanced;
}

QList<WindowStats> computeWindowStats(const WindowAmounts &amounts, const AnalysisConfig &config)
{
    QList<WindowStats> stats;
    for (TimeWindow window : AllTimeWindows) {
        if (!amounts.has(window))
            continue;
        WindowStats entry;
        entry.window = window;
        entry.amounts = amounts.at(window);
        entry.totalUsd = entry.amounts.total();
        entry.shortShare = entry.amounts.shortShare();
        entry.longShortRatio = entry.amounts.longShortRatio();
        const double baseline = config.baseline(window);
        entry.baselineRatio = baseline > 0.0 ? entry.totalUsd / baseline : 0.0;
        entry.dominantSide = dominantSideOf(entry.amounts, config);
        stats.append(entry);
    }
    return stats;
}

QList<LiquidationBucket> computeBuckets(const WindowAmounts &amounts)
{
    if (!amounts.isComplete())
        return {};
    QList<LiquidationBucket> buckets;
    SideAmounts inner; // the next shorter window; nothing before the first
    int fromHours = 0;
    for (TimeWindow window : AllTimeWindows) {
        const SideAmounts &outer = amounts.at(window);
        LiquidationBucket bucket;
        bucket.fromHours = fromHours;
        bucket.toHours = windowHours(window);
        // Rounding (or windows refreshed at slightly different times) can make this negative.
        bucket.amounts.longUsd = std::max(0.0, outer.longUsd - inner.longUsd);
        bucket.amounts.shortUsd = std::max(0.0, outer.shortUsd - inner.shortUsd);
        buckets.append(bucket);
        fromHours = bucket.toHours;
        inner = outer;
    }
    return buckets;
}

std::optional<LiquidationBucket> heaviestBucket(const QList<LiquidationBucket> &buckets)
{
    std::optional<LiquidationBucket> heaviest;
    for (const LiquidationBucket &bucket : buckets) {
        if (bucket.usdPerHour() > 0.0 && (!heaviest || bucket.usdPerHour() > heaviest->usdPerHour()))
            heaviest = bucket;
    }
    return heaviest;
}

MomentumReading computeMomentum(const WindowAmounts &amounts, const AnalysisConfig &config)
{
    if (!amounts.has(TimeWindow::H1) || !amounts.has(TimeWindow::H24))
        return {};
    const double dayTotal = amounts.at(TimeWindow::H24).total();
    if (!(dayTotal > 0.0))
        return {};
    // Rates per hour actually covered: with 38 minutes watched, both windows hold the same 38 minutes.
    const double dayHours = windowHours(TimeWindow::H24) * config.coverageOf(TimeWindow::H24);
    const double hourHours = windowHours(TimeWindow::H1) * config.coverageOf(TimeWindow::H1);
    if (!(dayHours > 0.0) || !(hourHours > 0.0))
        return {};
    const double averagePerHour = dayTotal / dayHours;
    const double ratio = amounts.at(TimeWindow::H1).total() / hourHours / averagePerHour;
    MomentumReading reading;
    reading.ratio = ratio;
    if (ratio >= config.acceleratingRatio)
        reading.momentum = Momentum::Accelerating;
    else if (ratio <= config.fadingRatio)
        reading.momentum = Momentum::Fading;
    else
        reading.momentum = Momentum::Steady;
    return reading;
}

double shareOfMarket(const WindowAmounts &market, const WindowAmounts &part, double minimumShare)
{
    for (auto it = AllTimeWindows.rbegin(); it != AllTimeWindows.rend(); ++it) {
        if (!part.has(*it) || !market.has(*it))
            continue;
        const double marketUsd = market.at(*it).total();
        if (marketUsd <= 0.0)
            return 1.0;
        return std::clamp(part.at(*it).total() / marketUsd, minimumShare, 1.0);
    }
    return 1.0;
}

} // namespace Liq
