// The aggregator's 24h timeline against a brute-force sum of the events fed over simulated time
// (several bucket sizes, events on bucket edges), its shape (count, alignment, contiguity) and markGaps.
#include "streams/liquidationaggregator.h"
#include "streams/timelinegaps.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace Liq;

namespace {

constexpr qint64 Start = 1'764'000'000'000; // 2025-11-24 16:00 UTC, on an hour boundary
constexpr qint64 MinuteMs = 60'000;
constexpr qint64 DayMs = 24 * 60 * MinuteMs;

LiquidationEvent eventAt(qint64 timeMs, double usd, LiquidatedSide side,
                         Exchange exchange = Exchange::Binance)
{
    LiquidationEvent event;
    event.exchange = exchange;
    event.coin = u"BTC"_qs;
    event.instrument = u"BTCUSDT"_qs;
    event.side = side;
    event.usd = usd;
    event.exchangeTimeMs = timeMs;
    event.receiveTimeMs = timeMs;
    return event;
}

qint64 floorDiv(qint64 a, qint64 b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

// The timeline every kept event (at its counted time) must add up to, bucket by bucket.
void expectBruteForce(const Timeline &timeline, const QList<LiquidationEvent> &kept)
{
    QVERIFY(!timeline.isEmpty());
    const qint64 firstMs = timeline.first().start.toMSecsSinceEpoch();
    const qint64 bucketMs = timeline.first().minutes * MinuteMs;
    QList<SideAmounts> amounts(timeline.size());
    QList<int> counts(timeline.size(), 0);
    for (const LiquidationEvent &event : kept) {
        const qint64 index = floorDiv(event.exchangeTimeMs - firstMs, bucketMs);
        if (index < 0 || index >= timeline.size())
            continue;
        (event.side == LiquidatedSide::Long ? amounts[index].longUsd : amounts[index].shortUsd) += event.usd;
        ++counts[index];
    }
    for (qsizetype i = 0; i < timeline.size(); ++i) {
        const TimelineBucket &bucket = timeline.at(i);
        QVERIFY2(bucket.count == counts.at(i),
                 qPrintable(u"bucket %1: %2 vs %3"_qs.arg(i).arg(bucket.count).arg(counts.at(i))));
        QVERIFY(std::abs(bucket.amounts.longUsd - amounts.at(i).longUsd)
                < 1e-6 * (1 + amounts.at(i).longUsd));
        QVERIFY(std::abs(bucket.amounts.shortUsd - amounts.at(i).shortUsd)
                < 1e-6 * (1 + amounts.at(i).shortUsd));
        QVERIFY(!bucket.gap);
    }
}

QDateTime utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

Timeline hourBuckets(int count)
{
    Timeline timeline;
    for (int i = 0; i < count; ++i) {
        TimelineBucket bucket;
        bucket.start = utc(Start + i * 60 * MinuteMs);
        bucket.minutes = 60;
        timeline.append(bucket);
    }
    return timeline;
}

QList<bool> gapsOf(const Timeline &timeline)
{
    QList<bool> gaps;
    for (const TimelineBucket &bucket : timeline)
        gaps << bucket.gap;
    return gaps;
}

} // namespace

class tst_Timeline final : public QObject
{
    Q_OBJECT

private slots:
    void shapeAndAlignment_data();
    void shapeAndAlignment();
    void eventsOnBucketEdges();
    void matchesBruteForceOverTime();
    void markGapsNeedsFullCover();
    void markGapsJoinsSpansAndSparesTheFuture();
};

void tst_Timeline::shapeAndAlignment_data()
{
    QTest::addColumn<int>("minutes");
    QTest::addColumn<qint64>("now");
    QTest::newRow("1 min, aligned") << 1 << Start;
    QTest::newRow("5 min, mid-bucket") << 5 << Start + 7 * MinuteMs + 12'345;
    QTest::newRow("15 min, last ms") << 15 << Start + 15 * MinuteMs - 1;
    QTest::newRow("60 min, mid-hour") << 60 << Start + 37 * MinuteMs + 1;
    QTest::newRow("unknown size is 1 min") << 7 << Start + 30'000;
}

void tst_Timeline::shapeAndAlignment()
{
    QFETCH(int, minutes);
    QFETCH(qint64, now);
    const int size = minutes == 7 ? 1 : minutes;
    LiquidationAggregator aggregator(now);
    const Timeline timeline = aggregator.timeline(minutes);
    QCOMPARE(timeline.size(), 24 * 60 / size);
    const qint64 bucketMs = size * MinuteMs;
    for (qsizetype i = 0; i < timeline.size(); ++i) {
        const TimelineBucket &bucket = timeline.at(i);
        QCOMPARE(bucket.minutes, size);
        QCOMPARE(bucket.start.timeSpec(), Qt::UTC);
        QCOMPARE(bucket.start.toMSecsSinceEpoch() % bucketMs, 0); // aligned in UTC
        if (i > 0) // contiguous, oldest first
            QCOMPARE(bucket.start.toMSecsSinceEpoch(),
                     timeline.at(i - 1).start.toMSecsSinceEpoch() + bucketMs);
        QCOMPARE(bucket.count, 0);
    }
    // The last bucket holds now; together they span the last 24 h.
    const qint64 lastStart = timeline.last().start.toMSecsSinceEpoch();
    QVERIFY(lastStart <= now && now < lastStart + bucketMs);
    QVERIFY(timeline.first().start.toMSecsSinceEpoch() > now - DayMs);
    QVERIFY(timeline.first().start.toMSecsSinceEpoch() <= now - DayMs + bucketMs);
}

void tst_Timeline::eventsOnBucketEdges()
{
    const qint64 now = Start + 2 * 60 * MinuteMs + 30'000; // 18:00:30
    LiquidationAggregator aggregator(now);
    const qint64 edge = Start + 60 * MinuteMs; // 17:00: an edge for every size
    aggregator.add(eventAt(edge - 1, 1, LiquidatedSide::Long)); // last ms of the bucket before
    aggregator.add(eventAt(edge, 10, LiquidatedSide::Long)); // first ms of the bucket
    aggregator.add(eventAt(edge + 5 * MinuteMs - 1, 100, LiquidatedSide::Short));
    aggregator.add(eventAt(now + 5000, 1000, LiquidatedSide::Short)); // ahead of now: counts as now
    for (int minutes : {1, 5, 15, 60}) {
        const Timeline timeline = aggregator.timeline(minutes);
        const qint64 bucketMs = minutes * MinuteMs;
        const qsizetype at = (edge - timeline.first().start.toMSecsSinceEpoch()) / bucketMs;
        QCOMPARE(timeline.at(at).start, utc(edge));
        QCOMPARE(timeline.at(at - 1).amounts.longUsd, 1.0);
        QCOMPARE(timeline.at(at - 1).count, 1);
        QCOMPARE(timeline.at(at).amounts.longUsd, 10.0);
        const double shortsFromEdge = minutes == 1 ? 0.0 : 100.0;
        QCOMPARE(timeline.at(at).amounts.shortUsd, shortsFromEdge);
        QCOMPARE(timeline.last().amounts.shortUsd, 1000.0); // the bucket holding now
        QCOMPARE(timeline.last().count, 1);
    }
}

void tst_Timeline::matchesBruteForceOverTime()
{
    QRandomGenerator random(20261203);
    LiquidationAggregator aggregator(Start);
    QList<LiquidationEvent> kept;
    qint64 now = Start;
    for (int step = 0; step < 2500; ++step) {
        const int burst = random.bounded(5);
        for (int i = 0; i < burst; ++i) {
            // Mostly now, sometimes late (up to a day and a bit), sometimes on a minute edge.
            const int kind = random.bounded(10);
            qint64 time
                = kind < 6 ? now - random.bounded(3000) : now - random.bounded(qint64(DayMs + 3'600'000));
            if (kind == 9)
                time = floorDiv(time, MinuteMs) * MinuteMs - random.bounded(2);
            const LiquidationEvent event
                = eventAt(time, 1 + random.bounded(100'000) / 7.0,
                          random.bounded(2) ? LiquidatedSide::Long : LiquidatedSide::Short,
                          AllExchanges[random.bounded(ExchangeCount)]);
            if (aggregator.add(event))
                kept.append(event);
        }
        now += random.bounded(150'000); // 2500 steps span about two days: the ring wraps
        aggregator.advanceTo(now);
        if (step % 211 != 0)
            continue;
        for (int minutes : {1, 5, 15, 60}) {
            expectBruteForce(aggregator.timeline(minutes), kept);
            if (QTest::currentTestFailed())
                QFAIL(qPrintable(u"step %1, %2 min buckets"_qs.arg(step).arg(minutes)));
        }
    }
}

void tst_Timeline::markGapsNeedsFullCover()
{
    Timeline timeline = hourBuckets(6); // 16:00 .. 22:00
    const qint64 hour = 60 * MinuteMs;
    markGaps(timeline,
             {{utc(Start + hour), utc(Start + 3 * hour)}, // 17:00-19:00: two whole buckets
              {utc(Start + 4 * hour + 1), utc(Start + 6 * hour)}}); // misses 20:00's first ms
    QCOMPARE(gapsOf(timeline), (QList<bool>{true, false, false, true, true, false}));

    Timeline none = hourBuckets(3);
    markGaps(none, {});
    QCOMPARE(gapsOf(none), (QList<bool>{true, true, true}));

    Timeline marked = hourBuckets(2);
    marked[0].gap = true; // already a gap: covering it later does not unmark it
    markGaps(marked, {{utc(Start), utc(Start + 2 * hour)}});
    QCOMPARE(gapsOf(marked), (QList<bool>{true, false}));
}

void tst_Timeline::markGapsJoinsSpansAndSparesTheFuture()
{
    const qint64 hour = 60 * MinuteMs;
    Timeline timeline = hourBuckets(4);
    // Out of order, touching and overlapping spans join; an empty or invalid span covers nothing.
    markGaps(timeline,
             {{utc(Start + 90 * MinuteMs), utc(Start + 3 * hour)},
              {utc(Start), utc(Start + 90 * MinuteMs)},
              {utc(Start + 2 * hour), utc(Start + 150 * MinuteMs)},
              {utc(Start + 3 * hour + 10), utc(Start + 3 * hour + 10)},
              {QDateTime(), utc(Start + 4 * hour)}});
    QCOMPARE(gapsOf(timeline), (QList<bool>{false, false, false, true}));

    // Watching up to now (21:20, in the last bucket): the rest of that bucket has not happened yet.
    Timeline live = hourBuckets(6);
    const QDateTime now = utc(Start + 5 * hour + 20 * MinuteMs);
    markGaps(live, {{utc(Start + 2 * hour), now}}, now);
    QCOMPARE(gapsOf(live), (QList<bool>{true, true, false, false, false, false}));
    Timeline stale = hourBuckets(6);
    markGaps(stale, {{utc(Start + 2 * hour), utc(Start + 5 * hour + 10 * MinuteMs)}}, now);
    QCOMPARE(gapsOf(stale).last(), true); // stopped ten minutes before now: a gap after all
}

QTEST_GUILESS_MAIN(tst_Timeline)
#include "tst_timeline.moc"
