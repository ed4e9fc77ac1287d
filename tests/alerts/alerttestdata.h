#pragma once

// Snapshots and liquidations built in code for the alert tests, at the injected clock's time.

#include "analysis/marketanalysis.h"
#include "domain/liquidationevent.h"
#include "domain/liquidationsnapshot.h"

#include <array>

namespace Liq::AlertTestData {

// 2026-11-20 14:00 UTC: the engine starts here.
inline constexpr qint64 T0 = 1795183200000;

// Every window with the same short share; the 24h total is dayTotal and the shorter windows hold 5% (1h),
// 20% (4h) and 50% (12h) of it. With the default thresholds a 90/10 market scores
// round(100 * min(dayTotal / $700M, 1)): strong (50) from $350M.
inline WindowAmounts uniformAmounts(double shortShare, double dayTotal, double hourFraction = 0.05)
{
    WindowAmounts amounts;
    const std::array<double, TimeWindowCount> fractions{hourFraction, 0.20, 0.50, 1.0};
    for (TimeWindow window : AllTimeWindows) {
        const double total = dayTotal * fractions[windowIndex(window)];
        amounts.set(window, {total * (1.0 - shortShare), total * shortShare});
    }
    return amounts;
}

inline LiquidationSnapshot marketAt(qint64 ms, double shortShare, double dayTotal, double hourFraction = 0.05)
{
    LiquidationSnapshot snapshot;
    snapshot.asOf = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    snapshot.scope = QStringLiteral("All exchanges");
    snapshot.totals = uniformAmounts(shortShare, dayTotal, hourFraction);
    return snapshot;
}

inline WindowAmounts sum(const WindowAmounts &a, const WindowAmounts &b)
{
    WindowAmounts total;
    for (TimeWindow window : AllTimeWindows)
        total.set(
            window,
            {a.at(window).longUsd + b.at(window).longUsd, a.at(window).shortUsd + b.at(window).shortUsd});
    return total;
}

// BTC squeezed (90% shorts, btcDay in 24h), ETH balanced ($200M a day), broken down by coin and by
// exchange (Binance: BTC's figures, OKX: ETH's).
inline LiquidationSnapshot coinsAt(qint64 ms, double btcDay)
{
    const WindowAmounts btc = uniformAmounts(0.9, btcDay);
    const WindowAmounts eth = uniformAmounts(0.5, 200e6);
    LiquidationSnapshot snapshot;
    snapshot.asOf = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    snapshot.totals = sum(btc, eth);
    snapshot.breakdownKind = BreakdownKind::Coin;
    snapshot.breakdown = {{QStringLiteral("BTC"), btc}, {QStringLiteral("ETH"), eth}};
    snapshot.otherBreakdownKind = BreakdownKind::Exchange;
    snapshot.otherBreakdown = {{QStringLiteral("Binance"), btc}, {QStringLiteral("OKX"), eth}};
    return snapshot;
}

inline LiquidationEvent liquidation(qint64 ms, double usd, LiquidatedSide side,
                                    const QString &coin = QStringLiteral("BTC"),
                                    Exchange exchange = Exchange::Binance)
{
    LiquidationEvent event;
    event.exchange = exchange;
    event.coin = coin;
    event.instrument = coin + QStringLiteral("USDT");
    event.side = side;
    event.usd = usd;
    event.exchangeTimeMs = ms;
    event.receiveTimeMs = ms;
    return event;
}

} // namespace Liq::AlertTestData
