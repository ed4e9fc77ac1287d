#pragma once

#include "domain/liquidationevent.h"

#include <QList>
#include <QString>

namespace Liq {

// A span of time during which one exchange was watched without a gap.
struct CoverageSpan
{
    Exchange exchange = Exchange::Binance;
    qint64 sinceMs = 0;
    qint64 untilMs = 0;

    friend bool operator==(const CoverageSpan &a, const CoverageSpan &b)
    {
        return a.exchange == b.exchange && a.sinceMs == b.sinceMs && a.untilMs == b.untilMs;
    }
};

// The exchange's span that reaches furthest; untilMs 0 when the exchange has none.
inline CoverageSpan latestSpan(const QList<CoverageSpan> &spans, Exchange exchange)
{
    CoverageSpan latest;
    latest.exchange = exchange;
    for (const CoverageSpan &span : spans) {
        if (span.exchange == exchange && span.untilMs > latest.untilMs)
            latest = span;
    }
    return latest;
}

// Per-minute totals of one exchange × coin × side: what the 4h/12h/24h windows and the timeline are made
// of, so reading a day never means reading every event.
struct MinuteTotal
{
    qint64 minute = 0; // minutes since the epoch (UTC)
    Exchange exchange = Exchange::Binance;
    QString coin;
    LiquidatedSide side = LiquidatedSide::Long;
    double usd = 0;
    int count = 0;
    double largestUsd = 0;
};

} // namespace Liq
