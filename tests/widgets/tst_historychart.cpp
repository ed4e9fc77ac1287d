#include "chartaxis.h"
#include "historychart.h"
#include "session/snapshothistory.h"

#include <QCategoryAxis>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTest>
#include <QValueAxis>

using namespace Liq;

namespace {

const QDateTime Start(QDate(2026, 11, 20), QTime(14, 0), Qt::UTC);

LiquidationSnapshot snapshotAt(int minute, double longPerHour, double shortPerHour, bool withHour = true)
{
    LiquidationSnapshot snapshot;
    snapshot.asOf = Start.addSecs(60 * minute);
    snapshot.source = u"test"_qs;
    snapshot.scope = u"All exchanges"_qs;
    for (TimeWindow window : AllTimeWindows) {
        if (window == TimeWindow::H1 && !withHour)
            continue;
        snapshot.totals.set(window, {longPerHour * windowHours(window), shortPerHour * windowHours(window)});
    }
    return snapshot;
}

// What the chart must show for the history, computed from the ring itself.
void expectRing(const HistoryChart &chart, const SnapshotHistory &history)
{
    QList<QPointF> longs;
    QList<QPointF> shorts;
    QList<QPointF> scores;
    for (int i = 0; i < history.size(); ++i) {
        const HistoryPoint &point = history.pointAt(i);
        const double x = double(point.time.toMSecsSinceEpoch());
        if (point.h1) {
            longs << QPointF(x, point.h1->longUsd);
            shorts << QPointF(x, point.h1->shortUsd);
        }
        scores << QPointF(x, point.squeezeScore);
    }
    QCOMPARE(chart.longPoints(), longs);
    QCOMPARE(chart.shortPoints(), shorts);
    QCOMPARE(chart.scorePoints(), scores);
}

} // namespace

class tst_HistoryChart final : public QObject
{
    Q_OBJECT

private slots:
    void pointsEqualTheRing_data();
    void pointsEqualTheRing();
    void burstRedrawsOnceWithReplace();
    void resetAndEmptyState();
    void missingHourKeepsTheScore();
    void niceTimeTicksAreRoundUtcTimes_data();
    void niceTimeTicksAreRoundUtcTimes();
    void timeAxisIsLabelledInUtc();
};

void tst_HistoryChart::pointsEqualTheRing_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<int>("appended");
    QTest::newRow("under capacity") << 10 << 4;
    QTest::newRow("exactly full") << 6 << 6;
    QTest::newRow("wrapped around") << 5 << 23;
}

void tst_HistoryChart::pointsEqualTheRing()
{
    QFETCH(int, capacity);
    QFETCH(int, appended);
    SnapshotHistory history(capacity);
    HistoryChart chart;
    chart.setHistory(&history);
    for (int i = 0; i < appended; ++i) {
        // Shorts grow so the score changes along the way.
        QVERIFY(history.append(snapshotAt(i, 2e6, 1e6 * (1 + i))));
    }
    QTRY_VERIFY(!chart.isRefreshPending());
    QCOMPARE(history.size(), std::min(capacity, appended));
    QCOMPARE(chart.longPoints().size(), history.size()); // bounded by the ring
    expectRing(chart, history);
    // The time axis spans the ring: its oldest snapshot to its newest.
    QCOMPARE(chart.timeAxis()->min(), double(history.pointAt(0).time.toMSecsSinceEpoch()));
    QCOMPARE(chart.timeAxis()->max(), double(history.pointAt(history.size() - 1).time.toMSecsSinceEpoch()));
    // The money axis reaches the largest value plotted.
    double maxUsd = 0;
    for (const QPointF &point : chart.shortPoints() + chart.longPoints())
        maxUsd = std::max(maxUsd, point.y());
    QVERIFY(chart.moneyAxisMax() >= maxUsd);
    QVERIFY(chart.moneyAxisMax() < 2.6 * maxUsd); // a nice step above, not far above
    QVERIFY(!chart.moneyAxisLabels().isEmpty());
    QCOMPARE(chart.scoreAxis()->min(), 0.0);
    QCOMPARE(chart.scoreAxis()->max(), 100.0);
}

void tst_HistoryChart::burstRedrawsOnceWithReplace()
{
    SnapshotHistory history(50);
    HistoryChart chart;
    chart.setHistory(&history);
    auto *longSeries = chart.chart()->series().constFirst();
    auto *xy = qobject_cast<QXYSeries *>(longSeries);
    QVERIFY(xy);
    QSignalSpy replaced(xy, &QXYSeries::pointsReplaced);
    QSignalSpy added(xy, &QXYSeries::pointAdded);
    QSignalSpy removed(xy, &QXYSeries::pointRemoved);
    const int before = chart.refreshCount();
    for (int i = 0; i < 30; ++i)
        history.append(snapshotAt(i, 1e6 + i, 1e6));
    QVERIFY(chart.isRefreshPending());
    QCOMPARE(chart.refreshCount(), before); // nothing drawn per point
    QTRY_VERIFY(!chart.isRefreshPending());
    QCOMPARE(chart.refreshCount(), before + 1);
    QCOMPARE(replaced.count(), 1);
    QCOMPARE(added.count(), 0);
    QCOMPARE(removed.count(), 0);
    expectRing(chart, history);
}

void tst_HistoryChart::resetAndEmptyState()
{
    SnapshotHistory history(8);
    HistoryChart chart;
    QVERIFY(!chart.emptyText().isEmpty());
    chart.setHistory(&history);
    QVERIFY(!chart.emptyText().isEmpty());
    history.append(snapshotAt(0, 1e6, 3e6));
    history.append(snapshotAt(1, 1e6, 3e6));
    QTRY_COMPARE(chart.scorePoints().size(), 2);
    QVERIFY(chart.emptyText().isEmpty());
    history.clear();
    QTRY_COMPARE(chart.scorePoints().size(), 0);
    QVERIFY(!chart.emptyText().isEmpty());
    chart.setHistory(nullptr);
    QCOMPARE(chart.longPoints().size(), 0);
}

void tst_HistoryChart::missingHourKeepsTheScore()
{
    SnapshotHistory history(8);
    HistoryChart chart;
    chart.setHistory(&history);
    history.append(snapshotAt(0, 1e6, 2e6));
    history.append(snapshotAt(1, 1e6, 2e6, false));
    history.append(snapshotAt(2, 1e6, 2e6));
    chart.refreshNow();
    QCOMPARE(chart.longPoints().size(), 2);
    QCOMPARE(chart.scorePoints().size(), 3);
    expectRing(chart, history);
}

void tst_HistoryChart::niceTimeTicksAreRoundUtcTimes_data()
{
    QTest::addColumn<QDateTime>("first");
    QTest::addColumn<QDateTime>("last");
    QTest::addColumn<qint64>("stepMs");
    QTest::addColumn<QStringList>("labels");
    const QDate day(2026, 11, 20);
    QTest::newRow("20 minutes") << QDateTime(day, QTime(14, 0), Qt::UTC)
                                << QDateTime(day, QTime(14, 20), Qt::UTC) << qint64(300'000)
                                << QStringList{u"14:00"_qs, u"14:05"_qs, u"14:10"_qs, u"14:15"_qs,
                                               u"14:20"_qs};
    QTest::newRow("45 seconds, off the minute")
        << QDateTime(day, QTime(14, 0, 7), Qt::UTC) << QDateTime(day, QTime(14, 0, 52), Qt::UTC)
        << qint64(10'000)
        << QStringList{u"14:00:10"_qs, u"14:00:20"_qs, u"14:00:30"_qs, u"14:00:40"_qs, u"14:00:50"_qs};
    QTest::newRow("3 hours") << QDateTime(day, QTime(13, 47), Qt::UTC)
                             << QDateTime(day, QTime(16, 47), Qt::UTC) << qint64(3'600'000)
                             << QStringList{u"14:00"_qs, u"15:00"_qs, u"16:00"_qs};
    QTest::newRow("2 days") << QDateTime(day, QTime(14, 0), Qt::UTC)
                            << QDateTime(day.addDays(2), QTime(14, 0), Qt::UTC) << qint64(12 * 3'600'000)
                            << QStringList{u"11-21 00:00"_qs, u"11-21 12:00"_qs, u"11-22 00:00"_qs,
                                           u"11-22 12:00"_qs};
}

void tst_HistoryChart::niceTimeTicksAreRoundUtcTimes()
{
    QFETCH(QDateTime, first);
    QFETCH(QDateTime, last);
    QFETCH(qint64, stepMs);
    QFETCH(QStringList, labels);
    const TimeTicks ticks = niceTimeTicks(first.toMSecsSinceEpoch(), last.toMSecsSinceEpoch(), 5);
    QCOMPARE(ticks.stepMs, stepMs);
    QCOMPARE(QStringList(ticks.labels), labels);
    QCOMPARE(ticks.values.size(), ticks.labels.size());
    for (qint64 value : ticks.values) {
        QCOMPARE(value % stepMs, 0);
        QVERIFY(value >= first.toMSecsSinceEpoch() && value <= last.toMSecsSinceEpoch());
    }
}

void tst_HistoryChart::timeAxisIsLabelledInUtc()
{
    // India is 5:30 ahead of UTC: a label in local time could not fall on a UTC quarter hour.
    const QByteArray savedTz = qgetenv("TZ");
    qputenv("TZ", "Asia/Kolkata");
    tzset();
    SnapshotHistory history(100);
    HistoryChart chart;
    chart.setHistory(&history);
    for (int minute = 0; minute <= 30; minute += 2)
        QVERIFY(history.append(snapshotAt(minute, 2e6, 5e6)));
    chart.refreshNow();
    const QStringList labels = chart.timeAxis()->categoriesLabels();
    if (savedTz.isNull())
        qunsetenv("TZ");
    else
        qputenv("TZ", savedTz);
    tzset();
    // 14:00 to 14:30 UTC every 10 minutes; 14:00 is the axis edge itself.
    QCOMPARE(labels, (QStringList{u"14:10"_qs, u"14:20"_qs, u"14:30"_qs}));
    QCOMPARE(chart.timeAxis()->titleText(), u"UTC"_qs);
}

QTEST_MAIN(tst_HistoryChart)
#include "tst_historychart.moc"
