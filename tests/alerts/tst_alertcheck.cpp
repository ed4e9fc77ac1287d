#include "alerts/alertcheck.h"
#include "alerts/alertjson.h"
#include "alerttestdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Liq;
using namespace Liq::AlertTestData;

namespace {

AlertRule rule(const QString &text)
{
    return *AlertRule::parse(text);
}

AlertReading read(const QString &text, const LiquidationSnapshot &snapshot,
                  AlertThreshold threshold = AlertThreshold::Enter)
{
    return readAlertRule(rule(text), snapshot, analyzeSnapshot(snapshot), threshold);
}

// An observed snapshot (as the exchange streams build it) whose largest liquidation of the last hour is a
// $400K BTC short on Bybit.
LiquidationSnapshot observedAt(qint64 ms)
{
    LiquidationSnapshot snapshot = coinsAt(ms, 300e6);
    const LargestLiquidation largest{Exchange::Bybit, QStringLiteral("BTC"), LiquidatedSide::Short, 400e3,
                                     snapshot.asOf.addSecs(-600)};
    std::array<WindowEvents, TimeWindowCount> events;
    events.fill(WindowEvents{10, 30, largest});
    Observation observation;
    observation.events = events;
    observation.coverage = {{Exchange::Bybit, snapshot.asOf.addSecs(-48 * 3600)}};
    snapshot.observation = observation;
    return snapshot;
}

} // namespace

class TestAlertCheck final : public QObject
{
    Q_OBJECT

private slots:
    void evaluateSaysWhichHold()
    {
        const LiquidationSnapshot snapshot = marketAt(T0, 0.9, 420e6);
        const QList<Alerts::RuleResult> results = Alerts::evaluate(
            {rule(QStringLiteral("squeeze>=strong")), rule(QStringLiteral("squeeze>=extreme")),
             rule(QStringLiteral("total:1h>=18M:short")), rule(QStringLiteral("Total:4h>=1B")),
             rule(QStringLiteral("momentum=accelerating"))},
            snapshot, analyzeSnapshot(snapshot));
        QCOMPARE(results.size(), 5);
        QCOMPARE(results.at(0).rule, QStringLiteral("squeeze>=strong"));
        QVERIFY(results.at(0).fired);
        QCOMPARE(results.at(0).text, QStringLiteral("strong short squeeze, score 60 of 100"));
        QVERIFY(!results.at(1).fired);
        QVERIFY(results.at(2).fired); // the 1h window holds 5% of $420M, 90% of it shorts
        QCOMPARE(results.at(2).text,
                 QStringLiteral("$21.00M liquidated in 1h (longs $2.10M, shorts $18.90M)"));
        QCOMPARE(results.at(3).rule, QStringLiteral("total:4h>=1B"));
        QVERIFY(!results.at(3).fired);
        QVERIFY(!results.at(4).fired);
        QCOMPARE(results.at(4).text, QStringLiteral("momentum steady, 1.20× the 24h pace"));
    }

    void whatASnapshotCannotTell()
    {
        const LiquidationSnapshot market = marketAt(T0, 0.9, 420e6);
        const AlertReading noRow = read(QStringLiteral("squeeze>=mild@BTC"), market);
        QVERIFY(!noRow.holds);
        QCOMPARE(noRow.text, QStringLiteral("no BTC in this data"));
        QVERIFY(!read(QStringLiteral("cascade>=1M/5m"), market).holds);
        const AlertReading noEvents = read(QStringLiteral("liquidation>=1k"), market);
        QVERIFY(!noEvents.holds);
        QVERIFY2(noEvents.text.contains(QStringLiteral("no single liquidations")), qPrintable(noEvents.text));
        LiquidationSnapshot dayOnly;
        dayOnly.asOf = market.asOf;
        dayOnly.totals.set(TimeWindow::H24, {1e6, 2e6});
        QVERIFY(!read(QStringLiteral("total:1h>=1"), dayOnly).holds);
        QVERIFY(!read(QStringLiteral("momentum=fading"), dayOnly).holds);
        QCOMPARE(read(QStringLiteral("total:24h>=3M"), dayOnly).holds, std::optional(true));
    }

    void largestLiquidationOfObservedData()
    {
        const LiquidationSnapshot snapshot = observedAt(T0);
        QCOMPARE(read(QStringLiteral("liquidation>=250k"), snapshot).holds, std::optional(true));
        QCOMPARE(read(QStringLiteral("liquidation>=250k:short@bybit"), snapshot).holds, std::optional(true));
        QCOMPARE(read(QStringLiteral("liquidation>=500k"), snapshot).holds, std::optional(false));
        // The largest is a short: of the longs, only that none was larger is known.
        QVERIFY(!read(QStringLiteral("liquidation>=250k:long"), snapshot).holds);
        QCOMPARE(read(QStringLiteral("liquidation>=500k:long"), snapshot).holds, std::optional(false));
        const AlertReading holds = read(QStringLiteral("liquidation>=250k@BTC"), snapshot);
        QCOMPARE(holds.alert.title, QStringLiteral("Liquidation of $400.00K on BTC"));
        QCOMPARE(holds.text,
                 QStringLiteral("the largest liquidation of the last hour: $400.00K short BTC on Bybit"));
    }

    void scopedRowJudgedAgainstItsShare()
    {
        // BTC alone, $300M a day of $500M: judged against 60% of the baselines, as the scoped dashboard.
        const LiquidationSnapshot snapshot = coinsAt(T0, 300e6);
        const AlertReading btc = read(QStringLiteral("squeeze>=strong@btc"), snapshot);
        QCOMPARE(btc.holds, std::optional(true));
        QCOMPARE(btc.alert.coin, QStringLiteral("BTC"));
        QCOMPARE(btc.alert.title, QStringLiteral("Strong short squeeze on BTC"));
        QCOMPARE(btc.text, QStringLiteral("strong short squeeze on BTC, score 71 of 100"));
        QCOMPARE(read(QStringLiteral("squeeze>=mild@ETH"), snapshot).holds, std::optional(false));
        // An exchange row comes from the other breakdown.
        QCOMPARE(read(QStringLiteral("total:1h>=15M@binance"), snapshot).holds, std::optional(true));
        QCOMPARE(read(QStringLiteral("total:1h>=15M@okx"), snapshot).holds, std::optional(false));
        QVERIFY(!read(QStringLiteral("total:1h>=1@bybit"), snapshot).holds);
    }

    void stayingIsEasierThanEntering()
    {
        const LiquidationSnapshot score47 = marketAt(T0, 0.9, 330e6);
        QCOMPARE(read(QStringLiteral("squeeze>=strong"), score47).holds, std::optional(false));
        QCOMPARE(read(QStringLiteral("squeeze>=strong"), score47, AlertThreshold::Stay).holds,
                 std::optional(true));
        const LiquidationSnapshot score39 = marketAt(T0, 0.9, 270e6);
        QCOMPARE(read(QStringLiteral("squeeze>=strong"), score39, AlertThreshold::Stay).holds,
                 std::optional(false));
        const LiquidationSnapshot hour = marketAt(T0, 0.5, 190e6); // 1h: $9.5M
        QCOMPARE(read(QStringLiteral("total:1h>=10M"), hour).holds, std::optional(false));
        QCOMPARE(read(QStringLiteral("total:1h>=10M"), hour, AlertThreshold::Stay).holds,
                 std::optional(true));
    }

    void jsonAppendsAlertsLast()
    {
        const QByteArray analysis = "{\n  \"scope\": \"All\",\n  \"warnings\": []\n}\n";
        const QByteArray json = withAlertsJson(
            analysis,
            {{QStringLiteral("squeeze>=strong"), true, QStringLiteral("strong short squeeze")},
             {QStringLiteral("total:1h>=50M"), false, QStringLiteral("$1.00M")}});
        QVERIFY2(json.startsWith("{\n  \"scope\": \"All\",\n  \"warnings\": [],\n  \"alerts\": [\n"),
                 json.constData());
        const QJsonArray alerts
            = QJsonDocument::fromJson(json).object().value(QStringLiteral("alerts")).toArray();
        QCOMPARE(alerts.size(), 2);
        QCOMPARE(alerts.at(0).toObject().value(QStringLiteral("fired")).toBool(), true);
        QCOMPARE(alerts.at(1).toObject().value(QStringLiteral("rule")).toString(),
                 QStringLiteral("total:1h>=50M"));
        QCOMPARE(alerts.at(1).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("$1.00M"));
    }
};

QTEST_GUILESS_MAIN(TestAlertCheck)
#include "tst_alertcheck.moc"
