#include "dashboardstyle.h"

#include <QPainter>
#include <QStyleFactory>
#include <QStyleOptionHeader>

namespace Liq {
namespace {

// Room around a header's text, on top of Fusion's own margins: the text never touches a divider.
constexpr int HeaderPadding = 6;
constexpr int HeaderExtraHeight = 6;

} // namespace

DashboardStyle::DashboardStyle()
    : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion")))
{ }

void DashboardStyle::drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                                 const QWidget *widget) const
{
    if (element == CE_HeaderLabel) {
        if (const auto *header = qstyleoption_cast<const QStyleOptionHeader *>(option)) {
            QStyleOptionHeader inset = *header;
            inset.rect.adjust(HeaderPadding, 0, -HeaderPadding, 0);
            QProxyStyle::drawControl(element, &inset, painter, widget);
            return;
        }
    }
    if (element != CE_HeaderSection) {
        QProxyStyle::drawControl(element, option, painter, widget);
        return;
    }
    // Flat: the base colour, a divider between sections and a line under the row.
    const QRect r = option->rect;
    const QPalette &pal = option->palette;
    painter->save();
    painter->fillRect(r, pal.color(QPalette::Base));
    painter->setPen(pal.color(QPalette::Midlight));
    const auto *header = qstyleoption_cast<const QStyleOptionHeader *>(option);
    const bool last = header
        && (header->position == QStyleOptionHeader::End
            || header->position == QStyleOptionHeader::OnlyOneSection);
    if (!last && (!header || header->orientation == Qt::Horizontal))
        painter->drawLine(r.right(), r.top() + 4, r.right(), r.bottom() - 4);
    painter->setPen(pal.color(QPalette::Mid));
    painter->drawLine(r.left(), r.bottom(), r.right(), r.bottom());
    painter->restore();
}

QSize DashboardStyle::sizeFromContents(ContentsType type, const QStyleOption *option, const QSize &size,
                                       const QWidget *widget) const
{
    QSize result = QProxyStyle::sizeFromContents(type, option, size, widget);
    if (type == CT_HeaderSection)
        result += QSize(2 * HeaderPadding, HeaderExtraHeight);
    return result;
}

} // namespace Liq
