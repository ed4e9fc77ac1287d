#include "streams/liquidationaggregator.h"

#include <QMap>

#include <algorithm>
#include <cmath>

namespace Liq {
namespace {

constexpr qint64 HourSeconds = 3600;
constexpr qint64 DaySeconds = 24 * HourSeconds;

qint64 floorDiv(qint64 a, qint64 b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

qint64 ceilDiv(qint64 a, qint64 b)
{
    return -floorDiv(-a, b);
}

int sideIndex(LiquidatedSide side)
{
    return side == LiquidatedSide::Long ? 0 : 1;
}

} // namespace

LiquidationAggregator::LiquidationAggregator(qint64 nowMs)
    : m_nowMs(nowMs)
{
    // One slot more than a window holds, so the bucket entering never overwrites one still inside.
    m_seconds.unitSeconds = 1;
    m_seconds.buckets.resize(size_t(HourSeconds + 1));
    m_minutes.unitSeconds = 60;
    m_minutes.buckets.resize(size_t(DaySeconds / 60 + 2));
    const qint64 nowSeconds = floorDiv(nowMs, 1000);
    for (TimeWindow window : AllTimeWindows)
        m_start[size_t(windowIndex(window))] = windowStart(window, nowSeconds);
}

const LiquidationAggregator::Ring &LiquidationAggregator::ringOf(TimeWindow window) const
{
    return window == TimeWindow::H1 ? m_seconds : m_minutes;
}

qint64 LiquidationAggregator::windowStart(TimeWindow window, qint64 nowSeconds) const
{
    if (window == TimeWindow::H1)
        return nowSeconds - HourSeconds + 1; // the seconds (now - 1h, now]
    return ceilDiv(nowSeconds - windowSeconds(window), 60); // the minutes starting at or after now - W
}

quint32 LiquidationAggregator::seriesFor(Exchange exchange, const QString &coin)
{
    const auto address = quintptr(coin.constData());
    SeriesHint &hint
        = m_seriesHints[size_t((address >> 4) ^ (address >> 14) ^ quintptr(exchange)) % SeriesHintCount];
    if (hint.series != SeriesHint::None && hint.exchange == exchange && hint.coin == coin)
        return hint.series;
    const quint32 series = indexedSeries(exchange, coin);
    hint = SeriesHint{exchange, coin, series};
    return series;
}

quint32 LiquidationAggregator::indexedSeries(Exchange exchange, const QString &coin)
{
    const QPair<int, QString> key(int(exchange), coin);
    const auto found = m_seriesIndex.constFind(key);
    if (found != m_seriesIndex.cend())
        return *found;
    const auto index = quint32(m_series.size());
    m_series.push_back(Series{exchange, coin, {}});
    m_seriesIndex.insert(key, index);
    const std::pair<qint64, quint32> none{-1, 0};
    m_seconds.hints.resize(m_series.size() * 2, none);
    m_minutes.hints.resize(m_series.size() * 2, none);
    return index;
}

LiquidationAggregator::Bucket &LiquidationAggregator::bucketFor(Ring &ring, qint64 stamp)
{
    const qint64 size = qint64(ring.buckets.size());
    Bucket &bucket = ring.buckets[size_t(((stamp % size) + size) % size)];
    if (bucket.stamp != stamp) {
        bucket.stamp = stamp; // the slot's previous bucket left every window long ago
        bucket.entries.clear();
        bucket.largest.reset();
    }
    return bucket;
}

void LiquidationAggregator::addTo(Ring &ring, qint64 stamp, const LiquidationEvent &event, quint32 series)
{
    Bucket &bucket = bucketFor(ring, stamp);
    auto &hint = ring.hints[size_t(series) * 2 + size_t(sideIndex(event.side))];
    Entry *entry = nullptr;
    if (hint.first == stamp) {
        entry = &bucket.entries[hint.second];
    } else if (hint.first > stamp) {
        // An event older than this series' newest bucket (out of order): look for its entry.
        for (Entry &candidate : bucket.entries) {
            if (candidate.seriesSide == series * 2 + quint32(sideIndex(event.side))) {
                entry = &candidate;
                break;
            }
        }
    }
    if (!entry) {
        bucket.entries.push_back(Entry{series * 2 + quint32(sideIndex(event.side)), 0, 0});
        entry = &bucket.entries.back();
        if (stamp >= hint.first)
            hint = {stamp, quint32(bucket.entries.size() - 1)};
    }
    entry->count += 1;
    entry->usd += event.usd;
    if (!bucket.largest || event.usd > bucket.largest->usd)
        bucket.largest = Largest{event.exchange, event.coin, event.side, event.usd, event.exchangeTimeMs};
}

bool LiquidationAggregator::add(const LiquidationEvent &event)
{
    const qint64 timeMs = std::min(event.exchangeTimeMs, m_nowMs);
    const qint64 second = floorDiv(timeMs, 1000);
    const qint64 nowSeconds = floorDiv(m_nowMs, 1000);
    const qint64 minute = floorDiv(second, 60);
    if (minute < m_start[size_t(windowIndex(TimeWindow::H24))] || !std::isfinite(event.usd) || event.usd < 0)
        return false;
    const quint32 series = seriesFor(event.exchange, event.coin);
    const int side = sideIndex(event.side);
    addTo(m_minutes, minute, event, series);
    for (TimeWindow window : {TimeWindow::H4, TimeWindow::H12, TimeWindow::H24}) {
        if (minute >= m_start[size_t(windowIndex(window))]) {
            SideCell &cell = m_series[series].windows[size_t(windowIndex(window))];
            cell.usd[side] += event.usd;
            cell.count[side] += 1;
        }
    }
    if (second >= m_start[size_t(windowIndex(TimeWindow::H1))] && second <= nowSeconds) {
        addTo(m_seconds, second, event, series);
        SideCell &cell = m_series[series].windows[size_t(windowIndex(TimeWindow::H1))];
        cell.usd[side] += event.usd;
        cell.count[side] += 1;
    }
    return true;
}

qint64 LiquidationAggregator::eventsNeededSinceMs() const
{
    return floorDiv(m_start[size_t(windowIndex(TimeWindow::H1))], 60) * 60'000;
}

bool LiquidationAggregator::addMinuteTotal(const MinuteTotal &total)
{
    const qint64 minute = total.minute;
    const qint64 hourStartMinute = floorDiv(m_start[size_t(windowIndex(TimeWindow::H1))], 60);
    if (minute < m_start[size_t(windowIndex(TimeWindow::H24))] || minute >= hourStartMinute
        || total.count <= 0 || !std::isfinite(total.usd) || total.usd < 0)
        return false;
    const quint32 series = seriesFor(total.exchange, total.coin);
    const int side = sideIndex(total.side);
    Bucket &bucket = bucketFor(m_minutes, minute);
    const quint32 key = series * 2 + quint32(side);
    auto found = std::find_if(bucket.entries.begin(), bucket.entries.end(),
                              [key](const Entry &entry) { return entry.seriesSide == key; });
    if (found == bucket.entries.end()) {
        bucket.entries.push_back(Entry{key, 0, 0});
        found = bucket.entries.end() - 1;
    }
    found->count += quint32(total.count);
    found->usd += total.usd;
    if (!bucket.largest || total.largestUsd > bucket.largest->usd)
        bucket.largest = Largest{total.exchange, total.coin, total.side, total.largestUsd, minute * 60'000};
    for (TimeWindow window : {TimeWindow::H4, TimeWindow::H12, TimeWindow::H24}) {
        if (minute >= m_start[size_t(windowIndex(window))]) {
            SideCell &cell = m_series[series].windows[size_t(windowIndex(window))];
            cell.usd[side] += total.usd;
            cell.count[side] += quint32(total.count);
        }
    }
    return true;
}

void LiquidationAggregator::apply(const Bucket &bucket, TimeWindow window, int sign)
{
    for (const Entry &entry : bucket.entries) {
        SideCell &cell = m_series[entry.series()].windows[size_t(windowIndex(window))];
        const int side = entry.side();
        cell.usd[side] += sign * entry.usd;
        cell.count[side] = quint32(qint64(cell.count[side]) + sign * qint64(entry.count));
        if (cell.count[side] == 0)
            cell.usd[side] = 0; // no drift from repeated adds and subtracts once empty
    }
}

void LiquidationAggregator::advanceTo(qint64 nowMs)
{
    if (nowMs <= m_nowMs)
        return;
    m_nowMs = nowMs;
    const qint64 nowSeconds = floorDiv(nowMs, 1000);
    for (TimeWindow window : AllTimeWindows) {
        qint64 &start = m_start[size_t(windowIndex(window))];
        const qint64 next = windowStart(window, nowSeconds);
        Ring &ring = window == TimeWindow::H1 ? m_seconds : m_minutes;
        // The longest window of a ring is the last to need its buckets: leaving it frees them.
        const bool lastUser = window == TimeWindow::H1 || window == TimeWindow::H24;
        // At most one ring's worth of buckets can still be inside; older buckets were overwritten.
        const qint64 from = std::max(start, next - qint64(ring.buckets.size()));
        for (qint64 stamp = from; stamp < next; ++stamp) {
            const qint64 size = qint64(ring.buckets.size());
            Bucket &bucket = ring.buckets[size_t(((stamp % size) + size) % size)];
            if (bucket.stamp != stamp)
                continue;
            apply(bucket, window, -1);
            if (lastUser) {
                std::vector<Entry>().swap(bucket.entries);
                bucket.largest.reset();
                bucket.stamp = -1;
            }
        }
        start = std::max(start, next);
    }
}

LiquidationAggregator::WindowStats LiquidationAggregator::stats(TimeWindow window) const
{
    WindowStats stats;
    for (const Series &series : m_series) {
        const SideCell &cell = series.windows[size_t(windowIndex(window))];
        stats.amounts.longUsd += cell.usd[0];
        stats.amounts.shortUsd += cell.usd[1];
        stats.longCount += int(cell.count[0]);
        stats.shortCount += int(cell.count[1]);
    }
    const Ring &ring = ringOf(window);
    const qint64 start = m_start[size_t(windowIndex(window))];
    for (const Bucket &bucket : ring.buckets) {
        if (bucket.stamp >= start && bucket.largest
            && (!stats.largest || bucket.largest->usd > stats.largest->usd))
            stats.largest = bucket.largest;
    }
    return stats;
}

QList<BreakdownRow> LiquidationAggregator::rows(BreakdownKind breakdown) const
{
    QMap<QString, std::array<SideAmounts, TimeWindowCount>> grouped;
    for (const Series &series : m_series) {
        const QString name
            = breakdown == BreakdownKind::Exchange ? exchangeName(series.exchange) : series.coin;
        auto &amounts = grouped[name];
        for (TimeWindow window : AllTimeWindows) {
            const SideCell &cell = series.windows[size_t(windowIndex(window))];
            amounts[size_t(windowIndex(window))].longUsd += cell.usd[0];
            amounts[size_t(windowIndex(window))].shortUsd += cell.usd[1];
        }
    }
    QList<BreakdownRow> rows;
    rows.reserve(grouped.size());
    for (auto it = grouped.cbegin(); it != grouped.cend(); ++it) {
        BreakdownRow row;
        row.name = it.key();
        for (TimeWindow window : AllTimeWindows)
            row.amounts.set(window, it.value()[size_t(windowIndex(window))]);
        rows.append(row);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const BreakdownRow &a, const BreakdownRow &b) {
        return a.amounts.at(TimeWindow::H24).total() > b.amounts.at(TimeWindow::H24).total();
    });
    return rows;
}

LiquidationSnapshot LiquidationAggregator::snapshot(BreakdownKind shown) const
{
    LiquidationSnapshot snapshot;
    snapshot.asOf = QDateTime::fromMSecsSinceEpoch(m_nowMs, Qt::UTC);
    Observation observation;
    observation.events.emplace();
    for (TimeWindow window : AllTimeWindows) {
        const WindowStats windowStats = stats(window);
        snapshot.totals.set(window, windowStats.amounts);
        WindowEvents &events = (*observation.events)[size_t(windowIndex(window))];
        events.longCount = windowStats.longCount;
        events.shortCount = windowStats.shortCount;
        if (windowStats.largest) {
            const Largest &largest = *windowStats.largest;
            events.largest = LargestLiquidation{largest.exchange, largest.coin, largest.side, largest.usd,
                                                QDateTime::fromMSecsSinceEpoch(largest.timeMs, Qt::UTC)};
        }
    }
    snapshot.observation = observation;
    if (shown != BreakdownKind::None) {
        const BreakdownKind other
            = shown == BreakdownKind::Coin ? BreakdownKind::Exchange : BreakdownKind::Coin;
        snapshot.breakdownKind = shown;
        snapshot.breakdown = rows(shown);
        snapshot.otherBreakdownKind = other;
        snapshot.otherBreakdown = rows(other);
    }
    return snapshot;
}

Timeline LiquidationAggregator::timeline(int bucketMinutes) const
{
    if (bucketMinutes != 5 && bucketMinutes != 15 && bucketMinutes != 60)
        bucketMinutes = 1;
    const qint64 bucketCount = DaySeconds / 60 / bucketMinutes;
    const qint64 nowMinute = floorDiv(floorDiv(m_nowMs, 1000), 60);
    // Every minute from the first bucket's start to now is still in the ring: the first bucket starts
    // after now - 24 h, and the ring holds the day's minutes plus two.
    const qint64 firstMinute = (floorDiv(nowMinute, bucketMinutes) - bucketCount + 1) * bucketMinutes;
    Timeline timeline;
    timeline.reserve(bucketCount);
    for (qint64 i = 0; i < bucketCount; ++i) {
        TimelineBucket bucket;
        bucket.start = QDateTime::fromSecsSinceEpoch((firstMinute + i * bucketMinutes) * 60, Qt::UTC);
        bucket.minutes = bucketMinutes;
        timeline.append(bucket);
    }
    const qint64 size = qint64(m_minutes.buckets.size());
    for (qint64 minute = firstMinute; minute <= nowMinute; ++minute) {
        const Bucket &slot = m_minutes.buckets[size_t(((minute % size) + size) % size)];
        if (slot.stamp != minute)
            continue; // an empty slot, or one still holding an older minute: nothing in this one
        TimelineBucket &bucket = timeline[(minute - firstMinute) / bucketMinutes];
        for (const Entry &entry : slot.entries) {
            (entry.side() == 0 ? bucket.amounts.longUsd : bucket.amounts.shortUsd) += entry.usd;
            bucket.count += int(entry.count);
        }
    }
    return timeline;
}

qsizetype LiquidationAggregator::entryCount() const
{
    qsizetype count = 0;
    for (const Ring *ring : {&m_seconds, &m_minutes}) {
        for (const Bucket &bucket : ring->buckets)
            count += qsizetype(bucket.entries.size());
    }
    return count;
}

} // namespace Liq
