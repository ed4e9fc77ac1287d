#include "chartstyle.h"

#include "liqpalette.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>
#include <QPalette>

namespace Liq {

void applyChartPalette(QChart *chart, const QPalette &palette, const QList<QAbstractAxis *> &axes)
{
    const QColor muted = LiqPalette::mutedText(palette);
    const QColor grid = LiqPalette::divider(palette);
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setBackgroundPen(Qt::NoPen);
    chart->setPlotAreaBackgroundVisible(false);
    chart->legend()->setLabelColor(palette.color(QPalette::WindowText));
    for (QAbstractAxis *axis : axes) {
        axis->setLabelsColor(muted);
        axis->setLinePenColor(grid);
        axis->setGridLineColor(grid);
    }
}

} // namespace Liq
