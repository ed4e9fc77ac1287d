#include "analysis/marketanalysis.h"
#include "analysistestdata.h"

#include <QTest>

using namespace Liq;
using namespace Liq::TestData;

Q_DECLARE_METATYPE(Liq::SqueezeSide)
Q_DECLARE_METATYPE(Liq::SqueezeLevel)
Q_DECLARE_METATYPE(Liq::TimeWindow)

namespace {

SqueezeSignal signalOf(const LiquidationSnapshot &snapshot, const AnalysisConfig &config = {})
{
    return analyzeSnapshot(snapshot, config).signal;
}

// The 24h baseline: uniformSnapshot()'s magnitude is dayTotal / this.
const double DayBaseline = AnalysisConfig().baseline(TimeWindow::H24);

} // namespace

class TestSqueezeSignal final : public QObject
{
    Q_OBJECT

private slots:
    void seedIsAStrongShortSqueeze()
    {
        const SqueezeSignal signal = signalOf(seedSnapshot());
        QCOMPARE(signal.side, SqueezeSide::ShortSqueeze);
        QVERIFY2(signal.level == SqueezeLevel::Strong || signal.level == SqueezeLevel::Extreme,
                 qPrintable(squeezeLevelKey(signal.level)));
        QCOMPARE(signal.window, TimeWindow::H24);
        QCOMPARE(signal.dominance, 330.70e6 / (330.70e6 + 66.34e6));
        // The 12h window is the largest against its baseline; the quiet 1h and 4h do not drag it down.
        QCOMPARE(signal.magnitude, (49.95e6 + 224.86e6) / 200e6);
        QCOMPARE(signal.agreeingWindows, 4);
        QCOMPARE(signal.opposingWindows, 0);
        QCOMPARE(signal.windowCount, 4);
        QVERIFY(!signal.quiet);
        QVERIFY(signal.score > 0 && signal.score <= 100);
    }

    // Both sides of the dominance line, for shorts and (mirrored) for longs, on a large market.
    void dominanceThreshold_data()
    {
        QTest::addColumn<double>("dominantShare");
        QTest::addColumn<bool>("dominant");
        QTest::newRow("64.9%: balanced") << 0.649 << false;
        QTest::newRow("65.0%: dominant") << 0.65 << true;
        QTest::newRow("65.1%: dominant") << 0.651 << true;
        QTest::newRow("50%: balanced") << 0.5 << false;
        QTest::newRow("100%: dominant") << 1.0 << true;
    }

    void dominanceThreshold()
    {
        QFETCH(double, dominantShare);
        QFETCH(bool, dominant);
        const LiquidationSnapshot shorts = uniformSnapshot(dominantShare, 2 * DayBaseline);
        const SqueezeSignal shortSignal = signalOf(shorts);
        const SqueezeSignal longSignal = signalOf(mirrored(shorts));
        QCOMPARE(shortSignal.side, dominant ? SqueezeSide::ShortSqueeze : SqueezeSide::Balanced);
        QCOMPARE(longSignal.side, dominant ? SqueezeSide::LongSqueeze : SqueezeSide::Balanced);
        QCOMPARE(shortSignal.level != SqueezeLevel::None, dominant);
        QCOMPARE(longSignal.level, shortSignal.level);
        QCOMPARE(longSignal.score, shortSignal.score);
        if (!dominant)
            QCOMPARE(shortSignal.score, 0);
    }

    // A fully one-sided market whose windows all agree: the level follows the magnitude alone,
    // Mild from 0.5 baselines (the quiet line), Strong from 1, Extreme from 1.5.
    void levelThresholds_data()
    {
        QTest::addColumn<double>("magnitude");
        QTest::addColumn<SqueezeLevel>("level");
        QTest::newRow("0.01: none") << 0.01 << SqueezeLevel::None;
        QTest::newRow("0.49: none (quiet)") << 0.49 << SqueezeLevel::None;
        QTest::newRow("0.50: mild") << 0.50 << SqueezeLevel::Mild;
        QTest::newRow("0.98: mild") << 0.98 << SqueezeLevel::Mild;
        QTest::newRow("1.00: strong") << 1.00 << SqueezeLevel::Strong;
        QTest::newRow("1.48: strong") << 1.48 << SqueezeLevel::Strong;
        QTest::newRow("1.50: extreme") << 1.50 << SqueezeLevel::Extreme;
        QTest::newRow("5.00: extreme") << 5.00 << SqueezeLevel::Extreme;
    }

    void levelThresholds()
    {
        QFETCH(double, magnitude);
        QFETCH(SqueezeLevel, level);
        const LiquidationSnapshot shorts = uniformSnapshot(0.9, magnitude * DayBaseline);
        const SqueezeSignal shortSignal = signalOf(shorts);
        QCOMPARE(shortSignal.side, SqueezeSide::ShortSqueeze);
        QCOMPARE(shortSignal.level, level);
        QCOMPARE(shortSignal.quiet, magnitude < 0.5);
        const SqueezeSignal longSignal = signalOf(mirrored(shorts));
        QCOMPARE(longSignal.side, SqueezeSide::LongSqueeze);
        QCOMPARE(longSignal.level, level);
    }

    void noFalseAlarms_data()
    {
        QTest::addColumn<LiquidationSnapshot>("snapshot");
        QTest::addColumn<SqueezeSide>("side");
        QTest::newRow("55/45 on a huge day") << uniformSnapshot(0.55, 3e9) << SqueezeSide::Balanced;
        QTest::newRow("60/40 on a huge day") << uniformSnapshot(0.60, 3e9) << SqueezeSide::Balanced;
        QTest::newRow("90/10 of $5M") << uniformSnapshot(0.90, 5e6) << SqueezeSide::ShortSqueeze;
        QTest::newRow("10/90 of $5M") << uniformSnapshot(0.10, 5e6) << SqueezeSide::LongSqueeze;
        QTest::newRow("100% of $2M, 24h only")
            << snapshotOf({{TimeWindow::H24, 0, 2e6}}) << SqueezeSide::ShortSqueeze;
        QTest::newRow("nothing liquidated") << uniformSnapshot(0.5, 0) << SqueezeSide::Balanced;
    }

    void noFalseAlarms()
    {
        QFETCH(LiquidationSnapshot, snapshot);
        QFETCH(SqueezeSide, side);
        const SqueezeSignal signal = signalOf(snapshot);
        QCOMPARE(signal.side, side);
        QCOMPARE(signal.level, SqueezeLevel::None);
    }

    void mirroredMarketsGiveMirroredSignals_data()
    {
        QTest::addColumn<LiquidationSnapshot>("snapshot");
        QTest::newRow("seed") << seedSnapshot();
        QTest::newRow("just dominant") << uniformSnapshot(0.65, 500e6);
        QTest::newRow("one window flips") << snapshotOf({{TimeWindow::H1, 20e6, 2e6},
                                                         {TimeWindow::H4, 25e6, 60e6},
                                                         {TimeWindow::H12, 30e6, 160e6},
                                                         {TimeWindow::H24, 40e6, 400e6}});
        QTest::newRow("single window") << snapshotOf({{TimeWindow::H4, 10e6, 150e6}});
        QTest::newRow("balanced") << uniformSnapshot(0.55, 800e6);
    }

    void mirroredMarketsGiveMirroredSignals()
    {
        QFETCH(LiquidationSnapshot, snapshot);
        const SqueezeSignal signal = signalOf(snapshot);
        const SqueezeSignal mirror = signalOf(mirrored(snapshot));
        const SqueezeSide expectedSide = signal.side == SqueezeSide::ShortSqueeze ? SqueezeSide::LongSqueeze
            : signal.side == SqueezeSide::LongSqueeze                             ? SqueezeSide::ShortSqueeze
                                                                                  : SqueezeSide::Balanced;
        QCOMPARE(mirror.side, expectedSide);
        QCOMPARE(mirror.level, signal.level);
        QCOMPARE(mirror.score, signal.score);
        QCOMPARE(mirror.dominance, signal.dominance);
        QCOMPARE(mirror.magnitude, signal.magnitude);
        QCOMPARE(mirror.agreeingWindows, signal.agreeingWindows);
        QCOMPARE(mirror.opposingWindows, signal.opposingWindows);
    }

    void scoreNeverFallsAsDominanceGrows_data()
    {
        QTest::addColumn<double>("dayTotal");
        QTest::newRow("quiet day") << 100e6;
        QTest::newRow("baseline day") << DayBaseline;
        QTest::newRow("huge day") << 2e9;
    }

    void scoreNeverFallsAsDominanceGrows()
    {
        QFETCH(double, dayTotal);
        SqueezeSignal previous = signalOf(uniformSnapshot(0.5, dayTotal));
        bool rose = false;
        for (int percent = 51; percent <= 100; ++percent) {
            const SqueezeSignal current = signalOf(uniformSnapshot(percent / 100.0, dayTotal));
            QVERIFY2(current.score >= previous.score, qPrintable(QString::number(percent)));
            QVERIFY2(int(current.level) >= int(previous.level), qPrintable(QString::number(percent)));
            rose = rose || current.score > previous.score;
            previous = current;
        }
        QVERIFY(rose);
    }

    void scoreNeverFallsAsAmountsGrow_data()
    {
        QTest::addColumn<LiquidationSnapshot>("snapshot");
        QTest::newRow("seed") << seedSnapshot();
        QTest::newRow("long flush") << uniformSnapshot(0.12, 350e6);
        QTest::newRow("one window flips") << snapshotOf({{TimeWindow::H1, 20e6, 2e6},
                                                         {TimeWindow::H4, 25e6, 60e6},
                                                         {TimeWindow::H12, 30e6, 160e6},
                                                         {TimeWindow::H24, 40e6, 400e6}});
    }

    void scoreNeverFallsAsAmountsGrow()
    {
        QFETCH(LiquidationSnapshot, snapshot);
        SqueezeSignal previous = signalOf(scaled(snapshot, 0.001));
        QCOMPARE(previous.level, SqueezeLevel::None);
        bool rose = false;
        for (double factor = 0.01; factor <= 10.0; factor *= 1.25) {
            const SqueezeSignal current = signalOf(scaled(snapshot, factor));
            QVERIFY2(current.score >= previous.score, qPrintable(QString::number(factor)));
            QVERIFY2(int(current.level) >= int(previous.level), qPrintable(QString::number(factor)));
            QVERIFY(current.magnitude >= previous.magnitude);
            rose = rose || current.score > previous.score;
            previous = current;
        }
        QVERIFY(rose);
        QCOMPARE(previous.score, signalOf(scaled(snapshot, 100.0)).score);
    }

    // The same 24h and 12h with the short windows agreeing, neutral, or leaning the other way.
    void agreementBetweenWindows()
    {
        const auto market = [](double hourShortShare, double fourHourShortShare) {
            return snapshotOf({{TimeWindow::H1, 10e6 * (1 - hourShortShare), 10e6 * hourShortShare},
                               {TimeWindow::H4, 40e6 * (1 - fourHourShortShare), 40e6 * fourHourShortShare},
                               {TimeWindow::H12, 30e6, 170e6},
                               {TimeWindow::H24, 60e6, 340e6}});
        };
        const SqueezeSignal agree = signalOf(market(0.9, 0.9));
        const SqueezeSignal neutral = signalOf(market(0.5, 0.5));
        const SqueezeSignal oppose = signalOf(market(0.1, 0.1));
        QCOMPARE(agree.agreeingWindows, 4);
        QCOMPARE(neutral.agreeingWindows, 2);
        QCOMPARE(neutral.opposingWindows, 0);
        QCOMPARE(oppose.agreeingWindows, 2);
        QCOMPARE(oppose.opposingWindows, 2);
        QCOMPARE(agree.side, SqueezeSide::ShortSqueeze);
        QCOMPARE(oppose.side, SqueezeSide::ShortSqueeze);
        QVERIFY(agree.score > neutral.score);
        QVERIFY(neutral.score > oppose.score);
        QVERIFY(int(agree.level) > int(oppose.level));
        // Dominance and magnitude are the same in all three: only agreement moved the score.
        QCOMPARE(agree.dominance, oppose.dominance);
        QCOMPARE(agree.magnitude, oppose.magnitude);
    }

    void partialSnapshots_data()
    {
        QTest::addColumn<LiquidationSnapshot>("snapshot");
        QTest::addColumn<TimeWindow>("basis");
        QTest::addColumn<SqueezeSide>("side");
        QTest::addColumn<SqueezeLevel>("level");
        // One window: nothing can confirm it, so even a huge one-sided day stops short of extreme.
        QTest::newRow("24h only, huge") << snapshotOf({{TimeWindow::H24, 70e6, 630e6}}) << TimeWindow::H24
                                        << SqueezeSide::ShortSqueeze << SqueezeLevel::Strong;
        QTest::newRow("1h only (exchange list)")
            << snapshotOf({{TimeWindow::H1, 45e6, 5e6}}) << TimeWindow::H1 << SqueezeSide::LongSqueeze
            << SqueezeLevel::Strong;
        QTest::newRow("1h only, small") << snapshotOf({{TimeWindow::H1, 4e6, 1e6}}) << TimeWindow::H1
                                        << SqueezeSide::LongSqueeze << SqueezeLevel::None;
        QTest::newRow("4h and 12h") << snapshotOf(
            {{TimeWindow::H4, 10e6, 50e6}, {TimeWindow::H12, 20e6, 230e6}})
                                    << TimeWindow::H12 << SqueezeSide::ShortSqueeze << SqueezeLevel::Strong;
    }

    void partialSnapshots()
    {
        QFETCH(LiquidationSnapshot, snapshot);
        QFETCH(TimeWindow, basis);
        QFETCH(SqueezeSide, side);
        QFETCH(SqueezeLevel, level);
        const SqueezeSignal signal = signalOf(snapshot);
        QCOMPARE(signal.window, basis);
        QCOMPARE(signal.side, side);
        QCOMPARE(signal.level, level);
        QCOMPARE(signal.windowCount, snapshot.totals.count());
    }

    void configChangesMoveTheResult()
    {
        const LiquidationSnapshot seed = seedSnapshot();
        const SqueezeSignal defaults = signalOf(seed);

        AnalysisConfig stricter;
        stricter.dominanceShare = 0.85; // the seed's 83.3% no longer dominates
        QCOMPARE(signalOf(seed, stricter).side, SqueezeSide::Balanced);
        QCOMPARE(signalOf(seed, stricter).level, SqueezeLevel::None);

        AnalysisConfig biggerMarket = AnalysisConfig().withBaselinesScaled(10.0);
        const SqueezeSignal small = signalOf(seed, biggerMarket);
        QVERIFY(small.quiet);
        QCOMPARE(small.level, SqueezeLevel::None);
        QVERIFY(small.score < defaults.score);

        AnalysisConfig smallerMarket = AnalysisConfig().withBaselinesScaled(0.25);
        QCOMPARE(signalOf(seed, smallerMarket).level, SqueezeLevel::Extreme);

        AnalysisConfig lowerBar;
        lowerBar.strongScore = 30;
        lowerBar.extremeScore = defaults.score;
        QCOMPARE(signalOf(seed, lowerBar).level, SqueezeLevel::Extreme);

        AnalysisConfig laterFullDominance;
        laterFullDominance.fullDominanceShare = 0.95;
        QVERIFY(signalOf(seed, laterFullDominance).score < defaults.score);

        AnalysisConfig quieterLine;
        quieterLine.quietMagnitude = 2.0; // the seed's 1.37 is now quiet
        QVERIFY(signalOf(seed, quieterLine).quiet);
        QCOMPARE(signalOf(seed, quieterLine).level, SqueezeLevel::None);
    }

    void configCannotMakeBothSidesDominant()
    {
        AnalysisConfig loose;
        loose.dominanceShare = 0.3;
        const SqueezeSignal even = signalOf(uniformSnapshot(0.5, 1e9), loose);
        QCOMPARE(even.side, SqueezeSide::Balanced);
        QCOMPARE(signalOf(uniformSnapshot(0.55, 1e9), loose).side, SqueezeSide::ShortSqueeze);
        QCOMPARE(signalOf(uniformSnapshot(0.45, 1e9), loose).side, SqueezeSide::LongSqueeze);
    }
};

QTEST_GUILESS_MAIN(TestSqueezeSignal)
#include "tst_squeezesignal.moc"
