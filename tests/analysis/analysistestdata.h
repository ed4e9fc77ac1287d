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

} // namespace Liq::TestData

Q_DECLARE_METATYPE(Liq::LiquidationSnapshot)
