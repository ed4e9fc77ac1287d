#pragma once

#include "domain/timeline.h"

#include <QPair>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QAreaSeries;
class QBarSet;
class QCategoryAxis;
class QChartView;
class QComboBox;
class QLineSeries;
class QStackedBarSeries;
QT_END_NAMESPACE

namespace Liq {

// Longs and shorts liquidated per bucket over the last 24 h: shorts above the axis, longs below (their
// bar values are negative), a UTC time axis, a bucket-size picker, gaps shaded and hatched behind what was
// heard (so a time nobody watched never looks like a calm one), and the figures of the bucket under the
// pointer in a tooltip. Bars sit at their bucket's index on the x axis, whose ticks are placed from UTC
// times. A new timeline with the same bucket count replaces values in place: same series, no animation.
class LiquidationTimeline final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int BucketSizes[] = {1, 5, 15, 60};

    explicit LiquidationTimeline(QWidget *parent = nullptr);

    void setTimeline(const Timeline &timeline);
    const Timeline &timeline() const { return m_timeline; }
    // What an empty timeline says (the chart's title then), e.g. how to fill it; empty: nothing.
    void setPlaceholder(const QString &text);
    QString placeholder() const { return m_placeholder; }

    // The picker's choice; the caller builds timelines of that size (see bucketMinutesChanged).
    int bucketMinutes() const;
    void setBucketMinutes(int minutes);

    // What is plotted, for tests: bar i is bucket i; gap buckets show what was heard in them.
    QStackedBarSeries *barSeries() const { return m_series; }
    QBarSet *longSet() const { return m_longSet; }
    QBarSet *shortSet() const { return m_shortSet; }
    QList<double> longValues() const;
    QList<double> shortValues() const;
    // The shaded band over gaps, and the runs of gap buckets it covers ([first, last] indices).
    QAreaSeries *gapSeries() const { return m_gapArea; }
    QList<QPair<int, int>> gapRuns() const { return m_gapRuns; }
    QComboBox *bucketPicker() const { return m_picker; }
    QChartView *chartView() const { return m_view; }
    QCategoryAxis *timeAxis() const { return m_timeAxis; }
    QCategoryAxis *moneyAxis() const { return m_moneyAxis; }
    // The bucket under a point of the chart view (its viewport's coordinates), or -1.
    int bucketAt(const QPoint &viewportPos) const;
    // The tooltip for bucket `index`: its UTC span, longs, shorts and count (or that it is a gap).
    QString hoverText(int index) const;

signals:
    void bucketMinutesChanged(int minutes);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void setupChart();
    void updateBars();
    void updateTimeAxis();
    void updateMoneyAxis(double maxUsd);
    void updateGapBand();
    void applyPalette();

    Timeline m_timeline;
    QChartView *m_view;
    QComboBox *m_picker;
    QStackedBarSeries *m_series;
    QBarSet *m_longSet;
    QBarSet *m_shortSet;
    QLineSeries *m_gapUpper;
    QLineSeries *m_gapLower;
    QAreaSeries *m_gapArea;
    QCategoryAxis *m_timeAxis;
    QCategoryAxis *m_moneyAxis;
    QList<QPair<int, int>> m_gapRuns;
    QString m_placeholder;
    double m_moneyMax = 1.0;
};

} // namespace Liq
