#include "livebadge.h"

#include "liqpalette.h"

namespace Liq {
namespace {

QString durationText(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    if (seconds < 60)
        return LiveBadge::tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return LiveBadge::tr("%1 min").arg(seconds / 60);
    return LiveBadge::tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

qint64 secondsUntil(const QDateTime &now, const QDateTime &then)
{
    return (now.msecsTo(then) + 999) / 1000; // round up: "in 1 s" until it happens
}

} // namespace

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

void LiveBadge::setStatus(const FeedStatus &status)
{
    m_status = status;
    if (showsTime(m_status)) {
        if (!m_tick.isActive())
            m_tick.start();
    } else {
        m_tick.stop();
    }
    updateText();
}

bool LiveBadge::showsTime(const FeedStatus &status)
{
    switch (status.state) {
    case FeedState::Stale: return status.lastSuccessAt.isValid() || status.nextAttemptAt.isValid();
    case FeedState::Retrying: return status.nextAttemptAt.isValid();
    default: return false;
    }
}

QString LiveBadge::badgeText(const FeedStatus &status, const QDateTime &now)
{
    switch (status.state) {
    case FeedState::Idle: return tr("Not live");
    case FeedState::Connecting: return tr("Connecting…");
    case FeedState::Live: return tr("Live");
    case FeedState::Unchanged: return tr("Live · no change");
    case FeedState::Paused: return tr("Paused");
    case FeedState::Stale: {
        QString text = tr("Stale");
        if (status.lastSuccessAt.isValid())
            text += tr(" · data %1 old").arg(durationText(status.lastSuccessAt.secsTo(now)));
        if (status.nextAttemptAt.isValid())
            text += tr(" · retry in %1").arg(durationText(secondsUntil(now, status.nextAttemptAt)));
        return text;
    }
    case FeedState::Retrying:
        if (status.nextAttemptAt.isValid())
            return tr("Retrying in %1").arg(durationText(secondsUntil(now, status.nextAttemptAt)));
        return tr("Retrying");
    case FeedState::Error:
        return status.message.isEmpty() ? tr("Error") : tr("Error: %1").arg(status.message);
    }
    return {};
}

QColor LiveBadge::stateColor(FeedState state)
{
    switch (state) {
    case FeedState::Live:
    case FeedState::Unchanged: return QColor(0x00, 0x9E, 0x73); // Okabe–Ito bluish green
    case FeedState::Connecting:
    case FeedState::Retrying: return QColor(0x56, 0xB4, 0xE9); // sky blue
    case FeedState::Stale: return QColor(0xE6, 0x9F, 0x00); // orange
    case FeedState::Error: return LiqPalette::errorColor();
    case FeedState::Idle:
    case FeedState::Paused: return LiqPalette::neutralColor();
    }
    return LiqPalette::neutralColor();
}

void LiveBadge::updateText()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString words = badgeText(m_status, now);
    // Errors can be long: the badge shows the start, the tooltip the whole story.
    const QString shown = fontMetrics().elidedText(words, Qt::ElideRight, 360);
    setText(QStringLiteral("<span style=\"color:%1\">&#9679;</span>&nbsp;%2")
                .arg(stateColor(m_status.state).name(), shown.toHtmlEscaped()));
    setAccessibleName(tr("Feed: %1").arg(words));
    setToolTip(m_status.state == FeedState::Idle ? tr("No live feed. File > Connect to Feed… starts one.")
                                                 : m_status.describe(now));
}

} // namespace Liq
