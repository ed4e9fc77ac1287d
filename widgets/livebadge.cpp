#include "livebadge.h"

#include "liqpalette.h"

namespace Liq {

LiveBadge::LiveBadge(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("liveBadge"));
    setTextFormat(Qt::RichText);
    setContentsMargins(8, 0, 8, 0);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &LiveBadge::updateText);
    updateText();
}

void LiveBadge::setStatus(const LiveStatus &status)
{
    m_status = status;
    if (m_status.changesWithTime()) {
        if (!m_tick.isActive())
            m_tick.start();
    } else {
        m_tick.stop();
    }
    updateText();
}

QColor LiveBadge::stateColor(LiveState state)
{
    switch (state) {
    case LiveState::Live:
    case LiveState::Unchanged: return QColor(0x00, 0x9E, 0x73); // Okabe–Ito bluish green
    case LiveState::Connecting:
    case LiveState::Retrying: return QColor(0x56, 0xB4, 0xE9); // sky blue
    case LiveState::Stale:
    case LiveState::Silent: return QColor(0xE6, 0x9F, 0x00); // orange
    case LiveState::Error: return LiqPalette::errorColor();
    case LiveState::Idle:
    case LiveState::Paused: return LiqPalette::neutralColor();
    }
    return LiqPalette::neutralColor();
}

void LiveBadge::updateText()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString words = m_status.shortText(now);
    // Errors can be long: the badge shows the start, the tooltip the whole story.
    const QString shown = fontMetrics().elidedText(words, Qt::ElideRight, 360);
    setText(QStringLiteral("<span style=\"color:%1\">&#9679;</span>&nbsp;%2")
                .arg(stateColor(m_status.state).name(), shown.toHtmlEscaped()));
    setAccessibleName(tr("Feed: %1").arg(words));
    setToolTip(m_status.state == LiveState::Idle ? tr("No live feed. File > Connect to Feed… starts one.")
                                                 : m_status.describeAll(now));
}

} // namespace Liq
