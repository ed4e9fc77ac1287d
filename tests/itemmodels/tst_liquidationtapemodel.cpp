#include "itemmodels/liquidationtapefilter.h"
#include "itemmodels/liquidationtapemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Liq;

namespace {

// 2026-11-20 14:00:00 UTC.
constexpr qint64 BaseTimeMs = 1'795'183'200'000;

// One liquidation; `second` makes each one distinct and orders them.
LiquidationEvent liquidation(int second, double usd, const QString &coin = u"BTC"_qs,
                             LiquidatedSide side = LiquidatedSide::Long)
{
    LiquidationEvent event;
    event.exchange = Exchange::Bybit;
    event.market = MarketKind::Linear;
    event.coin = coin;
    event.instrument = coin + u"USDT"_qs;
    event.side = side;
    event.price = 97250.5;
    event.quantity = usd / event.price;
    event.usd = usd;
    event.exchangeTimeMs = BaseTimeMs + qint64(second) * 1000;
    event.receiveTimeMs = event.exchangeTimeMs + 40;
    return event;
}

QList<LiquidationEvent> burst(int firstSecond, int count, double usd = 1000)
{
    QList<LiquidationEvent> events;
    for (int i = 0; i < count; ++i)
        events.append(liquidation(firstSecond + i, usd));
    return events;
}

qint64 timeAt(const QAbstractItemModel &model, int row)
{
    return model.index(row, 0).data(LiquidationTapeModel::TimeMsRole).toLongLong();
}

QList<int> largestRows(const QAbstractItemModel &model)
{
    QList<int> rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(LiquidationTapeModel::IsLargestRole).toBool())
            rows.append(row);
    }
    return rows;
}

} // namespace

class tst_LiquidationTapeModel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void burstIsOneInsertionAtTheTop();
    void capacityDropsTheOldestInOneRemoval();
    void burstLongerThanCapacityKeepsItsNewest();
    void largestMarkMoves();
    void largestMarkFollowsWhenItDropsOff();
    void displayTexts_data();
    void displayTexts();
    void toolTipHasTheDetails();
    void clearEmpties();
    void filterByMinimumSize();
    void filterByCoin();
    void filterFollowsNewBursts();
};

void tst_LiquidationTapeModel::initTestCase()
{
    // Far from UTC, so a time shown in local time instead of UTC cannot pass.
    qputenv("TZ", "Pacific/Auckland");
}

void tst_LiquidationTapeModel::burstIsOneInsertionAtTheTop()
{
    LiquidationTapeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.append(burst(0, 3));
    model.append(burst(10, 4));

    QCOMPARE(inserted.size(), 2);
    // Each burst: one signal, at row 0, as many rows as events.
    QCOMPARE(inserted.at(1).at(1).toInt(), 0);
    QCOMPARE(inserted.at(1).at(2).toInt(), 3);
    QCOMPARE(model.rowCount(), 7);
    // Newest first, within a burst too (its last event is the newest).
    QCOMPARE(timeAt(model, 0), BaseTimeMs + 13'000);
    QCOMPARE(timeAt(model, 3), BaseTimeMs + 10'000);
    QCOMPARE(timeAt(model, 4), BaseTimeMs + 2000);
    QCOMPARE(timeAt(model, 6), BaseTimeMs);

    model.append({});
    QCOMPARE(inserted.size(), 2);
}

void tst_LiquidationTapeModel::capacityDropsTheOldestInOneRemoval()
{
    LiquidationTapeModel model;
    QCOMPARE(model.capacity(), 5000);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCapacity(10);
    model.append(burst(0, 8));
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.append(burst(100, 5));

    QCOMPARE(removed.size(), 1);
    // The three oldest (rows 5..7 of the eight) went in one removal before the insertion.
    QCOMPARE(removed.at(0).at(1).toInt(), 5);
    QCOMPARE(removed.at(0).at(2).toInt(), 7);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(timeAt(model, 0), BaseTimeMs + 104'000);
    QCOMPARE(timeAt(model, 9), BaseTimeMs + 3000);

    // Lowering the capacity trims at once, also in one removal.
    model.setCapacity(4);
    QCOMPARE(removed.size(), 2);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(timeAt(model, 3), BaseTimeMs + 101'000);
}

void tst_LiquidationTapeModel::burstLongerThanCapacityKeepsItsNewest()
{
    LiquidationTapeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCapacity(5);
    model.append(burst(0, 2));
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.append(burst(10, 12));

    QCOMPARE(removed.size(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(2).toInt(), 4);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(timeAt(model, 0), BaseTimeMs + 21'000);
    QCOMPARE(timeAt(model, 4), BaseTimeMs + 17'000);
}

void tst_LiquidationTapeModel::largestMarkMoves()
{
    LiquidationTapeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append({liquidation(0, 5000), liquidation(1, 250'000), liquidation(2, 7000)});
    QCOMPARE(largestRows(model), QList<int>{1});
    QCOMPARE(model.largestRow(), 1);

    // Smaller ones arriving move the row, not the mark, and change no data.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.append({liquidation(3, 100), liquidation(4, 250'000)});
    QCOMPARE(largestRows(model), QList<int>{3});
    QCOMPARE(changed.size(), 0);

    // A bigger one: the old row and the new row each change once, whatever the burst's size.
    model.append({liquidation(5, 300'000), liquidation(6, 2'000'000), liquidation(7, 900'000)});
    QCOMPARE(largestRows(model), QList<int>{1});
    QCOMPARE(changed.size(), 2);
    QList<int> changedRows;
    for (const QList<QVariant> &signal : std::as_const(changed)) {
        const auto topLeft = signal.at(0).value<QModelIndex>();
        const auto bottomRight = signal.at(1).value<QModelIndex>();
        QCOMPARE(topLeft.row(), bottomRight.row());
        QCOMPARE(topLeft.column(), 0);
        QCOMPARE(bottomRight.column(), int(LiquidationTapeModel::ColumnCount) - 1);
        QVERIFY(signal.at(2).value<QList<int>>().contains(LiquidationTapeModel::IsLargestRole));
        changedRows.append(topLeft.row());
    }
    std::sort(changedRows.begin(), changedRows.end());
    QCOMPARE(changedRows, (QList<int>{1, 6}));
    QCOMPARE(model.index(1, LiquidationTapeModel::Usd).data().toString(), u"$2.00M"_qs);
}

void tst_LiquidationTapeModel::largestMarkFollowsWhenItDropsOff()
{
    LiquidationTapeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCapacity(3);
    model.append({liquidation(0, 1'000'000), liquidation(1, 40'000), liquidation(2, 60'000)});
    QCOMPARE(largestRows(model), QList<int>{2});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // The million drops off the end: the biggest left, $60K (now row 1), is marked.
    model.append({liquidation(3, 5000)});
    QCOMPARE(largestRows(model), QList<int>{1});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
}

void tst_LiquidationTapeModel::displayTexts_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("display");
    QTest::addColumn<int>("alignment");
    QTest::newRow("time, UTC") << int(LiquidationTapeModel::Time) << u"14:00:07"_qs << int(Qt::AlignLeft);
    QTest::newRow("exchange") << int(LiquidationTapeModel::Exchange) << u"Bybit"_qs << int(Qt::AlignLeft);
    QTest::newRow("coin") << int(LiquidationTapeModel::Coin) << u"ETH"_qs << int(Qt::AlignLeft);
    QTest::newRow("side") << int(LiquidationTapeModel::Side) << u"Short"_qs << int(Qt::AlignLeft);
    QTest::newRow("usd") << int(LiquidationTapeModel::Usd) << u"$819.85K"_qs << int(Qt::AlignRight);
}

void tst_LiquidationTapeModel::displayTexts()
{
    QFETCH(int, column);
    QFETCH(QString, display);
    QFETCH(int, alignment);

    LiquidationTapeModel model;
    model.append({liquidation(7, 819'850, u"ETH"_qs, LiquidatedSide::Short)});
    const QModelIndex index = model.index(0, column);
    QCOMPARE(index.data().toString(), display);
    QCOMPARE(index.data(Qt::TextAlignmentRole).toInt() & Qt::AlignHorizontal_Mask, alignment);
    QCOMPARE(index.data(LiquidationTapeModel::UsdRole).toDouble(), 819'850.0);
    QCOMPARE(index.data(LiquidationTapeModel::SideRole).toInt(), int(LiquidatedSide::Short));
    QCOMPARE(model.headerData(LiquidationTapeModel::Usd, Qt::Horizontal).toString(), u"USD"_qs);
}

void tst_LiquidationTapeModel::toolTipHasTheDetails()
{
    LiquidationTapeModel model;
    LiquidationEvent event = liquidation(7, 48'625.25);
    event.exchangeTimeMs += 234;
    event.quantity = 0.5;
    model.append({event, liquidation(8, 10)});
    const QString tip = model.index(1, LiquidationTapeModel::Coin).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(u"BTCUSDT on Bybit"_qs), qPrintable(tip));
    QVERIFY2(tip.contains(u"Price: 97250.5"_qs), qPrintable(tip));
    QVERIFY2(tip.contains(u"Quantity: 0.5 BTC"_qs), qPrintable(tip));
    QVERIFY2(tip.contains(u"2026-11-20 14:00:07.234 UTC"_qs), qPrintable(tip));
    QVERIFY2(tip.contains(u"largest"_qs), qPrintable(tip));
    QVERIFY(!model.index(0, 0).data(Qt::ToolTipRole).toString().contains(u"largest"_qs));
}

void tst_LiquidationTapeModel::clearEmpties()
{
    LiquidationTapeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append(burst(0, 4));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.clear();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.largestRow(), -1);
    model.append({liquidation(9, 12)});
    QCOMPARE(largestRows(model), QList<int>{0});
}

void tst_LiquidationTapeModel::filterByMinimumSize()
{
    LiquidationTapeModel model;
    model.append(
        {liquidation(0, 9'999), liquidation(1, 10'000), liquidation(2, 150'000), liquidation(3, 2'500'000)});
    LiquidationTapeFilter filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(filter.rowCount(), 4);
    filter.setMinimumUsd(10'000);
    QCOMPARE(filter.rowCount(), 3);
    filter.setMinimumUsd(100'000);
    QCOMPARE(filter.rowCount(), 2);
    // Still newest first.
    QCOMPARE(filter.index(0, LiquidationTapeModel::Usd).data().toString(), u"$2.50M"_qs);
    filter.setMinimumUsd(1e6);
    QCOMPARE(filter.rowCount(), 1);
    filter.setMinimumUsd(0);
    QCOMPARE(filter.rowCount(), 4);
}

void tst_LiquidationTapeModel::filterByCoin()
{
    LiquidationTapeModel model;
    model.append({liquidation(0, 100, u"BTC"_qs), liquidation(1, 200, u"ETH"_qs),
                  liquidation(2, 300, u"ETHFI"_qs), liquidation(3, 400, u"ETH"_qs)});
    LiquidationTapeFilter filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // The coin itself, not every coin whose name starts with it; case and spaces do not matter.
    filter.setCoin(u" eth "_qs);
    QCOMPARE(filter.rowCount(), 2);
    QCOMPARE(filter.index(0, LiquidationTapeModel::Usd).data(LiquidationTapeModel::UsdRole).toDouble(),
             400.0);
    QCOMPARE(filter.index(1, LiquidationTapeModel::Usd).data(LiquidationTapeModel::UsdRole).toDouble(),
             200.0);
    // Both filters at once.
    filter.setMinimumUsd(300);
    QCOMPARE(filter.rowCount(), 1);
    filter.setCoin(QString());
    QCOMPARE(filter.rowCount(), 2);
}

void tst_LiquidationTapeModel::filterFollowsNewBursts()
{
    LiquidationTapeModel model;
    LiquidationTapeFilter filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setMinimumUsd(10'000);
    model.append({liquidation(0, 50'000)});
    QSignalSpy inserted(&filter, &QAbstractItemModel::rowsInserted);
    model.append({liquidation(1, 20'000), liquidation(2, 5), liquidation(3, 30'000)});
    QCOMPARE(filter.rowCount(), 3);
    // The proxy passes a burst on as one insertion at the top too.
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 1);
    QCOMPARE(timeAt(filter, 0), BaseTimeMs + 3000);
    QCOMPARE(timeAt(filter, 1), BaseTimeMs + 1000);
}

QTEST_GUILESS_MAIN(tst_LiquidationTapeModel)
#include "tst_liquidationtapemodel.moc"
