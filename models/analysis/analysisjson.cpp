#include "analysisjson.h"

#include <algorithm>
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

Json timeJson(const QDateTime &time)
{
    return time.isValid() ? Json(time.toUTC().toString(Qt::ISODate).toStdString()) : Json(nullptr);
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

// {"1h":{"long_usd","short_usd"}, ...}: the windows present, shortest first.
Json windowAmountsJson(const WindowAmounts &amounts)
{
    Json windows = Json::object();
    for (TimeWindow window : AllTimeWindows) {
        if (!amounts.has(window))
            continue;
        Json entry;
        entry["long_usd"] = number(amounts.at(window).longUsd);
        entry["short_usd"] = number(amounts.at(window).shortUsd);
        windows[windowLabel(window).toStdString()] = entry;
    }
    return windows;
}

Json breakdownRowsJson(const QList<BreakdownRow> &rows)
{
    Json array = Json::array();
    for (const BreakdownRow &row : rows) {
        Json entry;
        entry["name"] = row.name.toStdString();
        entry["windows"] = windowAmountsJson(row.amounts);
        array.push_back(entry);
    }
    return array;
}

// {"coin":[...], "exchange":[...]}: the kinds the snapshot holds, always in that order so scripts
// do not depend on which one the user was looking at; null when it holds none.
Json breakdownsJson(const LiquidationSnapshot &snapshot)
{
    const QList<BreakdownKind> kinds = snapshot.breakdownKinds();
    if (kinds.isEmpty())
        return nullptr;
    Json breakdowns = Json::object();
    for (BreakdownKind kind : {BreakdownKind::Coin, BreakdownKind::Exchange}) {
        if (kinds.contains(kind))
            breakdowns[breakdownKindKey(kind).toStdString()]
                = breakdownRowsJson(snapshot.showingBreakdown(kind).breakdown);
    }
    return breakdowns;
}

Json largestJson(const std::optional<LargestLiquidation> &largest)
{
    if (!largest)
        return nullptr;
    Json entry;
    entry["exchange"] = exchangeName(largest->exchange).toStdString();
    entry["coin"] = largest->coin.toStdString();
    entry["side"] = largest->side == LiquidatedSide::Long ? "long" : "short";
    entry["usd"] = number(largest->usd);
    entry["time"] = timeJson(largest->time);
    return entry;
}

// Adds "events" and "largest" (null when the counts are unknown for this scope) and "coverage".
void addObservation(Json &root, const Observation &observation, const QDateTime &asOf)
{
    if (observation.events) {
        Json events = Json::object();
        Json largest = Json::object();
        for (TimeWindow window : AllTimeWindows) {
            const WindowEvents &counts = observation.eventsIn(window);
            const std::string label = windowLabel(window).toStdString();
            events[label]
                = {{"count", counts.count()}, {"long", counts.longCount}, {"short", counts.shortCount}};
            largest[label] = largestJson(counts.largest);
        }
        root["events"] = events;
        root["largest"] = largest;
    } else {
        root["events"] = nullptr;
        root["largest"] = nullptr;
    }
    Json coverage = Json::object();
    for (const ExchangeCoverage &exchange : observation.coverage) {
        const bool seen = exchange.observedSince.isValid() && asOf.isValid();
        Json entry;
        entry["observed_since"] = timeJson(exchange.observedSince);
        entry["observed_seconds"] = seen ? std::max<qint64>(0, exchange.observedSince.secsTo(asOf)) : 0;
        coverage[exchangeKey(exchange.exchange).toStdString()] = entry;
    }
    root["coverage"] = coverage;
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

    const std::optional<Observation> &observation = snapshot.observation;
    if (observation)
        root["observed"] = true;

    root["timeframes"] = Json::array();
    for (const WindowStats &stats : analysis.windows) {
        Json entry = timeframeJson(stats);
        if (observation)
            entry["partial"] = observation->isPartial(stats.window, snapshot.asOf);
        root["timeframes"].push_back(entry);
    }
    root["signal"] = signalJson(analysis.signal, !analysis.windows.isEmpty());
    root["buckets"] = Json::array();
    for (const LiquidationBucket &bucket : analysis.buckets)
        root["buckets"].push_back(bucketJson(bucket));
    root["heaviest_bucket"] = heaviestJson(analysis.heaviestBucket);
    root["momentum"] = analysis.momentum == Momentum::Unknown
        ? Json(nullptr)
        : Json(momentumKey(analysis.momentum).toStdString());
    root["momentum_ratio"] = number(analysis.momentumRatio);

    const Json breakdowns = breakdownsJson(snapshot);
    if (!breakdowns.is_null())
        root["breakdowns"] = breakdowns;
    if (observation)
        addObservation(root, *observation, snapshot.asOf);

    root["warnings"] = Json::array();
    for (const QString &warning : mergedWarnings(loadWarnings, analysis))
        root["warnings"].push_back(warning.toStdString());

    return QByteArray::fromStdString(root.dump(2, ' ', false, Json::error_handler_t::replace) + '\n');
}

} // namespace Liq
