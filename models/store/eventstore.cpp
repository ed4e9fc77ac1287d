#include "store/eventstore.h"

namespace Liq {

EventStore::EventStore(QObject *parent)
    : QObject(parent)
{ }

EventStore::~EventStore() = default;

void EventStore::visitMinuteTotals(qint64 fromMinute, qint64 toMinute,
                                   const std::function<void(const MinuteTotal &)> &visit) const
{
    for (const MinuteTotal &total : minuteTotals(fromMinute, toMinute))
        visit(total);
}

} // namespace Liq
