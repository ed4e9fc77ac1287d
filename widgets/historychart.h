#pragma once

#include "session/snapshothistory.h"

#include <QChartView>
#include <QPointF>
#include <QPointer>
#include <QTimer>

QT_BEGIN_NAMESPACE
class QCategoryAxis;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace Liq {

// The session over time: longs and shorts liquidated in the last hour (money axis, left) and the
// squeeze score (0–100, right), one point per snapshot of a SnapshotHistory. The series mirror the
// history's fixed-size ring, so memory stays bounded however long a feed runs; they are updated with
// QXYSeries::replace() (no clear-and-append flicker), at most once per CoalesceMs.
class HistoryChart final : public QChartView
{
    Q_OBJECT

public:
    static constexpr int CoalesceMs = 50;

    explicit HistoryChart(QWidget *parent = nullptr);

    // Not owned. Null shows the empty state.
    void setHistory(SnapshotHistory *history);
    SnapshotHistory *history() const { return m_history; }

    // Applies a pending update now (normally done by the coalescing timer).
    void refreshNow();
    bool isRefreshPending() const { return m_refreshTimer.isActive(); }
    int refreshCount() const { return m_refreshCount; }

    // What is plotted: x = ms since the epoch (UTC), y = USD or score.
    QList<QPointF> longPoints() const;
    QList<QPointF> shortPoints() const;
    QList<QPointF> scorePoints() const;
    QStringList moneyAxisLabels() const;
    double moneyAxisMax() const;
    // x in ms since the epoch, labelled in UTC.
    QCategoryAxis *timeAxis() const { return m_timeAxis; }
    QValueAxis *scoreAxis() const { return m_scoreAxis; }
    // The hint shown while there is nothing to plot (empty when there is).
    QString emptyText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void scheduleRefresh();
    void updateAxes(double maxUsd, qint64 firstMs, qint64 lastMs);
    void applyPalette();

    QPointer<SnapshotHistory> m_history;
    QLineSeries *m_long;
    QLineSeries *m_short;
    QLineSeries *m_score;
    QCategoryAxis *m_timeAxis;
    QCategoryAxis *m_moneyAxis;
    QValueAxis *m_scoreAxis;
    QTimer m_refreshTimer;
    int m_refreshCount = 0;
};

} // namespace Liq
