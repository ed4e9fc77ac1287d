#pragma once

#include "domain/liquidationevent.h"
#include "domain/liquidationsnapshot.h"

#include <QByteArray>

namespace Liq {
namespace CsvWriter {

// The snapshot as the CSV SnapshotReader reads (RFC 4180 quoting, UTF-8, '\n' line ends): a header
// symbol,window,long_usd,short_usd,total_usd,short_share, then one line per window of the totals (symbol
// "ALL") and of every breakdown row. Amounts are plain decimals that read back to the same doubles;
// total_usd is long + short and short_share (which the reader ignores) is empty when nothing was
// liquidated. Windows a snapshot lacks are left out; the reader wants all four for every symbol, so only
// a complete snapshot reads back. What "Export Tables as CSV" writes.
QByteArray toCsv(const LiquidationSnapshot &snapshot);

// Liquidation events, one line each under the header
// time_utc,exchange,market,instrument,coin,side,price,quantity,usd (ISO times with milliseconds, sides
// "long"/"short", amounts that read back to the same doubles). What --export-events and File > Export
// Events write.
QByteArray eventsToCsv(const QList<LiquidationEvent> &events);

} // namespace CsvWriter
} // namespace Liq
