#include "chartaxis.h"

#include "domain/money.h"

#include <QBarSet>
#include <QCategoryAxis>
#include <QDateTime>

#include <cmath>

namespace Liq {

AxisTicks niceTicks(double maxValue, int targetTicks)
{
    AxisTicks ticks;
    if (!std::isfinite(maxValue) || maxValue <= 0)
        maxValue = 1.0;
    const double rough = maxValue / std::max(1, targetTicks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    double step = magnitude * 10.0;
    for (double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (factor * magnitude >= rough) {
            step = factor * magnitude;
            break;
        }
    }
    ticks.step = step;
    const int count = int(std::ceil(maxValue / step - 1e-9));
    ticks.max = step * std::max(1, count);
    for (int i = 0; i <= std::max(1, count); ++i)
        ticks.values << step * i;
    return ticks;
}

QList<QString> moneyLabels(const AxisTicks &ticks)
{
    QList<QString> labels;
    for (double value : ticks.values)
        labels << formatUsdAxis(value, ticks.step);
    return labels;
}

TimeTicks niceTimeTicks(qint64 firstMs, qint64 lastMs, int targetTicks)
{
    constexpr qint64 Second = 1000;
    constexpr qint64 Minute = 60 * Second;
    constexpr qint64 Hour = 60 * Minute;
    constexpr qint64 Day = 24 * Hour;
    static constexpr qint64 Steps[]
        = {Second,     2 * Second, 5 * Second,  10 * Second, 15 * Second, 30 * Second, Minute,
           2 * Minute, 5 * Minute, 10 * Minute, 15 * Minute, 30 * Minute, Hour,        2 * Hour,
           3 * Hour,   6 * Hour,   12 * Hour,   Day,         2 * Day,     7 * Day};
    TimeTicks ticks;
    if (lastMs < firstMs)
        std::swap(firstMs, lastMs);
    const qint64 rough = (lastMs - firstMs) / std::max(1, targetTicks);
    ticks.stepMs = Steps[std::size(Steps) - 1];
    for (qint64 step : Steps) {
        if (step >= rough) {
            ticks.stepMs = step;
            break;
        }
    }
    // Multiples of the step counted from the epoch fall on whole minutes/hours/days in UTC.
    const qint64 floorFirst
        = firstMs >= 0 ? firstMs / ticks.stepMs : (firstMs - ticks.stepMs + 1) / ticks.stepMs;
    qint64 value = floorFirst * ticks.stepMs;
    if (value < firstMs)
        value += ticks.stepMs;
    const QString format = ticks.stepMs >= Day || lastMs - firstMs >= Day ? QStringLiteral("MM-dd HH:mm")
        : ticks.stepMs >= Minute                                          ? QStringLiteral("HH:mm")
                                                                          : QStringLiteral("HH:mm:ss");
    for (; value <= lastMs; value += ticks.stepMs) {
        ticks.values << value;
        ticks.labels << QDateTime::fromMSecsSinceEpoch(value, Qt::UTC).toString(format);
    }
    return ticks;
}

void setTimeAxisTicks(QCategoryAxis *axis, const TimeTicks &ticks, qint64 firstMs, qint64 lastMs)
{
    if (axis->categoriesLabels() == QStringList(ticks.labels) && axis->min() == double(firstMs)
        && axis->max() == double(lastMs))
        return;
    for (const QString &label : axis->categoriesLabels())
        axis->remove(label);
    axis->setStartValue(double(firstMs));
    for (int i = 0; i < ticks.values.size(); ++i) {
        // A category must end after the start: a tick on the first instant is the axis edge itself.
        if (ticks.values.at(i) > firstMs)
            axis->append(ticks.labels.at(i), double(ticks.values.at(i)));
    }
    axis->setRange(double(firstMs), double(lastMs));
}

void setCategoryAxisTicks(QCategoryAxis *axis, const AxisTicks &ticks, const QList<QString> &labels)
{
    if (axis->categoriesLabels() == QStringList(labels) && axis->max() == ticks.max)
        return;
    for (const QString &label : axis->categoriesLabels())
        axis->remove(label);
    axis->setStartValue(0);
    for (int i = 1; i < ticks.values.size(); ++i)
        axis->append(labels.at(i), ticks.values.at(i));
    axis->setRange(0, ticks.max);
    // The zero line carries its own label through the start value.
    axis->setStartValue(0);
}

void replaceBarValues(QBarSet *set, const QList<double> &values)
{
    if (set->count() != values.size()) {
        set->remove(0, set->count());
        set->append(values);
        return;
    }
    for (int i = 0; i < values.size(); ++i) {
        if (set->at(i) != values.at(i))
            set->replace(i, values.at(i));
    }
}

} // namespace Liq
