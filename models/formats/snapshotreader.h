#pragma once

#include "formats/loadresult.h"

#include <QByteArray>

namespace Liq {

namespace SnapshotReader {

// Detects the format from the content alone (never the file name) and reads it. A UTF-8 BOM and
// surrounding whitespace are ignored. Read:
// - the Liqscope snapshot format (version 1; see SnapshotWriter);
// - CoinGlass coin-list responses (v4 envelope or bare data array; v4, v3 camelCase and older
//   field spellings; amounts as numbers or numeric strings): totals are the sums of the coins,
//   which become the breakdown; asOf is context.fallbackAsOf;
// - CoinGlass exchange-list responses: one window, named by context.windowHint, or the combined
//   object {"1h": <response>, "4h": ...}; the "All" row is the total, the others the breakdown;
// - CSV with a header naming window, long_usd, short_usd and optionally symbol and total_usd.
// Failures carry one single-line message naming context.origin, what is wrong and where;
// inconsistent but readable data loads with warnings.
LoadResult read(const QByteArray &bytes, const ReadContext &context);

} // namespace SnapshotReader
} // namespace Liq
