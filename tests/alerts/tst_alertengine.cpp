#include "alerts/alertengine.h"
#include "alerttestdata.h"

#include <QTest>

using namespace Liq;
using namespace Liq::AlertTestData;

namespace {

constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;

QList<AlertRule> rulesOf(const QStringList &texts)
{
    QList<AlertRule> rules;
    for (const QString &text : texts)
        rules << *AlertRule::parse(text);
    return rules;
}

// An engine on an injected clock that starts at T0, and the alerts it raised.
struct Harness
{
    explicit Harness(const QStringList &rules)
    {
        engine.setRules(rulesOf(rules));
        QObject::connect(&engine, &AlertEngine::alertRaised, &scope,
                         [this](const Alert &alert) { alerts << alert; });
    }

    // The whole market at the clock's time, analysed with the default thresholds.
    void feed(const LiquidationSnapshot &snapshot, AlertDataOrigin origin = AlertDataOrigin::Live)
    {
        engine.feedSnapshot(snapshot, analyzeSnapshot(snapshot), origin);
    }
    void feedMarket(double shortShare, double dayTotal) { feed(marketAt(now, shortShare, dayTotal)); }
    void feedLiquidation(double usd, LiquidatedSide side, const QString &coin = QStringLiteral("BTC"),
                         Exchange exchange = Exchange::Binance)
    {
        engine.feedEvents({liquidation(now, usd, side, coin, exchange)});
    }
    void advance(qint64 ms)
    {
        now += ms;
        engine.checkTime();
    }

    qint64 now = T0;
    AlertEngine engine{[this] {
        return now;
    }};
    QList<Alert> alerts;
    QObject scope; // last: disconnects before the engine goes
};

} // namespace

class TestAlertEngine final : public QObject
{
    Q_OBJECT

private slots:
    void firesOnTheEdgeOnly()
    {
        Harness h({QStringLiteral("squeeze>=strong")});
        h.feedMarket(0.9, 200e6); // score 29: mild
        QCOMPARE(h.alerts.size(), 0);
        h.advance(Minute);
        h.feedMarket(0.9, 420e6); // score 60: strong
        QCOMPARE(h.alerts.size(), 1);
        const Alert &alert = h.alerts.constFirst();
        QCOMPARE(alert.rule, QStringLiteral("squeeze>=strong"));
        QCOMPARE(alert.title, QStringLiteral("Strong short squeeze"));
        QVERIFY2(alert.body.contains(QStringLiteral("score")), qPrintable(alert.body));
        QCOMPARE(alert.urgency, AlertUrgency::Normal);
        QCOMPARE(alert.time.toMSecsSinceEpoch(), h.now);
        // Staying true, even stronger, is not a new edge.
        for (int i = 0; i < 5; ++i) {
            h.advance(Minute);
            h.feedMarket(0.9, 420e6 + i * 10e6);
        }
        QCOMPARE(h.alerts.size(), 1);
    }

    void urgencyFollowsTheLevel()
    {
        Harness h({QStringLiteral("squeeze>=mild")});
        h.feedMarket(0.9, 600e6); // score 86: extreme
        QCOMPARE(h.alerts.size(), 1);
        QCOMPARE(h.alerts.constFirst().urgency, AlertUrgency::Critical);
        QCOMPARE(h.alerts.constFirst().title, QStringLiteral("Extreme short squeeze"));
    }

    void sideMustMatch()
    {
        Harness h({QStringLiteral("squeeze>=mild:long")});
        h.feedMarket(0.9, 420e6); // a short squeeze
        QCOMPARE(h.alerts.size(), 0);
        h.advance(Minute);
        h.feedMarket(0.1, 420e6); // a long squeeze
        QCOMPARE(h.alerts.size(), 1);
        QCOMPARE(h.alerts.constFirst().title, QStringLiteral("Strong long squeeze"));
    }

    void hysteresisHoldsAWobblingScore()
    {
        Harness h({QStringLiteral("squeeze>=strong")});
        AlertTiming timing;
        timing.cooldownMs = 0; // only the hysteresis stands between the wobbles and a storm
        h.engine.setTiming(timing);
        h.feedMarket(0.9, 360e6); // 51: strong
        QCOMPARE(h.alerts.size(), 1);
        for (int i = 0; i < 6; ++i) {
            h.advance(Minute);
            h.feedMarket(0.9, i % 2 == 0 ? 330e6 : 360e6); // 47 (mild, above 40) and 51
        }
        QCOMPARE(h.alerts.size(), 1);
        h.advance(Minute);
        h.feedMarket(0.9, 270e6); // 39: below the relaxed threshold, re-armed
        h.advance(Minute);
        h.feedMarket(0.9, 360e6);
        QCOMPARE(h.alerts.size(), 2);
    }

    void cooldownPerRule()
    {
        Harness h({QStringLiteral("squeeze>=strong"), QStringLiteral("total:1h>=20M")});
        h.feedMarket(0.9, 420e6); // strong; 1h $21M
        QCOMPARE(h.alerts.size(), 2);
        h.advance(Minute);
        h.feedMarket(0.5, 100e6); // both false
        h.advance(4 * Minute);
        h.feedMarket(0.9, 420e6); // both true again within 10 min: quiet
        QCOMPARE(h.alerts.size(), 2);
        h.advance(Minute);
        h.feedMarket(0.5, 100e6);
        h.advance(10 * Minute);
        h.feedMarket(0.9, 420e6);
        QCOMPARE(h.alerts.size(), 4);
    }

    void totalsWithSideAndHysteresis()
    {
        Harness h({QStringLiteral("total:1h>=10M:long")});
        h.engine.setTiming({0});
        h.feedMarket(0.5, 300e6); // 1h: $7.5M longs
        QCOMPARE(h.alerts.size(), 0);
        h.feedMarket(0.5, 420e6); // $10.5M longs
        QCOMPARE(h.alerts.size(), 1);
        QCOMPARE(h.alerts.constFirst().side, std::optional(LiquidatedSide::Long));
        QCOMPARE(h.alerts.constFirst().sumUsd, 10.5e6);
        h.feedMarket(0.5, 380e6); // $9.5M: at least 90%, still on
        h.feedMarket(0.5, 420e6);
        QCOMPARE(h.alerts.size(), 1);
        h.feedMarket(0.5, 340e6); // $8.5M: off
        h.feedMarket(0.5, 420e6);
        QCOMPARE(h.alerts.size(), 2);
    }

    void momentumAccelerating()
    {
        Harness h({QStringLiteral("momentum=accelerating")});
        h.engine.setTiming({0});
        h.feed(marketAt(h.now, 0.5, 100e6, 0.04)); // ratio 0.96: steady
        h.feed(marketAt(h.now, 0.5, 100e6, 0.08)); // 1.92: accelerating
        QCOMPARE(h.alerts.size(), 1);
        QCOMPARE(h.alerts.constFirst().urgency, AlertUrgency::Low);
        h.feed(marketAt(h.now, 0.5, 100e6, 0.06)); // 1.44: above 1.35, stays
        h.feed(marketAt(h.now, 0.5, 100e6, 0.08));
        QCOMPARE(h.alerts.size(), 1);
        h.feed(marketAt(h.now, 0.5, 100e6, 0.05)); // 1.2: re-armed
        h.feed(marketAt(h.now, 0.5, 100e6, 0.08));
        QCOMPARE(h.alerts.size(), 2);
    }

    void burstIsOneAlert()
    {
        Harness h({QStringLiteral("liquidation>=250k")});
        h.feedLiquidation(300e3, LiquidatedSide::Short);
        h.advance(Second);
        h.feedLiquidation(100e3, LiquidatedSide::Short); // below the amount: not counted
        h.feedLiquidation(1e6, LiquidatedSide::Short);
        h.advance(2 * Second);
        h.feedLiquidation(400e3, LiquidatedSide::Long);
        h.advance(4 * Second);
        QCOMPARE(h.alerts.size(), 0); // the burst is still open (5 s gap)
        h.advance(Second);
        QCOMPARE(h.alerts.size(), 1);
        const Alert &alert = h.alerts.constFirst();
        QCOMPARE(alert.count, 3);
        QCOMPARE(alert.sumUsd, 1.7e6);
        QCOMPARE(alert.side, std::optional(LiquidatedSide::Short));
        QCOMPARE(alert.coin, QStringLiteral("BTC"));
        QCOMPARE(alert.title, QStringLiteral("3 liquidations of $250K or more on BTC"));
        QCOMPARE(alert.body,
                 QStringLiteral("3 liquidations of $250K or more on BTC on Binance in 3 s: $1.70M in all, "
                                "mostly shorts; the largest $1.00M."));
        QCOMPARE(alert.urgency, AlertUrgency::Critical); // $1.7M: over 4 times $250K
    }

    void singleLiquidationSaysWhat()
    {
        Harness h({QStringLiteral("liquidation>=250k")});
        h.feedLiquidation(312.45e3, LiquidatedSide::Long, QStringLiteral("ETH"), Exchange::Bybit);
        h.advance(5 * Second);
        QCOMPARE(h.alerts.size(), 1);
        QCOMPARE(h.alerts.constFirst().title, QStringLiteral("Liquidation of $312.45K on ETH"));
        QCOMPARE(h.alerts.constFirst().body,
                 QStringLiteral("A long position of $312.45K was liquidated on ETH on Bybit."));
        QCOMPARE(h.alerts.constFirst().urgency, AlertUrgency::Normal);
    }

    void ownTimerClosesBursts()
    {
        Harness h({QStringLiteral("liquidation>=250k")});
        h.feedLiquidation(300e3, LiquidatedSide::Long);
        h.now += 6 * Second; // nobody calls checkTime(): the engine's timer looks every second
        QTRY_COMPARE_WITH_TIMEOUT(h.alerts.size(), 1, 5000);
    }

    void stormIsOneAlertAMinute()
    {
        Harness h({QStringLiteral("liquidation>=250k")});
        int fed = 0;
        // A liquidation every 2 s for 150 s: never a 5 s gap.
        for (int i = 0; i < 75; ++i) {
            h.feedLiquidation(300e3, LiquidatedSide::Long);
            ++fed;
            h.advance(2 * Second);
        }
        // One at 60 s (the longest burst), the next a minute after it (the burst cooldown).
        QCOMPARE(h.alerts.size(), 2);
        h.advance(60 * Second);
        QCOMPARE(h.alerts.size(), 3);
        int counted = 0;
        for (const Alert &alert : std::as_const(h.alerts))
            counted += alert.count;
        QCOMPARE(counted, fed); // nothing lost
    }

    void cascadeOfOneSide()
    {
        Harness h({QStringLiteral("cascade>=5M/5m:long")});
        for (int i = 0; i < 4; ++i) {
            h.feedLiquidation(1e6, LiquidatedSide::Long);
            h.feedLiquidation(2e6, LiquidatedSide::Short); // the other side does not count
            h.advance(Minute);
        }
        QCOMPARE(h.alerts.size(), 0);
        h.feedLiquidation(1e6, LiquidatedSide::Long, QStringLiteral("ETH")); // $5M of longs within 5 min
        QCOMPARE(h.alerts.size(), 1);
        const Alert &alert = h.alerts.constFirst();
        QCOMPARE(alert.sumUsd, 5e6);
        QCOMPARE(alert.count, 5);
        QCOMPARE(alert.side, std::optional(LiquidatedSide::Long));
        QCOMPARE(alert.title, QStringLiteral("Long liquidation cascade"));
        // More of it is the same cascade.
        h.feedLiquidation(1e6, LiquidatedSide::Long);
        QCOMPARE(h.alerts.size(), 1);
        // Aged out (and past the cooldown), a new cascade fires again.
        h.advance(11 * Minute);
        for (int i = 0; i < 5; ++i)
            h.feedLiquidation(1e6, LiquidatedSide::Long);
        QCOMPARE(h.alerts.size(), 2);
    }

    void cascadeHysteresis()
    {
        Harness h({QStringLiteral("cascade>=5M/5m")});
        h.engine.setTiming({0});
        h.feedLiquidation(0.5e6, LiquidatedSide::Short);
        h.advance(Minute);
        h.feedLiquidation(4.5e6, LiquidatedSide::Short); // $5M within 5 min
        QCOMPARE(h.alerts.size(), 1);
        QCOMPARE(h.alerts.constFirst().side, std::optional(LiquidatedSide::Short));
        h.advance(4 * Minute); // the first $0.5M ages out: $4.5M, still 90%
        h.feedLiquidation(0.5e6, LiquidatedSide::Short); // back to $5M: the same cascade
        QCOMPARE(h.alerts.size(), 1);
        h.advance(Minute); // $0.5M left: over
        h.feedLiquidation(5e6, LiquidatedSide::Short);
        QCOMPARE(h.alerts.size(), 2);
    }

    void replayNeverFires()
    {
        Harness h({QStringLiteral("liquidation>=250k"), QStringLiteral("cascade>=1M/5m"),
                   QStringLiteral("squeeze>=strong")});
        // Before the engine started, marked replay, stale: none counts.
        h.now += 10 * Second;
        h.engine.feedEvents({liquidation(T0 - Second, 5e6, LiquidatedSide::Long)});
        h.engine.feedEvents({liquidation(h.now, 5e6, LiquidatedSide::Long)}, AlertDataOrigin::Replay);
        h.now += 5 * Minute;
        h.engine.feedEvents({liquidation(h.now - 3 * Minute, 5e6, LiquidatedSide::Long)});
        h.engine.feedEvents({liquidation(0, 5e6, LiquidatedSide::Long)}); // no time: never live
        // A snapshot marked replay, or of the past, sets the state without firing.
        h.feed(marketAt(h.now, 0.9, 420e6), AlertDataOrigin::Replay);
        h.feed(marketAt(h.now - 11 * Minute, 0.9, 420e6));
        h.advance(Minute);
        QCOMPARE(h.alerts.size(), 0);
        // Live data continuing what was replayed is not an edge either.
        h.feedMarket(0.9, 420e6);
        QCOMPARE(h.alerts.size(), 0);
        // A new edge in live data fires.
        h.feedMarket(0.5, 100e6);
        h.feedMarket(0.9, 420e6);
        QCOMPARE(h.alerts.size(), 1);
    }

    void scopeByCoin()
    {
        Harness h({QStringLiteral("squeeze>=mild@BTC"), QStringLiteral("squeeze>=mild@ETH"),
                   QStringLiteral("squeeze>=mild@DOGE"), QStringLiteral("liquidation>=100k@eth")});
        h.feed(coinsAt(h.now, 300e6));
        QCOMPARE(h.alerts.size(), 1);
        QCOMPARE(h.alerts.constFirst().rule, QStringLiteral("squeeze>=mild@BTC"));
        QCOMPARE(h.alerts.constFirst().coin, QStringLiteral("BTC"));
        QVERIFY(h.alerts.constFirst().title.endsWith(QStringLiteral(" on BTC")));
        h.feedLiquidation(500e3, LiquidatedSide::Long, QStringLiteral("BTC"));
        h.feedLiquidation(200e3, LiquidatedSide::Short, QStringLiteral("eth"));
        h.advance(10 * Second);
        QCOMPARE(h.alerts.size(), 2);
        QCOMPARE(h.alerts.constLast().rule, QStringLiteral("liquidation>=100k@ETH"));
        QCOMPARE(h.alerts.constLast().sumUsd, 200e3);
    }

    void scopeByExchange()
    {
        Harness h({QStringLiteral("total:1h>=14M@binance"), QStringLiteral("total:1h>=14M@okx"),
                   QStringLiteral("liquidation>=100k@okx")});
        h.feed(coinsAt(h.now, 300e6)); // Binance 1h $15M, OKX $10M
        QCOMPARE(h.alerts.size(), 1);
        QCOMPARE(h.alerts.constFirst().rule, QStringLiteral("total:1h>=14M@binance"));
        QCOMPARE(h.alerts.constFirst().title, QStringLiteral("$15.00M liquidated in 1h on Binance"));
        h.feedLiquidation(500e3, LiquidatedSide::Long, QStringLiteral("BTC"), Exchange::Binance);
        h.feedLiquidation(150e3, LiquidatedSide::Long, QStringLiteral("SOL"), Exchange::Okx);
        h.advance(10 * Second);
        QCOMPARE(h.alerts.size(), 2);
        QCOMPARE(h.alerts.constLast().sumUsd, 150e3);
        QCOMPARE(h.alerts.constLast().title, QStringLiteral("Liquidation of $150.00K on SOL"));
    }

    void pausedRaisesNothingLater()
    {
        Harness h({QStringLiteral("liquidation>=250k")});
        h.engine.pauseUntil(h.now + Minute);
        QVERIFY(h.engine.isPaused());
        h.feedLiquidation(300e3, LiquidatedSide::Long);
        h.advance(10 * Second);
        h.advance(Minute);
        QVERIFY(!h.engine.isPaused());
        h.advance(Minute);
        QCOMPARE(h.alerts.size(), 0);
    }

    void keptRulesKeepTheirState()
    {
        Harness h({QStringLiteral("squeeze>=strong")});
        h.feedMarket(0.9, 420e6);
        QCOMPARE(h.alerts.size(), 1);
        h.engine.setRules(rulesOf({QStringLiteral("squeeze>=strong"), QStringLiteral("total:24h>=400M")}));
        h.feedMarket(0.9, 420e6);
        QCOMPARE(h.alerts.size(), 2); // only the new rule
        QCOMPARE(h.alerts.constLast().rule, QStringLiteral("total:24h>=400M"));
    }
};

QTEST_GUILESS_MAIN(TestAlertEngine)
#include "tst_alertengine.moc"
