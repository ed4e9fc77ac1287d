#include "liquidationchart.h"

#include "chartaxis.h"
#include "chartstyle.h"
#include "domain/money.h"
#include "liqpalette.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QCursor>
#include <QGraphicsLayout>
#include <QLegendMarker>
#include <QLocale>
#include <QPainter>
#include <QStackedBarSeries>
#include <QToolTip>

namespace Liq {
namespace {

QString exactUsd(double usd)
{
    static const QLocale english(QLocale::English, QLocale::UnitedStates);
    return QLatin1Char('$') + english.toString(usd, 'f', 2);
}

QString bucketLabel(const LiquidationBucket &bucket)
{
    return QStringLiteral("%1–%2h").arg(bucket.fromHours).arg(bucket.toHours);
}

} // namespace

LiquidationChart::LiquidationChart(QWidget *parent)
    : QChartView(parent)
    , m_series(new QStackedBarSeries)
    , m_longSet(new QBarSet(tr("Longs liquidated")))
    , m_shortSet(new QBarSet(tr("Shorts liquidated")))
    , m_categoryAxis(new QBarCategoryAxis)
    , m_valueAxis(new QCategoryAxis)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(280, 150);
    setAccessibleName(tr("Liquidation chart"));

    m_longSet->setColor(LiqPalette::longColor());
    m_shortSet->setColor(LiqPalette::shortColor());
    m_longSet->setBorderColor(LiqPalette::longColor());
    m_shortSet->setBorderColor(LiqPalette::shortColor());
    m_series->append(m_longSet);
    m_series->append(m_shortSet);
    m_series->setBarWidth(0.6);

    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->addSeries(m_series);
    chart->addAxis(m_categoryAxis, Qt::AlignBottom);
    chart->addAxis(m_valueAxis, Qt::AlignLeft);
    m_series->attachAxis(m_categoryAxis);
    m_series->attachAxis(m_valueAxis);
    m_valueAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_categoryAxis->setGridLineVisible(false);
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->legend()->setMarkerShape(QLegend::MarkerShapeRectangle);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 0, 4, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    // QChartView(parent) made a default chart that setChart() releases without deleting.
    QChart *defaultChart = this->chart();
    setChart(chart);
    delete defaultChart;

    connect(m_longSet, &QBarSet::hovered, this,
            [this](bool entered, int index) { showHoverTip(entered, index, true); });
    connect(m_shortSet, &QBarSet::hovered, this,
            [this](bool entered, int index) { showHoverTip(entered, index, false); });

    applyPalette();
    refresh();
}

QString LiquidationChart::categoryLabel(TimeWindow window) const
{
    return m_analysis.isPartial(window) ? tr("%1 (partial)").arg(windowLabel(window)) : windowLabel(window);
}

void LiquidationChart::setAnalysis(const MarketAnalysis &analysis)
{
    m_analysis = analysis;
    refresh();
}

void LiquidationChart::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    refresh();
    emit modeChanged(mode);
}

QStringList LiquidationChart::categories() const
{
    return m_categoryAxis->categories();
}

QList<double> LiquidationChart::longValues() const
{
    QList<double> values;
    for (int i = 0; i < m_longSet->count(); ++i)
        values << m_longSet->at(i);
    return values;
}

QList<double> LiquidationChart::shortValues() const
{
    QList<double> values;
    for (int i = 0; i < m_shortSet->count(); ++i)
        values << m_shortSet->at(i);
    return values;
}

QStringList LiquidationChart::axisLabels() const
{
    return m_valueAxis->categoriesLabels();
}

void LiquidationChart::refresh()
{
    QStringList categories;
    QList<double> longs;
    QList<double> shorts;
    m_totalsForTips.clear();
    QString title;
    double maxValue = 0;

    switch (m_mode) {
    case Mode::Windows:
        title = tr("Liquidated per window (cumulative)");
        for (const WindowStats &stats : std::as_const(m_analysis.windows)) {
            categories << categoryLabel(stats.window);
            longs << stats.amounts.longUsd;
            shorts << stats.amounts.shortUsd;
            m_totalsForTips << stats.amounts.total();
            maxValue = std::max(maxValue, stats.amounts.total());
        }
        break;
    case Mode::PerHour: {
        title = m_analysis.buckets.isEmpty() ? tr("Pace per hour needs all four windows")
                                             : tr("Pace: USD per hour in each slice of the last 24h");
        // A slice nobody watched would read as a calm stretch: no pace until the day is covered.
        if (m_analysis.anyPartial())
            title = tr("Pace per hour needs the whole 24h observed");
        const QList<LiquidationBucket> buckets
            = m_analysis.anyPartial() ? QList<LiquidationBucket>() : m_analysis.buckets;
        for (const LiquidationBucket &bucket : buckets) {
            categories << bucketLabel(bucket);
            longs << bucket.longPerHour();
            shorts << bucket.shortPerHour();
            m_totalsForTips << bucket.usdPerHour();
            maxValue = std::max(maxValue, bucket.usdPerHour());
        }
        break;
    }
    case Mode::Share:
        title = tr("Long / short split per window");
        for (const WindowStats &stats : std::as_const(m_analysis.windows)) {
            categories << categoryLabel(stats.window);
            const double total = stats.amounts.total();
            longs << (total > 0 ? 100.0 * stats.amounts.longUsd / total : 0.0);
            shorts << (total > 0 ? 100.0 * stats.amounts.shortUsd / total : 0.0);
            m_totalsForTips << total;
        }
        maxValue = 100.0;
        break;
    }

    if (m_categoryAxis->categories() != categories) {
        m_categoryAxis->clear();
        m_categoryAxis->append(categories);
    }
    replaceBarValues(m_longSet, longs);
    replaceBarValues(m_shortSet, shorts);
    if (title != m_headline) {
        m_headline = title;
        chart()->setTitle(m_headlineVisible ? title : QString());
        emit headlineChanged(title);
    }
    updateAxis(maxValue);
}

void LiquidationChart::setHeadlineVisible(bool visible)
{
    m_headlineVisible = visible;
    chart()->setTitle(visible ? m_headline : QString());
}

void LiquidationChart::updateAxis(double maxValue)
{
    const AxisTicks ticks = m_mode == Mode::Share ? niceTicks(100.0, 4) : niceTicks(maxValue, 4);
    QList<QString> labels;
    if (m_mode == Mode::Share) {
        for (double value : ticks.values)
            labels << QString::number(value, 'f', 0) + QLatin1Char('%');
    } else {
        labels = moneyLabels(ticks);
        if (m_mode == Mode::PerHour) {
            for (QString &label : labels)
                label += tr("/h");
        }
    }
    setCategoryAxisTicks(m_valueAxis, ticks, labels);
}

void LiquidationChart::showHoverTip(bool entered, int index, bool longSide)
{
    if (!entered || index < 0 || index >= m_totalsForTips.size()) {
        QToolTip::hideText();
        return;
    }
    const QString category = categories().value(index);
    const QBarSet *set = longSide ? m_longSet : m_shortSet;
    const QString side = longSide ? tr("Longs") : tr("Shorts");
    const double total = m_totalsForTips.at(index);
    QString text;
    switch (m_mode) {
    case Mode::Windows:
        text = tr("%1 · %2: %3\nof %4 total").arg(category, side, exactUsd(set->at(index)), exactUsd(total));
        break;
    case Mode::PerHour:
        text = tr("%1 before as-of · %2: %3 per hour\nof %4 per hour")
                   .arg(category, side, exactUsd(set->at(index)), exactUsd(total));
        break;
    case Mode::Share:
        text = tr("%1 · %2: %3 of %4")
                   .arg(category, side, formatPercent(set->at(index) / 100.0, 2), exactUsd(total));
        break;
    }
    QToolTip::showText(QCursor::pos(), text, this);
}

void LiquidationChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void LiquidationChart::applyPalette()
{
    applyChartPalette(this, {m_categoryAxis, m_valueAxis});
    chart()->setTitleBrush(palette().color(QPalette::WindowText));
    QFont titleFont = font();
    titleFont.setBold(true);
    chart()->setTitleFont(titleFont);
}

QString LiquidationChart::modeKey(Mode mode)
{
    switch (mode) {
    case Mode::Windows: return QStringLiteral("windows");
    case Mode::PerHour: return QStringLiteral("per_hour");
    case Mode::Share: return QStringLiteral("share");
    }
    return QStringLiteral("windows");
}

LiquidationChart::Mode LiquidationChart::modeFromKey(const QString &key)
{
    if (key == u"per_hour")
        return Mode::PerHour;
    if (key == u"share")
        return Mode::Share;
    return Mode::Windows;
}

QString LiquidationChart::modeText(Mode mode)
{
    switch (mode) {
    case Mode::Windows: return tr("Windows");
    case Mode::PerHour: return tr("Per hour");
    case Mode::Share: return tr("Share");
    }
    return {};
}

} // namespace Liq
