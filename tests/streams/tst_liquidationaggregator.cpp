// The rolling aggregator against a brute-force count of the same events: exact 1h edges to the second,
// 4h/12h/24h edges to the minute, out-of-order events, events older than a day, breakdowns that add up.
#include "streams/liquidationaggregator.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace Liq;

namespace {

constexpr qint64 Start = 1'764'000'000'000; // 2025-11-24, on a minute boundary

LiquidationEvent eventAt(qint64 timeMs, double usd, LiquidatedSide side = LiquidatedSide::Long,
                         Exchange exchange = Exchange::Binance, const QString &coin = QStringLiteral("BTC"))
{
    LiquidationEvent event;
    event.exchange = exchange;
    event.coin = coin;
    event.instrument = coin + u"USDT"_qs;
    event.side = side;
    event.usd = usd;
    event.price = 1;
    event.quantity = usd;
    event.exchangeTimeMs = timeMs;
    event.receiveTimeMs = timeMs;
    return event;
}

qint64 floorDiv(qint64 a, qint64 b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

// The documented window rules, by brute force over every event.
bool inWindow(qint64 eventMs, qint64 nowMs, TimeWindow window)
{
    const qint64 second = floorDiv(std::min(eventMs, nowMs), 1000);
    const qint64 nowSecond = floorDiv(nowMs, 1000);
    if (window == TimeWindow::H1)
        return second > nowSecond - 3600 && second <= nowSecond;
    const qint64 minuteStart = floorDiv(second, 60) * 60;
    return minuteStart >= nowSecond - windowSeconds(window);
}

} // namespace

class tst_LiquidationAggregator final : public QObject
{
    Q_OBJECT

private slots:
    void hourIsExactToTheSecond();
    void longerWindowsMoveByTheMinute();
    void tooOldIsRefusedFutureIsNow();
    void matchesBruteForce();
    void breakdownsAddUpToTheTotals();
    void largestAndCounts();
    void memoryIsBoundedBySeriesNotEvents();
    void seriesAreFoundWhateverStringTheCoinComesIn();
};

void tst_LiquidationAggregator::hourIsExactToTheSecond()
{
    LiquidationAggregator aggregator(Start);
    aggregator.add(eventAt(Start - 3'599'000, 10)); // 59 min 59 s ago: inside
    aggregator.add(eventAt(Start - 3'600'000, 20)); // exactly 1 h ago: outside the 1h window
    QCOMPARE(aggregator.stats(TimeWindow::H1).amounts.longUsd, 10.0);
    QCOMPARE(aggregator.stats(TimeWindow::H4).amounts.longUsd, 30.0);
    aggregator.advanceTo(Start + 999); // same second: nothing leaves
    QCOMPARE(aggregator.stats(TimeWindow::H1).amounts.longUsd, 10.0);
    aggregator.advanceTo(Start + 1000); // one second later the first one leaves the hour
    QCOMPARE(aggregator.stats(TimeWindow::H1).amounts.longUsd, 0.0);
    QCOMPARE(aggregator.stats(TimeWindow::H1).count(), 0);
    QCOMPARE(aggregator.stats(TimeWindow::H4).amounts.longUsd, 30.0);
}

void tst_LiquidationAggregator::longerWindowsMoveByTheMinute()
{
    LiquidationAggregator aggregator(Start);
    const qint64 fourHours = 4 * 3'600'000;
    aggregator.add(eventAt(Start - fourHours, 5, LiquidatedSide::Short)); // its minute starts at now - 4h
    QCOMPARE(aggregator.stats(TimeWindow::H4).amounts.shortUsd, 5.0);
    aggregator.advanceTo(Start + 999); // the same second: still inside
    QCOMPARE(aggregator.stats(TimeWindow::H4).amounts.shortUsd, 5.0);
    // A second later the window's far edge has passed that minute's start: the minute leaves whole
    // (the window is at most 59 s short, never long).
    aggregator.advanceTo(Start + 1000);
    QCOMPARE(aggregator.stats(TimeWindow::H4).amounts.shortUsd, 0.0);
    QCOMPARE(aggregator.stats(TimeWindow::H12).amounts.shortUsd, 5.0);
    aggregator.advanceTo(Start + 20 * 3'600'000 + 60'000); // 24h and a minute after it happened
    QCOMPARE(aggregator.stats(TimeWindow::H24).amounts.shortUsd, 0.0);
    QCOMPARE(aggregator.entryCount(), 0);
}

void tst_LiquidationAggregator::tooOldIsRefusedFutureIsNow()
{
    LiquidationAggregator aggregator(Start);
    QVERIFY(!aggregator.add(eventAt(Start - 24 * 3'600'000 - 60'000, 1)));
    QCOMPARE(aggregator.stats(TimeWindow::H24).count(), 0);
    QVERIFY(aggregator.add(eventAt(Start + 120'000, 7))); // exchange clock ahead: counts as now
    QCOMPARE(aggregator.stats(TimeWindow::H1).amounts.longUsd, 7.0);
    aggregator.advanceTo(Start + 3'600'000); // and leaves the hour an hour after now, not after its stamp
    QCOMPARE(aggregator.stats(TimeWindow::H1).amounts.longUsd, 0.0);
}

void tst_LiquidationAggregator::matchesBruteForce()
{
    QRandomGenerator random(20261202);
    LiquidationAggregator aggregator(Start);
    QList<LiquidationEvent> kept;
    qint64 now = Start;
    const QStringList coins{u"BTC"_qs, u"ETH"_qs, u"SOL"_qs, u"XRP"_qs};
    for (int step = 0; step < 3000; ++step) {
        const int burst = random.bounded(6);
        for (int i = 0; i < burst; ++i) {
            // Mostly now, sometimes late (out of order, up to two hours), sometimes ahead of now.
            const int kind = random.bounded(10);
            const qint64 offset = kind < 7 ? -random.bounded(2000)
                : kind < 9                 ? -random.bounded(7'200'000)
                                           : random.bounded(60'000);
            const LiquidationEvent event = eventAt(
                now + offset, 1 + random.bounded(100'000) / 7.0,
                random.bounded(2) ? LiquidatedSide::Long : LiquidatedSide::Short,
                AllExchanges[random.bounded(ExchangeCount)], coins.at(random.bounded(int(coins.size()))));
            if (aggregator.add(event)) {
                LiquidationEvent stored = event;
                stored.exchangeTimeMs = std::min(event.exchangeTimeMs, now);
                kept.append(stored);
            }
        }
        now += random.bounded(120'000); // up to two minutes at a time: 3000 steps span about two days
        aggregator.advanceTo(now);
        if (step % 97 != 0)
            continue;
        for (TimeWindow window : AllTimeWindows) {
            SideAmounts expected;
            int count = 0;
            for (const LiquidationEvent &event : std::as_const(kept)) {
                if (!inWindow(event.exchangeTimeMs, now, window))
                    continue;
                ++count;
                (event.side == LiquidatedSide::Long ? expected.longUsd : expected.shortUsd) += event.usd;
            }
            const LiquidationAggregator::WindowStats stats = aggregator.stats(window);
            QCOMPARE(stats.count(), count);
            QVERIFY2(std::abs(stats.amounts.longUsd - expected.longUsd) < 1e-6 * (1 + expected.longUsd),
                     qPrintable(u"%1 long %2 vs %3"_qs.arg(windowLabel(window))
                                    .arg(stats.amounts.longUsd)
                                    .arg(expected.longUsd)));
            QVERIFY(std::abs(stats.amounts.shortUsd - expected.shortUsd) < 1e-6 * (1 + expected.shortUsd));
        }
    }
}

void tst_LiquidationAggregator::breakdownsAddUpToTheTotals()
{
    LiquidationAggregator aggregator(Start);
    aggregator.add(eventAt(Start - 1000, 100, LiquidatedSide::Long, Exchange::Binance, u"BTC"_qs));
    aggregator.add(eventAt(Start - 2000, 50, LiquidatedSide::Short, Exchange::Bybit, u"BTC"_qs));
    aggregator.add(eventAt(Start - 7'200'000, 30, LiquidatedSide::Short, Exchange::Okx, u"ETH"_qs));
    const LiquidationSnapshot byCoin = aggregator.snapshot(BreakdownKind::Coin);
    QCOMPARE(byCoin.breakdownKind, BreakdownKind::Coin);
    QCOMPARE(byCoin.breakdown.size(), 2);
    QCOMPARE(byCoin.breakdown.at(0).name, u"BTC"_qs); // largest 24h first
    QCOMPARE(byCoin.breakdown.at(0).amounts.at(TimeWindow::H1), (SideAmounts{100, 50}));
    QCOMPARE(byCoin.breakdown.at(1).amounts.at(TimeWindow::H1), (SideAmounts{0, 0}));
    QCOMPARE(byCoin.breakdown.at(1).amounts.at(TimeWindow::H4), (SideAmounts{0, 30}));
    QCOMPARE(byCoin.totals.at(TimeWindow::H24), (SideAmounts{100, 80}));
    QCOMPARE(byCoin.asOf, QDateTime::fromMSecsSinceEpoch(Start, Qt::UTC));
    const LiquidationSnapshot byExchange = aggregator.snapshot(BreakdownKind::Exchange);
    QCOMPARE(byExchange.breakdown.size(), 3);
    QCOMPARE(byExchange.breakdown.at(0).name, u"Binance"_qs);
    SideAmounts sum;
    for (const BreakdownRow &row : byExchange.breakdown) {
        sum.longUsd += row.amounts.at(TimeWindow::H24).longUsd;
        sum.shortUsd += row.amounts.at(TimeWindow::H24).shortUsd;
    }
    QCOMPARE(sum, byExchange.totals.at(TimeWindow::H24));
}

void tst_LiquidationAggregator::largestAndCounts()
{
    LiquidationAggregator aggregator(Start);
    aggregator.add(eventAt(Start - 10'000, 250'000, LiquidatedSide::Short, Exchange::Okx, u"ETH"_qs));
    aggregator.add(eventAt(Start - 5'000'000, 900'000, LiquidatedSide::Long, Exchange::Bybit, u"SOL"_qs));
    aggregator.add(eventAt(Start - 20'000, 1'000, LiquidatedSide::Long));
    const auto hour = aggregator.stats(TimeWindow::H1);
    QCOMPARE(hour.longCount, 1);
    QCOMPARE(hour.shortCount, 1);
    QVERIFY(hour.largest);
    QCOMPARE(hour.largest->usd, 250'000.0);
    QCOMPARE(hour.largest->coin, u"ETH"_qs);
    QCOMPARE(hour.largest->exchange, Exchange::Okx);
    QCOMPARE(hour.largest->side, LiquidatedSide::Short);
    QCOMPARE(hour.largest->timeMs, Start - 10'000);
    const auto four = aggregator.stats(TimeWindow::H4);
    QCOMPARE(four.count(), 3);
    QCOMPARE(four.largest->coin, u"SOL"_qs);
}

void tst_LiquidationAggregator::memoryIsBoundedBySeriesNotEvents()
{
    // A thousand events a second on one coin for ten minutes: one entry per side per bucket.
    LiquidationAggregator aggregator(Start);
    qint64 now = Start;
    for (int second = 0; second < 600; ++second) {
        now += 1000;
        aggregator.advanceTo(now);
        for (int i = 0; i < 1000; ++i)
            aggregator.add(eventAt(now - i, 1, i % 2 ? LiquidatedSide::Long : LiquidatedSide::Short));
    }
    QCOMPARE(aggregator.stats(TimeWindow::H1).count(), 600'000);
    QVERIFY2(aggregator.entryCount() <= 2 * (601 + 11), qPrintable(QString::number(aggregator.entryCount())));
}

void tst_LiquidationAggregator::seriesAreFoundWhateverStringTheCoinComesIn()
{
    // More coins than the lookup's hint slots (addresses collide), each coin sometimes in one shared
    // QString (as the parsers give them) and sometimes in a fresh one, on every exchange; and an empty name.
    LiquidationAggregator aggregator(Start);
    constexpr int CoinCount = 3000;
    QStringList shared;
    for (int i = 0; i < CoinCount; ++i)
        shared.append(QStringLiteral("C%1").arg(i));
    QHash<QString, double> byCoin;
    double total = 0;
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < CoinCount; ++i) {
            const Exchange exchange = AllExchanges[(i + round) % ExchangeCount];
            const QString coin = round == 1 ? QStringLiteral("C%1").arg(i) : shared.at(i);
            const double usd = 1 + i % 7 + round;
            QVERIFY(aggregator.add(eventAt(Start - 1000, usd, LiquidatedSide::Long, exchange, coin)));
            byCoin[coin] += usd;
            total += usd;
        }
    }
    QVERIFY(aggregator.add(eventAt(Start - 1000, 5, LiquidatedSide::Short, Exchange::Binance, QString())));
    QCOMPARE(aggregator.seriesCount(), CoinCount * ExchangeCount + 1);
    const QList<BreakdownRow> rows = aggregator.rows(BreakdownKind::Coin);
    QCOMPARE(rows.size(), CoinCount + 1);
    for (const BreakdownRow &row : rows) {
        if (row.name.isEmpty())
            QCOMPARE(row.amounts.at(TimeWindow::H1).shortUsd, 5.0);
        else
            QCOMPARE(row.amounts.at(TimeWindow::H1).longUsd, byCoin.value(row.name));
    }
    QCOMPARE(aggregator.stats(TimeWindow::H1).amounts.longUsd, total);
}

QTEST_GUILESS_MAIN(tst_LiquidationAggregator)
#include "tst_liquidationaggregator.moc"
