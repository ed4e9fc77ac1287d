#pragma once

#include <QList>
#include <QString>

class QCategoryAxis;

namespace Liq {

// Ticks for a value axis starting at zero: a "nice" step (1, 2, 2.5 or 5 times a power of ten) so the
// axis shows about `targetTicks` labelled lines above zero.
struct AxisTicks
{
    double step = 1.0;
    double max = 1.0;
    QList<double> values; // 0, step, 2*step, ... max
};

AxisTicks niceTicks(double maxValue, int targetTicks = 4);

// Labels for money ticks ("$0", "$50M", "$1.5B") through formatUsdAxis.
QList<QString> moneyLabels(const AxisTicks &ticks);

// Puts the ticks on a value axis drawn as a QCategoryAxis (labels on the lines, zero labelled by the start
// value). labels[i] goes with ticks.values[i]. Does nothing when the axis already shows them, so a refresh
// with the same scale costs no relayout.
void setCategoryAxisTicks(QCategoryAxis *axis, const AxisTicks &ticks, const QList<QString> &labels);

} // namespace Liq
