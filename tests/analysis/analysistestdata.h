#pragma once

// Snapshots built in code for the analysis tests (independent of the formats readers).

#include "domain/liquidationsnapshot.h"

#include <QTimeZone>

#include <initializer_list>

namespace Liq::TestData {

struct WindowRow
{
    TimeWindow window;
    double longUsd;
    double shortUsd;
};

inline LiquidationSnapshot snapshotOf(std::initializer_list<WindowRow> rows)
{
    LiquidationSnapshot snapshot;
    snapshot.asOf = QDateTime(QDate(2026, 11, 20), QTime(14, 0), QTimeZone::utc());
    snapshot.source = QStringLiteral("test");
    snapshot.scope = QStringLiteral("All exchanges");
    for (const WindowRow &row : rows)
        snapshot.totals.set(row.window, {row.longUsd, row.shortUsd});
    return snapshot;
}

// The figures of the reference market report (resources/sample/seed-market.liqscope).
inline LiquidationSnapshot seedSnapshot()
{
    LiquidationSnapshot snapshot = snapshotOf({{TimeWindow::H1, 819.85e3, 6.08e6},
                                               {TimeWindow::H4, 3.70e6, 28.02e6},
                                               {TimeWindow::H12, 49.95e6, 224.86e6},
                                               {TimeWindow::H24, 66.34e6, 330.70e6}});
    snapshot.source = QStringLiteral("Liqscope sample (figures of a published market report)");
    return snapshot;
}

// Every window with the same short share; the 24h total is dayTotal and the shorter windows hold
// 5% (1h), 20% (4h) and 50% (12h) of it, so with the default baselines the 24h window carries the
// magnitude: magnitude == dayTotal / $350M.
inline LiquidationSnapshot uniformSnapshot(double shortShare, double dayTotal)
{
    LiquidationSnapshot snapshot;
    snapshot.asOf = QDateTime(QDate(2026, 11, 20), QTime(14, 0), QTimeZone::utc());
    snapshot.scope = QStringLiteral("All exchanges");
    const std::array<double, TimeWindowCount> fractions{0.05, 0.20, 0.50, 1.0};
    for (TimeWindow window : AllTimeWindows) {
        const double total = dayTotal * fractions[windowIndex(window)];
        snapshot.totals.set(window, {total * (1.0 - shortShare), total * shortShare});
    }
    return snapshot;
}

// Longs and shorts swapped in every window.
inline LiquidationSnapshot mirrored(LiquidationSnapshot snapshot)
{
    for (TimeWindow window : AllTimeWindows) {
        if (snapshot.totals.has(window)) {
            const SideAmounts amounts = snapshot.totals.at(window);
            snapshot.totals.set(window, {amounts.shortUsd, amounts.longUsd});
        }
    }
    return snapshot;
}

// Every amount multiplied by factor.
inline LiquidationSnapshot scaled(LiquidationSnapshot snapshot, double factor)
{
    for (TimeWindow window : AllTimeWindows) {
        if (snapshot.totals.has(window)) {
            const SideAmounts amounts = snapshot.totals.at(window);
            snapshot.totals.set(window, {amounts.longUsd * factor, amounts.shortUsd * factor});
        }
    }
    return snapshot;
}

// A snapshot as the exchange streams build it, with both breakdowns and an Observation: every
// exchange watched for at least watchedSeconds (Binance exactly that, Bybit 2 min more, OKX the whole
// day from its backfill). 52 liquidations (40 longs, 12 shorts), all within the last 38 minutes, the
// largest a $250K BTC long on Binance at 13:51 UTC. Small amounts: without the observation the
// analysis would call this a quiet market.
inline LiquidationSnapshot observedSnapshot(qint64 watchedSeconds)
{
    LiquidationSnapshot snapshot = snapshotOf({{TimeWindow::H1, 1.2e6, 0.3e6},
                                               {TimeWindow::H4, 1.2e6, 0.3e6},
                                               {TimeWindow::H12, 1.2e6, 0.3e6},
                                               {TimeWindow::H24, 1.2e6, 0.3e6}});
    snapshot.source = QStringLiteral("Observed on Binance, Bybit, OKX");
    WindowAmounts btc;
    WindowAmounts eth;
    for (TimeWindow window : AllTimeWindows) {
        btc.set(window, {0.9e6, 0.2e6});
        eth.set(window, {0.3e6, 0.1e6});
    }
    snapshot.breakdownKind = BreakdownKind::Coin;
    snapshot.breakdown = {{QStringLiteral("BTC"), btc}, {QStringLiteral("ETH"), eth}};
    snapshot.otherBreakdownKind = BreakdownKind::Exchange;
    snapshot.otherBreakdown = {{QStringLiteral("Binance"), btc}, {QStringLiteral("OKX"), eth}};

    const LargestLiquidation largest{Exchange::Binance, QStringLiteral("BTC"), LiquidatedSide::Long, 250e3,
                                     snapshot.asOf.addSecs(-9 * 60)};
    std::array<WindowEvents, TimeWindowCount> events;
    events.fill(WindowEvents{40, 12, largest});
    Observation observation;
    observation.events = events;
    observation.coverage = {{Exchange::Binance, snapshot.asOf.addSecs(-watchedSeconds)},
                            {Exchange::Bybit, snapshot.asOf.addSecs(-watchedSeconds - 120)},
                            {Exchange::Okx, snapshot.asOf.addSecs(-24 * 3600)}};
    snapshot.observation = observation;
    return snapshot;
}

} // namespace Liq::TestData

Q_DECLARE_METATYPE(Liq::LiquidationSnapshot)
