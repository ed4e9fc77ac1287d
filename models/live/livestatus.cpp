#include "live/livestatus.h"

#include "domain/duration.h"

#include <QCoreApplication>

#include <algorithm>

namespace Liq {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Liq::LiveStatus", text);
}

} // namespace

QString liveStateText(LiveState state)
{
    switch (state) {
    case LiveState::Idle: return tr("Idle");
    case LiveState::Connecting: return tr("Connecting");
    case LiveState::Live: return tr("Live");
    case LiveState::Unchanged: return tr("Live (unchanged)");
    case LiveState::Stale: return tr("Stale");
    case LiveState::Silent: return tr("Silent");
    case LiveState::Retrying: return tr("Retrying");
    case LiveState::Reconnecting: return tr("Reconnecting");
    case LiveState::Error: return tr("Error");
    case LiveState::Paused: return tr("Paused");
    }
    return {};
}

bool isFlowing(LiveState state)
{
    return state == LiveState::Live || state == LiveState::Unchanged;
}

QString LinkStatus::describe(const QDateTime &now) const
{
    const bool reconnecting = state == LiveState::Reconnecting && nextAttemptAt.isValid();
    QString text = reconnecting ? shortText(now) : liveStateText(state); // "Reconnecting in 2 s"
    if (lastSuccessAt.isValid()
        && (state == LiveState::Stale || state == LiveState::Error || state == LiveState::Paused
            || state == LiveState::Silent || state == LiveState::Reconnecting)) {
        text += tr(": data %1 old").arg(formatDuration(std::max<qint64>(0, lastSuccessAt.secsTo(now))));
    }
    if (nextAttemptAt.isValid()
        && (state == LiveState::Stale || state == LiveState::Retrying || state == LiveState::Silent)) {
        const qint64 seconds = std::max<qint64>(0, (now.msecsTo(nextAttemptAt) + 999) / 1000);
        text += tr(", retrying in %1").arg(formatDuration(seconds));
    }
    if (isFlowing(state) && eventsPerSecond > 0)
        text += tr(", %1 liquidations/s").arg(eventsPerSecond, 0, 'f', 1);
    if (!message.isEmpty())
        text += QStringLiteral(" (%1)").arg(message);
    return text;
}

bool LinkStatus::changesWithTime() const
{
    switch (state) {
    case LiveState::Stale:
    case LiveState::Silent: return lastSuccessAt.isValid() || nextAttemptAt.isValid();
    case LiveState::Retrying:
    case LiveState::Reconnecting: return nextAttemptAt.isValid();
    default: return false;
    }
}

QString LinkStatus::shortText(const QDateTime &now) const
{
    const auto until = [&now](const QDateTime &then) {
        return formatDuration(
            std::max<qint64>(0, (now.msecsTo(then) + 999) / 1000)); // "in 1 s" until it happens
    };
    switch (state) {
    case LiveState::Idle: return tr("Not live");
    case LiveState::Connecting: return tr("Connecting…");
    case LiveState::Live: return tr("Live");
    case LiveState::Unchanged: return tr("Live · no change");
    case LiveState::Paused: return tr("Paused");
    case LiveState::Stale:
    case LiveState::Silent: {
        QString text = liveStateText(state);
        if (lastSuccessAt.isValid())
            text += tr(" · data %1 old").arg(formatDuration(std::max<qint64>(0, lastSuccessAt.secsTo(now))));
        if (nextAttemptAt.isValid())
            text += tr(" · retry in %1").arg(until(nextAttemptAt));
        return text;
    }
    case LiveState::Retrying:
        return nextAttemptAt.isValid() ? tr("Retrying in %1").arg(until(nextAttemptAt)) : tr("Retrying");
    case LiveState::Reconnecting:
        return nextAttemptAt.isValid() ? tr("Reconnecting in %1").arg(until(nextAttemptAt))
                                       : tr("Reconnecting");
    case LiveState::Error: return message.isEmpty() ? tr("Error") : tr("Error: %1").arg(message);
    }
    return {};
}

QString LiveStatus::describeAll(const QDateTime &now) const
{
    QString text = describe(now);
    if (!links.isEmpty()) {
        for (const LinkStatus &link : links)
            text += QStringLiteral("\n%1: %2").arg(link.name, link.describe(now));
    }
    return text;
}

} // namespace Liq
