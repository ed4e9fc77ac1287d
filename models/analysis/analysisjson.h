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
//    "momentum": "accelerating"|"steady"|"fading", "momentum_ratio", "warnings": [...]}
// null where a value is unknown (an empty window's share, momentum without 1h/24h, no bucket).
// loadWarnings are the reader's warnings, merged with the analysis' own by mergedWarnings().
QByteArray analysisToJson(const LiquidationSnapshot &snapshot, const MarketAnalysis &analysis,
                          const QStringList &loadWarnings);

} // namespace Liq
