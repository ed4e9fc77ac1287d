#pragma once

#include "domain/liquidationevent.h"
#include "domain/timewindow.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace Liq {

// The largest single liquidation of a window.
struct LargestLiquidation
{
    Exchange exchange = Exchange::Binance;
    QString coin;
    LiquidatedSide side = LiquidatedSide::Long;
    double usd = 0;
    QDateTime time; // UTC

    friend bool operator==(const LargestLiquidation &a, const LargestLiquidation &b)
    {
        return a.exchange == b.exchange && a.coin == b.coin && a.side == b.side && a.usd == b.usd
            && a.time == b.time;
    }
};

// How many liquidations a window holds, and the largest of them.
struct WindowEvents
{
    int longCount = 0;
    int shortCount = 0;
    std::optional<LargestLiquidation> largest;

    int count() const { return longCount + shortCount; }
    friend bool operator==(const WindowEvents &a, const WindowEvents &b)
    {
        return a.longCount == b.longCount && a.shortCount == b.shortCount && a.largest == b.largest;
    }
};

// Since when one exchange has been observed without a gap.
struct ExchangeCoverage
{
    Exchange exchange = Exchange::Binance;
    QDateTime observedSince; // UTC; invalid while nothing has been observed yet

    friend bool operator==(const ExchangeCoverage &a, const ExchangeCoverage &b)
    {
        return a.exchange == b.exchange && a.observedSince == b.observedSince;
    }
};

// What a snapshot built from observed events knows beyond the amounts (exchange streams, an event
// store): counts, the largest liquidations, and how much of each window was actually watched.
// Streams undercount (Binance sends at most one liquidation per symbol per second, OKX's channel is
// partial), so such totals are "observed", and a window reaching back before the watch began is
// "partial": it must never read as a quiet market.
struct Observation
{
    // Per window; nullopt when the counts are not known for this scope (a snapshot scoped to one
    // breakdown row keeps its coverage, but the counts were of the whole market).
    std::optional<std::array<WindowEvents, TimeWindowCount>> events;
    QList<ExchangeCoverage> coverage; // one per exchange observed

    // Precondition: events.
    const WindowEvents &eventsIn(TimeWindow window) const { return (*events)[size_t(windowIndex(window))]; }
    // The start of the span every exchange has covered: the latest observedSince (invalid when an
    // exchange has observed nothing yet, or there are none).
    QDateTime coveredSince() const;
    // Seconds covered by every exchange up to asOf (0 when nothing is covered).
    qint64 coveredSeconds(const QDateTime &asOf) const;
    // True when the window reaches back before coveredSince().
    bool isPartial(TimeWindow window, const QDateTime &asOf) const;
    // The windows that are partial and how long was watched, in one phrase for cards and status lines:
    // "4h, 12h and 24h partial: 38 min observed"; empty when no window is partial. Translatable.
    QString partialText(const QDateTime &asOf) const;
    // "Binance, Bybit, OKX": the exchanges observed.
    QString exchangeList() const;

    friend bool operator==(const Observation &a, const Observation &b)
    {
        return a.events == b.events && a.coverage == b.coverage;
    }
};

} // namespace Liq
