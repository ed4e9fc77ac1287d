// The 24h timeline widget, structurally: shorts above and longs below, in-place updates on the same
// series, gaps as a shaded band behind what was heard, the bucket picker, the bucket under the pointer and
// its text.
#include "liquidationtimeline.h"

#include <QAreaSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChartView>
#include <QComboBox>
#include <QLineSeries>
#include <QSignalSpy>
#include <QStackedBarSeries>
#include <QTest>

using namespace Liq;

namespace {

const QDateTime Start(QDate(2026, 11, 20), QTime(14, 0), Qt::UTC);

// A 24h timeline of `minutes` buckets; bucket i has i*1000 of longs and i*10 of shorts.
Timeline makeTimeline(int minutes, const QList<int> &gaps = {})
{
    Timeline timeline;
    const int count = 24 * 60 / minutes;
    for (int i = 0; i < count; ++i) {
        TimelineBucket bucket;
        bucket.start = Start.addSecs(qint64(i) * minutes * 60);
        bucket.minutes = minutes;
        bucket.amounts = {1000.0 * i, 10.0 * i};
        bucket.count = i;
        bucket.gap = gaps.contains(i);
        timeline.append(bucket);
    }
    return timeline;
}

} // namespace

class tst_LiquidationTimeline final : public QObject
{
    Q_OBJECT

private slots:
    void shortsAboveLongsBelow();
    void sameCountUpdatesInPlace();
    void gapsAreShadedBehindWhatWasHeard();
    void pickerEmits();
    void timeAxisIsUtc();
    void hoverShowsTheBucket();
};

void tst_LiquidationTimeline::shortsAboveLongsBelow()
{
    LiquidationTimeline widget;
    widget.setTimeline(makeTimeline(15));
    const QList<double> longs = widget.longValues();
    const QList<double> shorts = widget.shortValues();
    QCOMPARE(longs.size(), 96);
    QCOMPARE(shorts.size(), 96);
    for (int i = 0; i < 96; ++i) {
        QCOMPARE(longs.at(i), -1000.0 * i);
        QCOMPARE(shorts.at(i), 10.0 * i);
    }
    QCOMPARE(widget.barSeries()->count(), 2);
    QCOMPARE(widget.moneyAxis()->min(), -widget.moneyAxis()->max());
    QVERIFY(widget.moneyAxis()->max() >= 95'000.0);
    QVERIFY(widget.gapRuns().isEmpty());
    QCOMPARE(widget.chartView()->chart()->animationOptions(), QChart::NoAnimation);
}

void tst_LiquidationTimeline::sameCountUpdatesInPlace()
{
    LiquidationTimeline widget;
    widget.setTimeline(makeTimeline(5));
    const QList<QAbstractSeries *> series = widget.chartView()->chart()->series();
    QBarSet *longSet = widget.longSet();
    QBarSet *shortSet = widget.shortSet();
    Timeline next = makeTimeline(5);
    next.last().amounts = {5e6, 7e6};
    QSignalSpy longChanges(longSet, &QBarSet::valueChanged);
    QSignalSpy shortChanges(shortSet, &QBarSet::valueChanged);
    widget.setTimeline(next);
    QCOMPARE(widget.chartView()->chart()->series(), series);
    QCOMPARE(widget.barSeries()->barSets(), (QList<QBarSet *>{shortSet, longSet}));
    QCOMPARE(longChanges.count(), 1); // only the bucket that changed
    QCOMPARE(shortChanges.count(), 1);
    QCOMPARE(widget.longValues().last(), -5e6);
    QCOMPARE(widget.shortValues().last(), 7e6);

    widget.setTimeline(makeTimeline(60)); // another bucket count: new values, same sets
    QCOMPARE(widget.chartView()->chart()->series(), series);
    QCOMPARE(widget.longSet(), longSet);
    QCOMPARE(widget.longValues().size(), 24);
}

void tst_LiquidationTimeline::gapsAreShadedBehindWhatWasHeard()
{
    LiquidationTimeline widget;
    widget.setTimeline(makeTimeline(60, {3, 4, 5, 10}));
    // What was heard in a gap bucket shows over the band; the band says it is partial.
    for (int i : {3, 4, 5, 10}) {
        QCOMPARE(widget.longValues().at(i), -1000.0 * i);
        QCOMPARE(widget.shortValues().at(i), 10.0 * i);
    }
    QCOMPARE(widget.longValues().at(6), -6000.0);
    QCOMPARE(widget.gapRuns(), (QList<QPair<int, int>>{{3, 5}, {10, 10}}));
    // The band covers each run from its first bucket's left edge to its last's right, full height.
    const QList<QPointF> upper = widget.gapSeries()->upperSeries()->points();
    const double top = widget.moneyAxis()->max();
    QVERIFY(upper.contains(QPointF(2.5, top)));
    QVERIFY(upper.contains(QPointF(5.5, top)));
    QVERIFY(upper.contains(QPointF(9.5, top)));
    QVERIFY(upper.contains(QPointF(10.5, top)));
    for (const QPointF &point : upper) {
        if (point.y() == top)
            QVERIFY((point.x() >= 2.5 && point.x() <= 5.5) || (point.x() >= 9.5 && point.x() <= 10.5));
    }
    QVERIFY(widget.gapSeries()->brush().style() != Qt::NoBrush);

    widget.setTimeline(makeTimeline(60)); // watched again: the band goes
    QVERIFY(widget.gapRuns().isEmpty());
    for (const QPointF &point : widget.gapSeries()->upperSeries()->points())
        QCOMPARE(point.y(), -top);
}

void tst_LiquidationTimeline::pickerEmits()
{
    LiquidationTimeline widget;
    QSignalSpy spy(&widget, &LiquidationTimeline::bucketMinutesChanged);
    QComboBox *picker = widget.bucketPicker();
    QCOMPARE(picker->count(), 4);
    QList<int> sizes;
    for (int i = 0; i < picker->count(); ++i)
        sizes << picker->itemData(i).toInt();
    QCOMPARE(sizes, (QList<int>{1, 5, 15, 60}));
    picker->setCurrentIndex(picker->findData(60));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.last().at(0).toInt(), 60);
    QCOMPARE(widget.bucketMinutes(), 60);
    widget.setBucketMinutes(1);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.last().at(0).toInt(), 1);
    widget.setBucketMinutes(1); // unchanged: no signal
    widget.setBucketMinutes(7); // not offered: ignored
    QCOMPARE(spy.count(), 2);
}

void tst_LiquidationTimeline::timeAxisIsUtc()
{
    LiquidationTimeline widget;
    widget.setTimeline(makeTimeline(60));
    QCategoryAxis *axis = widget.timeAxis();
    QCOMPARE(axis->min(), -0.5);
    QCOMPARE(axis->max(), 23.5);
    const QStringList labels = axis->categoriesLabels();
    QVERIFY(labels.size() >= 3);
    // Each label sits where its UTC time falls: bucket i starts at x = i - 0.5.
    for (const QString &label : labels) {
        const QDateTime time = QDateTime::fromString(u"2026-"_qs + label, u"yyyy-MM-dd HH:mm"_qs);
        QVERIFY2(time.isValid(), qPrintable(label));
        const QDateTime utc(time.date(), time.time(), Qt::UTC);
        QCOMPARE(axis->endValue(label), double(Start.secsTo(utc)) / 3600.0 - 0.5);
    }
}

void tst_LiquidationTimeline::hoverShowsTheBucket()
{
    LiquidationTimeline widget;
    widget.resize(900, 400);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    widget.setTimeline(makeTimeline(60, {7}));

    const QString text = widget.hoverText(2);
    QVERIFY2(text.contains(u"2026-11-20 16:00–17:00 UTC"_qs), qPrintable(text));
    QVERIFY2(text.contains(u"Longs: $2,000.00"_qs), qPrintable(text));
    QVERIFY2(text.contains(u"Shorts: $20.00"_qs), qPrintable(text));
    QVERIFY2(text.contains(u"2 liquidations"_qs), qPrintable(text));
    const QString gap = widget.hoverText(7);
    QVERIFY2(gap.contains(u"partial"_qs), qPrintable(gap)); // heard some, but not watched all along
    QVERIFY(widget.hoverText(24).isEmpty());

    // The pointer over a bar's column finds that bucket, whichever side of the axis it is on.
    QChart *chart = widget.chartView()->chart();
    for (int i : {0, 2, 12, 23}) {
        for (double y : {widget.moneyAxis()->max() / 2, -widget.moneyAxis()->max() / 2}) {
            const QPointF inChart = chart->mapToPosition(QPointF(i, y), widget.barSeries());
            const QPoint inView = widget.chartView()->mapFromScene(chart->mapToScene(inChart));
            QCOMPARE(widget.bucketAt(inView), i);
        }
    }
    QCOMPARE(widget.bucketAt(QPoint(1, 1)), -1); // outside the plot area
}

QTEST_MAIN(tst_LiquidationTimeline)
#include "tst_liquidationtimeline.moc"
