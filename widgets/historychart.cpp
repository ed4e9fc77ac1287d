#include "historychart.h"

#include "chartaxis.h"
#include "chartstyle.h"
#include "liqpalette.h"
#include "session/snapshothistory.h"

#include <QCategoryAxis>
#include <QGraphicsLayout>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

namespace Liq {
namespace {

// Okabe–Ito reddish purple: apart from the long orange and the short blue.
QColor scoreColor()
{
    return QColor(0xCC, 0x79, 0xA7);
}

QList<QPointF> seriesPoints(const QLineSeries *series)
{
    return series->points();
}

} // namespace

HistoryChart::HistoryChart(QWidget *parent)
    : QChartView(parent)
    , m_long(new QLineSeries)
    , m_short(new QLineSeries)
    , m_score(new QLineSeries)
    , m_timeAxis(new QCategoryAxis)
    , m_moneyAxis(new QCategoryAxis)
    , m_scoreAxis(new QValueAxis)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(280, 150);
    setAccessibleName(tr("Session history chart"));

    m_long->setName(tr("Longs liquidated, last 1h"));
    m_short->setName(tr("Shorts liquidated, last 1h"));
    m_score->setName(tr("Squeeze score (0–100)"));
    m_long->setPen(QPen(LiqPalette::longColor(), 2.0));
    m_short->setPen(QPen(LiqPalette::shortColor(), 2.0));
    QPen scorePen(scoreColor(), 1.6, Qt::DashLine);
    m_score->setPen(scorePen);

    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    for (QLineSeries *series : {m_long, m_short, m_score})
        chart->addSeries(series);
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_moneyAxis, Qt::AlignLeft);
    chart->addAxis(m_scoreAxis, Qt::AlignRight);
    for (QLineSeries *series : {m_long, m_short}) {
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_moneyAxis);
    }
    m_score->attachAxis(m_timeAxis);
    m_score->attachAxis(m_scoreAxis);
    m_moneyAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_scoreAxis->setRange(0, 100);
    m_scoreAxis->setTickCount(5);
    m_scoreAxis->setLabelFormat(QStringLiteral("%d"));
    m_scoreAxis->setGridLineVisible(false);
    m_timeAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_timeAxis->setTitleText(tr("UTC"));
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 0, 4, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    // QChartView(parent) made a default chart that setChart() releases without deleting.
    QChart *defaultChart = this->chart();
    setChart(chart);
    delete defaultChart;

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(CoalesceMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &HistoryChart::refreshNow);

    applyPalette();
    refreshNow();
}

void HistoryChart::setHistory(SnapshotHistory *history)
{
    if (m_history)
        m_history->disconnect(this);
    m_history = history;
    if (m_history) {
        connect(m_history, &SnapshotHistory::pointAppended, this, &HistoryChart::scheduleRefresh);
        connect(m_history, &SnapshotHistory::reset, this, &HistoryChart::scheduleRefresh);
    }
    refreshNow();
}

void HistoryChart::scheduleRefresh()
{
    // Not restarted by later points: a steady stream still redraws every CoalesceMs.
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

void HistoryChart::refreshNow()
{
    m_refreshTimer.stop();
    ++m_refreshCount;
    QList<QPointF> longs;
    QList<QPointF> shorts;
    QList<QPointF> scores;
    double maxUsd = 0.0;
    const int count = m_history ? m_history->size() : 0;
    longs.reserve(count);
    shorts.reserve(count);
    scores.reserve(count);
    for (int i = 0; i < count; ++i) {
        const HistoryPoint &point = m_history->pointAt(i);
        const double x = double(point.time.toMSecsSinceEpoch());
        if (point.h1) {
            longs.append(QPointF(x, point.h1->longUsd));
            shorts.append(QPointF(x, point.h1->shortUsd));
            maxUsd = std::max({maxUsd, point.h1->longUsd, point.h1->shortUsd});
        }
        scores.append(QPointF(x, point.squeezeScore));
    }
    // replace() swaps the whole vector in one signal: no per-point repaint, no flicker.
    m_long->replace(longs);
    m_short->replace(shorts);
    m_score->replace(scores);
    const qint64 first = count ? m_history->pointAt(0).time.toMSecsSinceEpoch() : 0;
    const qint64 last = count ? m_history->pointAt(count - 1).time.toMSecsSinceEpoch() : 0;
    updateAxes(maxUsd, first, last);
    chart()->setTitle(emptyText());
}

QString HistoryChart::emptyText() const
{
    if (m_history && !m_history->isEmpty())
        return {};
    return tr(
        "No session history yet: connect to a feed (File › Connect to Live Data…) or open a saved history.");
}

void HistoryChart::updateAxes(double maxUsd, qint64 firstMs, qint64 lastMs)
{
    // A single point (or none) still gets a readable minute-wide range around it.
    if (lastMs - firstMs < 60'000) {
        const qint64 middle = firstMs ? (firstMs + lastMs) / 2 : QDateTime::currentMSecsSinceEpoch();
        firstMs = middle - 30'000;
        lastMs = middle + 30'000;
    }
    setTimeAxisTicks(m_timeAxis, niceTimeTicks(firstMs, lastMs, 5), firstMs, lastMs);

    const AxisTicks ticks = niceTicks(maxUsd > 0 ? maxUsd : 1e6, 4);
    setCategoryAxisTicks(m_moneyAxis, ticks, moneyLabels(ticks));
}

QList<QPointF> HistoryChart::longPoints() const
{
    return seriesPoints(m_long);
}

QList<QPointF> HistoryChart::shortPoints() const
{
    return seriesPoints(m_short);
}

QList<QPointF> HistoryChart::scorePoints() const
{
    return seriesPoints(m_score);
}

QStringList HistoryChart::moneyAxisLabels() const
{
    return m_moneyAxis->categoriesLabels();
}

double HistoryChart::moneyAxisMax() const
{
    return m_moneyAxis->max();
}

void HistoryChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void HistoryChart::applyPalette()
{
    applyChartPalette(this, {m_timeAxis, m_moneyAxis, m_scoreAxis});
    chart()->setTitleBrush(LiqPalette::mutedText(palette()));
}

} // namespace Liq
