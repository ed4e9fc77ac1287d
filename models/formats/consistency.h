#pragma once

#include "domain/liquidationsnapshot.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Liq {

// A total the source states next to its long and short amounts (`total_usd`, CoinGlass
// `liquidation_usd_W`), kept so it can be compared with long + short.
struct StatedTotal
{
    QString where; // "totals", "BTC", "Binance"
    TimeWindow window = TimeWindow::H1;
    double statedUsd = 0.0;
    SideAmounts amounts;
};

// The checks every reader applies after a successful read. Published figures are rounded (the
// seed's 4h: $3.70M + $28.02M = $31.72M against a stated $31.71M), so differences within
// RelativeTolerance of the larger value are not reported.
namespace Consistency {

inline constexpr double RelativeTolerance = 0.005;
// Past this many, the remaining warnings are counted in one last line.
inline constexpr int MaxWarnings = 20;

// True when a and b differ by more than RelativeTolerance of the larger magnitude.
bool differsBeyondRounding(double a, double b);

// Warnings, each naming the origin: a shorter window above a longer one (long, short or total,
// for the totals and every breakdown row) and stated totals that are not long + short.
QStringList check(const LiquidationSnapshot &snapshot, const QList<StatedTotal> &statedTotals,
                  const QString &origin);

} // namespace Consistency
} // namespace Liq
