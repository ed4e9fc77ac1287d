#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace Liq::FeedPolicy {

// Exponential backoff with "equal jitter": half the doubled delay fixed, half random.
// failures >= 1; randomUnit in [0, 1) (QRandomGenerator in production, fixed in tests).
int backoffDelayMs(int failures, int initialMs, int maxMs, double randomUnit);

// Retry-After as delay seconds ("120") or an HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT"), relative
// to now. nullopt when absent or unreadable; a date in the past gives 0.
std::optional<qint64> parseRetryAfterMs(const QByteArray &value, const QDateTime &now);

// Quota headers of CoinGlass (API-KEY-MAX-LIMIT / API-KEY-USE-LIMIT): how long to wait before
// the next cycle so the key stays within its per-minute quota; 0 when far from the limit.
int quotaDelayMs(const QByteArray &maxLimit, const QByteArray &useLimit);

} // namespace Liq::FeedPolicy
