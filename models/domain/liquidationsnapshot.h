#pragma once

#include "observation.h"
#include "sideamounts.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Liq {

// What the rows of a breakdown are.
enum class BreakdownKind { None, Coin, Exchange };

// "coin", "exchange" or "" (the spelling in Liqscope snapshot files).
QString breakdownKindKey(BreakdownKind kind);
std::optional<BreakdownKind> breakdownKindFromKey(QStringView key);

struct BreakdownRow
{
    QString name; // "BTC", "Binance", ...
    WindowAmounts amounts;

    friend bool operator==(const BreakdownRow &a, const BreakdownRow &b)
    {
        return a.name == b.name && a.amounts == b.amounts;
    }
    friend bool operator!=(const BreakdownRow &a, const BreakdownRow &b) { return !(a == b); }
};

// Liquidations over the rolling windows ending at asOf, for one scope (the whole market, one
// coin, one exchange), optionally broken down per coin or per exchange.
struct LiquidationSnapshot
{
    QDateTime asOf; // UTC
    QString source; // where it came from: "CoinGlass coin-list", "Liqscope demo feed", ...
    QString scope; // what it covers: "All exchanges", "BTC", ...
    WindowAmounts totals;
    BreakdownKind breakdownKind = BreakdownKind::None;
    QList<BreakdownRow> breakdown;
    // A second breakdown of the same moment by the other kind, for sources that know both (exchange
    // streams, an event store); None and empty otherwise.
    BreakdownKind otherBreakdownKind = BreakdownKind::None;
    QList<BreakdownRow> otherBreakdown;
    // Counts, largest liquidations and coverage, for snapshots built from observed events.
    std::optional<Observation> observation;

    bool isValid() const { return !totals.isEmpty(); }

    // The same moment seen through one breakdown row: its amounts become the totals, its name the
    // scope; the breakdown itself is dropped. Precondition: 0 <= row < breakdown.size().
    LiquidationSnapshot scopedTo(int row) const;
    // The kinds of breakdown this snapshot holds, the shown one first.
    QList<BreakdownKind> breakdownKinds() const;
    // The same snapshot showing the breakdown of that kind (the two swap places); itself when it has
    // no such breakdown or already shows it.
    LiquidationSnapshot showingBreakdown(BreakdownKind kind) const;
    // Index of the breakdown row with that name (case-insensitive), or -1.
    int breakdownRowNamed(QStringView name) const;

    friend bool operator==(const LiquidationSnapshot &a, const LiquidationSnapshot &b);
    friend bool operator!=(const LiquidationSnapshot &a, const LiquidationSnapshot &b) { return !(a == b); }
};

} // namespace Liq
