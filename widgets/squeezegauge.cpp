#include "squeezegauge.h"

#include "liqpalette.h"

#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>

namespace Liq {
namespace {

constexpr int TrackHeight = 10;
constexpr int TrackMargin = 8; // from the track's ends to the gauge's edges

QString capitalized(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

} // namespace

SqueezeGauge::SqueezeGauge(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setAccessibleName(tr("Squeeze gauge"));
    updateAccessibleText();
}

void SqueezeGauge::setSignal(const SqueezeSignal &signal)
{
    m_signal = signal;
    m_hasSignal = true;
    updateAccessibleText();
    update();
}

void SqueezeGauge::clear()
{
    m_signal = {};
    m_hasSignal = false;
    updateAccessibleText();
    update();
}

int SqueezeGauge::signedScore() const
{
    if (!m_hasSignal)
        return 0;
    const int score = std::clamp(m_signal.score, 0, 100);
    switch (m_signal.side) {
    case SqueezeSide::ShortSqueeze: return score;
    case SqueezeSide::LongSqueeze: return -score;
    case SqueezeSide::Balanced: return 0;
    }
    return 0;
}

QString SqueezeGauge::sideText() const
{
    if (!m_hasSignal)
        return tr("No data");
    // The analysis calls it a long squeeze; traders say a long flush, and so does the gauge.
    switch (m_signal.side) {
    case SqueezeSide::ShortSqueeze: return capitalized(squeezeSideText(m_signal.side));
    case SqueezeSide::LongSqueeze: return tr("Long flush");
    case SqueezeSide::Balanced: return tr("Balanced");
    }
    return {};
}

QString SqueezeGauge::detailText() const
{
    if (!m_hasSignal)
        return tr("Open a snapshot to see the signal");
    if (m_signal.level == SqueezeLevel::None)
        return tr("No squeeze · score %1/100").arg(m_signal.score);
    return tr("%1 · score %2/100").arg(capitalized(squeezeLevelText(m_signal.level))).arg(m_signal.score);
}

void SqueezeGauge::updateAccessibleText()
{
    const QString text = sideText() + QStringLiteral(", ") + detailText();
    setAccessibleDescription(text);
    setToolTip(m_hasSignal
                   ? tr("%1\nDominant side's share: %2%\nSize against baseline: %3×\nWindows agreeing: %4")
                         .arg(text)
                         .arg(m_signal.dominance * 100.0, 0, 'f', 1)
                         .arg(m_signal.magnitude, 0, 'f', 2)
                         .arg(m_signal.agreeingWindows)
                   : text);
}

QSize SqueezeGauge::sizeHint() const
{
    const QFontMetrics fm(font());
    return {fm.horizontalAdvance(u"Long flush     Balanced     Short squeeze"_qs) + 24, fm.height() * 3 + 26};
}

QSize SqueezeGauge::minimumSizeHint() const
{
    const QFontMetrics fm(font());
    return {fm.horizontalAdvance(u"Long flush  Short squeeze"_qs) + 16, fm.height() * 3 + 26};
}

QFont SqueezeGauge::headFont() const
{
    QFont head = font();
    head.setPointSizeF(font().pointSizeF() * 1.35);
    head.setBold(true);
    return head;
}

// Under the line with the side and the score.
QRectF SqueezeGauge::trackRect() const
{
    const QRect area = rect().adjusted(2, 2, -2, -2);
    const int y = area.top() + QFontMetrics(headFont()).height() + 8;
    return {double(area.left() + TrackMargin), double(y + 6), double(area.width() - 2 * TrackMargin),
            double(TrackHeight)};
}

std::optional<QPointF> SqueezeGauge::needleTip() const
{
    if (!m_hasSignal)
        return std::nullopt;
    const QRectF track = trackRect();
    return QPointF(track.left() + (signedScore() + 100) / 200.0 * track.width(), track.bottom() - 1);
}

void SqueezeGauge::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    const QColor muted = LiqPalette::mutedText(pal);
    const QRect area = rect().adjusted(2, 2, -2, -2);

    const QFont head = headFont();
    QFont smallFont = font();
    smallFont.setPointSizeF(font().pointSizeF() * 0.9);
    const QFontMetrics headMetrics(head);
    const QFontMetrics smallMetrics(smallFont);

    // Line 1: the side, in its colour, and the level with the score.
    const QRect firstLine(area.left(), area.top(), area.width(), headMetrics.height());
    const QColor sideColor = !m_hasSignal            ? muted
        : m_signal.side == SqueezeSide::ShortSqueeze ? LiqPalette::shortColor()
        : m_signal.side == SqueezeSide::LongSqueeze  ? LiqPalette::longColor()
                                                     : text;
    p.setFont(head);
    p.setPen(LiqPalette::isDark(pal) && sideColor == LiqPalette::shortColor() ? sideColor.lighter(150)
                                                                              : sideColor);
    p.drawText(firstLine, Qt::AlignLeft | Qt::AlignVCenter, sideText());
    p.setFont(smallFont);
    p.setPen(muted);
    p.drawText(firstLine, Qt::AlignRight | Qt::AlignVCenter, detailText());

    // The track: orange (long flush) through grey to blue (short squeeze).
    const QRectF track = trackRect();
    QLinearGradient gradient(track.topLeft(), track.topRight());
    gradient.setColorAt(0.0, LiqPalette::longColor());
    gradient.setColorAt(0.5, LiqPalette::neutralColor());
    gradient.setColorAt(1.0, LiqPalette::shortColor());
    p.setPen(Qt::NoPen);
    p.setBrush(m_hasSignal ? QBrush(gradient) : QBrush(LiqPalette::divider(pal)));
    p.drawRoundedRect(track, TrackHeight / 2.0, TrackHeight / 2.0);
    // Ticks at the level boundaries would need the analysis' thresholds; quarter marks guide the eye.
    p.setPen(QPen(pal.color(QPalette::Base), 1.5));
    for (double f : {0.25, 0.5, 0.75}) {
        const double x = track.left() + f * track.width();
        p.drawLine(QPointF(x, track.top() + 2), QPointF(x, track.bottom() - 2));
    }

    if (const std::optional<QPointF> tip = needleTip()) {
        const double x = tip->x();
        QPainterPath needle;
        needle.moveTo(*tip);
        needle.lineTo(x - 7, track.top() - 8);
        needle.lineTo(x + 7, track.top() - 8);
        needle.closeSubpath();
        p.setPen(QPen(pal.color(QPalette::Base), 1.5));
        p.setBrush(text);
        p.drawPath(needle);
        p.drawLine(QPointF(x, track.top() - 2), QPointF(x, track.bottom() + 3));
    }

    // End labels, so the direction reads without colour.
    p.setFont(smallFont);
    p.setPen(muted);
    const QRect labels(area.left(), int(track.bottom()) + 6, area.width(), smallMetrics.height());
    p.drawText(labels, Qt::AlignLeft | Qt::AlignTop, tr("◀ Long flush"));
    p.drawText(labels, Qt::AlignHCenter | Qt::AlignTop, tr("Balanced"));
    p.drawText(labels, Qt::AlignRight | Qt::AlignTop, tr("Short squeeze ▶"));
}

} // namespace Liq
