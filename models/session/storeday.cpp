#include "session/storeday.h"

#include "store/eventstore.h"
#include "streams/liquidationaggregator.h"
#include "streams/timelinegaps.h"

#include <QDateTime>

namespace Liq {

Timeline storeTimeline(const LiquidationAggregator &aggregator, const QList<CoverageSpan> &spans,
                       int bucketMinutes)
{
    const auto utc = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    };
    Timeline timeline = aggregator.timeline(bucketMinutes);
    const qint64 now = aggregator.now();
    QList<QPair<QDateTime, QDateTime>> covered;
    for (const CoverageSpan &span : spans) {
        const bool running = span.untilMs >= now - EventStore::WriterActiveMs;
        covered.append({utc(span.sinceMs), utc(running ? qMax(span.untilMs, now) : span.untilMs)});
    }
    markGaps(timeline, covered, utc(now));
    return timeline;
}

StoreDay::StoreDay(std::unique_ptr<LiquidationAggregator> aggregator, QList<CoverageSpan> spans)
    : m_aggregator(std::move(aggregator))
    , m_spans(std::move(spans))
{ }

StoreDay::~StoreDay() = default;

Timeline StoreDay::timeline(int bucketMinutes) const
{
    return storeTimeline(*m_aggregator, m_spans, bucketMinutes);
}

} // namespace Liq
