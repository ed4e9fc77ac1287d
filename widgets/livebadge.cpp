#include "livebadge.h"

#include "liqpalette.h"

#include <algorithm>

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
    const bool linksMove = std::any_of(m_status.links.cbegin(), m_status.links.cend(),
                                       [](const LinkStatus &link) { return link.changesWithTime(); });
    if (m_status.changesWithTime() || linksMove) {
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
    case LiveState::Silent:
    case LiveState::Reconnecting: return QColor(0xE6, 0x9F, 0x00); // orange
    case LiveState::Error: return LiqPalette::errorColor();
    case LiveState::Idle:
    case LiveState::Paused: return LiqPalette::neutralColor();
    }
    return LiqPalette::neutralColor();
}

// A source of several connections (the exchange streams): a dot per part in its state's colour, the
// part's own short text where it is not simply live, then the total event rate.
QString LiveBadge::linksText(const QDateTime &now) const
{
    QStringList parts;
    for (const LinkStatus &link : m_status.links) {
        QString part = QStringLiteral("<span style=\"color:%1\">&#9679;</span>&nbsp;%2")
                           .arg(stateColor(link.state).name(), link.name.toHtmlEscaped());
        if (link.state != LiveState::Live)
            part += QStringLiteral(" ")
                + fontMetrics().elidedText(link.shortText(now), Qt::ElideRight, 160).toHtmlEscaped();
        parts << part;
    }
    QString text = parts.join(QStringLiteral("&nbsp;&nbsp;"));
    if (isFlowing(m_status.state))
        text += QStringLiteral("&nbsp;&nbsp;·&nbsp;") + tr("%1/s").arg(m_status.eventsPerSecond, 0, 'f', 1);
    if (!m_status.relay.isEmpty())
        text += QStringLiteral("&nbsp;&nbsp;·&nbsp;") + m_status.relay.toHtmlEscaped();
    return text;
}

void LiveBadge::updateText()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString words = m_status.shortText(now);
    // Errors can be long: the badge shows the start, the tooltip the whole story.
    const QString shown = fontMetrics().elidedText(words, Qt::ElideRight, 360);
    if (m_status.links.isEmpty()) {
        setText(QStringLiteral("<span style=\"color:%1\">&#9679;</span>&nbsp;%2")
                    .arg(stateColor(m_status.state).name(), shown.toHtmlEscaped()));
    } else {
        setText(linksText(now));
    }
    setAccessibleName(tr("Feed: %1").arg(words));
    setToolTip(m_status.state == LiveState::Idle ? tr("No live data. File > Connect to Live Data… starts it.")
                                                 : m_status.describeAll(now));
}

} // namespace Liq
