#pragma once

#include "exchanges/exchangefeed.h"
#include "live/liveendpoint.h"
#include "live/livesource.h"
#include "streams/liquidationaggregator.h"

#include <QSet>
#include <QTimer>

#include <deque>
#include <memory>
#include <vector>

class QNetworkAccessManager;

namespace Liq {

// The free live source: the public liquidation streams of Binance, Bybit and OKX, aggregated here into
// the four windows per coin and per exchange. Every event passes once (an event seen twice, across a
// reconnect or in OKX's history and its stream, counts once) into a LiquidationAggregator; a snapshot
// goes out at most once a second while events arrive (and every few seconds anyway, as the windows
// roll). Totals are what was observed, and a window longer than the gap-free watch is partial: the
// snapshot carries both facts (LiquidationSnapshot::observation).
class ExchangeStreamSource final : public LiveSource
{
    Q_OBJECT
public:
    // An event seen again within this long (by when it arrived) is a duplicate.
    static constexpr qint64 DuplicateHorizonMs = 30 * 60'000;
    static constexpr int SnapshotIntervalMs = 1000;
    static constexpr int RollIntervalMs = 5000; // a snapshot even when nothing arrived

    ExchangeStreamSource(const ExchangeStreamsEndpoint &endpoint, const LiveOptions &options,
                         QObject *parent = nullptr);
    ~ExchangeStreamSource() override;

    void start() override;
    void pause() override;
    void resume() override;

    LiveStatus status() const override;
    // From the aggregator's minutes; a gap is a stretch no exchange was watched (this run, or a stored span).
    std::optional<Timeline> timeline(int bucketMinutes) const override;
    QString displayOrigin() const override;

    // Refills the windows from what a store kept, before start(): minute totals for the time before
    // LiquidationAggregator::eventsNeededSinceMs() (see eventsNeededSinceMs()), the events after it, and
    // each exchange's last watched span. Nothing here is passed on as eventsReceived: it is stored already;
    // the newest events go out once as eventsRestored when the source starts.
    void preload(const QList<MinuteTotal> &minutes, const QList<LiquidationEvent> &events,
                 const QList<CoverageSpan> &spans);
    qint64 eventsNeededSinceMs() const { return m_aggregator.eventsNeededSinceMs(); }

    // The current picture (also what snapshotReceived delivered last).
    LiquidationSnapshot snapshot() const;
    qint64 eventsCounted() const { return m_eventsCounted; }
    qint64 duplicatesDropped() const { return m_duplicates; }
    const std::vector<std::unique_ptr<ExchangeFeed>> &feeds() const { return m_feeds; }
    // True once any exchange has delivered a connection that is (or was) up.
    bool anyDelivered() const;

private:
    void onEvents(const QList<LiquidationEvent> &events);
    void onTick();
    void publish();
    bool isDuplicate(const LiquidationEvent &event, qint64 nowMs);

    ExchangeStreamsEndpoint m_endpoint;
    QNetworkAccessManager *m_network;
    std::vector<std::unique_ptr<ExchangeFeed>> m_feeds;
    LiquidationAggregator m_aggregator;
    QTimer m_tick;
    bool m_running = false;
    bool m_dirty = false;
    qint64 m_lastPublishMs = 0;
    qint64 m_eventsCounted = 0;
    qint64 m_duplicates = 0;
    bool m_delivered = false;
    QList<CoverageSpan> m_priorSpans; // what the store said was watched before this run
    QList<LiquidationEvent> m_restored; // the newest preloaded events, for eventsRestored at start
    QSet<quint64> m_seen;
    std::deque<std::pair<qint64, quint64>> m_seenOrder; // (arrival ms, key), oldest first
};

} // namespace Liq
