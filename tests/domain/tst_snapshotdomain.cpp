#include "domain/liquidationsnapshot.h"

#include <QTest>

using namespace Liq;

class TestSnapshotDomain final : public QObject
{
    Q_OBJECT

private slots:
    void windowLabels_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<int>("window"); // -1: not a window
        QTest::newRow("1h") << QStringLiteral("1h") << windowIndex(TimeWindow::H1);
        QTest::newRow("upper case") << QStringLiteral("4H") << windowIndex(TimeWindow::H4);
        QTest::newRow("prefix spelling") << QStringLiteral("h12") << windowIndex(TimeWindow::H12);
        QTest::newRow("padded") << QStringLiteral(" 24h ") << windowIndex(TimeWindow::H24);
        QTest::newRow("not a window") << QStringLiteral("2h") << -1;
        QTest::newRow("empty") << QString() << -1;
    }

    void windowLabels()
    {
        QFETCH(QString, label);
        QFETCH(int, window);
        const auto parsed = windowFromLabel(label);
        QCOMPARE(parsed.has_value(), window >= 0);
        if (parsed)
            QCOMPARE(windowIndex(*parsed), window);
    }

    void labelRoundTrip()
    {
        for (TimeWindow window : AllTimeWindows)
            QCOMPARE(windowFromLabel(windowLabel(window)), std::optional<TimeWindow>(window));
        QCOMPARE(windowSeconds(TimeWindow::H24), qint64(86400));
    }

    void sideAmounts()
    {
        const SideAmounts seed24h{66.34e6, 330.70e6};
        QCOMPARE(seed24h.total(), 397.04e6);
        QVERIFY(qAbs(*seed24h.shortShare() - 0.8329) < 1e-4);
        QVERIFY(qAbs(*seed24h.longShortRatio() - 0.2006) < 1e-4);
        QVERIFY(!SideAmounts{}.shortShare().has_value());
        QVERIFY(!SideAmounts{}.longShortRatio().has_value());
    }

    void windowAmountsPresence()
    {
        WindowAmounts amounts;
        QVERIFY(amounts.isEmpty());
        amounts.set(TimeWindow::H4, {1.0, 2.0});
        QCOMPARE(amounts.count(), 1);
        QVERIFY(amounts.has(TimeWindow::H4));
        QVERIFY(!amounts.has(TimeWindow::H1));
        QVERIFY(!amounts.isComplete());
        QCOMPARE(amounts.at(TimeWindow::H4).shortUsd, 2.0);
        amounts.clear(TimeWindow::H4);
        QVERIFY(amounts.isEmpty());
    }

    void scopedToRow()
    {
        LiquidationSnapshot snapshot;
        snapshot.asOf = QDateTime(QDate(2026, 11, 20), QTime(14, 0), Qt::UTC);
        snapshot.source = QStringLiteral("test");
        snapshot.scope = QStringLiteral("All exchanges");
        snapshot.totals.set(TimeWindow::H1, {10.0, 20.0});
        snapshot.breakdownKind = BreakdownKind::Coin;
        BreakdownRow btc{QStringLiteral("BTC"), {}};
        btc.amounts.set(TimeWindow::H1, {4.0, 5.0});
        snapshot.breakdown = {btc};

        QCOMPARE(snapshot.breakdownRowNamed(u"btc"), 0);
        QCOMPARE(snapshot.breakdownRowNamed(u"ETH"), -1);
        const LiquidationSnapshot scoped = snapshot.scopedTo(0);
        QCOMPARE(scoped.scope, QStringLiteral("BTC"));
        QCOMPARE(scoped.totals, btc.amounts);
        QCOMPARE(scoped.asOf, snapshot.asOf);
        QVERIFY(scoped.breakdown.isEmpty());
        QCOMPARE(scoped.breakdownKind, BreakdownKind::None);
        QVERIFY(scoped != snapshot);
    }
};

QTEST_GUILESS_MAIN(TestSnapshotDomain)
#include "tst_snapshotdomain.moc"
