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

    void observationCoverageAndPartialWindows()
    {
        const QDateTime asOf(QDate(2026, 11, 20), QTime(14, 0), Qt::UTC);
        Observation observation;
        observation.coverage
            = {{Exchange::Binance, asOf.addSecs(-2 * 3600)}, {Exchange::Okx, asOf.addSecs(-38 * 60)}};
        // Every exchange must have watched a window for it to be whole: the latest start counts.
        QCOMPARE(observation.coveredSince(), asOf.addSecs(-38 * 60));
        QCOMPARE(observation.coveredSeconds(asOf), qint64(38 * 60));
        QVERIFY(observation.isPartial(TimeWindow::H1, asOf));
        QCOMPARE(observation.partialText(asOf), u"1h, 4h, 12h and 24h partial: 38 min observed"_qs);
        observation.coverage[1].observedSince = asOf.addSecs(-5 * 3600);
        QVERIFY(!observation.isPartial(TimeWindow::H1, asOf));
        QVERIFY(observation.isPartial(TimeWindow::H4, asOf)); // Binance: only 2 h
        QCOMPARE(observation.partialText(asOf), u"4h, 12h and 24h partial: 2 h 0 min observed"_qs);
        observation.coverage[0].observedSince = asOf.addDays(-2);
        observation.coverage[1].observedSince = asOf.addDays(-1);
        QVERIFY(observation.partialText(asOf).isEmpty());
        // An exchange that has observed nothing yet leaves every window partial.
        observation.coverage.append({Exchange::Bybit, QDateTime()});
        QVERIFY(!observation.coveredSince().isValid());
        QCOMPARE(observation.partialText(asOf), u"1h, 4h, 12h and 24h partial: nothing observed yet"_qs);
        QCOMPARE(observation.exchangeList(), u"Binance, OKX, Bybit"_qs);
    }

    void otherBreakdownSwapsAndScopingKeepsCoverage()
    {
        LiquidationSnapshot snapshot;
        snapshot.asOf = QDateTime(QDate(2026, 11, 20), QTime(14, 0), Qt::UTC);
        snapshot.breakdownKind = BreakdownKind::Coin;
        BreakdownRow btc;
        btc.name = QStringLiteral("BTC");
        btc.amounts.set(TimeWindow::H1, {1.0, 2.0});
        BreakdownRow okx;
        okx.name = QStringLiteral("OKX");
        okx.amounts.set(TimeWindow::H1, {3.0, 4.0});
        snapshot.breakdown = {btc};
        snapshot.otherBreakdownKind = BreakdownKind::Exchange;
        snapshot.otherBreakdown = {okx};
        snapshot.totals = btc.amounts;
        Observation observation;
        observation.events.emplace();
        observation.coverage = {{Exchange::Okx, snapshot.asOf.addSecs(-600)}};
        snapshot.observation = observation;

        const LiquidationSnapshot byExchange = snapshot.showingBreakdown(BreakdownKind::Exchange);
        QCOMPARE(byExchange.breakdownKind, BreakdownKind::Exchange);
        QCOMPARE(byExchange.breakdown, QList<BreakdownRow>{okx});
        QCOMPARE(byExchange.otherBreakdown, QList<BreakdownRow>{btc});
        QCOMPARE(byExchange.showingBreakdown(BreakdownKind::Coin), snapshot);
        QCOMPARE(snapshot.showingBreakdown(BreakdownKind::None), snapshot);
        // One row of it keeps the coverage (still partial) but not the market-wide counts.
        const LiquidationSnapshot scoped = snapshot.scopedTo(0);
        QVERIFY(scoped.observation);
        QVERIFY(!scoped.observation->events);
        QCOMPARE(scoped.observation->coverage, observation.coverage);
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
