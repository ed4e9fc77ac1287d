#pragma once

#include <QList>

class QAbstractAxis;
class QChart;
class QPalette;

namespace Liq {

// Colours a chart from the widget palette so charts follow light and dark like every other widget.
// Not QChart::setTheme: that would also recolour the series, which keep the app-wide long/short colours.
// The title is left to the caller (charts style it differently).
void applyChartPalette(QChart *chart, const QPalette &palette, const QList<QAbstractAxis *> &axes);

} // namespace Liq
