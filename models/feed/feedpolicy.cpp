#include "feed/feedpolicy.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Liq::FeedPolicy {

int backoffDelayMs(int failures, int initialMs, int maxMs, double randomUnit)
{
    const int cappedMax = std::max(1, maxMs);
    const int exponent = std::clamp(failures - 1, 0, 30);
    const double doubled = double(std::max(1, initialMs)) * std::pow(2.0, exponent);
    const double delay = std::min(doubled, double(cappedMax));
    const double unit = std::clamp(randomUnit, 0.0, 1.0);
    return int(std::lround(delay / 2.0 + unit * delay / 2.0));
}

std::optional<qint64> parseRetryAfterMs(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qint64 seconds = trimmed.toLongLong(&isNumber);
    if (isNumber) {
        // Capped so the conversion to ms cannot overflow (found by fuzz_feed_policy).
        constexpr qint64 MaxSeconds = std::numeric_limits<qint64>::max() / 1000;
        return seconds < 0 ? std::nullopt : std::optional<qint64>(std::min(seconds, MaxSeconds) * 1000);
    }

    // HTTP-date: IMF-fixdate is the one servers send; RFC 2822 parsing also covers "+0000" zones.
    const QString text = QString::fromLatin1(trimmed);
    QDateTime when = QLocale::c().toDateTime(text, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (when.isValid())
        when.setTimeSpec(Qt::UTC);
    else
        when = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!when.isValid())
        return std::nullopt;
    return std::max<qint64>(0, now.msecsTo(when));
}

int quotaDelayMs(const QByteArray &maxLimit, const QByteArray &useLimit)
{
    bool maxOk = false;
    bool useOk = false;
    const double maximum = maxLimit.trimmed().toDouble(&maxOk);
    const double used = useLimit.trimmed().toDouble(&useOk);
    if (!maxOk || !useOk || maximum <= 0)
        return 0;
    // The quota is per minute: at 80% of it, wait for the minute to roll over.
    const double share = used / maximum;
    if (share >= 1.0)
        return 60'000;
    if (share >= 0.8)
        return 30'000;
    return 0;
}

} // namespace Liq::FeedPolicy
