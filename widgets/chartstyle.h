#pragma once

#include <QList>

class QAbstractAxis;
class QChartView;

namespace Liq {

// Colours a chart view and its chart from the view's palette so charts follow light and dark like every other
// widget. Not QChart::setTheme: that would also recolour the series, which keep the app-wide long/short
// colours. The title is left to the caller (charts style it differently).
void applyChartPalette(QChartView *view, const QList<QAbstractAxis *> &axes);

} // namespace Liq
