#include "liquidationtimeline.h"

#include "chartaxis.h"
#include "chartstyle.h"
#include "domain/money.h"
#include "liqpalette.h"

#include <QAreaSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChartView>
#include <QComboBox>
#include <QGraphicsLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QVBoxLayout>

#include <cmath>

namespace Liq {
namespace {

constexpr qint64 MinuteMs = 60'000;

QList<double> setValues(const QBarSet *set)
{
    QList<double> values;
    values.reserve(set->count());
    for (int i = 0; i < set->count(); ++i)
        values << set->at(i);
    return values;
}

QString exactUsd(double usd)
{
    static const QLocale english(QLocale::English, QLocale::UnitedStates);
    return QLatin1Char('$') + english.toString(usd, 'f', 2);
}

// Rebuilds a category axis only when its labels or range differ, so a live refresh costs no relayout.
void setCategories(QCategoryAxis *axis, double start, const QList<QPair<QString, double>> &categories,
                   double min, double max)
{
    QStringList labels;
    for (const auto &category : categories)
        labels << category.first;
    if (axis->categoriesLabels() == labels && axis->min() == min && axis->max() == max)
        return;
    for (const QString &label : axis->categoriesLabels())
        axis->remove(label);
    axis->setStartValue(start);
    for (const auto &category : categories)
        axis->append(category.first, category.second);
    axis->setRange(min, max);
}

} // namespace

LiquidationTimeline::LiquidationTimeline(QWidget *parent)
    : QWidget(parent)
    , m_view(new QChartView(this))
    , m_picker(new QComboBox(this))
    , m_series(new QStackedBarSeries)
    , m_longSet(new QBarSet(tr("Longs liquidated (below)")))
    , m_shortSet(new QBarSet(tr("Shorts liquidated (above)")))
    , m_gapUpper(new QLineSeries(this))
    , m_gapLower(new QLineSeries(this))
    , m_gapArea(new QAreaSeries(m_gapUpper, m_gapLower))
    , m_timeAxis(new QCategoryAxis)
    , m_moneyAxis(new QCategoryAxis)
{
    setAccessibleName(tr("24h liquidation timeline"));
    for (int minutes : BucketSizes)
        m_picker->addItem(minutes == 60 ? tr("1 h") : tr("%1 min").arg(minutes), minutes);
    m_picker->setCurrentIndex(1); // 5 min: 288 bars, each still a few pixels wide
    m_picker->setAccessibleName(tr("Bucket size"));
    connect(m_picker, &QComboBox::currentIndexChanged, this,
            [this] { emit bucketMinutesChanged(bucketMinutes()); });

    auto *label = new QLabel(tr("Bucket:"), this);
    label->setBuddy(m_picker);
    auto *controls = new QHBoxLayout;
    controls->addStretch();
    controls->addWidget(label);
    controls->addWidget(m_picker);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_view, 1);

    setupChart();
    m_view->setMouseTracking(true);
    m_view->viewport()->setMouseTracking(true);
    m_view->viewport()->installEventFilter(this);
    applyPalette();
    setTimeline({});
}

void LiquidationTimeline::setupChart()
{
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(280, 150);
    for (QBarSet *set : {m_shortSet, m_longSet}) {
        // No outline: a zero bar would draw a line on the axis, and a gap must not look like calm.
        set->setPen(Qt::NoPen);
        m_series->append(set);
    }
    m_shortSet->setColor(LiqPalette::shortColor());
    m_longSet->setColor(LiqPalette::longColor());
    m_series->setBarWidth(1.0); // buckets are contiguous in time, so are the bars
    m_gapArea->setName(tr("Not watched")); // always in the legend: it explains the hatching
    m_gapArea->setPen(Qt::NoPen);

    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->addSeries(m_gapArea); // first, so the bars draw over the band's edges
    chart->addSeries(m_series);
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_moneyAxis, Qt::AlignLeft);
    for (QAbstractSeries *series : std::initializer_list<QAbstractSeries *>{m_gapArea, m_series}) {
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_moneyAxis);
    }
    m_timeAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_timeAxis->setTitleText(tr("UTC"));
    m_moneyAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->legend()->setMarkerShape(QLegend::MarkerShapeRectangle);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 0, 4, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    // QChartView made a default chart that setChart() releases without deleting.
    QChart *defaultChart = m_view->chart();
    m_view->setChart(chart);
    delete defaultChart;
}

int LiquidationTimeline::bucketMinutes() const
{
    return m_picker->currentData().toInt();
}

void LiquidationTimeline::setBucketMinutes(int minutes)
{
    const int index = m_picker->findData(minutes);
    if (index >= 0)
        m_picker->setCurrentIndex(index); // emits bucketMinutesChanged when it changes
}

void LiquidationTimeline::setPlaceholder(const QString &text)
{
    m_placeholder = text;
    m_view->chart()->setTitle(m_timeline.isEmpty() ? m_placeholder : QString());
}

void LiquidationTimeline::setTimeline(const Timeline &timeline)
{
    m_timeline = timeline;
    m_view->chart()->setTitle(m_timeline.isEmpty() ? m_placeholder : QString());
    updateBars();
    updateTimeAxis();
    updateGapBand();
}

void LiquidationTimeline::updateBars()
{
    QList<double> longs;
    QList<double> shorts;
    longs.reserve(m_timeline.size());
    shorts.reserve(m_timeline.size());
    double maxUsd = 0.0;
    for (const TimelineBucket &bucket : std::as_const(m_timeline)) {
        // A bucket not watched all along shows what was heard in it over the hatched band, so the
        // first minutes of a watch appear at once and still read as partial; unheard, it has no bar.
        const double longUsd = bucket.amounts.longUsd;
        const double shortUsd = bucket.amounts.shortUsd;
        longs << (longUsd > 0 ? -longUsd : 0.0); // below the axis; never -0 (an equal compare anyway)
        shorts << shortUsd;
        maxUsd = std::max({maxUsd, longUsd, shortUsd});
    }
    replaceBarValues(m_longSet, longs);
    replaceBarValues(m_shortSet, shorts);
    updateMoneyAxis(maxUsd);
}

void LiquidationTimeline::updateTimeAxis()
{
    if (m_timeline.isEmpty()) {
        setCategories(m_timeAxis, -0.5, {}, -0.5, 0.5);
        return;
    }
    const qint64 firstMs = m_timeline.first().start.toMSecsSinceEpoch();
    const qint64 bucketMs = qint64(m_timeline.first().minutes) * MinuteMs;
    const qint64 endMs = firstMs + bucketMs * m_timeline.size();
    const TimeTicks ticks = niceTimeTicks(firstMs, endMs, 6);
    // Bar i is centred on i and spans bucket i's time: a time maps to its fraction of the buckets.
    const auto toX = [&](qint64 ms) {
        return double(ms - firstMs) / double(bucketMs) - 0.5;
    };
    QList<QPair<QString, double>> categories;
    for (int i = 0; i < ticks.values.size(); ++i) {
        if (ticks.values.at(i) > firstMs) // a category must end after the start
            categories.append({ticks.labels.at(i), toX(ticks.values.at(i))});
    }
    setCategories(m_timeAxis, toX(firstMs), categories, toX(firstMs), toX(endMs));
}

void LiquidationTimeline::updateMoneyAxis(double maxUsd)
{
    const AxisTicks ticks = niceTicks(maxUsd > 0 ? maxUsd : 1e6, 3);
    const QList<QString> labels = moneyLabels(ticks);
    QList<QPair<QString, double>> categories;
    // Longs below read as amounts too; a category axis keys its categories by label, so the lower
    // ones carry a zero-width space to stay distinct from the same amount above.
    for (qsizetype i = ticks.values.size() - 1; i > 0; --i)
        categories.append({labels.at(i) + QChar(0x200B), -ticks.values.at(i)});
    for (qsizetype i = 0; i < ticks.values.size(); ++i)
        categories.append({labels.at(i), ticks.values.at(i)});
    // The start lies below the range: only the categories' own labels show.
    setCategories(m_moneyAxis, -ticks.max - ticks.step, categories, -ticks.max, ticks.max);
    m_moneyMax = ticks.max;
}

void LiquidationTimeline::updateGapBand()
{
    m_gapRuns.clear();
    for (int i = 0; i < m_timeline.size(); ++i) {
        if (!m_timeline.at(i).gap)
            continue;
        if (!m_gapRuns.isEmpty() && m_gapRuns.last().second == i - 1)
            m_gapRuns.last().second = i;
        else
            m_gapRuns.append({i, i});
    }
    // One area for every run: the upper line rises to the top over each run and lies on the bottom
    // (where the lower line is, so nothing is filled) between them.
    const double left = -0.5;
    const double right = double(m_timeline.size()) - 0.5;
    QList<QPointF> upper{QPointF(left, -m_moneyMax)};
    for (const auto &run : std::as_const(m_gapRuns)) {
        const double from = run.first - 0.5;
        const double to = run.second + 0.5;
        upper << QPointF(from, -m_moneyMax) << QPointF(from, m_moneyMax) << QPointF(to, m_moneyMax)
              << QPointF(to, -m_moneyMax);
    }
    upper << QPointF(right, -m_moneyMax);
    m_gapUpper->replace(upper);
    m_gapLower->replace(QList<QPointF>{QPointF(left, -m_moneyMax), QPointF(right, -m_moneyMax)});
}

QList<double> LiquidationTimeline::longValues() const
{
    return setValues(m_longSet);
}

QList<double> LiquidationTimeline::shortValues() const
{
    return setValues(m_shortSet);
}

int LiquidationTimeline::bucketAt(const QPoint &viewportPos) const
{
    QChart *chart = m_view->chart(); // mapToValue() is not const
    const QPointF chartPos = chart->mapFromScene(m_view->mapToScene(viewportPos));
    if (!chart->plotArea().contains(chartPos))
        return -1;
    const double x = chart->mapToValue(chartPos, m_series).x();
    const auto index = qint64(std::floor(x + 0.5));
    return index >= 0 && index < m_timeline.size() ? int(index) : -1;
}

QString LiquidationTimeline::hoverText(int index) const
{
    if (index < 0 || index >= m_timeline.size())
        return {};
    const TimelineBucket &bucket = m_timeline.at(index);
    const QDateTime end = bucket.start.addSecs(qint64(bucket.minutes) * 60);
    const QString span = tr("%1–%2 UTC")
                             .arg(bucket.start.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                  end.toUTC().toString(QStringLiteral("HH:mm")));
    if (bucket.gap && bucket.count == 0)
        return tr("%1\nNot watched: no data").arg(span);
    const QString count = bucket.count == 1 ? tr("1 liquidation") : tr("%1 liquidations").arg(bucket.count);
    QString text = tr("%1\nShorts: %2\nLongs: %3\n%4")
                       .arg(span, exactUsd(bucket.amounts.shortUsd), exactUsd(bucket.amounts.longUsd), count);
    if (bucket.gap)
        text += tr("\nNot watched all of the time: figures are partial");
    return text;
}

bool LiquidationTimeline::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport()) {
        if (event->type() == QEvent::MouseMove) {
            const auto *mouse = static_cast<QMouseEvent *>(event);
            const QString text = hoverText(bucketAt(mouse->position().toPoint()));
            if (text.isEmpty())
                QToolTip::hideText();
            else
                QToolTip::showText(mouse->globalPosition().toPoint(), text, m_view);
        } else if (event->type() == QEvent::Leave) {
            QToolTip::hideText();
        }
    }
    return QWidget::eventFilter(watched, event);
}

void LiquidationTimeline::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void LiquidationTimeline::applyPalette()
{
    applyChartPalette(m_view, {m_timeAxis, m_moneyAxis});
    m_gapArea->setBrush(QBrush(LiqPalette::mutedText(palette()), Qt::BDiagPattern));
}

} // namespace Liq
