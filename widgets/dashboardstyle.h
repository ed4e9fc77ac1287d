#pragma once

#include <QProxyStyle>

namespace Liq {

// Fusion, with flat table headers (a base-coloured strip with thin dividers, like the cards around
// them). A proxy style rather than a style sheet: a sheet sends every widget through Qt's style-sheet
// style, which costs a tenth of the start-up and slows every repaint.
class DashboardStyle final : public QProxyStyle
{
    Q_OBJECT

public:
    DashboardStyle();

    void drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                     const QWidget *widget = nullptr) const override;
    QSize sizeFromContents(ContentsType type, const QStyleOption *option, const QSize &size,
                           const QWidget *widget = nullptr) const override;
};

} // namespace Liq
