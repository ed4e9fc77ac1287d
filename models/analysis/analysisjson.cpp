#include "analysisjson.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace Liq {
namespace {

// Insertion order, so the output reads in the documented order.
using Json = nlohmann::ordered_json;

Json text(const QString &value)
{
    return value.isEmpty() ? Json(nullptr) : Json(value.toStdString());
}

Json number(double value)
{
    return std::isfinite(value) ? Json(value) : Json(nullptr);
}

Json number(const std::optional<double> &value)
{
    return value ? number(*value) : Json(nullptr);
}

Json timeframeJson(const WindowStats &stats)
{
    Json entry;
    entry["window"] = windowLabel(stats.window).toStdString();
    entry["seconds"] = windowSeconds(stats.window);
    entry["long_usd"] = number(stats.amounts.longUsd);
    entry["short_usd"] = number(stats.amounts.shortUsd);
    entry["total_usd"] = number(stats.totalUsd);
    entry["short_share"] = number(stats.shortShare);
    entry["long_short_ratio"] = number(stats.longShortRatio);
    entry["baseline_ratio"] = number(stats.baselineRatio);
    // Which side's liquidations dominate this window: "shorts", "longs", or null.
    entry["dominant_side"] = stats.dominantSide == SqueezeSide::ShortSqueeze ? Json("shorts")
        : stats.dominantSide == SqueezeSide::LongSqueeze                     ? Json("longs")
                                                                             : Json(nullptr);
    return entry;
}

Json signalJson(const SqueezeSignal &signal, bool hasWindows)
{
    Json entry;
    entry["side"] = squeezeSideKey(signal.side).toStdString();
    entry["level"] = squeezeLevelKey(signal.level).toStdString();
    entry["score"] = signal.score;
    entry["basis_window"] = hasWindows ? Json(windowLabel(signal.window).toStdString()) : Json(nullptr);
    entry["dominance"] = number(signal.dominance);
    entry["magnitude"] = number(signal.magnitude);
    entry["agreeing_windows"] = signal.agreeingWindows;
    entry["opposing_windows"] = signal.opposingWindows;
    entry["window_count"] = signal.windowCount;
    entry["quiet"] = signal.quiet;
    return entry;
}

Json bucketJson(const LiquidationBucket &bucket)
{
    Json entry;
    entry["from_hours"] = bucket.fromHours;
    entry["to_hours"] = bucket.toHours;
    entry["long_usd"] = number(bucket.amounts.longUsd);
    entry["short_usd"] = number(bucket.amounts.shortUsd);
    entry["total_usd"] = number(bucket.amounts.total());
    entry["usd_per_hour"] = number(bucket.usdPerHour());
    return entry;
}

Json heaviestJson(const std::optional<LiquidationBucket> &bucket)
{
    if (!bucket)
        return nullptr;
    Json entry;
    entry["from_hours"] = bucket->fromHours;
    entry["to_hours"] = bucket->toHours;
    entry["usd_per_hour"] = number(bucket->usdPerHour());
    entry["long_per_hour"] = number(bucket->longPerHour());
    entry["short_per_hour"] = number(bucket->shortPerHour());
    return entry;
}

} // namespace

QByteArray analysisToJson(const LiquidationSnapshot &snapshot, const MarketAnalysis &analysis,
                          const QStringList &loadWarnings)
{
    Json root;
    root["scope"] = text(snapshot.scope);
    root["source"] = text(snapshot.source);
    root["as_of"]
        = snapshot.asOf.isValid() ? text(snapshot.asOf.toUTC().toString(Qt::ISODate)) : Json(nullptr);

    root["timeframes"] = Json::array();
    for (const WindowStats &stats : analysis.windows)
        root["timeframes"].push_back(timeframeJson(stats));
    root["signal"] = signalJson(analysis.signal, !analysis.windows.isEmpty());
    root["buckets"] = Json::array();
    for (const LiquidationBucket &bucket : analysis.buckets)
        root["buckets"].push_back(bucketJson(bucket));
    root["heaviest_bucket"] = heaviestJson(analysis.heaviestBucket);
    root["momentum"] = analysis.momentum == Momentum::Unknown
        ? Json(nullptr)
        : Json(momentumKey(analysis.momentum).toStdString());
    root["momentum_ratio"] = number(analysis.momentumRatio);

    root["warnings"] = Json::array();
    for (const QString &warning : mergedWarnings(loadWarnings, analysis))
        root["warnings"].push_back(warning.toStdString());

    return QByteArray::fromStdString(root.dump(2, ' ', false, Json::error_handler_t::replace) + '\n');
}

} // namespace Liq
