#pragma once

#include <QList>
#include <QString>

class QBarSet;
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

// Ticks for a time axis, in UTC like every other time Liqscope shows (QDateTimeAxis can only show local
// time): a round step (seconds, minutes, hours or days) so that about `targetTicks` lines fall between
// firstMs and lastMs (ms since the epoch), each on a whole multiple of the step since 00:00 UTC, and
// labelled "HH:mm:ss", "HH:mm" or "MM-dd HH:mm" as the step needs.
struct TimeTicks
{
    qint64 stepMs = 60'000;
    QList<qint64> values; // within [firstMs, lastMs], ascending
    QList<QString> labels; // labels[i] goes with values[i]
};

TimeTicks niceTimeTicks(qint64 firstMs, qint64 lastMs, int targetTicks = 5);

// Puts time ticks on a QCategoryAxis spanning [firstMs, lastMs] (labels on the lines). Does nothing when
// the axis already shows them.
void setTimeAxisTicks(QCategoryAxis *axis, const TimeTicks &ticks, qint64 firstMs, qint64 lastMs);

// Puts the ticks on a value axis drawn as a QCategoryAxis (labels on the lines, zero labelled by the start
// value). labels[i] goes with ticks.values[i]. Does nothing when the axis already shows them, so a refresh
// with the same scale costs no relayout.
void setCategoryAxisTicks(QCategoryAxis *axis, const AxisTicks &ticks, const QList<QString> &labels);

// Writes values into a bar set, touching only what changed (a live update changes a value or two); only a
// new count rebuilds the set's values.
void replaceBarValues(QBarSet *set, const QList<double> &values);

} // namespace Liq
