#include "analysis/marketanalysis.h"
#include "analysistestdata.h"
#include "domain/money.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace Liq;
using namespace Liq::TestData;

Q_DECLARE_METATYPE(Liq::Momentum)

namespace {

double differenceOrZero(double longer, double shorter)
{
    return std::max(0.0, longer - shorter);
}

} // namespace

class TestMarketAnalysis final : public QObject
{
    Q_OBJECT

private slots:
    void observedPartialWindowsAreJudgedOverTheirCoverage()
    {
        // 38 minutes watched, the same $6M of shorts in every window (nothing older exists yet).
        LiquidationSnapshot snapshot = snapshotOf({{TimeWindow::H1, 0.5e6, 6e6},
                                                   {TimeWindow::H4, 0.5e6, 6e6},
                                                   {TimeWindow::H12, 0.5e6, 6e6},
                                                   {TimeWindow::H24, 0.5e6, 6e6}});
        Observation observation;
        observation.coverage = {{Exchange::Binance, snapshot.asOf.addSecs(-38 * 60)}};
        snapshot.observation = observation;
        const AnalysisConfig defaults;
        const MarketAnalysis observed = analyzeSnapshot(snapshot, defaults);
        // Baselines: observed factor, then the share of each window that was watched.
        const double share = 38.0 / 60.0;
        QCOMPARE(observed.config.baseline(TimeWindow::H1),
                 defaults.baseline(TimeWindow::H1) * defaults.observedBaselineFactor * share);
        QCOMPARE(observed.config.coverageOf(TimeWindow::H24), 38.0 / 1440.0);
        // $6.5M in 38 minutes is a busy stretch, not a quiet day: the signal sees a short squeeze.
        QVERIFY(observed.signal.level != SqueezeLevel::None);
        QCOMPARE(observed.signal.side, SqueezeSide::ShortSqueeze);
        // The same 38 minutes are in both windows: the pace is steady, not a 24x spike.
        QVERIFY(observed.momentumRatio);
        QCOMPARE(*observed.momentumRatio, 1.0);
        QCOMPARE(observed.momentum, Momentum::Steady);
        // The same figures as a complete (CoinGlass) snapshot are a quiet day.
        snapshot.observation.reset();
        const MarketAnalysis complete = analyzeSnapshot(snapshot, defaults);
        QCOMPARE(complete.config, defaults);
        QCOMPARE(complete.signal.level, SqueezeLevel::None);
    }

    void seedWindowStats()
    {
        const LiquidationSnapshot seed = seedSnapshot();
        const MarketAnalysis analysis = analyzeSnapshot(seed);
        QCOMPARE(analysis.windows.size(), TimeWindowCount);
        const AnalysisConfig config;
        for (int i = 0; i < TimeWindowCount; ++i) {
            const WindowStats &stats = analysis.windows.at(i);
            const SideAmounts &input = seed.totals.at(AllTimeWindows[i]);
            QCOMPARE(stats.window, AllTimeWindows[i]);
            QCOMPARE(stats.amounts, input);
            QCOMPARE(stats.totalUsd, input.longUsd + input.shortUsd);
            QVERIFY(stats.shortShare.has_value());
            QCOMPARE(*stats.shortShare, input.shortUsd / (input.longUsd + input.shortUsd));
            QVERIFY(stats.longShortRatio.has_value());
            QCOMPARE(*stats.longShortRatio, input.longUsd / input.shortUsd);
            QCOMPARE(stats.baselineRatio, stats.totalUsd / config.baseline(stats.window));
            // Every seed window is more than 80% shorts.
            QCOMPARE(stats.dominantSide, SqueezeSide::ShortSqueeze);
        }
        QCOMPARE(formatUsd(analysis.windows.constLast().totalUsd), QStringLiteral("$397.04M"));
        QCOMPARE(formatPercent(*analysis.windows.constLast().shortShare), QStringLiteral("83.3%"));
        QVERIFY(analysis.warnings.isEmpty());
        QCOMPARE(analysis.longestWindow()->window, TimeWindow::H24);
        QCOMPARE(analysis.stats(TimeWindow::H4)->window, TimeWindow::H4);
    }

    void emptyWindowHasNoShareOrRatio()
    {
        const MarketAnalysis analysis
            = analyzeSnapshot(snapshotOf({{TimeWindow::H1, 0, 0}, {TimeWindow::H24, 5e6, 0}}));
        QCOMPARE(analysis.windows.size(), 2);
        const WindowStats &hour = analysis.windows.at(0);
        QCOMPARE(hour.totalUsd, 0.0);
        QVERIFY(!hour.shortShare);
        QVERIFY(!hour.longShortRatio);
        QCOMPARE(hour.dominantSide, SqueezeSide::Balanced);
        // No shorts at all: a share of 0 but no long/short ratio.
        const WindowStats &day = analysis.windows.at(1);
        QCOMPARE(*day.shortShare, 0.0);
        QVERIFY(!day.longShortRatio);
        QCOMPARE(day.dominantSide, SqueezeSide::LongSqueeze);
    }

    void partialSnapshotKeepsPresentWindowsInOrder()
    {
        const LiquidationSnapshot snapshot
            = snapshotOf({{TimeWindow::H24, 10e6, 20e6}, {TimeWindow::H4, 1e6, 3e6}});
        const MarketAnalysis analysis = analyzeSnapshot(snapshot);
        QCOMPARE(analysis.windows.size(), 2);
        QCOMPARE(analysis.windows.at(0).window, TimeWindow::H4);
        QCOMPARE(analysis.windows.at(1).window, TimeWindow::H24);
        QVERIFY(!analysis.stats(TimeWindow::H1));
        QVERIFY(analysis.buckets.isEmpty());
        QVERIFY(!analysis.heaviestBucket);
        QCOMPARE(analysis.momentum, Momentum::Unknown);
        QVERIFY(!analysis.momentumRatio);
    }

    void emptySnapshotGivesAnEmptyAnalysis()
    {
        const MarketAnalysis analysis = analyzeSnapshot(LiquidationSnapshot{});
        QVERIFY(analysis.windows.isEmpty());
        QVERIFY(!analysis.longestWindow());
        QVERIFY(analysis.buckets.isEmpty());
        QCOMPARE(analysis.momentum, Momentum::Unknown);
        QCOMPARE(analysis.signal.side, SqueezeSide::Balanced);
        QCOMPARE(analysis.signal.level, SqueezeLevel::None);
        QCOMPARE(analysis.signal.score, 0);
    }

    void seedBuckets()
    {
        const LiquidationSnapshot seed = seedSnapshot();
        const MarketAnalysis analysis = analyzeSnapshot(seed);
        QCOMPARE(analysis.buckets.size(), 4);
        const std::array<std::pair<int, int>, 4> spans{{{0, 1}, {1, 4}, {4, 12}, {12, 24}}};
        SideAmounts inner;
        for (int i = 0; i < 4; ++i) {
            const LiquidationBucket &bucket = analysis.buckets.at(i);
            const SideAmounts &outer = seed.totals.at(AllTimeWindows[i]);
            QCOMPARE(bucket.fromHours, spans[i].first);
            QCOMPARE(bucket.toHours, spans[i].second);
            QCOMPARE(bucket.amounts.longUsd, outer.longUsd - inner.longUsd);
            QCOMPARE(bucket.amounts.shortUsd, outer.shortUsd - inner.shortUsd);
            QCOMPARE(bucket.usdPerHour(), bucket.amounts.total() / bucket.hours());
            QCOMPARE(bucket.longPerHour() + bucket.shortPerHour(), bucket.usdPerHour());
            inner = outer;
        }
        // The reference report: the heaviest damage sat between 12h and 4h ago, about $30.4M/h.
        QVERIFY(analysis.heaviestBucket);
        QCOMPARE(analysis.heaviestBucket->fromHours, 4);
        QCOMPARE(analysis.heaviestBucket->toHours, 12);
        QCOMPARE(formatUsd(analysis.heaviestBucket->usdPerHour()), QStringLiteral("$30.39M"));
        QVERIFY(std::fabs(analysis.heaviestBucket->usdPerHour() - 30.4e6) < 0.05e6);
    }

    void bucketsClampNegativeDifferences_data()
    {
        QTest::addColumn<double>("longs12h");
        QTest::addColumn<double>("longs24h");
        // 24h longs below 12h longs: rounding in the source, or worse; either way clamped.
        QTest::newRow("rounding") << 10.00e6 << 9.95e6;
        QTest::newRow("beyond rounding") << 10.00e6 << 9.89e6;
        QTest::newRow("far off") << 10.00e6 << 2.00e6;
        QTest::newRow("consistent") << 10.00e6 << 12.00e6;
    }

    void bucketsClampNegativeDifferences()
    {
        QFETCH(double, longs12h);
        QFETCH(double, longs24h);
        const LiquidationSnapshot snapshot = snapshotOf({{TimeWindow::H1, 1e6, 1e6},
                                                         {TimeWindow::H4, 2e6, 2e6},
                                                         {TimeWindow::H12, longs12h, 3e6},
                                                         {TimeWindow::H24, longs24h, 4e6}});
        const MarketAnalysis analysis = analyzeSnapshot(snapshot);
        QCOMPARE(analysis.buckets.size(), 4);
        const LiquidationBucket &lastBucket = analysis.buckets.at(3);
        QCOMPARE(lastBucket.amounts.longUsd, differenceOrZero(longs24h, longs12h));
        QVERIFY(lastBucket.amounts.longUsd >= 0.0);
        QCOMPARE(lastBucket.amounts.shortUsd, 1e6);
        // Nesting is the reader's check (Consistency::check): the analysis does not report it again.
        QVERIFY2(analysis.warnings.isEmpty(), qPrintable(analysis.warnings.join(u'\n')));
    }

    void mergedWarningsKeepTheOrderAndEachTextOnce()
    {
        MarketAnalysis analysis;
        analysis.warnings
            = QStringList{u"a.csv: b"_qs, u"4h longs are not a finite number: counted as $0."_qs};
        QCOMPARE(mergedWarnings({u"a.csv: a"_qs, u"a.csv: b"_qs, u"a.csv: a"_qs}, analysis),
                 (QStringList{u"a.csv: a"_qs, u"a.csv: b"_qs,
                              u"4h longs are not a finite number: counted as $0."_qs}));
        QCOMPARE(mergedWarnings({}, MarketAnalysis{}), QStringList{});
    }

    void momentumWords_data()
    {
        QTest::addColumn<Momentum>("momentum");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("accelerating")
            << Momentum::Accelerating << u"Accelerating"_qs
            << u"The pace is picking up: the last hour ran at $3.00M/h, 2.00× the 24h average of $1.50M/h."_qs;
        QTest::newRow("steady")
            << Momentum::Steady << u"Steady"_qs
            << u"The pace is steady: the last hour ran at $3.00M/h, close to the 24h average of $1.50M/h (2.00×)."_qs;
        QTest::newRow("fading")
            << Momentum::Fading << u"Fading"_qs
            << u"The pace is fading now: the last hour ran at $3.00M/h against a 24h average of $1.50M/h (2.00×)."_qs;
        QTest::newRow("unknown") << Momentum::Unknown << u"—"_qs << QString();
    }

    void momentumWords()
    {
        QFETCH(Momentum, momentum);
        QFETCH(QString, text);
        QFETCH(QString, sentence);
        QCOMPARE(momentumText(momentum), text);
        QCOMPARE(momentumSentence(momentum, 3e6, 1.5e6, 2.0), sentence);
    }

    void heaviestBucket_data()
    {
        QTest::addColumn<LiquidationSnapshot>("snapshot");
        QTest::addColumn<int>("fromHours"); // -1: none
        // Totals 1h 10, 4h 40, 12h 120, 24h 240 ($M): 10/h everywhere, a tie: the most recent wins.
        QTest::newRow("tie: most recent") << snapshotOf({{TimeWindow::H1, 5e6, 5e6},
                                                         {TimeWindow::H4, 20e6, 20e6},
                                                         {TimeWindow::H12, 60e6, 60e6},
                                                         {TimeWindow::H24, 120e6, 120e6}})
                                          << 0;
        QTest::newRow("last hour spike") << snapshotOf({{TimeWindow::H1, 1e6, 50e6},
                                                        {TimeWindow::H4, 2e6, 60e6},
                                                        {TimeWindow::H12, 5e6, 70e6},
                                                        {TimeWindow::H24, 10e6, 80e6}})
                                         << 0;
        QTest::newRow("1-4h") << snapshotOf({{TimeWindow::H1, 1e6, 1e6},
                                             {TimeWindow::H4, 30e6, 30e6},
                                             {TimeWindow::H12, 40e6, 40e6},
                                             {TimeWindow::H24, 50e6, 50e6}})
                              << 1;
        QTest::newRow("12-24h") << snapshotOf({{TimeWindow::H1, 0, 1e6},
                                               {TimeWindow::H4, 0, 2e6},
                                               {TimeWindow::H12, 0, 3e6},
                                               {TimeWindow::H24, 300e6, 3e6}})
                                << 12;
        QTest::newRow("all zero: none") << snapshotOf({{TimeWindow::H1, 0, 0},
                                                       {TimeWindow::H4, 0, 0},
                                                       {TimeWindow::H12, 0, 0},
                                                       {TimeWindow::H24, 0, 0}})
                                        << -1;
        QTest::newRow("partial: none")
            << snapshotOf({{TimeWindow::H1, 1e6, 1e6}, {TimeWindow::H24, 9e6, 9e6}}) << -1;
    }

    void heaviestBucket()
    {
        QFETCH(LiquidationSnapshot, snapshot);
        QFETCH(int, fromHours);
        const MarketAnalysis analysis = analyzeSnapshot(snapshot);
        QCOMPARE(analysis.heaviestBucket.has_value(), fromHours >= 0);
        if (fromHours < 0)
            return;
        QCOMPARE(analysis.heaviestBucket->fromHours, fromHours);
        for (const LiquidationBucket &bucket : analysis.buckets)
            QVERIFY(bucket.usdPerHour() <= analysis.heaviestBucket->usdPerHour());
    }

    void momentum_data()
    {
        QTest::addColumn<LiquidationSnapshot>("snapshot");
        QTest::addColumn<Momentum>("expected");
        QTest::addColumn<double>("ratio"); // NaN: no ratio
        const double none = std::numeric_limits<double>::quiet_NaN();
        // A $24M day averages $1M/h, so the 1h total is the ratio in millions.
        const auto day = [](double hourUsd) {
            return snapshotOf({{TimeWindow::H1, hourUsd / 2, hourUsd / 2}, {TimeWindow::H24, 12e6, 12e6}});
        };
        QTest::newRow("accelerating: at 1.5") << day(1.5e6) << Momentum::Accelerating << 1.5;
        QTest::newRow("accelerating: above") << day(3e6) << Momentum::Accelerating << 3.0;
        QTest::newRow("steady: just below 1.5") << day(1.49e6) << Momentum::Steady << 1.49;
        QTest::newRow("steady: at the average") << day(1e6) << Momentum::Steady << 1.0;
        QTest::newRow("steady: just above 0.67") << day(0.68e6) << Momentum::Steady << 0.68;
        QTest::newRow("fading: at 0.67") << day(0.67e6) << Momentum::Fading << 0.67;
        QTest::newRow("fading: nothing this hour") << day(0) << Momentum::Fading << 0.0;
        QTest::newRow("seed") << seedSnapshot() << Momentum::Fading << (6.08e6 + 819.85e3) / (397.04e6 / 24);
        QTest::newRow("unknown: no 1h")
            << snapshotOf({{TimeWindow::H24, 12e6, 12e6}}) << Momentum::Unknown << none;
        QTest::newRow("unknown: no 24h")
            << snapshotOf({{TimeWindow::H1, 1e6, 1e6}, {TimeWindow::H12, 5e6, 5e6}}) << Momentum::Unknown
            << none;
        QTest::newRow("unknown: empty day")
            << snapshotOf({{TimeWindow::H1, 0, 0}, {TimeWindow::H24, 0, 0}}) << Momentum::Unknown << none;
    }

    void momentum()
    {
        QFETCH(LiquidationSnapshot, snapshot);
        QFETCH(Momentum, expected);
        QFETCH(double, ratio);
        const MarketAnalysis analysis = analyzeSnapshot(snapshot);
        QCOMPARE(analysis.momentum, expected);
        QCOMPARE(analysis.momentumRatio.has_value(), !std::isnan(ratio));
        if (analysis.momentumRatio)
            QVERIFY(std::fabs(*analysis.momentumRatio - ratio) < 1e-9);
    }

    void momentumFollowsTheConfig()
    {
        const LiquidationSnapshot seed = seedSnapshot(); // ratio 0.417
        AnalysisConfig config;
        config.fadingRatio = 0.4;
        QCOMPARE(analyzeSnapshot(seed, config).momentum, Momentum::Steady);
        config.acceleratingRatio = 0.41;
        QCOMPARE(analyzeSnapshot(seed, config).momentum, Momentum::Accelerating);
    }

    void badAmountsAreCountedAsZeroWithAWarning_data()
    {
        QTest::addColumn<double>("longs");
        QTest::addColumn<QString>("problem");
        QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN()
                             << QStringLiteral("not a finite number");
        QTest::newRow("infinity") << std::numeric_limits<double>::infinity()
                                  << QStringLiteral("not a finite number");
        QTest::newRow("negative") << -2e6 << QStringLiteral("negative (-$2.00M)");
    }

    void badAmountsAreCountedAsZeroWithAWarning()
    {
        QFETCH(double, longs);
        QFETCH(QString, problem);
        const LiquidationSnapshot snapshot = snapshotOf({{TimeWindow::H1, 1e6, 1e6},
                                                         {TimeWindow::H4, longs, 2e6},
                                                         {TimeWindow::H12, 3e6, 3e6},
                                                         {TimeWindow::H24, 4e6, 4e6}});
        const MarketAnalysis analysis = analyzeSnapshot(snapshot);
        QCOMPARE(analysis.stats(TimeWindow::H4)->amounts.longUsd, 0.0);
        QVERIFY(std::isfinite(analysis.stats(TimeWindow::H4)->totalUsd));
        QVERIFY(!analysis.warnings.isEmpty());
        QVERIFY2(analysis.warnings.constFirst().startsWith(QStringLiteral("4h longs")),
                 qPrintable(analysis.warnings.constFirst()));
        QVERIFY2(analysis.warnings.constFirst().contains(problem),
                 qPrintable(analysis.warnings.constFirst()));
        for (const LiquidationBucket &bucket : analysis.buckets)
            QVERIFY(std::isfinite(bucket.usdPerHour()) && bucket.usdPerHour() >= 0.0);
        QVERIFY(std::isfinite(*analysis.momentumRatio));
    }

    void analysisIsDeterministic()
    {
        const LiquidationSnapshot seed = seedSnapshot();
        const MarketAnalysis first = analyzeSnapshot(seed);
        const MarketAnalysis second = analyzeSnapshot(seed);
        QCOMPARE(first.windows.size(), second.windows.size());
        for (int i = 0; i < first.windows.size(); ++i)
            QCOMPARE(first.windows.at(i).baselineRatio, second.windows.at(i).baselineRatio);
        QCOMPARE(first.signal.score, second.signal.score);
        QCOMPARE(*first.momentumRatio, *second.momentumRatio);
        QVERIFY(first.config == second.config);
    }

    void configEqualityAndScaling()
    {
        const AnalysisConfig defaults;
        AnalysisConfig other;
        QVERIFY(defaults == other);
        other.quietMagnitude = 0.4;
        QVERIFY(defaults != other);
        const AnalysisConfig scaledConfig = defaults.withBaselinesScaled(0.5);
        for (TimeWindow window : AllTimeWindows)
            QCOMPARE(scaledConfig.baseline(window), defaults.baseline(window) * 0.5);
        QCOMPARE(scaledConfig.dominanceShare, defaults.dominanceShare);
    }

    void termKeys()
    {
        QCOMPARE(momentumKey(Momentum::Fading), QStringLiteral("fading"));
        QCOMPARE(momentumKey(Momentum::Accelerating), QStringLiteral("accelerating"));
        QCOMPARE(squeezeSideKey(SqueezeSide::ShortSqueeze), QStringLiteral("short_squeeze"));
        QCOMPARE(squeezeSideKey(SqueezeSide::LongSqueeze), QStringLiteral("long_squeeze"));
        QCOMPARE(squeezeSideText(SqueezeSide::ShortSqueeze), QStringLiteral("short squeeze"));
        QCOMPARE(squeezeLevelKey(SqueezeLevel::Extreme), QStringLiteral("extreme"));
        QCOMPARE(squeezeLevelText(SqueezeLevel::Mild), QStringLiteral("mild"));
    }
};

QTEST_GUILESS_MAIN(TestMarketAnalysis)
#include "tst_marketanalysis.moc"
