#include "feed/feedtypes.h"

namespace Liq {

QString feedStateKey(FeedState state)
{
    switch (state) {
    case FeedState::Idle: return QStringLiteral("idle");
    case FeedState::Connecting: return QStringLiteral("connecting");
    case FeedState::Live: return QStringLiteral("live");
    case FeedState::Unchanged: return QStringLiteral("unchanged");
    case FeedState::Stale: return QStringLiteral("stale");
    case FeedState::Error: return QStringLiteral("error");
    case FeedState::Retrying: return QStringLiteral("retrying");
    case FeedState::Paused: return QStringLiteral("paused");
    }
    return {};
}

QString feedStateText(FeedState state)
{
    switch (state) {
    case FeedState::Idle: return QStringLiteral("Idle");
    case FeedState::Connecting: return QStringLiteral("Connecting");
    case FeedState::Live: return QStringLiteral("Live");
    case FeedState::Unchanged: return QStringLiteral("Live (unchanged)");
    case FeedState::Stale: return QStringLiteral("Stale");
    case FeedState::Error: return QStringLiteral("Error");
    case FeedState::Retrying: return QStringLiteral("Retrying");
    case FeedState::Paused: return QStringLiteral("Paused");
    }
    return {};
}

static QString ageText(qint64 seconds)
{
    if (seconds < 60)
        return QStringLiteral("%1 s").arg(seconds);
    if (seconds < 3600)
        return QStringLiteral("%1 min").arg(seconds / 60);
    return QStringLiteral("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

QString FeedStatus::describe(const QDateTime &now) const
{
    QString text = feedStateText(state);
    if (lastSuccessAt.isValid()
        && (state == FeedState::Stale || state == FeedState::Error || state == FeedState::Paused)) {
        text += QStringLiteral(": data %1 old").arg(ageText(std::max<qint64>(0, lastSuccessAt.secsTo(now))));
    }
    if (nextAttemptAt.isValid() && (state == FeedState::Stale || state == FeedState::Retrying)) {
        const qint64 seconds = std::max<qint64>(0, (now.msecsTo(nextAttemptAt) + 999) / 1000);
        text += QStringLiteral(", retrying in %1").arg(ageText(seconds));
    }
    if (!message.isEmpty())
        text += QStringLiteral(" (%1)").arg(message);
    return text;
}

FeedEndpoint FeedEndpoint::snapshotUrl(const QUrl &url)
{
    FeedEndpoint endpoint;
    endpoint.url = url;
    return endpoint;
}

FeedEndpoint FeedEndpoint::coinGlass(const QUrl &baseUrl, const QString &apiKey, CoinGlassView view,
                                     const QString &exchange)
{
    FeedEndpoint endpoint;
    endpoint.kind = FeedSourceKind::CoinGlass;
    endpoint.url = baseUrl;
    endpoint.apiKey = apiKey;
    endpoint.view = view;
    endpoint.exchange = exchange;
    return endpoint;
}

} // namespace Liq
