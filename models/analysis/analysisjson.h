#pragma once

#include "analysis/marketanalysis.h"

#include <QByteArray>
#include <QStringList>

namespace Liq {

// The machine-readable analysis printed by `liqscope --summary --format json`: UTF-8, indented 2.
//   {"scope", "source", "as_of" (ISO 8601 UTC),
//    "timeframes": [{"window":"1h","seconds":3600,"long_usd","short_usd","total_usd","short_share",
//                    "long_short_ratio","baseline_ratio","dominant_side":"shorts"|"longs"|null}, ...]
//                   (the windows present, shortest first),
//    "signal": {"side","level","score","basis_window","dominance","magnitude","agreeing_windows",
//               "opposing_windows","window_count","quiet"},
//    "buckets": [{"from_hours","to_hours","long_usd","short_usd","total_usd","usd_per_hour"}, ...],
//    "heaviest_bucket": {"from_hours","to_hours","usd_per_hour","long_per_hour","short_per_hour"},
//    "momentum": "accelerating"|"steady"|"fading", "momentum_ratio",
//    "breakdowns": {"coin": [{"name":"BTC","windows":{"1h":{"long_usd","short_usd"}, ...}}, ...],
//                   "exchange": [...]}
//                  (only the kinds the snapshot holds, coin first; the key is absent without any),
//    "warnings": [...]}
// Snapshots built from observed events (an Observation) add, and only they:
//    "observed": true (after "as_of"),
//    "partial": true|false in each "timeframes" entry: the window reaches back before every
//               exchange was being watched, so its figures are incomplete (next to the figures it
//               qualifies, rather than in a map of its own),
//    "events", "largest" and "coverage" (after "breakdowns", before "warnings"):
//    "events": {"1h":{"count","long","short"}, ... all four windows},
//    "largest": {"1h":{"exchange":"Binance","coin":"BTC","side":"long"|"short","usd",
//                      "time":"2026-11-20T13:51:00Z"} or null, ...},
//               (both null when the counts are unknown for this scope, e.g. scoped to one row)
//    "coverage": {"binance":{"observed_since":"...Z" or null,"observed_seconds"}, ...}
//                (keys as exchangeKey(); seconds up to "as_of", 0 while nothing was observed).
// Snapshots without an Observation print exactly the keys above it, so existing scripts keep working.
// null where a value is unknown (an empty window's share, momentum without 1h/24h, no bucket).
// loadWarnings are the reader's warnings, merged with the analysis' own by mergedWarnings().
QByteArray analysisToJson(const LiquidationSnapshot &snapshot, const MarketAnalysis &analysis,
                          const QStringList &loadWarnings);

} // namespace Liq
