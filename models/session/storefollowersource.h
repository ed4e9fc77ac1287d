#pragma once

#include "domain/eventtotals.h"
#include "domain/liquidationevent.h"
#include "live/livesource.h"
#include "streams/liquidationaggregator.h"

#include <QTimer>

#include <deque>
#include <functional>

namespace Liq {

class EventStore;

// The live source of a window whose store another process writes (liqscope-collect, or a first
// Liqscope): it opens no socket, it follows the store. At start it refills the windows as a stream
// source would (minute totals, the last hour's events); then, every FollowIntervalMs, it reads the rows
// added since the last one it saw and the exchanges' watched spans. An exchange is live while the
// writer's span for it reaches within EventStore::WriterActiveMs of now; otherwise the badge says since
// when nothing was recorded, and its windows turn partial as they would for a stream that stopped. A store
// that cannot be read is Reconnecting ("Reconnecting in 4 s") with what was read before kept.
class StoreFollowerSource final : public LiveSource
{
    Q_OBJECT
public:
    static constexpr int FollowIntervalMs = 1000;
    static constexpr int RollIntervalMs = 5000; // a snapshot even when nothing arrived
    static constexpr qint64 RateWindowMs = 60'000; // the event rate is over the last minute
    // A store that cannot be read (a database gone away): Reconnecting, the next read after 1, 2, 4 … s.
    static constexpr int FirstReconnectDelayMs = 1000;
    static constexpr int MaxReconnectDelayMs = 16000;

    // The store outlives the source and is open (usually read-only). expected: the exchanges the
    // user asked for; those the store has spans for are shown too.
    StoreFollowerSource(const EventStore *store, const QList<Exchange> &expected, QObject *parent = nullptr);

    void start() override;
    void pause() override;
    void resume() override;
    LiveStatus status() const override;
    std::optional<Timeline> timeline(int bucketMinutes) const override;
    QString displayOrigin() const override;

    LiquidationSnapshot snapshot() const;
    qint64 eventsFollowed() const { return m_eventsFollowed; }
    // Tests move time; the default is the system clock.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

private:
    void refill();
    void follow();
    void publish();
    void readDone(qint64 now);
    QList<Exchange> shownExchanges() const;
    bool writerActive(Exchange exchange) const;
    double eventsPerSecond(Exchange exchange) const;

    const EventStore *m_store;
    QList<Exchange> m_expected;
    LiquidationAggregator m_aggregator;
    std::function<qint64()> m_clock;
    QTimer m_poll;
    bool m_running = false;
    bool m_refilled = false;
    bool m_dirty = false;
    qint64 m_lastId = 0;
    qint64 m_lastPublishMs = 0;
    qint64 m_eventsFollowed = 0;
    QString m_readProblem;
    int m_reconnectDelayMs = 0; // > 0 while the store cannot be read
    qint64 m_nextReadMs = 0;
    QList<CoverageSpan> m_spans; // the last day's, as last read
    std::deque<std::pair<qint64, Exchange>> m_arrivals; // (when read, exchange) over RateWindowMs
};

} // namespace Liq
