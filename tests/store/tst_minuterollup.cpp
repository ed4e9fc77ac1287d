// The store's per-minute rollup: entries add up per exchange × coin × side, merge, and survive packing;
// bytes that are not what pack() writes are refused whole.
#include "store/minuterollup.h"

#include <QTest>

#include <limits>

using namespace Liq;

namespace {

MinuteRollup::Entry entry(quint32 coin, Exchange exchange, LiquidatedSide side, double usd, quint32 count = 1)
{
    return {coin, exchange, side, count, usd, usd};
}

} // namespace

class tst_MinuteRollup final : public QObject
{
    Q_OBJECT

private slots:
    void addCombinesTheSameKey();
    void mergeAddsUp();
    void packRoundTrips();
    void damagedBytesAreRefused_data();
    void damagedBytesAreRefused();
};

void tst_MinuteRollup::addCombinesTheSameKey()
{
    MinuteRollup rollup;
    rollup.add(entry(7, Exchange::Okx, LiquidatedSide::Short, 100));
    rollup.add(entry(2, Exchange::Binance, LiquidatedSide::Long, 50));
    rollup.add(entry(7, Exchange::Okx, LiquidatedSide::Short, 300));
    rollup.add(entry(7, Exchange::Okx, LiquidatedSide::Long, 1));
    const std::vector<MinuteRollup::Entry> &entries = rollup.entries();
    QCOMPARE(entries.size(), size_t(3));
    QCOMPARE(entries.at(0).coinId, 2U); // sorted by coin, exchange, side
    QCOMPARE(entries.at(1).side, LiquidatedSide::Long);
    QCOMPARE(entries.at(2).count, 2U);
    QCOMPARE(entries.at(2).usd, 400.0);
    QCOMPARE(entries.at(2).largestUsd, 300.0);
}

void tst_MinuteRollup::mergeAddsUp()
{
    MinuteRollup a;
    a.add(entry(1, Exchange::Binance, LiquidatedSide::Long, 10));
    a.add(entry(3, Exchange::Bybit, LiquidatedSide::Short, 30));
    MinuteRollup b;
    b.add(entry(2, Exchange::Binance, LiquidatedSide::Long, 20));
    b.add(entry(3, Exchange::Bybit, LiquidatedSide::Short, 90, 4));
    b.add(entry(9, Exchange::Okx, LiquidatedSide::Long, 5));
    a.merge(b);
    const std::vector<MinuteRollup::Entry> &entries = a.entries();
    QCOMPARE(entries.size(), size_t(4));
    QCOMPARE(entries.at(1).coinId, 2U);
    QCOMPARE(entries.at(2).count, 5U);
    QCOMPARE(entries.at(2).usd, 120.0);
    QCOMPARE(entries.at(2).largestUsd, 90.0);
    QCOMPARE(entries.at(3).coinId, 9U);
}

void tst_MinuteRollup::packRoundTrips()
{
    MinuteRollup rollup;
    rollup.add(entry(70000, Exchange::Okx, LiquidatedSide::Short, 1234567.25, 3));
    rollup.add(entry(1, Exchange::Bybit, LiquidatedSide::Long, 0.5));
    const QByteArray packed = rollup.pack();
    QCOMPARE(packed.size(), 2 * MinuteRollup::PackedEntrySize);
    MinuteRollup back;
    QVERIFY(MinuteRollup::unpack(packed, &back));
    QCOMPARE(back.entries().size(), size_t(2));
    QCOMPARE(back.entries().at(1).coinId, 70000U);
    QCOMPARE(back.entries().at(1).exchange, Exchange::Okx);
    QCOMPARE(back.entries().at(1).count, 3U);
    QCOMPARE(back.entries().at(1).usd, 1234567.25);
    QCOMPARE(back.pack(), packed);
    QVERIFY(MinuteRollup::unpack(QByteArray(), &back));
    QVERIFY(back.isEmpty());
}

void tst_MinuteRollup::damagedBytesAreRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    MinuteRollup rollup;
    rollup.add(entry(1, Exchange::Binance, LiquidatedSide::Long, 10));
    rollup.add(entry(2, Exchange::Binance, LiquidatedSide::Long, 20));
    const QByteArray good = rollup.pack();
    QTest::newRow("cut short") << good.left(good.size() - 1);
    QByteArray exchange = good;
    exchange[4] = char(9);
    QTest::newRow("no such exchange") << exchange;
    QByteArray side = good;
    side[5] = char(2);
    QTest::newRow("no such side") << side;
    QTest::newRow("out of order") << good.mid(MinuteRollup::PackedEntrySize)
            + good.left(MinuteRollup::PackedEntrySize);
    QTest::newRow("twice") << good.left(MinuteRollup::PackedEntrySize)
            + good.left(MinuteRollup::PackedEntrySize);
    MinuteRollup nan;
    nan.add(entry(1, Exchange::Binance, LiquidatedSide::Long, std::numeric_limits<double>::quiet_NaN()));
    QTest::newRow("not a number") << nan.pack();
    MinuteRollup negative;
    negative.add(entry(1, Exchange::Binance, LiquidatedSide::Long, -1));
    QTest::newRow("negative") << negative.pack();
}

void tst_MinuteRollup::damagedBytesAreRefused()
{
    QFETCH(QByteArray, bytes);
    MinuteRollup rollup;
    rollup.add(entry(5, Exchange::Okx, LiquidatedSide::Long, 1));
    QVERIFY(!MinuteRollup::unpack(bytes, &rollup));
    QVERIFY(rollup.isEmpty()); // refused whole, never half-read
}

int main(int argc, char **argv)
{
    tst_MinuteRollup test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_minuterollup.moc"
