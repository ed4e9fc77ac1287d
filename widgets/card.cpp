#include "card.h"

#include <QLabel>
#include <QPainter>

namespace Liq {
namespace {

constexpr qreal CornerRadius = 8.0;

} // namespace

Card::Card(QWidget *parent)
    : QWidget(parent)
{ }

QLabel *Card::makeTitle(const QString &text, QWidget *parent)
{
    auto *title = new QLabel(text, parent);
    // Only the weight is set, so the label keeps following the application's font family and size.
    QFont font;
    font.setWeight(QFont::DemiBold);
    title->setFont(font);
    return title;
}

void Card::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(palette().color(QPalette::Midlight), 1.0));
    p.setBrush(palette().color(QPalette::Base));
    // Half a pixel in, so the 1 px border lands on whole pixels.
    p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), CornerRadius, CornerRadius);
}

} // namespace Liq
