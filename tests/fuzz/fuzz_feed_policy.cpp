// libFuzzer target: the header parsers of the feed (Retry-After as seconds or an HTTP-date, CoinGlass
// quota headers). Input: "<retry-after>\n<max-limit>\n<use-limit>".
#include "feed/feedpolicy.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace Liq;
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QList<QByteArray> parts = bytes.split('\n');
    const QDateTime now(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
    const std::optional<qint64> delay = FeedPolicy::parseRetryAfterMs(parts.value(0), now);
    if (delay && *delay < 0)
        std::abort(); // a date in the past is 0, never negative
    const int quota = FeedPolicy::quotaDelayMs(parts.value(1), parts.value(2));
    if (quota < 0)
        std::abort();
    return 0;
}
