#pragma once

#include "domain/liquidationevent.h"
#include "domain/liquidationsnapshot.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace Liq {

class EventStore;
class ExchangeStreamSource;
class LiveSource;
class StoreDay;

// Keeps what a live source observes in an event store: each liquidation as it counts, and each
// exchange's gap-free watch (from the snapshots' coverage), so the next start knows what was missed.
class StoreRecorder final : public QObject
{
    Q_OBJECT
public:
    // Both outlive the recorder (it is usually their child).
    StoreRecorder(EventStore *store, LiveSource *source, QObject *parent = nullptr);

private:
    EventStore *m_store;
};

namespace StoreRefill {

// Refills a stream source from the store before it starts: the minute totals of the day before the last
// hour, that hour's events, and each exchange's last watched span. Reads the caller's thread.
void refill(ExchangeStreamSource &source, const EventStore &store);

// The four windows as the store holds them, with both breakdowns, counts, the largest liquidations and
// coverage. They end now while a collector is writing (its last span reaches within
// EventStore::WriterActiveMs of now);
// otherwise at the end of what was kept, and the snapshot says so by its time. day, when asked, gets
// that day for its timeline; newest the last hour's liquidations up to that end (at most
// LiveSource::RestoredEventsMax, oldest first) for the tape.
LiquidationSnapshot snapshot(const EventStore &store, std::shared_ptr<const StoreDay> *day = nullptr,
                             QList<LiquidationEvent> *newest = nullptr);

} // namespace StoreRefill
} // namespace Liq
