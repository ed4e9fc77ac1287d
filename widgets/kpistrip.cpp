#include "kpistrip.h"

#include "domain/money.h"
#include "liqpalette.h"
#include "selectablelabel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace Liq {

KpiCard::KpiCard(const QString &title, QWidget *parent)
    : Card(parent)
    , m_title(Card::makeTitle(title))
    , m_value(new QLabel(QStringLiteral("—")))
    , m_detail(new QLabel)
{
    makeSelectableOnHover(m_value);
    m_detail->setWordWrap(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 8, 12, 8);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    applyFonts();
}

void KpiCard::setTitle(const QString &title)
{
    m_title->setText(title);
}

void KpiCard::setValue(const QString &value, const QString &detail)
{
    m_value->setText(value);
    m_detail->setText(detail);
    setAccessibleName(m_title->text());
    setAccessibleDescription(value + QStringLiteral(", ") + detail);
}

void KpiCard::setAccent(const QColor &color)
{
    m_accent = color;
    update();
}

QString KpiCard::value() const
{
    return m_value->text();
}

void KpiCard::paintEvent(QPaintEvent *event)
{
    Card::paintEvent(event);
    if (!m_accent.isValid())
        return;
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(m_accent);
    p.drawRoundedRect(QRectF(5, 10, 4, height() - 20), 2, 2);
}

void KpiCard::changeEvent(QEvent *event)
{
    Card::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyFonts();
}

void KpiCard::applyFonts()
{
    const QPalette pal = palette();
    QPalette mutedPalette = pal;
    mutedPalette.setColor(QPalette::WindowText, LiqPalette::mutedText(pal));
    m_title->setPalette(mutedPalette);
    m_detail->setPalette(mutedPalette);
    QFont valueFont = font();
    valueFont.setPointSizeF(font().pointSizeF() * 1.75);
    valueFont.setBold(true);
    m_value->setFont(valueFont);
    QFont smallFont = font();
    smallFont.setPointSizeF(font().pointSizeF() * 0.9);
    m_detail->setFont(smallFont);
}

KpiStrip::KpiStrip(QWidget *parent)
    : QWidget(parent)
    , m_total(new KpiCard(tr("Liquidated")))
    , m_long(new KpiCard(tr("Longs")))
    , m_short(new KpiCard(tr("Shorts")))
    , m_pace(new KpiCard(tr("Pace")))
{
    m_long->setAccent(LiqPalette::longColor());
    m_short->setAccent(LiqPalette::shortColor());
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    for (KpiCard *card : {m_total, m_long, m_short, m_pace})
        layout->addWidget(card, 2);
    clear();
}

void KpiStrip::addTrailingCard(QWidget *content, int stretch)
{
    static_cast<QHBoxLayout *>(layout())->addWidget(content, stretch);
}

void KpiStrip::clear()
{
    for (KpiCard *card : {m_total, m_long, m_short, m_pace})
        card->setValue(QStringLiteral("—"), tr("No data"));
}

void KpiStrip::setPartialNote(const QString &note)
{
    m_total->setValue(m_total->value(), note.isEmpty() ? m_shortestText : note);
}

void KpiStrip::setAnalysis(const MarketAnalysis &analysis)
{
    if (analysis.windows.isEmpty()) {
        clear();
        return;
    }
    // The longest window present: 24h for every full source, the only one for a single-window file.
    const WindowStats &longest = analysis.windows.constLast();
    const QString window = windowLabel(longest.window);
    const double total = longest.totalUsd;
    m_total->setTitle(tr("Liquidated · %1").arg(window));
    m_long->setTitle(tr("Longs · %1").arg(window));
    m_short->setTitle(tr("Shorts · %1").arg(window));

    QString shortest;
    if (analysis.windows.size() > 1) {
        const WindowStats &first = analysis.windows.constFirst();
        shortest = tr("%1 in the last %2").arg(formatUsd(first.totalUsd), windowLabel(first.window));
    }
    m_shortestText = shortest;
    m_total->setValue(formatUsd(total), shortest);
    const auto shareText = [total](double usd) {
        return total > 0 ? tr("%1 of the total").arg(formatPercent(usd / total)) : tr("nothing liquidated");
    };
    m_long->setValue(formatUsd(longest.amounts.longUsd), shareText(longest.amounts.longUsd));
    m_short->setValue(formatUsd(longest.amounts.shortUsd), shareText(longest.amounts.shortUsd));

    QString paceDetail;
    if (analysis.momentumRatio)
        paceDetail = tr("last hour at %1× the 24h rate").arg(*analysis.momentumRatio, 0, 'f', 2);
    else
        paceDetail = tr("needs the 1h and 24h windows");
    m_pace->setValue(momentumText(analysis.momentum), paceDetail);
}

} // namespace Liq
