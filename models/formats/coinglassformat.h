#pragma once

#include "formats/exchangelistmerge.h"
#include "formats/snapshotreader.h"
#include "jsondocument.h"

namespace Liq {
namespace Formats {

// True when root looks like a CoinGlass response: an envelope {"code", "msg", "data"}, a bare
// array of rows, or the combined exchange-list object {"1h": <envelope>, "4h": ...}.
bool isCoinGlassDocument(const Json &root);

// Reads a CoinGlass coin-list or exchange-list response. An exchange-list does not state its
// window: the combined form names it, otherwise context.windowHint must.
ReadOutcome readCoinGlass(const Json &root, const ReadContext &context);

// mergeExchangeListWindows() before the origin is known: what the combined form is read with.
ReadFailure mergeExchangeListParts(const QList<ExchangeListPart> &parts, LiquidationSnapshot *merged);

} // namespace Formats
} // namespace Liq
