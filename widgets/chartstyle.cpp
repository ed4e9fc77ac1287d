#include "chartstyle.h"

#include "liqpalette.h"

#include <QAbstractAxis>
#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QPalette>

namespace Liq {

void applyChartPalette(QChartView *view, const QList<QAbstractAxis *> &axes)
{
    const QPalette palette = view->palette();
    QChart *chart = view->chart();
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
    view->setBackgroundBrush(palette.color(QPalette::Base));
}

} // namespace Liq
