#pragma once

#include "domain/eventtotals.h"
#include "domain/timeline.h"

#include <QList>

#include <memory>

namespace Liq {

class LiquidationAggregator;

// The timeline of a store's day: the aggregator's buckets, with the times no writer watched marked as
// gaps. A writer's latest span that reaches within EventStore::WriterActiveMs of the aggregator's now runs
// on to now (it is still recording). The one rule for a followed store and a kept one.
Timeline storeTimeline(const LiquidationAggregator &aggregator, const QList<CoverageSpan> &spans,
                       int bucketMinutes);

// The day a kept store ends with, as its picture was read (StoreRefill::snapshot): what its timeline
// shows at any bucket size. Read once on a worker, then only read.
class StoreDay final
{
public:
    StoreDay(std::unique_ptr<LiquidationAggregator> aggregator, QList<CoverageSpan> spans);
    ~StoreDay();
    StoreDay(const StoreDay &) = delete;
    StoreDay &operator=(const StoreDay &) = delete;

    Timeline timeline(int bucketMinutes) const;

private:
    std::unique_ptr<LiquidationAggregator> m_aggregator;
    QList<CoverageSpan> m_spans;
};

} // namespace Liq
