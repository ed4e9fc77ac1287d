#include "chartaxis.h"

#include "domain/money.h"

#include <QCategoryAxis>

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

} // namespace Liq
