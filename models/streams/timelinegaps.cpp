#include "streams/timelinegaps.h"

#include <algorithm>
#include <vector>

namespace Liq {
namespace {

using Span = std::pair<qint64, qint64>; // [from, to) in ms since the epoch

std::vector<Span> joinedSpans(const QList<QPair<QDateTime, QDateTime>> &covered)
{
    std::vector<Span> spans;
    spans.reserve(size_t(covered.size()));
    for (const auto &span : covered) {
        if (span.first.isValid() && span.second.isValid() && span.first < span.second)
            spans.emplace_back(span.first.toMSecsSinceEpoch(), span.second.toMSecsSinceEpoch());
    }
    std::sort(spans.begin(), spans.end());
    std::vector<Span> joined;
    for (const Span &span : spans) {
        if (!joined.empty() && span.first <= joined.back().second)
            joined.back().second = std::max(joined.back().second, span.second);
        else
            joined.push_back(span);
    }
    return joined;
}

} // namespace

void markGaps(Timeline &timeline, const QList<QPair<QDateTime, QDateTime>> &covered, const QDateTime &asOf)
{
    const std::vector<Span> spans = joinedSpans(covered);
    for (TimelineBucket &bucket : timeline) {
        const qint64 from = bucket.start.toMSecsSinceEpoch();
        qint64 to = from + qint64(bucket.minutes) * 60'000;
        if (asOf.isValid())
            to = std::min(to, asOf.toMSecsSinceEpoch());
        if (to <= from)
            continue; // all of it still to come: nothing could have been watched yet
        // The joined span starting last at or before the bucket's start is the only one that can hold it.
        const auto after
            = std::upper_bound(spans.cbegin(), spans.cend(), from,
                               [](qint64 value, const Span &span) { return value < span.first; });
        const bool inside = after != spans.cbegin() && std::prev(after)->second >= to;
        if (!inside)
            bucket.gap = true;
    }
}

} // namespace Liq
