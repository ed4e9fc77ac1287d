#include "chartaxis.h"
#include "domain/money.h"
#include "formats/snapshotfile.h"
#include "liqpalette.h"
#include "liquidationchart.h"

#include <QBarSet>
#include <QChart>
#include <QSignalSpy>
#include <QTest>

using namespace Liq;
using Mode = LiquidationChart::Mode;

namespace {

LiquidationSnapshot loadSnapshot(const QString &path)
{
    const LoadResult result = SnapshotFile::load(path);
    if (!result.ok())
        qFatal("%s", qPrintable(result.error.message));
    return *result.snapshot;
}

LiquidationSnapshot sample()
{
    return loadSnapshot(QStringLiteral(LIQSCOPE_SAMPLE_FILE));
}

LiquidationSnapshot coinList()
{
    return loadSnapshot(QStringLiteral(LIQSCOPE_TEST_DATA_DIR "/widgets/coin-list-market.json"));
}

// What each mode must plot, computed from the analysis the way a reader would.
struct Expected
{
    QStringList categories;
    QList<double> longs;
    QList<double> shorts;
};

Expected expectedFor(const MarketAnalysis &analysis, Mode mode)
{
    Expected e;
    if (mode == Mode::PerHour) {
        for (const LiquidationBucket &b : analysis.buckets) {
            e.categories << QStringLiteral("%1–%2h").arg(b.fromHours).arg(b.toHours);
            e.longs << b.amounts.longUsd / b.hours();
            e.shorts << b.amounts.shortUsd / b.hours();
        }
        return e;
    }
    for (const WindowStats &w : analysis.windows) {
        e.categories << windowLabel(w.window);
        const double total = w.amounts.longUsd + w.amounts.shortUsd;
        if (mode == Mode::Windows) {
            e.longs << w.amounts.longUsd;
            e.shorts << w.amounts.shortUsd;
        } else {
            e.longs << 100.0 * w.amounts.longUsd / total;
            e.shorts << 100.0 * w.amounts.shortUsd / total;
        }
    }
    return e;
}

void compareValues(const QList<double> &actual, const QList<double> &expected)
{
    QCOMPARE(actual.size(), expected.size());
    for (int i = 0; i < actual.size(); ++i)
        QVERIFY2(qFuzzyCompare(actual.at(i), expected.at(i)),
                 qPrintable(QStringLiteral("bar %1: %2 != %3").arg(i).arg(actual.at(i)).arg(expected.at(i))));
}

} // namespace

class tst_LiquidationChart final : public QObject
{
    Q_OBJECT

private slots:
    void barsHoldTheAnalysis_data();
    void barsHoldTheAnalysis();
    void updatesReplaceValuesInPlace_data();
    void updatesReplaceValuesInPlace();
    void perHourNeedsAllWindows();
    void fixedColoursAndNoAnimation();
    void moneyAxisLabels_data();
    void moneyAxisLabels();
    void modeKeysRoundTrip();
};

void tst_LiquidationChart::barsHoldTheAnalysis_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<bool>("fromCoinList");
    QTest::newRow("windows, sample") << Mode::Windows << false;
    QTest::newRow("per hour, sample") << Mode::PerHour << false;
    QTest::newRow("share, sample") << Mode::Share << false;
    QTest::newRow("windows, coin list") << Mode::Windows << true;
    QTest::newRow("per hour, coin list") << Mode::PerHour << true;
    QTest::newRow("share, coin list") << Mode::Share << true;
}

void tst_LiquidationChart::barsHoldTheAnalysis()
{
    QFETCH(Mode, mode);
    QFETCH(bool, fromCoinList);
    const MarketAnalysis analysis = analyzeSnapshot(fromCoinList ? coinList() : sample());
    QCOMPARE(analysis.windows.size(), 4);

    LiquidationChart chart;
    QSignalSpy modeSpy(&chart, &LiquidationChart::modeChanged);
    chart.setAnalysis(analysis);
    chart.setMode(mode);
    QCOMPARE(modeSpy.count(), mode == Mode::Windows ? 0 : 1);

    const Expected expected = expectedFor(analysis, mode);
    QCOMPARE(chart.categories(), expected.categories);
    compareValues(chart.longValues(), expected.longs);
    compareValues(chart.shortValues(), expected.shorts);
    if (mode == Mode::Share) {
        for (int i = 0; i < chart.longValues().size(); ++i)
            QVERIFY(qFuzzyCompare(chart.longValues().at(i) + chart.shortValues().at(i), 100.0));
    }
    QVERIFY(!chart.headline().isEmpty());
}

void tst_LiquidationChart::updatesReplaceValuesInPlace_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::newRow("windows") << Mode::Windows;
    QTest::newRow("per hour") << Mode::PerHour;
    QTest::newRow("share") << Mode::Share;
}

void tst_LiquidationChart::updatesReplaceValuesInPlace()
{
    QFETCH(Mode, mode);
    LiquidationChart chart;
    chart.setMode(mode);
    chart.setAnalysis(analyzeSnapshot(sample()));
    QBarSet *longSet = chart.longSet();
    QBarSet *shortSet = chart.shortSet();
    const auto seriesBefore = chart.chart()->series();

    QSignalSpy added(longSet, &QBarSet::valuesAdded);
    QSignalSpy removed(longSet, &QBarSet::valuesRemoved);
    QSignalSpy replaced(longSet, &QBarSet::valueChanged);
    const MarketAnalysis next = analyzeSnapshot(coinList());
    chart.setAnalysis(next);

    QCOMPARE(chart.longSet(), longSet);
    QCOMPARE(chart.shortSet(), shortSet);
    QCOMPARE(chart.chart()->series(), seriesBefore);
    QCOMPARE(added.count(), 0);
    QCOMPARE(removed.count(), 0);
    QVERIFY(replaced.count() > 0);
    compareValues(chart.longValues(), expectedFor(next, mode).longs);
    compareValues(chart.shortValues(), expectedFor(next, mode).shorts);
}

void tst_LiquidationChart::perHourNeedsAllWindows()
{
    const LoadResult partial
        = SnapshotFile::load(QStringLiteral(LIQSCOPE_TEST_DATA_DIR "/good/partial-windows.liqscope"));
    QVERIFY2(partial.ok(), qPrintable(partial.error.message));
    const MarketAnalysis analysis = analyzeSnapshot(*partial.snapshot);
    QVERIFY(analysis.buckets.isEmpty());
    LiquidationChart chart;
    chart.setAnalysis(analysis);
    chart.setMode(Mode::PerHour);
    QVERIFY(chart.categories().isEmpty());
    QVERIFY(chart.longValues().isEmpty());
    QVERIFY(chart.headline().contains(u"all four windows"));
    chart.setMode(Mode::Windows);
    compareValues(chart.longValues(), expectedFor(analysis, Mode::Windows).longs);
}

void tst_LiquidationChart::fixedColoursAndNoAnimation()
{
    LiquidationChart chart;
    chart.setAnalysis(analyzeSnapshot(sample()));
    QCOMPARE(chart.longSet()->color(), LiqPalette::longColor());
    QCOMPARE(chart.shortSet()->color(), LiqPalette::shortColor());
    QVERIFY(chart.longSet()->label().contains(u"Longs"));
    QVERIFY(chart.shortSet()->label().contains(u"Shorts"));
    QCOMPARE(chart.chart()->animationOptions(), QChart::NoAnimation);
    // A theme change must not recolour the sides.
    QPalette dark = chart.palette();
    dark.setColor(QPalette::Window, Qt::black);
    dark.setColor(QPalette::Base, Qt::black);
    dark.setColor(QPalette::WindowText, Qt::white);
    chart.setPalette(dark);
    QCOMPARE(chart.longSet()->color(), LiqPalette::longColor());
    QCOMPARE(chart.chart()->backgroundBrush().color(), QColor(Qt::black));
}

void tst_LiquidationChart::moneyAxisLabels_data()
{
    QTest::addColumn<double>("maxValue");
    QTest::addColumn<double>("step");
    QTest::addColumn<QString>("topLabel");
    QTest::newRow("sample 24h") << 397.04e6 << 100e6 << u"$400M"_qs;
    QTest::newRow("billions") << 1.2e9 << 0.5e9 << u"$1.5B"_qs;
    QTest::newRow("thousands") << 7300.0 << 2000.0 << u"$8K"_qs;
}

void tst_LiquidationChart::moneyAxisLabels()
{
    QFETCH(double, maxValue);
    QFETCH(double, step);
    QFETCH(QString, topLabel);
    const AxisTicks ticks = niceTicks(maxValue, 4);
    QCOMPARE(ticks.step, step);
    QVERIFY(ticks.max >= maxValue);
    QCOMPARE(moneyLabels(ticks).constLast(), topLabel);
    QCOMPARE(moneyLabels(ticks).constFirst(), u"$0"_qs);
}

void tst_LiquidationChart::modeKeysRoundTrip()
{
    for (Mode mode : {Mode::Windows, Mode::PerHour, Mode::Share})
        QCOMPARE(LiquidationChart::modeFromKey(LiquidationChart::modeKey(mode)), mode);
    QCOMPARE(LiquidationChart::modeFromKey(u"nonsense"_qs), Mode::Windows);

    LiquidationChart chart;
    chart.setAnalysis(analyzeSnapshot(sample()));
    // The chart's axis shows the same labels the helper computes.
    QCOMPARE(chart.axisLabels().constLast(), moneyLabels(niceTicks(397.04e6, 4)).constLast());
}

QTEST_MAIN(tst_LiquidationChart)
#include "tst_liquidationchart.moc"
