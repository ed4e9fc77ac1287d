// The demo market: deterministic for a seed, windows nested, breakdowns adding up, cascades present.
#include "feed/marketsimulator.h"

#include <QTest>

#include <algorithm>

using namespace Liq;

namespace {

const QDateTime Start(QDate(2026, 11, 20), QTime(14, 0), Qt::UTC);

bool windowsNested(const WindowAmounts &amounts)
{
    for (int i = 1; i < TimeWindowCount; ++i) {
        const SideAmounts &shorter = amounts.at(AllTimeWindows[size_t(i - 1)]);
        const SideAmounts &longer = amounts.at(AllTimeWindows[size_t(i)]);
        if (shorter.longUsd > longer.longUsd || shorter.shortUsd > longer.shortUsd)
            return false;
    }
    return true;
}

SideAmounts sumOfRows(const LiquidationSnapshot &snapshot, TimeWindow window)
{
    SideAmounts sum;
    for (const BreakdownRow &row : snapshot.breakdown) {
        sum.longUsd += row.amounts.at(window).longUsd;
        sum.shortUsd += row.amounts.at(window).shortUsd;
    }
    return sum;
}

} // namespace

class tst_MarketSimulator final : public QObject
{
    Q_OBJECT

private slots:
    void sameSeedSameMarket();
    void differentSeedDifferentMarket();
    void windowsAreNestedAndAddUp_data();
    void windowsAreNestedAndAddUp();
    void clockOnlyMovesForward();
    void cascadesHitOneSide();
    void sizesAreBelievable();
    void unknownNamesAreRefused();
};

void tst_MarketSimulator::sameSeedSameMarket()
{
    MarketSimulator a(42, Start);
    MarketSimulator b(42, Start);
    QCOMPARE(a.coinSnapshot(), b.coinSnapshot());
    a.advanceTo(Start.addSecs(3600 * 5 + 17));
    b.advanceTo(Start.addSecs(3600 * 2)); // in steps: the same minutes either way
    b.advanceTo(Start.addSecs(3600 * 5 + 17));
    QCOMPARE(a.now(), Start.addSecs(3600 * 5));
    QCOMPARE(a.coinSnapshot(), b.coinSnapshot());
    QCOMPARE(*a.exchangeSnapshot(), *b.exchangeSnapshot());
    QCOMPARE(*a.coinSnapshotOnExchange(QStringLiteral("OKX")),
             *b.coinSnapshotOnExchange(QStringLiteral("OKX")));
}

void tst_MarketSimulator::differentSeedDifferentMarket()
{
    MarketSimulator a(1, Start);
    MarketSimulator b(2, Start);
    QVERIFY(a.coinSnapshot().totals != b.coinSnapshot().totals);
}

void tst_MarketSimulator::windowsAreNestedAndAddUp_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<int>("hours");
    QTest::newRow("seed 1 at start") << quint64(1) << 0;
    QTest::newRow("seed 7 after 30 h") << quint64(7) << 30;
    QTest::newRow("seed 99 after 3 days") << quint64(99) << 72;
}

void tst_MarketSimulator::windowsAreNestedAndAddUp()
{
    QFETCH(quint64, seed);
    QFETCH(int, hours);
    MarketSimulator market(seed, Start);
    market.advanceTo(Start.addSecs(qint64(hours) * 3600));

    const LiquidationSnapshot coins = market.coinSnapshot();
    QCOMPARE(coins.asOf, Start.addSecs(qint64(hours) * 3600));
    QCOMPARE(coins.breakdownKind, BreakdownKind::Coin);
    QCOMPARE(coins.breakdown.size(), MarketSimulator::coins().size());
    QVERIFY(coins.totals.isComplete());
    QVERIFY(windowsNested(coins.totals));
    for (const BreakdownRow &row : coins.breakdown)
        QVERIFY2(windowsNested(row.amounts), qPrintable(row.name));

    const LiquidationSnapshot exchanges = *market.exchangeSnapshot();
    QCOMPARE(exchanges.breakdownKind, BreakdownKind::Exchange);
    QVERIFY(windowsNested(exchanges.totals));
    for (TimeWindow window : AllTimeWindows) {
        QCOMPARE(sumOfRows(coins, window), coins.totals.at(window));
        QCOMPARE(sumOfRows(exchanges, window), exchanges.totals.at(window));
        // Exchange shares are rounded per coin: the views agree to within a few dollars per row.
        QVERIFY(std::abs(exchanges.totals.at(window).total() - coins.totals.at(window).total()) < 400.0);
    }
    const LiquidationSnapshot binance = *market.coinSnapshotOnExchange(QStringLiteral("Binance"));
    QVERIFY(windowsNested(binance.totals));
    QVERIFY(binance.totals.at(TimeWindow::H24).total() < coins.totals.at(TimeWindow::H24).total() * 0.6);
    QVERIFY(binance.totals.at(TimeWindow::H24).total() > coins.totals.at(TimeWindow::H24).total() * 0.2);
}

void tst_MarketSimulator::clockOnlyMovesForward()
{
    MarketSimulator market(3, Start);
    const LiquidationSnapshot before = market.coinSnapshot();
    market.advanceTo(Start.addSecs(-3600));
    QCOMPARE(market.now(), Start);
    QCOMPARE(market.coinSnapshot(), before);
    market.advanceTo(Start.addSecs(59)); // same minute
    QCOMPARE(market.coinSnapshot(), before);
    market.advanceTo(Start.addSecs(60));
    QVERIFY(market.coinSnapshot() != before);
}

void tst_MarketSimulator::cascadesHitOneSide()
{
    // Over a simulated week, hourly: some hours are far above the typical hour and one-sided.
    MarketSimulator market(5, Start);
    QList<double> hourly;
    int cascades = 0;
    int longCascades = 0;
    for (int hour = 1; hour <= 24 * 7; ++hour) {
        market.advanceTo(Start.addSecs(qint64(hour) * 3600));
        hourly.append(market.coinSnapshot().totals.at(TimeWindow::H1).total());
    }
    QList<double> sorted = hourly;
    std::sort(sorted.begin(), sorted.end());
    const double median = sorted.at(sorted.size() / 2);

    MarketSimulator replay(5, Start);
    for (int hour = 1; hour <= 24 * 7; ++hour) {
        replay.advanceTo(Start.addSecs(qint64(hour) * 3600));
        const SideAmounts h1 = replay.coinSnapshot().totals.at(TimeWindow::H1);
        if (h1.total() > 4.0 * median && std::max(h1.longUsd, h1.shortUsd) > 0.75 * h1.total()) {
            ++cascades;
            longCascades += h1.longUsd > h1.shortUsd ? 1 : 0;
        }
    }
    QVERIFY2(cascades >= 3, qPrintable(QString::number(cascades)));
    QVERIFY2(cascades < 24 * 7 / 4, qPrintable(QString::number(cascades))); // calm most of the time
    QVERIFY(longCascades > 0 && longCascades < cascades); // both sides get squeezed
}

void tst_MarketSimulator::sizesAreBelievable()
{
    MarketSimulator market(11, Start);
    const LiquidationSnapshot coins = market.coinSnapshot();
    const double day = coins.totals.at(TimeWindow::H24).total();
    QVERIFY2(day > 50e6 && day < 2e9, qPrintable(QString::number(day)));
    const int btc = coins.breakdownRowNamed(u"BTC");
    const int dot = coins.breakdownRowNamed(u"DOT");
    QVERIFY(btc >= 0 && dot >= 0);
    QVERIFY(coins.breakdown.at(btc).amounts.at(TimeWindow::H24).total()
            > 10 * coins.breakdown.at(dot).amounts.at(TimeWindow::H24).total());
}

void tst_MarketSimulator::unknownNamesAreRefused()
{
    MarketSimulator market(1, Start);
    QVERIFY(!market.coinSnapshotOnExchange(QStringLiteral("NoSuchExchange")));
    QVERIFY(!market.exchangeSnapshot(QStringLiteral("NOPE")));
    const auto btc = market.exchangeSnapshot(QStringLiteral("btc"));
    QVERIFY(btc);
    QCOMPARE(btc->scope, QStringLiteral("BTC"));
    QVERIFY(btc->totals.at(TimeWindow::H24).total()
            < market.coinSnapshot().totals.at(TimeWindow::H24).total());
}

QTEST_GUILESS_MAIN(tst_MarketSimulator)
#include "tst_marketsimulator.moc"
