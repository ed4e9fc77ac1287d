#include "errorbanner.h"

#include "liqpalette.h"
#include "selectablelabel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QStyle>
#include <QToolButton>

namespace Liq {

ErrorBanner::ErrorBanner(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel)
    , m_text(new QLabel)
    , m_close(new QToolButton)
{
    setAccessibleName(tr("Error"));
    m_text->setWordWrap(true);
    makeSelectableOnHover(m_text);
    m_text->setTextFormat(Qt::PlainText);
    m_close->setText(QStringLiteral("✕"));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss error"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, &ErrorBanner::dismiss);
    hide();
}

void ErrorBanner::showMessage(const QString &message)
{
    // The icon is read when first needed: most sessions never show the banner.
    if (m_icon->pixmap().isNull()) {
        const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
        m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconSize, iconSize));
    }
    m_text->setText(message);
    setAccessibleDescription(message);
    show();
}

QString ErrorBanner::message() const
{
    return m_text->text();
}

void ErrorBanner::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    // A light wash of the error colour with a stronger border: readable on light and dark palettes.
    QColor fill = LiqPalette::errorColor();
    fill.setAlpha(38);
    QColor border = LiqPalette::errorColor();
    border.setAlpha(160);
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(border, 1.0));
    p.setBrush(fill);
    p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6.0, 6.0);
}

void ErrorBanner::dismiss()
{
    if (isHidden())
        return;
    hide();
    emit dismissed();
}

} // namespace Liq
