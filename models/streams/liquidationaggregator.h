#pragma once

#include "domain/eventtotals.h"
#include "domain/liquidationevent.h"
#include "domain/liquidationsnapshot.h"
#include "domain/timeline.h"

#include <QHash>

#include <array>
#include <optional>
#include <vector>

namespace Liq {

// Rolling 1h / 4h / 12h / 24h totals built from liquidation events, per exchange × coin × side.
// Events go into one-second buckets for the last hour (the 1h window is exact to the second at both
// edges) and one-minute buckets for the day (the far edge of 4h, 12h and 24h moves a minute at a
// time, so those windows are at most 59 s short). Each window keeps running sums that are added to
// as events arrive and subtracted from as buckets leave it, so a snapshot costs one pass over the
// series, not over the events. Memory is bounded by the distinct (series, side) pairs per bucket,
// whatever the event rate. Time is the caller's: advanceTo() moves the windows' end.
class LiquidationAggregator
{
public:
    // The largest single liquidation of a window.
    struct Largest
    {
        Exchange exchange = Exchange::Binance;
        QString coin;
        LiquidatedSide side = LiquidatedSide::Long;
        double usd = 0;
        qint64 timeMs = 0;
    };
    struct WindowStats
    {
        SideAmounts amounts;
        int longCount = 0;
        int shortCount = 0;
        std::optional<Largest> largest;

        int count() const { return longCount + shortCount; }
    };

    explicit LiquidationAggregator(qint64 nowMs);

    // Counts an event at its exchange time (a time up to EventCheck::MaxFutureMs ahead counts as now).
    // False, and nothing counted, when it is older than the longest window.
    bool add(const LiquidationEvent &event);
    // Counts a minute's stored totals (the store's rollup) for the 4h, 12h and 24h windows only: the last
    // hour must come as events, to the second. False, and nothing counted, for a minute outside the day
    // or inside the last hour.
    bool addMinuteTotal(const MinuteTotal &total);
    // From when a refill must come as events (the minute the 1h window starts in); before it, minute totals.
    qint64 eventsNeededSinceMs() const;
    // Moves the windows' end forward (never back); what leaves a window is subtracted from it.
    void advanceTo(qint64 nowMs);
    qint64 now() const { return m_nowMs; }

    WindowStats stats(TimeWindow window) const;
    // Totals, counts and the largest liquidations as of now, with both breakdowns (rows by 24h total,
    // largest first): the shown one per coin or per exchange, the other second. No coverage: only
    // the caller knows what was watched.
    LiquidationSnapshot snapshot(BreakdownKind shown) const;
    QList<BreakdownRow> rows(BreakdownKind breakdown) const;
    // The last 24 h in buckets of bucketMinutes (1, 5, 15 or 60; anything else counts as 1), oldest
    // first, aligned to the bucket size in UTC, the last one holding now() (so it may end after now).
    // Read from the minute ring. gap stays false: only the caller knows what was watched (markGaps).
    Timeline timeline(int bucketMinutes) const;

    int seriesCount() const { return int(m_series.size()); }
    // Bucket entries held now: what memory grows with.
    qsizetype entryCount() const;

private:
    // 16 bytes: a day of minute buckets holds millions of these, so the side rides in the series' low bit.
    struct Entry
    {
        quint32 seriesSide; // series * 2 + side index
        quint32 count;
        double usd;

        quint32 series() const { return seriesSide >> 1; }
        int side() const { return int(seriesSide & 1U); }
    };
    struct Bucket
    {
        qint64 stamp = -1; // second or minute number since the epoch; -1: empty slot
        std::vector<Entry> entries;
        std::optional<Largest> largest;
    };
    struct Ring
    {
        qint64 unitSeconds; // 1 or 60
        std::vector<Bucket> buckets;
        std::vector<std::pair<qint64, quint32>> hints; // per series*2+side: newest stamp touched, index
    };
    struct SideCell
    {
        double usd[2] = {0, 0};
        quint32 count[2] = {0, 0};
    };
    struct Series
    {
        Exchange exchange;
        QString coin;
        std::array<SideCell, TimeWindowCount> windows;
    };

    // The last series found in a slot chosen by the coin string's address: the parsers give every event
    // of a coin the same QString (InstrumentCache), so a known series is found without hashing its text.
    // A hint is checked (exchange and coin equal) before it is used; a miss asks m_seriesIndex.
    struct SeriesHint
    {
        static constexpr quint32 None = 0xFFFFFFFF;
        Exchange exchange = Exchange::Binance;
        QString coin;
        quint32 series = None;
    };
    static constexpr size_t SeriesHintCount = 1024;

    quint32 seriesFor(Exchange exchange, const QString &coin);
    quint32 indexedSeries(Exchange exchange, const QString &coin);
    Bucket &bucketFor(Ring &ring, qint64 stamp);
    void addTo(Ring &ring, qint64 stamp, const LiquidationEvent &event, quint32 series);
    // The first stamp (in the window's ring) inside the window ending now.
    qint64 windowStart(TimeWindow window, qint64 nowSeconds) const;
    const Ring &ringOf(TimeWindow window) const;
    void apply(const Bucket &bucket, TimeWindow window, int sign);

    qint64 m_nowMs;
    Ring m_seconds;
    Ring m_minutes;
    std::array<qint64, TimeWindowCount> m_start{}; // per window: first stamp currently included
    std::vector<Series> m_series;
    QHash<QPair<int, QString>, quint32> m_seriesIndex;
    std::vector<SeriesHint> m_seriesHints = std::vector<SeriesHint>(SeriesHintCount);
};

} // namespace Liq
